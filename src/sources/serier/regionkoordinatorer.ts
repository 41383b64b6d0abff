import { z } from "zod";
import { antalEllerSaknas, defineSeriesSource } from "../series-source.js";

/**
 * Persons the regional coordinators identified per year (2016–). Until 2017 adults and children were
 * counted separately and must never be added up; from then on there is one total.
 */
export const regionkoordinatorerSerie = defineSeriesSource({
  id: "regionkoordinatorer",
  file: "serier/regionkoordinatorer.csv",
  beskrivning: "personer identifierade av regionkoordinatorerna per år",
  values: z.object({ identifierade: antalEllerSaknas, vuxna: antalEllerSaknas, barn: antalEllerSaknas }),
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
                      range: [colours.primary, colours.secondary, colours.accent],
                    },
                  },
                  order: { field: "del", sort: "descending" },
                },
              },
              {
                transform: [{ filter: "datum.antal === null" }],
                mark: { type: "text", dy: -8, fontSize: labelSize, color: "#4a4a4a", text: "saknas" },
                encoding: {
                  x: { field: "ar", type: "ordinal", sort: values.map((v) => v.ar) },
                  y: { datum: 0 },
                },
              },
            ],
            config,
          },
        };
      },
    },
  ],
});
