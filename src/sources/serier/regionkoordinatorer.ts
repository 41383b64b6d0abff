import { z } from "zod";
import { antalEllerSaknas, defineSeriesSource } from "../series-source.js";

/**
 * Persons the regional coordinators identified per year (2016–). Until 2017 adults and children were
 * counted separately and must never be added up; from then on there is one total.
 */
const VUXNA = "Vuxna (räknade för sig)";
const BARN = "Barn (räknade för sig)";

/** The top of the axis: the highest count rounded up to a whole power of ten (half of one below twice it). */
function niceCeiling(highest: number): number {
  if (highest <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(highest));
  const step = highest / power >= 2 ? power : power / 2;
  return Math.ceil(highest / step) * step;
}

export const regionkoordinatorerSerie = defineSeriesSource({
  id: "regionkoordinatorer",
  file: "serier/regionkoordinatorer.csv",
  beskrivning: "personer identifierade av regionkoordinatorerna per år",
  values: z.object({ identifierade: antalEllerSaknas, vuxna: antalEllerSaknas, barn: antalEllerSaknas }),
  parts: { identifierade: ["vuxna", "barn"] },
  citation: { kind: "per-rad" },
  init: { kind: "lagg-till-rad", checklist: (statistikar) => `lägg till raden för ${statistikar}.` },
  charts: [
    {
      id: "regionkoordinatorer",
      draw: (series, width, { colours, labelSize, config, formatNumber }) => {
        if (series.length === 0) return undefined;
        const values: { ar: string; del: string; antal: number | null }[] = [];
        const words: string[] = [];
        for (const year of series) {
          const { identifierade, vuxna, barn } = year.varden;
          if (identifierade !== null) {
            values.push({ ar: String(year.ar), del: "Identifierade personer", antal: identifierade });
            words.push(`${year.ar}: ${formatNumber(identifierade)}`);
          } else if (vuxna !== null && barn !== null) {
            // Adults and children were counted separately and must not be added up: two narrow bars side
            // by side in the year's one place on the axis, each with its count, never one stacked bar.
            values.push({ ar: String(year.ar), del: VUXNA, antal: vuxna });
            values.push({ ar: String(year.ar), del: BARN, antal: barn });
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
        const years = [...new Set(values.map((v) => v.ar))];
        const x = { field: "ar", type: "ordinal", title: null, sort: years, axis: { labelAngle: 0 } };
        // Every bar, the highest included, stands under the top gridline.
        const highest = Math.max(0, ...values.map((v) => v.antal ?? 0));
        const y = {
          field: "antal",
          type: "quantitative",
          title: "Personer",
          stack: null,
          scale: { domainMax: niceCeiling(highest), nice: false },
        };
        // A part's bar is 36 % of the band, its middle a fifth of the band from the band's middle.
        const shift = (sign: number) => ({ expr: `${sign} * bandwidth('x') / 5` });
        const bars = (filter: string, width: number, xOffset?: { expr: string }) => [
          {
            transform: [{ filter }],
            mark: { type: "bar", width: { band: width }, ...(xOffset && { xOffset }) },
            encoding: { x, y, color },
          },
          {
            transform: [{ filter: `${filter} && datum.antal !== null` }],
            mark: {
              type: "text",
              dy: -4,
              baseline: "bottom",
              fontSize: labelSize,
              ...(xOffset && { xOffset }),
            },
            encoding: { x, y, text: { field: "antal", type: "quantitative", format: ",d" } },
          },
        ];
        const color = {
          field: "del",
          type: "nominal",
          title: null,
          scale: {
            domain: ["Identifierade personer", VUXNA, BARN],
            range: [colours.primary, colours.secondary, colours.accent],
          },
        };
        return {
          caption: `Personer som regionkoordinatorerna identifierade som utsatta, ${first}–${last}`,
          alt: `Stapeldiagram över antalet personer som identifierades som utsatta för människohandel eller människoexploatering per år. ${words.join("; ")}.`,
          spec: {
            width,
            height: 190,
            data: { values },
            layer: [
              ...bars(`datum.del !== '${VUXNA}' && datum.del !== '${BARN}'`, 0.7),
              ...bars(`datum.del === '${VUXNA}'`, 0.36, shift(-1)),
              ...bars(`datum.del === '${BARN}'`, 0.36, shift(1)),
              {
                transform: [{ filter: "datum.antal === null" }],
                mark: { type: "text", dy: -8, fontSize: labelSize, color: "#4a4a4a", text: "saknas" },
                encoding: { x, y: { datum: 0 } },
              },
            ],
            config,
          },
        };
      },
    },
  ],
});
