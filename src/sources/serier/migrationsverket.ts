import { z } from "zod";
import { antalEllerSaknas, defineSeriesSource } from "../series-source.js";

/** Cases of suspected trafficking Migrationsverket detected per year. */
export const migrationsverketSerie = defineSeriesSource({
  id: "migrationsverket",
  file: "serier/migrationsverket.csv",
  beskrivning: "Migrationsverkets fall av misstänkt människohandel per år",
  values: z.object({ misstanktaFall: antalEllerSaknas }),
  headers: { misstanktaFall: "misstänkta_fall" },
  citation: { kind: "per-rad" },
  init: { kind: "lagg-till-rad", checklist: (statistikar) => `lägg till raden för ${statistikar}.` },
  charts: [
    {
      id: "migrationsverket",
      draw: (series, width, { colours, labelSize, config, formatNumber }) => {
        if (series.length === 0) return undefined;
        const values = series.map((y) => ({ ar: String(y.ar), antal: y.varden.misstanktaFall }));
        const words = values.map(
          (v) => `${v.ar}: ${v.antal === null ? "uppgift saknas" : formatNumber(v.antal)}`,
        );
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
              { mark: { type: "line", color: colours.primary, strokeWidth: 2 } },
              { mark: { type: "point", filled: true, size: 40, color: colours.primary } },
              {
                mark: { type: "text", dy: -10, fontSize: labelSize },
                encoding: { text: { field: "antal", type: "quantitative", format: ",d" } },
              },
            ],
            config,
          },
        };
      },
    },
  ],
});
