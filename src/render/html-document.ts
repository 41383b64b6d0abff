import MarkdownIt from "markdown-it";
import type { LoadedTemplates } from "../load/templates.js";
import { createTemplateEnvironment } from "./handlebars-env.js";
import type { RenderedChapter } from "./chapters.js";

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
}

/** Ids from heading text, stable across builds: "4.2 Statistik från Brå" → "4-2-statistik-fran-bra". */
export function headingId(text: string, taken: Set<string>): string {
  const base =
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "avsnitt";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function createMarkdown(toc: TocEntry[]): MarkdownIt {
  // Raw HTML is off: whatever the data holds is printed as text, never as markup.
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
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

/** The whole report as one HTML page: cover, contents, chapters. What Chromium prints. */
export function renderHtmlDocument(
  chapters: readonly RenderedChapter[],
  templates: LoadedTemplates,
  meta: DocumentMeta,
): string {
  const toc: TocEntry[] = [];
  const md = createMarkdown(toc);
  const body = chapters
    .map((c) => `<section class="kapitel" data-kapitel="${c.name}">\n${md.render(c.markdown)}</section>`)
    .join("\n");
  const hb = createTemplateEnvironment();
  const layout = hb.compile(templates.layout.source, { strict: true });
  return layout({
    ...meta,
    toc,
    body,
    css: hb.compile(templates.stylesheet.source, { noEscape: true, strict: true })(meta),
    fontFaces: templates.fontFaces,
  });
}
