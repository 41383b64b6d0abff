import path from "node:path";
import { DiagnosticSink, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedSources } from "../sources/datasets.js";
import type { Datasets } from "../sources/datasets.js";
import { validateAnmaldaBrott } from "./anmalda-brott.js";
import { isLongExport, validateLongExport } from "./anmalda-brott-long.js";
import type { LoadedTable } from "../model/tables.js";
import type { AnmaldaBrottTabell, Brottskod } from "../model/types.js";
import { SERIES_FILES } from "../sources/files.js";
import type { z } from "zod";
import { validateKeyFigures } from "./key-figures.js";
import { type KeyFigureDataset } from "../model/key-figures.js";
import { DEFAULT_METADATA } from "../model/types.js";
import { validateReportMetadata } from "./report-metadata.js";
import { KEY_FIGURE_DATASETS } from "../sources/key-figure-datasets.js";
import {
  validateBraForandringar,
  validateBrottskoder,
  validateJamforelser,
  validateKallor,
  validatePolisregioner,
  validateSerie,
} from "./reference-tables.js";

/** Turns the loaded tables into typed datasets; `value` is absent where an error prevents it. */
export function validateSources(
  sources: LoadedSources,
  years: { rapportar: number; statistikar: number },
): { value?: Datasets; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const withSink = <T>(file: string, run: (sink: DiagnosticSink) => T): T => {
    const sink = new DiagnosticSink(file);
    const out = run(sink);
    diagnostics.push(...sink.items);
    return out;
  };

  const regioner =
    sources.polisregioner &&
    withSink(sources.polisregioner.file, (s) => validatePolisregioner(sources.polisregioner!, s));
  const brottskoder =
    sources.brottskoder &&
    withSink(sources.brottskoder.file, (s) => validateBrottskoder(sources.brottskoder!, s));
  const kallor = sources.kallor && withSink(sources.kallor.file, (s) => validateKallor(sources.kallor!, s));
  if (!regioner || !brottskoder || !kallor || !sources.anmaldaBrott) return { diagnostics };
  const sourceIds = new Set(kallor.map((k) => k.id));

  const nyckeltal: Datasets["nyckeltal"] = {};
  const nyckeltalFiler: Datasets["nyckeltalFiler"] = {};
  for (const [id, table] of Object.entries(sources.nyckeltal)) {
    // The union of the datasets' schemas is checked per dataset at run time; widen it here.
    const dataset: KeyFigureDataset<z.ZodObject> =
      KEY_FIGURE_DATASETS[id as keyof typeof KEY_FIGURE_DATASETS];
    const figures = withSink(table.file, (s) => validateKeyFigures(table, dataset, sourceIds, s));
    if (figures) (nyckeltal as Record<string, unknown>)[id] = figures;
    nyckeltalFiler[id as keyof typeof nyckeltalFiler] = table.file;
  }
  const serier: Datasets["serier"] = {};
  for (const series of SERIES_FILES) {
    const table = sources.serier[series.id];
    if (!table) continue;
    const rows = withSink(table.file, (s) => validateSerie(table, series.columns, sourceIds, s));
    if (rows) serier[series.id] = rows;
  }
  const metadataTable = sources.metadata;
  const metadata =
    (metadataTable && withSink(metadataTable.file, (s) => validateReportMetadata(metadataTable, s))) ??
    DEFAULT_METADATA;
  const braTable = sources.braForandringar;
  const braForandringar = braTable
    ? (withSink(braTable.file, (s) => validateBraForandringar(braTable, brottskoder, sourceIds, s)) ?? [])
    : [];

  const context = { regioner, brottskoder };
  /** Either form of Brå's table: the wide table as published, or the long export. */
  const readAnmalda = (table: LoadedTable, statistikar: number) =>
    withSink(table.file, (s) => {
      if (!isLongExport(table)) {
        const wide = validateAnmaldaBrott(table, { ...context, statistikar }, s);
        return { current: wide && inCatalogOrder(wide, brottskoder) };
      }
      const long = validateLongExport(table, { ...context, statistikar }, s);
      return {
        current: long?.current && inCatalogOrder(long.current, brottskoder),
        previous: long?.previous && inCatalogOrder(long.previous, brottskoder),
      };
    });
  const thisYear = readAnmalda(sources.anmaldaBrott, years.statistikar);
  const anmaldaBrott = thisYear.current;
  const previousFile = sources.anmaldaBrottForegaende;
  // A separate file for the previous year wins over the same year inside this year's export.
  const anmaldaBrottForegaende = previousFile
    ? readAnmalda(previousFile, years.statistikar - 1).current
    : thisYear.previous;
  if (!previousFile && !thisYear.previous) {
    diagnostics.push({
      code: "W_JAMFORELSEAR_SAKNAS",
      severity: "varning",
      file: path.join(
        path.dirname(path.dirname(sources.anmaldaBrott.file)),
        String(years.statistikar - 1),
        "anmalda-brott.csv",
      ),
      message:
        `Tabellen för statistikåret ${years.statistikar - 1} saknas; förändringar mot föregående år ` +
        "kan inte beräknas, och rapporten anger att jämförelsen inte är tillgänglig.",
    });
  }
  const jamforelserTable = sources.jamforelser;
  const jamforelser = jamforelserTable
    ? (withSink(jamforelserTable.file, (s) =>
        validateJamforelser(jamforelserTable, brottskoder, sourceIds, s),
      ) ?? [])
    : [];
  if (!anmaldaBrott || diagnostics.some((d) => d.severity === "fel")) return { diagnostics };

  return {
    value: {
      ...years,
      regioner,
      brottskoder,
      anmaldaBrott,
      ...(anmaldaBrottForegaende && { anmaldaBrottForegaende }),
      kallor,
      nyckeltal,
      nyckeltalFiler,
      serier,
      braForandringar,
      jamforelser,
      metadata,
    },
    diagnostics,
  };
}

/**
 * Rows in the catalog's order, whatever order the file had: the wide table as published and the long
 * export sorted by code then give the same figures, in the same order.
 */
function inCatalogOrder(table: AnmaldaBrottTabell, brottskoder: readonly Brottskod[]): AnmaldaBrottTabell {
  const rank = new Map(brottskoder.map((b, i) => [b.kod, i]));
  return {
    ...table,
    rader: [...table.rader].sort((a, b) => (rank.get(a.brottskod) ?? 0) - (rank.get(b.brottskod) ?? 0)),
  };
}
