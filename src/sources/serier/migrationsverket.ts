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
        const counts = series.map((y) => y.varden.misstanktaFall);
        // A count's label stands on the side of its point away from the line: above where the point lies
        // at least as high as its neighbours on average, below where the line rises past it.
        const values = series.map((y, i) => {
          const antal = counts[i]!;
          const near = [counts[i - 1], counts[i + 1]].filter((c): c is number => typeof c === "number");
          const average = near.length > 0 ? near.reduce((a, b) => a + b, 0) / near.length : 0;
          return { ar: String(y.ar), antal, under: antal !== null && antal < average };
        });
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
              ...[false, true].map((under) => ({
                transform: [{ filter: under ? "datum.under" : "!datum.under" }],
                mark: {
                  type: "text",
                  dy: under ? 9 : -9,
                  baseline: under ? "top" : "bottom",
                  fontSize: labelSize,
                },
                encoding: { text: { field: "antal", type: "quantitative", format: ",d" } },
              })),
            ],
            config,
          },
        };
      },
    },
  ],
});
