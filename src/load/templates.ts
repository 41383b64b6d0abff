import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedTemplates, TemplateFile, TemplatesWithFonts } from "../model/templates.js";
import { INPUT_LIMITS, InputFileError, readInputFile } from "./input-file.js";

/** Files below the working directory are named relative to it in messages, like data files. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

const readTemplate = async (file: string): Promise<TemplateFile> => ({
  file: displayPath(file),
  source: await readFile(file, "utf8"),
});

/**
 * A year text is data (the rapporteur's, or a contributor's pull request): read like a data file, a
 * regular file inside the data folder, never through a link, with a size cap.
 */
const readYearText =
  (root: string, rejected: Diagnostic[]) =>
  async (file: string): Promise<TemplateFile | undefined> => {
    try {
      return {
        file: displayPath(file),
        source: (await readInputFile(file, root, INPUT_LIMITS.text)).toString("utf8"),
      };
    } catch (cause) {
      if (!(cause instanceof InputFileError)) throw cause;
      rejected.push({ code: cause.code, severity: "fel", file: displayPath(file), message: cause.message });
      return undefined;
    }
  };

async function readDirectory(
  dir: string,
  suffix: string,
  read: (file: string) => Promise<TemplateFile | undefined> = readTemplate,
): Promise<Map<string, TemplateFile>> {
  const out = new Map<string, TemplateFile>();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(suffix)).sort();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return out;
    throw cause;
  }
  // Read side by side (a file system round trip each), kept in name order.
  const files = await Promise.all(names.map((name) => read(path.join(dir, name))));
  names.forEach((name, i) => {
    const file = files[i];
    if (file) out.set(name.slice(0, -suffix.length), file);
  });
  return out;
}

const FONT_WEIGHTS = [
  ["400", "normal"],
  ["400", "italic"],
  ["600", "normal"],
  ["700", "normal"],
] as const;

/**
 * The report's typeface comes with the project through npm (@fontsource), inlined so that the HTML is
 * self-contained and the PDF looks the same on every machine, with no system fonts involved.
 */
async function readFontFaces(): Promise<string[]> {
  const require = createRequire(import.meta.url);
  const rules: string[] = [];
  for (const [weight, style] of FONT_WEIGHTS) {
    const file = require.resolve(
      `@fontsource/source-sans-3/files/source-sans-3-latin-${weight}-${style}.woff2`,
    );
    const data = (await readFile(file)).toString("base64");
    rules.push(
      `@font-face { font-family: "Source Sans 3"; font-style: ${style}; font-weight: ${weight}; ` +
        `font-display: block; src: url(data:font/woff2;base64,${data}) format("woff2"); }`,
    );
  }
  return rules;
}

/** Reads the templates and the year's texts. Fonts are not read here (see withFonts). */
export async function loadTemplates(
  templateDir: string,
  yearTextDir: string,
  /** The data folder the year's texts must lie in. Default: two levels up (`data/<år>/texter`). */
  dataRoot: string = path.dirname(path.dirname(yearTextDir)),
): Promise<LoadedTemplates & { diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const [chapterFiles, partials, yearTexts, layout, stylesheet] = await Promise.all([
    readDirectory(path.join(templateDir, "kapitel"), ".hbs"),
    readDirectory(path.join(templateDir, "partials"), ".hbs"),
    readDirectory(yearTextDir, ".md", readYearText(dataRoot, diagnostics)),
    readTemplate(path.join(templateDir, "rapport.html.hbs")),
    readTemplate(path.join(templateDir, "rapport.css")),
  ]);
  return {
    diagnostics,
    chapters: [...chapterFiles].map(([name, template]) => ({ name, template })),
    partials,
    yearTexts,
    yearTextDir: displayPath(yearTextDir),
    layout,
    stylesheet,
  };
}

/** The templates with the embedded fonts, which only rendering needs (`report check` does not). */
export async function withFonts(templates: LoadedTemplates): Promise<TemplatesWithFonts> {
  const fonts = await readFontFaces();
  return { ...templates, fontFaces: fonts.join("\n"), chartFontFace: fonts[0]! };
}
