import type { Siffror } from "../aggregate/index.js";
import { anmaldaBrott } from "../sources/anmalda-brott.js";
import type { Nested } from "../sources/key-figure-source.js";
import { KEY_FIGURE_SOURCES, SERIES_SOURCES, type KeyFigureRegistry } from "../sources/registry.js";
import type { ChartDrawing, ChartKit } from "../sources/source.js";
import { formatNumber } from "./swedish.js";

/** A chart ready for the page: an SVG drawn from the data, its caption and its text alternative. */
export interface Chart {
  id: string;
  caption: string;
  /** The chart in words, with every number it shows (the text alternative). */
  alt: string;
  /**
   * Drawn for the printed page. A screen wider than a phone shows this drawing enlarged to fill its
   * figure (templates/rapport.css), so that its text reads at 12 px or more.
   */
  svg: string;
  /** Drawn again for a phone's width, so that its text keeps its size instead of shrinking. */
  narrowSvg?: string;
}

/**
 * Widths in CSS px: the plot on the printed page (shown enlarged on wider screens), and the whole
 * narrow drawing, axes and legend included (a phone of 390 px has about 356 px for it, one of 360 px
 * about 326).
 */
const WIDE = 430;
const NARROW = 330;

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
/**
 * The narrow drawing's text: it is drawn to fit its width exactly (autosize "fit"), so it is shown at
 * least this size on a phone of 360 px or more (WCAG 1.4.4 needs no zoom to read it; 12 px is our floor).
 */
const NARROW_LABEL_SIZE = 13;

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

/** The chart configuration with all its text at `size` px. */
function withTextSize(config: typeof baseConfig, size: number): typeof baseConfig {
  return {
    ...config,
    axis: { ...config.axis, labelFontSize: size, titleFontSize: size },
    legend: { ...config.legend, labelFontSize: size, titleFontSize: size },
  };
}

/** Puts the report's own typeface inside the SVG: an SVG shown as an image cannot use the page's fonts. */
function embedFont(svg: string, fontFaces: string): string {
  return svg.replace(/^<svg([^>]*)>/, `<svg$1><style>${fontFaces}</style>`);
}

/** A chart as the sources declare it, before drawing: its words and its Vega-Lite specs. */
export interface ChartPlan {
  id: string;
  caption: string;
  alt: string;
  /** For the printed page (and, enlarged, screens wider than a phone). */
  spec: Record<string, unknown>;
  /** For a phone's width. */
  narrowSpec: Record<string, unknown>;
}

/**
 * The charts the sources declare (`charts` in each module of `src/sources/`), in the registry's order,
 * as specs: pure and cheap, no Vega. Each drawing depends on its spec and the font only, so a process
 * or a store that already has a spec's SVG need not draw it again (see pipeline/render-cache.ts).
 */
export function planCharts(
  siffror: Siffror,
  keyFigureSources: KeyFigureRegistry = KEY_FIGURE_SOURCES,
): ChartPlan[] {
  const kit: ChartKit = { colours: COLOURS, labelSize: LABEL_SIZE, config: baseConfig, formatNumber };
  const narrowKit: ChartKit = {
    ...kit,
    labelSize: NARROW_LABEL_SIZE,
    config: withTextSize(baseConfig, NARROW_LABEL_SIZE),
  };
  const declared: { id: string; draw: (width: number, kit: ChartKit) => ChartDrawing | undefined }[] = [
    ...Object.values(SERIES_SOURCES).flatMap((source) => {
      const rows = siffror.serier[source.id];
      return rows
        ? source.charts.map((c) => ({ id: c.id, draw: (w: number, k: ChartKit) => c.draw(rows, w, k) }))
        : [];
    }),
    ...anmaldaBrott.charts.map((c) => ({
      id: c.id,
      draw: (w: number, k: ChartKit) => c.draw(siffror.anmaldaBrott, w, k),
    })),
    ...Object.values(keyFigureSources).flatMap((source) => {
      const figures = keyFiguresOf(siffror, source.id);
      return figures
        ? (source.charts ?? []).map((c) => ({
            id: c.id,
            draw: (w: number, k: ChartKit) => c.draw(figures, w, k),
          }))
        : [];
    }),
  ];
  const ids = declared.map((d) => d.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  // Two sources declaring one id is a mistake in the modules, not in the data: a bug, with a stack.
  if (twice !== undefined) throw new Error(`Diagrammet "${twice}" deklareras av två källor.`);
  const plans: ChartPlan[] = [];
  for (const { id, draw } of declared) {
    const chart = draw(WIDE, kit);
    if (!chart) continue;
    const narrow = draw(NARROW, narrowKit)!.spec;
    plans.push({
      id,
      caption: chart.caption,
      alt: chart.alt,
      spec: chart.spec,
      narrowSpec: { ...narrow, width: NARROW, autosize: { type: "fit-x", contains: "padding" } },
    });
  }
  return plans;
}

/**
 * A key-figure source's entry in the figures, looked up by the source's id (`null` where its file is
 * missing). Aggregate puts each source's nested figures under its id, so the entry is that source's.
 */
function keyFiguresOf(siffror: Siffror, id: string): Nested<Record<string, unknown>> | null {
  const entry: unknown = (siffror as unknown as Record<string, unknown>)[id];
  return typeof entry === "object" && entry !== null ? (entry as Nested<Record<string, unknown>>) : null;
}

/** The name a chart's inline values go by when its compiled form is kept apart from them. */
const VALUES = "varden";
/** Enough for every chart at both widths several times over. */
const PARSED_LIMIT = 64;
const parsedCharts = new Map<string, unknown>();

/**
 * Draws one spec with Vega-Lite compiled to Vega and rendered to SVG in Node (no browser, no canvas;
 * loaded here only, not for `report check`). Deterministic: the same spec and font give the same SVG.
 *
 * A changed count changes a chart's values, seldom the rest of its spec; compiling and parsing the spec
 * was about three fifths of a drawing. So a spec whose data is inline values is compiled without them,
 * once per process for the rest of the spec, and each drawing hands its values to the view: the same
 * SVG byte for byte (tests/unit/charts-drawing.test.ts), and a warm preview redraws in less time.
 */
export async function drawChartSvg(spec: Record<string, unknown>, fontFaces: string): Promise<string> {
  const [{ compile }, vega] = await Promise.all([import("vega-lite"), import("vega")]);
  const { data, ...layout } = spec as { data?: { values?: unknown } };
  const values =
    data && Object.keys(data).length === 1 && Array.isArray(data.values) ? data.values : undefined;
  let view: InstanceType<typeof vega.View>;
  if (values) {
    const key = JSON.stringify(layout);
    let parsed = parsedCharts.get(key) as ReturnType<typeof vega.parse> | undefined;
    if (!parsed) {
      parsed = vega.parse(compile({ ...layout, data: { name: VALUES } } as never).spec);
      if (parsedCharts.size >= PARSED_LIMIT) parsedCharts.clear();
      parsedCharts.set(key, parsed);
    }
    // Vega marks the rows it takes in; the spec's own stay untouched (they are part of the drawing's key).
    view = new vega.View(parsed, { renderer: "none" }).data(VALUES, structuredClone(values));
  } else {
    view = new vega.View(vega.parse(compile(spec as never).spec), { renderer: "none" });
  }
  const svg = embedFont(await view.toSVG(), fontFaces);
  view.finalize();
  return svg;
}

/** Every chart the figures call for, each drawn for both widths (`draw` may take an SVG from a cache). */
export async function renderCharts(
  siffror: Siffror,
  fontFaces: string,
  draw: (spec: Record<string, unknown>) => Promise<string> = (spec) => drawChartSvg(spec, fontFaces),
  keyFigureSources: KeyFigureRegistry = KEY_FIGURE_SOURCES,
): Promise<Map<string, Chart>> {
  const charts = new Map<string, Chart>();
  for (const plan of planCharts(siffror, keyFigureSources)) {
    const [svg, narrowSvg] = await Promise.all([draw(plan.spec), draw(plan.narrowSpec)]);
    charts.set(plan.id, { id: plan.id, caption: plan.caption, alt: plan.alt, svg, narrowSvg });
  }
  return charts;
}
