import MarkdownIt, { type PluginSimple, type Token } from "markdown-it";
import footnotePlugin from "markdown-it-footnote";
import type { Chart } from "./charts.js";
import type { TemplateFile, TemplatesWithFonts } from "../model/templates.js";
import { createTemplateEnvironment } from "./handlebars-env.js";
import { compiledTemplate, type TemplateKind } from "./compiled-templates.js";
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
  /** The day the report is due (ISO), which an undated draft's cover gives instead of a date. */
  redovisningsdag?: string;
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
  // Each chapter's notes are a region of their own, named after the chapter (five regions all called
  // "Fotnoter" cannot be told apart in a screen reader's list of landmarks).
  md.renderer.rules.footnote_block_open = (_tokens, _idx, _options, env: RenderEnv) =>
    `<section class="fotnoter" aria-label="${escapeHtml(env.kapitel ? `Fotnoter till ${env.kapitel}` : "Fotnoter")}">\n` +
    '<hr class="fotnotlinje">\n<ol class="fotnoter-lista">\n';
  // A call has a name a screen reader can say ("Fotnot 45", not "länk 45"); after a digit it stands a
  // narrow no-break space apart, so that "2022" and note 49 are never read or copied as "202249".
  md.renderer.rules.footnote_ref = (tokens, idx) => {
    const n = label(tokens, idx);
    const before = tokens[idx - 1];
    // Two calls in a row are parted by a raised comma ("75,76", not "7576").
    const apart =
      before?.type === "footnote_ref"
        ? '<sup class="fotnot-skiljetecken">,</sup>'
        : before?.type === "text" && /\d$/.test(before.content)
          ? "\u202f"
          : "";
    return `${apart}<sup class="footnote-ref"><a href="#fn${n}" id="fnref${n}" aria-label="Fotnot ${n}">${n}</a></sup>`;
  };
  md.renderer.rules.footnote_anchor = (tokens, idx) => {
    const n = label(tokens, idx);
    return ` <a href="#fnref${n}" class="footnote-backref" aria-label="Tillbaka till hänvisning ${n}">↩\uFE0E</a>`;
  };
  md.renderer.rules.footnote_open = (tokens, idx) =>
    `<li id="fn${label(tokens, idx)}" value="${label(tokens, idx)}" class="fotnot">`;
  // A count stays on the line of the word it counts ("5 pojkar", "1 071 brott"): the space after it is
  // a no-break space, in every text the report prints. A year (four digits without a separator) is left
  // free to break from the word after it.
  const plainText = md.renderer.rules.text!;
  md.renderer.rules.text = (tokens, idx, options, env, self) =>
    plainText(tokens, idx, options, env, self).replace(COUNT_BEFORE_WORD, "$1\u00a0");
  let figureNumber = 0;
  const svgData = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  md.renderer.rules.image = (tokens, idx) => {
    const token = tokens[idx]!;
    const src = token.attrGet("src") ?? "";
    const chart = src.startsWith("diagram:") ? charts.get(src.slice("diagram:".length)) : undefined;
    if (!chart) return "";
    figureNumber++;
    // On a narrow screen the chart is drawn again for its width rather than shrunk (its text would
    // fall below a legible size); print uses the wide drawing.
    const narrow = chart.narrowSvg
      ? `<source media="${NARROW_SCREEN}" srcset="${svgData(chart.narrowSvg)}">`
      : "";
    // The caption stands above the chart, as a table's does (the Swedish report norm); the source line
    // under it describes the figure (see source_lines).
    const kalla = token.meta?.kalla as string | undefined;
    return (
      `<figure class="diagram" id="diagram-${chart.id}"${kalla ? ` aria-describedby="${kalla}"` : ""}>` +
      `<figcaption>Diagram ${figureNumber}. ${escapeHtml(chart.caption)}</figcaption><picture>${narrow}` +
      `<img src="${svgData(chart.svg)}" alt="${escapeHtml(chart.alt)}"></picture></figure>`
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
  // The *Källa:* line under a table or chart belongs to it: styled as its note and kept on its page.
  // The line is also the description of the table or chart it follows (aria-describedby), so that a
  // screen reader gives the source with the figure rather than as a loose paragraph after it.
  let sourceLineNumber = 0;
  md.core.ruler.push("source_lines", (state) => {
    const t = state.tokens;
    t.forEach((token, i) => {
      // A table's note ("Anm. …") right under it is part of it too, before its source line.
      if (token.type === "paragraph_open" && /^Anm\. /.test(t[i + 1]?.content ?? "")) {
        const table = t[i - 1]?.type === "table_close" ? describedBySourceLine(t, i) : undefined;
        if (!table) return;
        const id = `anm-${++sourceLineNumber}`;
        token.attrSet("class", "tabell-anm");
        token.attrSet("id", id);
        table.meta = { ...table.meta, anm: id };
        return;
      }
      if (token.type !== "paragraph_open" || !/^\*Källa:\*/.test(t[i + 1]?.content ?? "")) return;
      const id = `kalla-${++sourceLineNumber}`;
      token.attrSet("class", "kalla");
      token.attrSet("id", id);
      const described = describedBySourceLine(t, i);
      if (described) described.meta = { ...described.meta, kalla: id };
    });
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
      // The cover's title is the page's one h1: a chapter is an h2, its sections h3 and so on. The
      // print copy moves them back up a level (toPrintCopy), where the cover title is no heading.
      token.tag = `h${level + 1}`;
      const close = state.tokens.slice(i).find((t) => t.type === "heading_close");
      if (close) close.tag = token.tag;
    });
  });
  md.core.ruler.push("table_semantics", (state) => tableSemantics(state.tokens, state.Token));
  let tableNumber = 0;
  md.renderer.rules.table_open = (tokens, idx, options, env, self) => {
    tableNumber++;
    const token = tokens[idx]!;
    const caption = token.meta?.caption as Token[] | undefined;
    const columns = Number(token.meta?.columns ?? 0);
    const id = `tabell-${tableNumber}`;
    // A scroll container a keyboard can reach, named by the table's caption; wide tables say that they
    // scroll sideways on a narrow screen. The hint stands before the table and is read there when it is
    // shown; it is not the table's description, which would be read out on a wide screen too (a hidden
    // element referenced by aria-describedby still describes).
    const hint =
      columns > 5
        ? `<p class="tabell-tips" id="${id}-tips">Tabellen är bredare än skärmen: svep i sidled för att se alla kolumner.</p>\n`
        : "";
    const kalla = token.meta?.kalla as string | undefined;
    const anm = token.meta?.anm as string | undefined;
    const describedBy = [anm ?? "", kalla ?? ""].filter(Boolean).join(" ");
    return (
      `${hint}<div class="tabell" id="${id}" role="region" tabindex="0" ` +
      `${caption ? `aria-labelledby="${id}-rubrik"` : `aria-label="Tabell"`}` +
      `${describedBy ? ` aria-describedby="${describedBy}"` : ""}><table>\n` +
      (caption ? `<caption id="${id}-rubrik">${self.renderInline(caption, options, env)}</caption>\n` : "")
    );
  };
  // A table with a missing figure ("..") explains the sign under itself, in print as on the screen.
  md.renderer.rules.table_close = (tokens, idx) =>
    "</table>" +
    (tokens[idx]!.meta?.saknas
      ? '<p class="teckenforklaring">Teckenförklaring: <abbr title="uppgift saknas">..</abbr> uppgift saknas</p>'
      : "") +
    "</div>\n";
  const cell = (tokens: Token[], idx: number) => {
    const token = tokens[idx]!;
    const style = token.attrGet("style");
    const scope = token.attrGet("scope") ?? (token.tag === "th" ? "col" : undefined);
    const colspan = token.attrGet("colspan");
    // A screen reader says "uppgift saknas" for "..", not "punkt punkt".
    const missing = tokens[idx + 1]?.content.trim() === MISSING ? ` aria-label="${MISSING_WORDS}"` : "";
    return (
      `<${token.tag}${scope ? ` scope="${scope}"` : ""}${colspan ? ` colspan="${colspan}"` : ""}` +
      `${style?.includes("right") ? ' class="tal"' : ""}${missing}>`
    );
  };
  md.renderer.rules.th_open = cell;
  md.renderer.rules.td_open = cell;
  return md;
}

interface RenderEnv {
  /** The chapter being rendered, which names its footnotes' region. */
  kapitel?: string;
}

/** A count of at most three digits (or grouped in thousands) followed by a space and a lower-case word (not a heading's number). */
const COUNT_BEFORE_WORD = /(?<![\d\u00a0\u202f.,:–-])(\d{1,3}(?:\u00a0\d{3})*) (?=\p{Ll})/gu;

/** The sign for a figure the data lacks, and what it means. */
const MISSING = "..";
const MISSING_WORDS = "uppgift saknas";

/**
 * The table or chart a *Källa:* paragraph at `i` belongs to: the table that closes right before it, or
 * the chart standing alone in the paragraph before it. Its token gets the line's id.
 */
function describedBySourceLine(tokens: Token[], i: number): Token | undefined {
  while (tokens[i - 3]?.attrGet("class") === "tabell-anm") i -= 3;
  const before = tokens[i - 1];
  if (before?.type === "table_close") {
    for (let j = i - 2; j >= 0; j--) if (tokens[j]!.type === "table_open") return tokens[j];
    return undefined;
  }
  if (before?.type === "paragraph_close" && tokens[i - 2]?.type === "inline") {
    const only = tokens[i - 2]!.children;
    if (only?.length === 1 && only[0]!.type === "image") return only[0];
  }
  return undefined;
}

/** Screens narrower than this get the charts' narrow drawings (see renderCharts). */
export const NARROW_SCREEN = "(max-width: 40em)";

/**
 * Tables as a reader of the HTML or the tagged PDF needs them: the "Tabell N. …" line before a table
 * becomes its <caption>; the first cell of each body row is its row header (<th scope="row">); a row
 * with nothing but its first cell (a group's name) spans the table; an empty cell holds a no-break
 * space, so that it is kept as a cell in the PDF's tags (Chromium drops empty cells, which leaves rows
 * of uneven length).
 */
function tableSemantics(tokens: Token[], TokenClass: typeof Token): void {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== "table_open") continue;
    const table = tokens[i]!;
    const before = tokens.slice(i - 3, i);
    if (
      before[0]?.type === "paragraph_open" &&
      before[2]?.type === "paragraph_close" &&
      /^Tabell \d+\. /.test(before[1]?.content ?? "")
    ) {
      table.meta = { ...table.meta, caption: before[1]!.children ?? [] };
      tokens.splice(i - 3, 3);
      i -= 3;
    }
    let columns = 0;
    let inBody = false;
    let saknas = false;
    let inGroup = false;
    for (let j = i + 1; j < tokens.length && tokens[j]!.type !== "table_close"; j++) {
      const t = tokens[j]!;
      if (t.type === "th_open") columns++;
      if (t.type === "tbody_open") inBody = true;
      if (!inBody || t.type !== "tr_open") continue;
      // The row's cells: [open, inline, close] triples up to tr_close.
      let end = j + 1;
      while (tokens[end]!.type !== "tr_close") end++;
      const cells: number[] = [];
      for (let k = j + 1; k < end; k += 3) cells.push(k);
      const first = cells[0];
      if (first === undefined) continue;
      // A group's rows, from its name down to its Delsumma, are not parted by a page break.
      const firstText = tokens[first + 1]!.content.replace(/\*/g, "").trim();
      if (/^Delsumma\b/.test(firstText)) inGroup = false;
      else if (inGroup) tokens[j]!.attrSet("class", "i-grupp");
      tokens[first]!.tag = "th";
      tokens[first]!.attrSet("scope", "row");
      tokens[first + 2]!.tag = "th";
      const rest = cells.slice(1);
      if (rest.length > 0 && rest.every((k) => tokens[k + 1]!.content.trim() === "")) {
        inGroup = true;
        tokens[j]!.attrSet("class", "i-grupp");
        tokens[first]!.attrSet("colspan", String(cells.length));
        tokens.splice(rest[0]!, end - rest[0]!);
        continue;
      }
      for (const k of rest) {
        const inline = tokens[k + 1]!;
        if (inline.content.trim() === MISSING) saknas = true;
        if (inline.content.trim() !== "") continue;
        const space = new TokenClass("text", "", 0);
        space.content = "\u00a0";
        inline.children = [space];
      }
    }
    table.meta = { ...table.meta, columns };
    if (saknas) {
      const close = tokens.slice(i).find((t) => t.type === "table_close");
      if (close) close.meta = { ...close.meta, saknas };
    }
  }
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
    .map((c) => {
      const env: RenderEnv = { kapitel: /^# (.+)$/m.exec(c.markdown)?.[1]?.trim() };
      return `<section class="kapitel" data-kapitel="${c.name}">\n${md.render(c.markdown, env)}</section>`;
    })
    .join("\n");
  const hb = createTemplateEnvironment();
  const fill = (template: TemplateFile, data: object, kind: TemplateKind) => {
    try {
      return { text: compiledTemplate(hb, template.source, kind)(data) };
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
  // The running heads take their text from the page (string-set); should the stylesheet ever put a
  // value inside a CSS string, it is escaped for that context.
  const css = fill(templates.stylesheet, cssStrings(meta), "stilmall");
  if (css.diagnostic) return { html: "", diagnostics: [css.diagnostic] };
  const page = fill(
    templates.layout,
    { ...meta, toc, body, css: css.text, fontFaces: templates.fontFaces },
    "layout",
  );
  if (page.diagnostic) return { html: "", diagnostics: [page.diagnostic] };
  const html = withContentSecurityPolicy(page.text ?? "", staticScripts(templates.layout.source));
  return { html, diagnostics: [] };
}
