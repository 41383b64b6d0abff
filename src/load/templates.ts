import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { LoadedTemplates, TemplateFile, TemplatesWithFonts } from "../model/templates.js";

/** Files below the working directory are named relative to it in messages, like data files. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

const readTemplate = async (file: string): Promise<TemplateFile> => ({
  file: displayPath(file),
  source: await readFile(file, "utf8"),
});

async function readDirectory(dir: string, suffix: string): Promise<Map<string, TemplateFile>> {
  const out = new Map<string, TemplateFile>();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(suffix)).sort();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return out;
    throw cause;
  }
  for (const name of names) out.set(name.slice(0, -suffix.length), await readTemplate(path.join(dir, name)));
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
export async function loadTemplates(templateDir: string, yearTextDir: string): Promise<LoadedTemplates> {
  const chapterFiles = await readDirectory(path.join(templateDir, "kapitel"), ".hbs");
  return {
    chapters: [...chapterFiles].map(([name, template]) => ({ name, template })),
    partials: await readDirectory(path.join(templateDir, "partials"), ".hbs"),
    yearTexts: await readDirectory(yearTextDir, ".md"),
    yearTextDir: displayPath(yearTextDir),
    layout: await readTemplate(path.join(templateDir, "rapport.html.hbs")),
    stylesheet: await readTemplate(path.join(templateDir, "rapport.css")),
  };
}

/** The templates with the embedded fonts, which only rendering needs (`report check` does not). */
export async function withFonts(templates: LoadedTemplates): Promise<TemplatesWithFonts> {
  const fonts = await readFontFaces();
  return { ...templates, fontFaces: fonts.join("\n"), chartFontFace: fonts[0]! };
}
