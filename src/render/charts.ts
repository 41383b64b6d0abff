import type { Siffror } from "../aggregate/index.js";
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

/** Vega-Lite specs only; Vega itself is loaded when charts are drawn (not for `report check`). */
type Spec = Record<string, unknown>;

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

function identifiedPerYear(
  siffror: Siffror,
  width: number,
): { spec: Spec; alt: string; caption: string } | undefined {
  const series = siffror.serier.regionkoordinatorer;
  if (!series) return undefined;
  const values: { ar: string; del: string; antal: number | null }[] = [];
  const words: string[] = [];
  for (const year of series) {
    const { identifierade, vuxna, barn } = year.varden;
    if (identifierade !== null && identifierade !== undefined) {
      values.push({ ar: String(year.ar), del: "Identifierade personer", antal: identifierade });
      words.push(`${year.ar}: ${formatNumber(identifierade)}`);
    } else if (vuxna != null && barn != null) {
      // Adults and children were counted separately and must not be added up: two bars side by
      // side, each on its own place on the axis, never one stacked bar.
      values.push({ ar: `${year.ar} vuxna`, del: "Vuxna (räknade för sig)", antal: vuxna });
      values.push({ ar: `${year.ar} barn`, del: "Barn (räknade för sig)", antal: barn });
      words.push(
        `${year.ar}: ${formatNumber(vuxna)} vuxna och ${formatNumber(barn)} barn, räknade var för sig`,
      );
    } else {
      values.push({ ar: String(year.ar), del: "Uppgift saknas", antal: null });
      words.push(`${year.ar}: uppgift saknas`);
    }
  }
  const first = series[0]!.ar;
  const last = series.at(-1)!.ar;
  return {
    caption: `Personer som regionkoordinatorerna identifierade som utsatta, ${first}–${last}`,
    alt: `Stapeldiagram över antalet personer som identifierades som utsatta för människohandel eller människoexploatering per år. ${words.join("; ")}.`,
    spec: {
      width,
      height: 190,
      data: { values },
      layer: [
        {
          mark: { type: "bar", width: { band: 0.7 } },
          encoding: {
            x: {
              field: "ar",
              type: "ordinal",
              title: null,
              sort: values.map((v) => v.ar),
              axis: { labelAngle: 0, labelExpr: "split(datum.label, ' ')" },
            },
            y: { field: "antal", type: "quantitative", title: "Personer", stack: null },
            color: {
              field: "del",
              type: "nominal",
              title: null,
              scale: {
                domain: ["Identifierade personer", "Vuxna (räknade för sig)", "Barn (räknade för sig)"],
                range: [COLOURS.primary, COLOURS.secondary, COLOURS.accent],
              },
            },
            order: { field: "del", sort: "descending" },
          },
        },
        {
          transform: [{ filter: "datum.antal === null" }],
          mark: { type: "text", dy: -8, fontSize: LABEL_SIZE, color: "#4a4a4a", text: "saknas" },
          encoding: { x: { field: "ar", type: "ordinal", sort: values.map((v) => v.ar) }, y: { datum: 0 } },
        },
      ],
      config: baseConfig,
    },
  };
}

function suspectedCasesPerYear(
  siffror: Siffror,
  width: number,
): { spec: Spec; alt: string; caption: string } | undefined {
  const series = siffror.serier.migrationsverket;
  if (!series) return undefined;
  const values = series.map((y) => ({ ar: String(y.ar), antal: y.varden.misstanktaFall ?? null }));
  const words = values.map((v) => `${v.ar}: ${v.antal === null ? "uppgift saknas" : formatNumber(v.antal)}`);
  return {
    caption: `Fall av misstänkt människohandel som Migrationsverket upptäckte, ${values[0]!.ar}–${values.at(-1)!.ar}`,
    alt: `Linjediagram över antalet fall av misstänkt människohandel som Migrationsverket upptäckte per år. ${words.join("; ")}.`,
    spec: {
      width,
      height: 170,
      data: { values },
      encoding: {
        x: { field: "ar", type: "ordinal", title: null, axis: { labelAngle: 0 } },
        y: { field: "antal", type: "quantitative", title: "Fall", scale: { zero: true } },
      },
      layer: [
        { mark: { type: "line", color: COLOURS.primary, strokeWidth: 2 } },
        { mark: { type: "point", filled: true, size: 40, color: COLOURS.primary } },
        {
          mark: { type: "text", dy: -10, fontSize: LABEL_SIZE },
          encoding: { text: { field: "antal", type: "quantitative", format: ",d" } },
        },
      ],
      config: baseConfig,
    },
  };
}

function reportedPerRegion(siffror: Siffror, width: number): { spec: Spec; alt: string; caption: string } {
  const { summa, regioner, statistikar } = siffror.anmaldaBrott;
  const values = regioner.map((region) => ({ region, antal: summa.perRegion[region] ?? 0 }));
  return {
    caption: `Anmälda brott per polisregion ${statistikar}, samtliga redovisade brottskategorier`,
    alt: `Liggande stapeldiagram över anmälda brott per polisregion ${statistikar}. ${values
      .map((v) => `${v.region}: ${formatNumber(v.antal)}`)
      .join("; ")}.`,
    spec: {
      width: width - 30,
      height: 160,
      data: { values },
      encoding: {
        y: { field: "region", type: "nominal", sort: regioner, title: null },
        x: { field: "antal", type: "quantitative", title: "Anmälda brott", axis: { format: ",d" } },
      },
      layer: [
        { mark: { type: "bar", color: COLOURS.primary, height: { band: 0.7 } } },
        {
          mark: { type: "text", align: "left", dx: 3, fontSize: LABEL_SIZE },
          encoding: { text: { field: "antal", type: "quantitative", format: ",d" } },
        },
      ],
      config: baseConfig,
    },
  };
}

/** Puts the report's own typeface inside the SVG: an SVG shown as an image cannot use the page's fonts. */
function embedFont(svg: string, fontFaces: string): string {
  return svg.replace(/^<svg([^>]*)>/, `<svg$1><style>${fontFaces}</style>`);
}

/**
 * Draws the report's charts from the figures with Vega-Lite (compiled to Vega and rendered to SVG in
 * Node; no browser, no canvas). Deterministic: the same figures give the same SVG.
 */
export async function renderCharts(siffror: Siffror, fontFaces: string): Promise<Map<string, Chart>> {
  const [{ compile }, vega] = await Promise.all([import("vega-lite"), import("vega")]);
  const charts = new Map<string, Chart>();
  const builders: [
    string,
    (s: Siffror, width: number) => ReturnType<typeof reportedPerRegion> | undefined,
  ][] = [
    ["regionkoordinatorer", identifiedPerYear],
    ["migrationsverket", suspectedCasesPerYear],
    ["anmalda-per-region", reportedPerRegion],
  ];
  const draw = async (spec: Spec) => {
    const view = new vega.View(vega.parse(compile(spec as never).spec), { renderer: "none" });
    const svg = embedFont(await view.toSVG(), fontFaces);
    view.finalize();
    return svg;
  };
  for (const [id, build] of builders) {
    const chart = build(siffror, WIDE);
    if (!chart) continue;
    const narrow = build(siffror, NARROW)!;
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
