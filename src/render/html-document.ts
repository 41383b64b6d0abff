import type Handlebars from "handlebars";
type CompileOptions = Parameters<typeof Handlebars.compile>[1];
import MarkdownIt, { type PluginSimple } from "markdown-it";
import footnotePlugin from "markdown-it-footnote";
import type { Chart } from "./charts.js";
import type { TemplateFile, TemplatesWithFonts } from "../model/templates.js";
import { createTemplateEnvironment } from "./handlebars-env.js";
import type { RenderedChapter } from "./chapters.js";
import { cssStrings, staticScripts, withContentSecurityPolicy } from "../model/page-security.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

export interface TocEntry {
  level: number;
  id: string;
  text: string;
}

export interface DocumentMeta {
  titel: string;
  undertitel: string;
  rapportar: number;
  statistikar: number;
  informationsklass: string;
  lagesrapport?: number | null;
  diarienummer?: string | null;
  /** The report's date, ISO ("2024-12-13"; the layout writes it out with `datum`), or `null` for an undated draft. */
  datum?: string | null;
  /** For drafts: "UTKAST · dataversion …", printed on every page. */
  utkast?: string;
}

/** Ids from heading text, stable across builds: "4.2 Statistik från Brå" → "avsnitt-4-2-statistik-fran-bra". */
export function headingId(text: string, taken: Set<string>): string {
  const base =
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "avsnitt";
  // An id must not start with a digit ("#4-2-…" is no valid CSS selector, and Paged.js looks headings
  // up by selector for the contents' page numbers).
  let id = /^\d/.test(base) ? `avsnitt-${base}` : base;
  for (let n = 2; taken.has(id); n++) id = `${/^\d/.test(base) ? `avsnitt-${base}` : base}-${n}`;
  taken.add(id);
  return id;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function createMarkdown(toc: TocEntry[], charts: ReadonlyMap<string, Chart>): MarkdownIt {
  // Raw HTML is off: whatever the data holds is printed as text, never as markup.
  // The two packages' type declarations disagree on markdown-it's module shape; the plugin is fine.
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(
    footnotePlugin as unknown as PluginSimple,
  );
  // Footnote labels are the report-wide numbers FootnoteRegistry gave them; chapters are rendered one
  // at a time, so numbers and anchors come from the label, not from the plugin's per-render count.
  const label = (tokens: { meta: { label?: string; id: number } }[], idx: number) =>
    String(tokens[idx]!.meta.label ?? tokens[idx]!.meta.id + 1);
  md.renderer.rules.footnote_caption = (tokens, idx) => label(tokens, idx);
  md.renderer.rules.footnote_anchor_name = (tokens, idx) => label(tokens, idx);
  md.renderer.rules.footnote_block_open = () =>
    '<section class="fotnoter" aria-label="Fotnoter">\n<hr class="fotnotlinje">\n<ol class="fotnoter-lista">\n';
  md.renderer.rules.footnote_open = (tokens, idx) =>
    `<li id="fn${label(tokens, idx)}" value="${label(tokens, idx)}" class="fotnot">`;
  let figureNumber = 0;
  md.renderer.rules.image = (tokens, idx) => {
    const token = tokens[idx]!;
    const src = token.attrGet("src") ?? "";
    const chart = src.startsWith("diagram:") ? charts.get(src.slice("diagram:".length)) : undefined;
    if (!chart) return "";
    figureNumber++;
    const data = Buffer.from(chart.svg).toString("base64");
    return (
      `<figure class="diagram" id="diagram-${chart.id}">` +
      `<img src="data:image/svg+xml;base64,${data}" alt="${escapeHtml(chart.alt)}">` +
      `<figcaption>Diagram ${figureNumber}. ${escapeHtml(chart.caption)}</figcaption></figure>`
    );
  };
  // A chart stands alone: no paragraph around the figure.
  md.core.ruler.push("unwrap_charts", (state) => {
    const t = state.tokens;
    for (let i = 1; i < t.length - 1; i++) {
      const inline = t[i];
      if (inline?.type !== "inline" || inline.children?.length !== 1 || inline.children[0]?.type !== "image")
        continue;
      if (t[i - 1]?.type === "paragraph_open" && t[i + 1]?.type === "paragraph_close") {
        t[i - 1]!.hidden = true;
        t[i + 1]!.hidden = true;
      }
    }
  });
  const taken = new Set<string>();
  md.core.ruler.push("heading_ids", (state) => {
    state.tokens.forEach((token, i) => {
      if (token.type !== "heading_open") return;
      const text = state.tokens[i + 1]?.content ?? "";
      const id = headingId(text, taken);
      token.attrSet("id", id);
      const level = Number(token.tag.slice(1));
      if (level <= 2) toc.push({ level, id, text });
    });
  });
  md.renderer.rules.table_open = () => '<div class="tabell"><table>\n';
  md.renderer.rules.table_close = () => "</table></div>\n";
  md.renderer.rules.th_open = (tokens, idx) => {
    const style = tokens[idx]?.attrGet("style");
    return `<th scope="col"${style?.includes("right") ? ' class="tal"' : ""}>`;
  };
  md.renderer.rules.td_open = (tokens, idx) => {
    const style = tokens[idx]?.attrGet("style");
    return `<td${style?.includes("right") ? ' class="tal"' : ""}>`;
  };
  return md;
}

/**
 * The whole report as one HTML page: cover, contents, chapters. What Chromium prints. A layout that
 * cannot be filled in with this report's facts is a diagnostic on the layout file, not a crash.
 */
export function renderHtmlDocument(
  chapters: readonly RenderedChapter[],
  templates: TemplatesWithFonts,
  meta: DocumentMeta,
  charts: ReadonlyMap<string, Chart> = new Map(),
): { html: string; diagnostics: Diagnostic[] } {
  const toc: TocEntry[] = [];
  const md = createMarkdown(toc, charts);
  const body = chapters
    .map((c) => `<section class="kapitel" data-kapitel="${c.name}">\n${md.render(c.markdown, {})}</section>`)
    .join("\n");
  const hb = createTemplateEnvironment();
  const fill = (template: TemplateFile, data: object, options: CompileOptions) => {
    try {
      return { text: hb.compile(template.source, options)(data) };
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      const line = /line (\d+)/i.exec(message)?.[1];
      const diagnostic: Diagnostic = {
        code: "E_MALLFEL",
        severity: "fel",
        file: template.file,
        ...(line !== undefined && { line: Number(line) }),
        message: `Mallen kan inte fyllas i: ${message.split("\n")[0]}`,
      };
      return { diagnostic };
    }
  };
  // The stylesheet puts values inside CSS strings (running heads): escaped for that context.
  const css = fill(templates.stylesheet, cssStrings(meta), { noEscape: true, strict: true });
  if (css.diagnostic) return { html: "", diagnostics: [css.diagnostic] };
  const page = fill(
    templates.layout,
    { ...meta, toc, body, css: css.text, fontFaces: templates.fontFaces },
    { strict: true },
  );
  if (page.diagnostic) return { html: "", diagnostics: [page.diagnostic] };
  const html = withContentSecurityPolicy(page.text ?? "", staticScripts(templates.layout.source));
  return { html, diagnostics: [] };
}
