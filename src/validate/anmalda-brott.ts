import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { isValidIn } from "../model/report-year.js";
import type { LoadedTable } from "../model/tables.js";
import type { AnmaldaBrottTabell, Brottskod, Polisregion } from "../model/types.js";
import { braTableForm } from "../sources/anmalda-brott.js";
import { validateLongExport } from "./anmalda-brott-long.js";
import { validateAnmaldaBrott } from "./anmalda-brott-wide.js";

export { passedOverRowCheck } from "./anmalda-brott-long.js";

/** What a table of reported offences is read against. */
export interface AnmaldaBrottContext {
  statistikar: number;
  regioner: readonly Polisregion[];
  brottskoder: readonly Brottskod[];
}

/** A year's table, and the year before where the file (Brå's export over several years) holds it too. */
export interface BraTableYears {
  /** This statistics year's table. */
  current?: AnmaldaBrottTabell;
  /** The previous year's table, where the export also holds that year. */
  previous?: AnmaldaBrottTabell;
}

/**
 * The one reader of Brå's table, whichever form it came in (the form told by the source's rule,
 * `braTableForm`): the wide table as published, or the long export. Whatever the form, the same
 * rows in the same order come out (`inPublicationOrder`), so that both give the same figures.
 */
export function readBraTable(
  table: LoadedTable,
  context: AnmaldaBrottContext,
  sink: DiagnosticSink,
): BraTableYears {
  const ordered = (t: AnmaldaBrottTabell | undefined) => t && inPublicationOrder(t, context.brottskoder);
  if (braTableForm(table.header.cells).form === "bred") {
    const current = ordered(validateAnmaldaBrott(table, context, sink));
    return { ...(current && { current }) };
  }
  const long = validateLongExport(table, context, sink);
  const current = ordered(long?.current);
  const previous = ordered(long?.previous);
  return { ...(current && { current }), ...(previous && { previous }) };
}

/**
 * Every code the catalogue holds valid for the table's year, in the publication's order, whatever the
 * file listed and in which order. A code the file leaves out had no reports (Brå's exports leave out
 * such rows; its published tables leave out some too), so it is a row of zeros. The wide table as
 * published and the long export then give the same rows and the same figures.
 *
 * Order: groups as they first appear in `brottskoder.csv` (Människohandel, Människoexploatering,
 * Övrigt — the order of Brå's table and of every edition), whichever of their codes are valid in the
 * year; within a group, the catalogue's order. Sorting by code alone would put Människohandel last
 * from 2025, when its codes became 9512–9551.
 */
export function inPublicationOrder(
  table: AnmaldaBrottTabell,
  brottskoder: readonly Brottskod[],
): AnmaldaBrottTabell {
  const validThatYear = brottskoder.filter((b) => isValidIn(b, table.statistikar));
  const listed = new Set(table.rader.map((r) => r.brottskod));
  const zeros = Object.fromEntries(table.regioner.map((region) => [region, 0]));
  const absent = validThatYear
    .filter((b) => !listed.has(b.kod))
    .map((b) => ({
      line: 0,
      brottskod: b.kod,
      brottskodstext: b.benamning,
      grupp: b.grupp,
      andamal: b.andamal,
      perRegion: { ...zeros },
    }));
  const groupRank = new Map<string, number>();
  for (const b of brottskoder) if (!groupRank.has(b.grupp)) groupRank.set(b.grupp, groupRank.size);
  const rank = new Map(brottskoder.map((b, i) => [b.kod, i]));
  const key = (r: { grupp: string; brottskod: string }) => [
    groupRank.get(r.grupp) ?? groupRank.size,
    rank.get(r.brottskod) ?? rank.size,
  ];
  return {
    ...table,
    rader: [...table.rader, ...absent].sort((a, b) => {
      const [ga, ca] = key(a);
      const [gb, cb] = key(b);
      return ga! - gb! || ca! - cb!;
    }),
  };
}
