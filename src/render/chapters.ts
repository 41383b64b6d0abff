import { appendAll, type Diagnostic } from "../diagnostics/diagnostic.js";
import { yearTextNames, type LoadedTemplates, type TemplateFile } from "../model/templates.js";
import type { Chart } from "./charts.js";
import type { TemplateContext } from "./context.js";
import { FootnoteRegistry } from "./footnotes.js";
import { compiledTemplate } from "./compiled-templates.js";
import { createTemplateEnvironment } from "./handlebars-env.js";
import { applyWritingRules, repeatedAttributions } from "./skrivregler.js";
import { resolveMissingFigures } from "./missing-figures.js";
import { inFile, parseTemplate, templateDiagnostic, unknownNames } from "./template-errors.js";

/**
 * A partial (a year text, a shared piece) compiled on its own, so that a failure inside it is reported
 * on its file and line, not on the chapter that included it.
 */
function located(
  file: TemplateFile,
  compile: (t: TemplateFile) => HandlebarsTemplateDelegate,
): HandlebarsTemplateDelegate {
  const filled = compile(file);
  return (context: unknown, options?: RuntimeOptions) => {
    try {
      return filled(context, options);
    } catch (cause) {
      throw inFile(file.file, cause);
    }
  };
}

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
  const hb = createTemplateEnvironment({ footnotes, charts, markdown: true });
  const diagnostics: Diagnostic[] = [];
  // Mistakes that need no rendering to find (syntax, names the figures do not have) are reported for
  // every file at once, each on its own file and line; the chapters are then not filled in.
  const helpers = new Set(Object.keys(hb.helpers));
  const files = [
    ...templates.chapters.map((c) => c.template),
    ...templates.partials.values(),
    ...templates.yearTexts.values(),
  ];
  for (const file of files) {
    const { ast, diagnostic } = parseTemplate(file);
    if (diagnostic) diagnostics.push(diagnostic);
    // The list of sources sees the sources cited before it (added as it is filled in).
    else
      appendAll(
        diagnostics,
        unknownNames(file, ast!, { ...context, citeradeKallor: context.kallor }, helpers),
      );
  }
  if (diagnostics.length > 0) return { chapters: [], diagnostics, footnotes: 0 };

  const compile = (template: TemplateFile) => compiledTemplate(hb, template.source);
  for (const [name, partial] of templates.partials) hb.registerPartial(name, located(partial, compile));
  for (const [name, text] of templates.yearTexts)
    hb.registerPartial(`arstext/${name}`, located(text, compile));
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
      diagnostics.push(templateDiagnostic(inFile(template.file, cause)));
    }
  }
  return { chapters, diagnostics, footnotes: footnotes.count };
}
