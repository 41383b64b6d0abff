/** The templates a report is rendered from, as read. */

export interface TemplateFile {
  /** Path as read, for messages. */
  file: string;
  source: string;
}

export interface LoadedTemplates {
  /** Chapter templates in order, keyed by output name (`01-sammanfattning.md`). */
  chapters: { name: string; template: TemplateFile }[];
  /** Reusable partials by name (`partials/x.hbs` → `x`). */
  partials: Map<string, TemplateFile>;
  /** The year's own texts (`data/<år>/texter/x.md` → partial `arstext/x`). */
  yearTexts: Map<string, TemplateFile>;
  /** Where the year's texts are read from, for messages. */
  yearTextDir: string;
  layout: TemplateFile;
  stylesheet: TemplateFile;
}

export interface TemplatesWithFonts extends LoadedTemplates {
  /** Embedded fonts: `@font-face` rules with the font files inlined. */
  fontFaces: string;
  /** The regular weight alone, for charts (an SVG image carries its own font). */
  chartFontFace: string;
}

/** The year texts (`{{> arstext/namn}}`) that the chapter templates and partials include. */
export function yearTextNames(templates: LoadedTemplates): Set<string> {
  const names = new Set<string>();
  const sources = [
    ...templates.chapters.map((c) => c.template.source),
    ...[...templates.partials.values()].map((p) => p.source),
  ];
  for (const source of sources)
    for (const m of source.matchAll(/\{\{>\s*arstext\/([\w-]+)/g)) names.add(m[1]!);
  return names;
}
