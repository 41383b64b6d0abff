import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { yearTextNames, type LoadedTemplates, type TemplateFile } from "../model/templates.js";
import type { Chart } from "./charts.js";
import type { TemplateContext } from "./context.js";
import { FootnoteRegistry } from "./footnotes.js";
import { createTemplateEnvironment } from "./handlebars-env.js";
import { applyWritingRules, repeatedAttributions } from "./skrivregler.js";
import { resolveMissingFigures } from "./missing-figures.js";

export interface RenderedChapter {
  /** `01-sammanfattning.md` */
  name: string;
  markdown: string;
}

/** Text files that editors diff: LF line endings, no trailing spaces, one final newline, no blank runs. */
export function normaliseMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n?/g, "\n")
      .replace(/[ \t]+$/gm, "")
      .replace(/\n{3,}/g, "\n\n")
      .trim() + "\n"
  );
}

/**
 * Fills every chapter template with the figures. A template error (unknown helper, missing partial,
 * syntax) is reported as a diagnostic on the template file rather than thrown.
 */
export function renderChapters(
  templates: LoadedTemplates,
  context: TemplateContext,
  charts: ReadonlyMap<string, Chart> = new Map(),
): { chapters: RenderedChapter[]; diagnostics: Diagnostic[]; footnotes: number } {
  const footnotes = new FootnoteRegistry(new Map(context.kallor.map((k) => [k.id, k])));
  const hb = createTemplateEnvironment({ footnotes, charts });
  const diagnostics: Diagnostic[] = [];
  const compile = (template: TemplateFile) => hb.compile(template.source, { noEscape: true, strict: false });
  for (const [name, partial] of templates.partials) hb.registerPartial(name, partial.source);
  for (const [name, text] of templates.yearTexts) hb.registerPartial(`arstext/${name}`, text.source);
  // A year text the templates ask for but the year lacks prints as a visible gap in the draft
  // (report check warns about it), rather than stopping the build.
  for (const name of yearTextNames(templates)) {
    if (!templates.yearTexts.has(name)) {
      hb.registerPartial(
        `arstext/${name}`,
        `*[Årets text saknas: skriv den i ${templates.yearTextDir}/${name}.md.]*`,
      );
    }
  }

  const chapters: RenderedChapter[] = [];
  for (const { name, template } of templates.chapters) {
    try {
      // The source list (last template) sees which sources the chapters before it cited.
      const cited = context.kallor
        .filter((k) => footnotes.cited.has(k.id))
        .sort((a, b) => a.utgivare.localeCompare(b.utgivare, "sv") || a.titel.localeCompare(b.titel, "sv"));
      const filled = compile(template)({ ...context, citeradeKallor: cited });
      // A chapter with nothing to say this time (the review appendix outside drafts) is left out.
      if (filled.trim() === "") continue;
      const { text, findings } = applyWritingRules(resolveMissingFigures(filled, context.statistikar));
      for (const finding of [...findings, ...repeatedAttributions(text)]) {
        diagnostics.push({
          code: "W_SPRAKREGEL",
          severity: "varning",
          file: template.file,
          message: `Kapitlet ${name}: ${finding.message} (Myndigheternas skrivregler): "${finding.sentence}"`,
          found: finding.sentence,
        });
      }
      chapters.push({ name, markdown: normaliseMarkdown(`${text}\n\n${footnotes.takeDefinitions()}`) });
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      const line = /line (\d+)/i.exec(message)?.[1];
      diagnostics.push({
        code: "E_MALLFEL",
        severity: "fel",
        file: template.file,
        ...(line !== undefined && { line: Number(line) }),
        message: `Mallen kan inte fyllas i: ${message.split("\n")[0]}`,
      });
    }
  }
  return { chapters, diagnostics, footnotes: footnotes.count };
}
