import { isValidIn } from "../model/report-year.js";
import { normaliseHeader, type ColumnSpec } from "../model/tables.js";
import type { Brottskod, Polisregion } from "../model/types.js";
import type { ChartDeclaration, Citation, InitContext } from "./source.js";

/** What the chart of reported offences per region is drawn from (the aggregated table). */
export interface AnmaldaPerRegion {
  statistikar: number;
  regioner: readonly string[];
  summa: { perRegion: Readonly<Record<string, number>> };
}

/** The columns of Brå's long export, one row per code, region and (optionally) year. */
export const LONG_EXPORT_COLUMNS = [
  { key: "kod", header: "brottskod", required: true },
  { key: "region", header: "polisregion", required: true },
  { key: "antal", header: "antal", required: true },
  { key: "ar", header: "år", required: false },
] as const satisfies readonly ColumnSpec<"kod" | "region" | "antal" | "ar">[];

/** The two forms Brå's table comes in, told apart by the header row. */
export type BraTableForm = "lang" | "bred";

/**
 * The one rule for telling the forms apart: a header naming `brottskod`, `polisregion` and `antal` is
 * the long export; anything else is the wide table as published. `harAr`: the export has a year
 * column (and may hold many years; `load` then streams it, keeping the report's two years).
 */
export function braTableForm(headerCells: readonly string[]): { form: BraTableForm; harAr: boolean } {
  const headers = new Set(headerCells.map(normaliseHeader));
  const required = LONG_EXPORT_COLUMNS.filter((c) => c.required);
  const isLong = required.every((c) => headers.has(c.header));
  return { form: isLong ? "lang" : "bred", harAr: isLong && headers.has("år") };
}

/**
 * Brå's table of reported offences per police region: the one source the report cannot do without,
 * and the one special source. It comes as the wide table as published or as Brå's long export, as
 * `.csv`, `.txt` (Excel's Unicode text) or `.xlsx`; its rows carry no source, so each year's table is
 * cited in that year's `datakallor.csv`.
 */
export const anmaldaBrott = {
  id: "anmaldaBrott",
  /** The file's name without extension, relative to the data folder. */
  base: (statistikar: number) => `${statistikar}/anmalda-brott`,
  /** The file as the rapporteur is told to place it. */
  file: (statistikar: number) => `${statistikar}/anmalda-brott.csv`,
  /** The forms the table may come in, tried in this order; exactly one per year. */
  extensions: [".csv", ".txt", ".xlsx"],
  /** This year's table is required; last year's is read where it exists, for the changes. */
  required: true,
  beskrivning: "Brås tabell över anmälda brott",
  citation: { kind: "datakallor", dataset: "anmalda-brott" } satisfies Citation,
  init: {
    content: ({ brottskoder, regioner, statistikar }: InitContext) =>
      emptyAnmaldaBrott(brottskoder, regioner, statistikar),
    checklist: (statistikar: number) =>
      "fyll i anmälda brott per polisregion ur Brås tabell (eller ersätt filen med Brås export), " +
      `och Delsumma/Totalsumma så som Brå angav dem. Brottskoderna är de som gäller ${statistikar}.`,
  },
  charts: [
    {
      id: "anmalda-per-region",
      draw: ({ summa, regioner, statistikar }, width, { colours, labelSize, config, formatNumber }) => {
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
              { mark: { type: "bar", color: colours.primary, height: { band: 0.7 } } },
              {
                mark: { type: "text", align: "left", dx: 3, fontSize: labelSize },
                encoding: { text: { field: "antal", type: "quantitative", format: ",d" } },
              },
            ],
            config,
          },
        };
      },
    },
  ] satisfies readonly ChartDeclaration<AnmaldaPerRegion>[],
} as const;

/** The wide table for a statistics year, structured from the catalog's codes valid that year, figures empty. */
export function emptyAnmaldaBrott(
  brottskoder: readonly Brottskod[],
  regioner: readonly Polisregion[],
  statistikar: number,
): string {
  const valid = brottskoder.filter((b) => isValidIn(b, statistikar));
  const blanks = regioner.map(() => "").join(";");
  const lines = [
    ["Brottskodsgrupp", "Ändamål", "Brottskodstext", ...regioner.map((r) => r.namn), "Totalsumma"].join(";"),
  ];
  // Groups in the order they first appear in the whole catalog, so Människohandel stays first after
  // its codes were replaced by new ones at the end of the list.
  const groups = [...new Set(brottskoder.map((b) => b.grupp))].filter((g) =>
    valid.some((b) => b.grupp === g),
  );
  for (const group of groups) {
    lines.push(`${group};;;${blanks};`);
    let purpose = "";
    for (const code of valid.filter((b) => b.grupp === group)) {
      lines.push(`;${code.andamal === purpose ? "" : code.andamal};${code.benamning};${blanks};`);
      purpose = code.andamal;
    }
    lines.push(`Delsumma;;;${blanks};`);
  }
  lines.push(`Totalsumma;;;${blanks};`);
  return `${lines.join("\n")}\n`;
}
