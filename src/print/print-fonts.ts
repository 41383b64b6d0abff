import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/**
 * Adobe's own static cuts of Source Sans 3 (npm `source-sans`), by CSS weight and style. The web
 * edition uses @fontsource's Latin subsets (small enough to inline in the page and in every chart),
 * but those are instances cut from the variable font that keep its default instance's names inside
 * the font program ("SourceSans3ExtraLight-Bold" for the bold), and a PDF embeds the program as it is.
 * The print copy therefore swaps in fonts whose programs carry their own names; the PDF embeds only
 * the glyphs it uses, so their full character set costs nothing there.
 */
const PRINT_CUTS: Record<string, string> = {
  "400 normal": "SourceSans3-Regular",
  "400 italic": "SourceSans3-It",
  "600 normal": "SourceSans3-Semibold",
  "700 normal": "SourceSans3-Bold",
};

let cuts: Promise<Map<string, string>> | undefined;

/** The print cuts as base64, by "weight style"; read once per process. */
function printCuts(): Promise<Map<string, string>> {
  cuts ??= (async () => {
    const require = createRequire(import.meta.url);
    const read = async ([key, file]: [string, string]) =>
      [
        key,
        (await readFile(require.resolve(`source-sans/WOFF2/TTF/${file}.ttf.woff2`))).toString("base64"),
      ] as const;
    return new Map(await Promise.all(Object.entries(PRINT_CUTS).map(read)));
  })();
  return cuts;
}

// An @font-face rule as src/load/templates.ts writes it; the base64 run is bounded by its closing ")".
const FACE =
  /font-style: (normal|italic); font-weight: (\d+);([^}]*?)src: url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\)/g;
const SVG_IMAGE = /data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/g;

function swapFaces(css: string, print: Map<string, string>): string {
  return css.replace(FACE, (rule, style: string, weight: string, between: string) => {
    const data = print.get(`${weight} ${style}`);
    return data === undefined
      ? rule
      : `font-style: ${style}; font-weight: ${weight};${between}src: url(data:font/woff2;base64,${data})`;
  });
}

/**
 * The page with every embedded face replaced by its print cut: the page's own @font-face rules and
 * those inside each chart (an SVG shown as an image carries its own font).
 */
export async function withPrintFonts(html: string): Promise<string> {
  const print = await printCuts();
  return swapFaces(html, print).replace(SVG_IMAGE, (uri, data: string) => {
    const svg = Buffer.from(data, "base64").toString("utf8");
    return `data:image/svg+xml;base64,${Buffer.from(swapFaces(svg, print), "utf8").toString("base64")}`;
  });
}
