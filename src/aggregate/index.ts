import path from "node:path";
import { appendAll } from "../diagnostics/diagnostic.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Datasets, Serier } from "../sources/datasets.js";
import type { Kalla, SerieAr } from "../model/types.js";
import type { KeyFigureFigures } from "../sources/key-figure-source.js";
import {
  KEY_FIGURE_SOURCES,
  SERIES_SOURCES,
  type KeyFigureRegistry,
  type SeriesId,
} from "../sources/registry.js";
import type { RapportMetadata } from "../model/types.js";
import { nestKeys, reconcileKeyFigures } from "./key-figures.js";
import { aggregateAnmaldaBrott, type AnmaldaBrottFigurer } from "./anmalda-brott.js";
import { reconcileAnmaldaBrott, type Avstamning, type Avvikelse } from "./reconcile.js";

type Sources = typeof KEY_FIGURE_SOURCES;
/**
 * Each key-figure source's figures (dotted keys nested: `polisensArenden.koppleri.atal`) with the source
 * id of each figure in `kallor`, typed from the source's schema; `null` where the file is missing this year.
 */
export type NyckeltalSiffror = { [K in keyof Sources]: KeyFigureFigures<Sources[K]> | null };

/** Every computed figure: the content of `siffror.json`, and all the templates see. */
export interface Siffror extends NyckeltalSiffror {
  rapportar: number;
  statistikar: number;
  anmaldaBrott: AnmaldaBrottFigurer;
  /** Multi-year series up to the statistics year, `null` where the file is missing; `null` for a year's missing figure. */
  serier: Record<SeriesId, SerieAr[] | null>;
  /** Every source data files cite, from `data/kallor.csv`. */
  kallor: Kalla[];
  /** The report's own facts (number in the series, date, diarienummer, information class). */
  rapport: RapportMetadata;
  /** Stated sums in the inputs that differ from the computed ones. */
  avvikelser: Avvikelse[];
}

export interface AggregateResult {
  siffror: Siffror;
  avstamningar: Avstamning[];
  diagnostics: Diagnostic[];
}

/** Pure: datasets in, figures and what to warn about out. */
export function computeFigures(
  datasets: Datasets,
  keyFigureSources: KeyFigureRegistry = KEY_FIGURE_SOURCES,
): AggregateResult {
  const cited = (year: number) => datasets.datakallor[year]?.["anmalda-brott"] ?? null;
  const anmaldaBrott: AnmaldaBrottFigurer = {
    ...aggregateAnmaldaBrott(
      datasets.anmaldaBrott,
      datasets.anmaldaBrottForegaende,
      datasets.braForandringar,
      datasets.jamforelser,
    ),
    kalla: cited(datasets.statistikar),
    // Last year's rows from this year's export are cited with it.
    kallaForegaendeAr: datasets.anmaldaBrottForegaende
      ? (cited(datasets.statistikar - 1) ?? cited(datasets.statistikar))
      : null,
  };
  const { avstamningar, avvikelser } = reconcileAnmaldaBrott(datasets.anmaldaBrott);
  // Every source in the registry gets its entry, `null` where its file is missing this year.
  const nyckeltal: Record<string, unknown> = {};
  for (const source of Object.values(keyFigureSources)) {
    const figures = datasets.nyckeltal[source.id];
    if (!figures) {
      nyckeltal[source.id] = null;
      continue;
    }
    const file = datasets.nyckeltalFiler[source.id] ?? source.file;
    const reconciled = reconcileKeyFigures(source.id, file, figures, source.sums);
    appendAll(avstamningar, reconciled.avstamningar);
    appendAll(avvikelser, reconciled.avvikelser);
    nyckeltal[source.id] = {
      ...nestKeys(figures.varden),
      kallor: nestKeys(figures.kallor),
      // The keys marked `..`: their values above are `null` because they are not known, not zero.
      saknas: figures.saknas,
    };
  }
  const diagnostics: Diagnostic[] = avvikelser.map((a) => ({
    code: "W_SUMMA_AVVIKER",
    severity: "varning",
    file: a.fil,
    line: a.rad,
    ...(a.kolumn !== null && { column: a.kolumn }),
    ...(a.kolumnnamn !== null && { columnName: a.kolumnnamn }),
    found: String(a.angivet),
    expected: String(a.beraknat),
    message: a.meddelande,
  }));

  const table = datasets.anmaldaBrott;
  for (const row of table.rader) {
    for (const region of table.regioner) {
      if (row.perRegion[region] !== null) continue;
      const place = table.kolumner.region[region];
      diagnostics.push({
        code: "W_UPPGIFT_SAKNAS",
        severity: "varning",
        file: table.file,
        line: row.line,
        ...(place && { column: place.column, columnName: place.columnName }),
        found: "..",
        message:
          `Uppgift saknas (..) för ${row.brottskod} ${row.brottskodstext} i ${region}; ` +
          "summor som omfattar den redovisas som ofullständiga.",
      });
    }
  }

  return {
    siffror: {
      rapportar: datasets.rapportar,
      statistikar: datasets.statistikar,
      anmaldaBrott,
      // Typed from the schemas: nestKeys builds exactly the shape KeyFigureFigures describes.
      ...(nyckeltal as NyckeltalSiffror),
      serier: withMissingYears(
        untilStatistikar(datasets.serier, datasets.statistikar),
        datasets.statistikar,
        // The data folder: the statistics year's table stands in data/<år>/.
        path.dirname(path.dirname(datasets.anmaldaBrott.file)),
        diagnostics,
      ),
      kallor: datasets.kallor,
      rapport: datasets.metadata,
      avvikelser,
    },
    avstamningar,
    diagnostics,
  };
}

/**
 * A year with no row in a series is a year whose figure is missing, not a year that did not happen:
 * from the series' first year to the statistics year, an absent row becomes a row of `..` (the chart
 * shows a gap and the text says so), and check asks for the row (W_AR_UTAN_FORKLARING).
 */
function withMissingYears(
  serier: Siffror["serier"],
  statistikar: number,
  dataDir: string,
  diagnostics: Diagnostic[],
): Siffror["serier"] {
  const filled = Object.entries(serier).map(([id, years]) => {
    if (!years || years.length === 0) return [id, years];
    const columns = Object.keys(years[0]!.varden);
    const byYear = new Map(years.map((y) => [y.ar, y]));
    const out: SerieAr[] = [];
    for (let ar = years[0]!.ar; ar <= statistikar; ar++) {
      const year = byYear.get(ar);
      if (year) {
        out.push(year);
        continue;
      }
      out.push({ ar, varden: Object.fromEntries(columns.map((c) => [c, null])), anmarkning: "", kalla: "" });
      const file = path.join(dataDir, SERIES_SOURCES[id as SeriesId].file);
      diagnostics.push({
        code: "W_AR_UTAN_FORKLARING",
        severity: "varning",
        file,
        message:
          `Raden för ${ar} saknas i ${path.basename(file)}; rapporten visar året som saknat (..). ` +
          `Lägg till raden, med .. och en anmärkning om varför om uppgiften inte finns.`,
      });
    }
    return [id, out];
  });
  return Object.fromEntries(filled) as Siffror["serier"];
}

/** Each series as the report shows it: nothing after its statistics year, even where the file already has it. */
function untilStatistikar(serier: Serier, statistikar: number): Siffror["serier"] {
  const shown = Object.values(SERIES_SOURCES).map(({ id }) => [
    id,
    serier[id]?.filter((y) => y.ar <= statistikar) ?? null,
  ]);
  // One entry per series in the registry, which is what Record<SeriesId, …> says.
  return Object.fromEntries(shown) as Siffror["serier"];
}
