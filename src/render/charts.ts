import type { Siffror } from "../aggregate/index.js";
import { formatNumber } from "./swedish.js";

/** A chart ready for the page: an SVG drawn from the data, its caption and its text alternative. */
export interface Chart {
  id: string;
  caption: string;
  /** The chart in words, with every number it shows (the text alternative). */
  alt: string;
  svg: string;
}

/** Vega-Lite specs only; Vega itself is loaded when charts are drawn (not for `report check`). */
type Spec = Record<string, unknown>;

// Quoted: an unquoted family name ending in a digit is not valid CSS, and the SVG would fall back to a serif.
const FONT = '"Source Sans 3", sans-serif';
const COLOURS = { primary: "#1a3a6e", secondary: "#7f9cc9", muted: "#b8c2d3" };

const baseConfig = {
  font: FONT,
  background: "white",
  view: { stroke: null },
  axis: {
    labelFontSize: 9,
    titleFontSize: 9,
    titleFontWeight: 600,
    gridColor: "#e3e7ee",
    domainColor: "#8a94a6",
    tickColor: "#8a94a6",
  },
  legend: { labelFontSize: 9, titleFontSize: 9, orient: "bottom", labelLimit: 260, symbolType: "square" },
  text: { font: FONT },
  // Swedish number format in axis and labels: no-break space between thousands.
  locale: { number: { decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0kr"] } },
};

function identifiedPerYear(siffror: Siffror): { spec: Spec; alt: string; caption: string } | undefined {
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
      width: 430,
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
                range: [COLOURS.primary, COLOURS.secondary, COLOURS.muted],
              },
            },
            order: { field: "del", sort: "descending" },
          },
        },
        {
          transform: [{ filter: "datum.antal === null" }],
          mark: { type: "text", dy: -8, fontSize: 8.5, color: "#555", text: "saknas" },
          encoding: { x: { field: "ar", type: "ordinal", sort: values.map((v) => v.ar) }, y: { datum: 0 } },
        },
      ],
      config: baseConfig,
    },
  };
}

function suspectedCasesPerYear(siffror: Siffror): { spec: Spec; alt: string; caption: string } | undefined {
  const series = siffror.serier.migrationsverket;
  if (!series) return undefined;
  const values = series.map((y) => ({ ar: String(y.ar), antal: y.varden.misstanktaFall ?? null }));
  const words = values.map((v) => `${v.ar}: ${v.antal === null ? "uppgift saknas" : formatNumber(v.antal)}`);
  return {
    caption: `Fall av misstänkt människohandel som Migrationsverket upptäckte, ${values[0]!.ar}–${values.at(-1)!.ar}`,
    alt: `Linjediagram över antalet fall av misstänkt människohandel som Migrationsverket upptäckte per år. ${words.join("; ")}.`,
    spec: {
      width: 430,
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
          mark: { type: "text", dy: -10, fontSize: 8.5 },
          encoding: { text: { field: "antal", type: "quantitative", format: ",d" } },
        },
      ],
      config: baseConfig,
    },
  };
}

function reportedPerRegion(siffror: Siffror): { spec: Spec; alt: string; caption: string } {
  const { summa, regioner, statistikar } = siffror.anmaldaBrott;
  const values = regioner.map((region) => ({ region, antal: summa.perRegion[region] ?? 0 }));
  return {
    caption: `Anmälda brott per polisregion ${statistikar}, samtliga redovisade brottskategorier`,
    alt: `Liggande stapeldiagram över anmälda brott per polisregion ${statistikar}. ${values
      .map((v) => `${v.region}: ${formatNumber(v.antal)}`)
      .join("; ")}.`,
    spec: {
      width: 400,
      height: 150,
      data: { values },
      encoding: {
        y: { field: "region", type: "nominal", sort: regioner, title: null },
        x: { field: "antal", type: "quantitative", title: "Anmälda brott", axis: { format: ",d" } },
      },
      layer: [
        { mark: { type: "bar", color: COLOURS.primary, height: { band: 0.7 } } },
        {
          mark: { type: "text", align: "left", dx: 3, fontSize: 8.5 },
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
  const candidates: [string, ReturnType<typeof reportedPerRegion> | undefined][] = [
    ["regionkoordinatorer", identifiedPerYear(siffror)],
    ["migrationsverket", suspectedCasesPerYear(siffror)],
    ["anmalda-per-region", reportedPerRegion(siffror)],
  ];
  for (const [id, chart] of candidates) {
    if (!chart) continue;
    const view = new vega.View(vega.parse(compile(chart.spec as never).spec), { renderer: "none" });
    const svg = embedFont(await view.toSVG(), fontFaces);
    view.finalize();
    charts.set(id, { id, caption: chart.caption, alt: chart.alt, svg });
  }
  return charts;
}
