import type { Siffror } from "../aggregate/index.js";
import { anmaldaBrott } from "../sources/anmalda-brott.js";
import { SERIES_SOURCES } from "../sources/registry.js";
import type { ChartDrawing, ChartKit } from "../sources/source.js";
import { formatNumber } from "./swedish.js";

/** A chart ready for the page: an SVG drawn from the data, its caption and its text alternative. */
export interface Chart {
  id: string;
  caption: string;
  /** The chart in words, with every number it shows (the text alternative). */
  alt: string;
  /** Drawn for the printed page and wide screens. */
  svg: string;
  /** Drawn again for a phone's width, so that its text keeps its size instead of shrinking. */
  narrowSvg?: string;
}

/** Plot widths in CSS px: the printed page (and wide screens), and a phone (about 360 px available). */
const WIDE = 430;
const NARROW = 250;

// Quoted: an unquoted family name ending in a digit is not valid CSS, and the SVG would fall back to a serif.
const FONT = '"Source Sans 3", sans-serif';
/**
 * Every colour that carries data stands at least 3:1 against the white ground (WCAG 2.1, 1.4.11):
 * 11.2:1, 3.9:1 and 4.1:1. Blue against orange also sets the two parts of a stacked bar apart for
 * readers who do not tell blues apart.
 */
export const CHART_COLOURS = { primary: "#1a3a6e", secondary: "#5b82bd", accent: "#c0651f" };
const COLOURS = CHART_COLOURS;
/**
 * 11 px is 8.25 pt on paper, where the chart is printed at its own size; the one weight the SVG carries
 * (a heavier one would be synthesised, which Chromium embeds as a Type 3 font).
 */
const LABEL_SIZE = 11;

const baseConfig = {
  font: FONT,
  background: "white",
  view: { stroke: null },
  axis: {
    labelFontSize: LABEL_SIZE,
    titleFontSize: LABEL_SIZE,
    titleFontWeight: "normal",
    labelColor: "#1a1a1a",
    titleColor: "#1a1a1a",
    gridColor: "#e3e7ee",
    domainColor: "#6b7585",
    tickColor: "#6b7585",
  },
  // A vertical axis's title stands level above the axis: rotated text is read letter by letter from
  // the PDF and is harder to read on the page.
  axisY: { titleAngle: 0, titleAnchor: "end", titleAlign: "left", titleBaseline: "bottom", titleY: -8 },
  legend: {
    labelFontSize: LABEL_SIZE,
    titleFontSize: LABEL_SIZE,
    orient: "bottom",
    direction: "vertical",
    labelLimit: 0,
    labelColor: "#1a1a1a",
    symbolType: "square",
  },
  text: { font: FONT },
  // Swedish number format in axis and labels: no-break space between thousands.
  locale: { number: { decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0kr"] } },
};

/** Puts the report's own typeface inside the SVG: an SVG shown as an image cannot use the page's fonts. */
function embedFont(svg: string, fontFaces: string): string {
  return svg.replace(/^<svg([^>]*)>/, `<svg$1><style>${fontFaces}</style>`);
}

/**
 * Draws the charts the sources declare (`charts` in each module of `src/sources/`) from the figures,
 * with Vega-Lite compiled to Vega and rendered to SVG in Node (no browser, no canvas; loaded here
 * only, not for `report check`). Deterministic: the same figures give the same SVG.
 */
export async function renderCharts(siffror: Siffror, fontFaces: string): Promise<Map<string, Chart>> {
  const [{ compile }, vega] = await Promise.all([import("vega-lite"), import("vega")]);
  const charts = new Map<string, Chart>();
  const kit: ChartKit = { colours: COLOURS, labelSize: LABEL_SIZE, config: baseConfig, formatNumber };
  // Each source declares the charts drawn from its figures; the order is the registry's.
  const declared: { id: string; draw: (width: number) => ChartDrawing | undefined }[] = [
    ...Object.values(SERIES_SOURCES).flatMap((source) => {
      const rows = siffror.serier[source.id];
      return rows ? source.charts.map((c) => ({ id: c.id, draw: (w: number) => c.draw(rows, w, kit) })) : [];
    }),
    ...anmaldaBrott.charts.map((c) => ({
      id: c.id,
      draw: (w: number) => c.draw(siffror.anmaldaBrott, w, kit),
    })),
  ];
  const draw = async (spec: Record<string, unknown>) => {
    const view = new vega.View(vega.parse(compile(spec as never).spec), { renderer: "none" });
    const svg = embedFont(await view.toSVG(), fontFaces);
    view.finalize();
    return svg;
  };
  for (const { id, draw: drawing } of declared) {
    const chart = drawing(WIDE);
    if (!chart) continue;
    const narrow = drawing(NARROW)!;
    charts.set(id, {
      id,
      caption: chart.caption,
      alt: chart.alt,
      svg: await draw(chart.spec),
      narrowSvg: await draw(narrow.spec),
    });
  }
  return charts;
}
