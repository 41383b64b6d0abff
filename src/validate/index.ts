import { comparePrintedEdition, validatePrintedEdition } from "./printed-edition.js";
import path from "node:path";
import { DiagnosticSink, type Diagnostic, appendAll } from "../diagnostics/diagnostic.js";
import type { LoadedSources } from "../sources/datasets.js";
import type { Datasets } from "../sources/datasets.js";
import { readBraTable } from "./anmalda-brott.js";
import type { LoadedTable } from "../model/tables.js";
import { anmaldaBrott as braTable } from "../sources/anmalda-brott.js";
import { datakallor as datakallorSource } from "../sources/datakallor.js";
import { validateKeyFigures } from "./key-figures.js";
import { findConflicts } from "./conflicts.js";
import { DEFAULT_METADATA } from "../model/types.js";
import { validateReportMetadata } from "./report-metadata.js";
import {
  DATAKALLA_DATASETS,
  KEY_FIGURE_SOURCES,
  SERIES_SOURCES,
  type KeyFigureRegistry,
} from "../sources/registry.js";
import {
  validateBraForandringar,
  validateBrottskoder,
  validateDatakallor,
  validateJamforelser,
  validateKallor,
  validatePolisregioner,
  validateSerie,
} from "./reference-tables.js";

/** Turns the loaded tables into typed datasets; `value` is absent where an error prevents it. */
export function validateSources(
  sources: LoadedSources,
  years: { rapportar: number; statistikar: number },
  keyFigureSources: KeyFigureRegistry = KEY_FIGURE_SOURCES,
): { value?: Datasets; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const withSink = <T>(file: string, run: (sink: DiagnosticSink) => T): T => {
    const sink = new DiagnosticSink(file);
    const out = run(sink);
    appendAll(diagnostics, sink.items);
    return out;
  };

  const regioner =
    sources.polisregioner &&
    withSink(sources.polisregioner.file, (s) => validatePolisregioner(sources.polisregioner!, s));
  const kallor = sources.kallor && withSink(sources.kallor.file, (s) => validateKallor(sources.kallor!, s));
  // Every other table cites kallor.csv, the catalog of codes included.
  const sourceIds = new Set(kallor?.map((k) => k.id));
  const brottskoder =
    sources.brottskoder &&
    kallor &&
    withSink(sources.brottskoder.file, (s) => validateBrottskoder(sources.brottskoder!, sourceIds, s));
  if (!regioner || !brottskoder || !kallor || !sources.anmaldaBrott) return { diagnostics };

  const nyckeltal: Datasets["nyckeltal"] = {};
  const nyckeltalFiler: Datasets["nyckeltalFiler"] = {};
  for (const source of Object.values(keyFigureSources)) {
    const table = sources.nyckeltal[source.id];
    if (!table) continue;
    const figures = withSink(table.file, (s) => validateKeyFigures(table, source, sourceIds, s));
    if (figures) nyckeltal[source.id] = figures;
    nyckeltalFiler[source.id] = table.file;
  }
  const serier: Datasets["serier"] = {};
  for (const series of Object.values(SERIES_SOURCES)) {
    const table = sources.serier[series.id];
    if (!table) continue;
    const rows = withSink(table.file, (s) => validateSerie(table, series, sourceIds, s));
    if (rows) serier[series.id] = rows;
  }
  const thisYears = <T>(byYear: Partial<Record<number, T>> | undefined) => byYear?.[years.statistikar];
  const metadataTable = thisYears(sources.arsfiler.rapport);
  const metadata =
    (metadataTable && withSink(metadataTable.file, (s) => validateReportMetadata(metadataTable, s))) ??
    DEFAULT_METADATA;
  const changesTable = thisYears(sources.arsfiler.braForandringar);
  const braForandringar = changesTable
    ? (withSink(changesTable.file, (s) => validateBraForandringar(changesTable, brottskoder, sourceIds, s)) ??
      [])
    : [];

  const printedTable = thisYears(sources.arsfiler.trycktUtgava);
  const figureSources = {
    keyFigures: Object.values(keyFigureSources),
    series: Object.values(SERIES_SOURCES),
  };
  const printed =
    printedTable &&
    withSink(printedTable.file, (s) => validatePrintedEdition(printedTable, brottskoder, figureSources, s));

  const context = { regioner, brottskoder };
  const readAnmalda = (table: LoadedTable, statistikar: number) =>
    withSink(table.file, (s) => readBraTable(table, { ...context, statistikar }, s));
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
      file: path.join(dataDirOf(sources.anmaldaBrott), braTable.file(years.statistikar - 1)),
      message:
        `Tabellen för statistikåret ${years.statistikar - 1} saknas; förändringar mot föregående år ` +
        "kan inte beräknas, och rapporten anger att jämförelsen inte är tillgänglig.",
    });
  }
  const datakallor = citeDatasets(sources, years.statistikar, Boolean(previousFile), {
    sourceIds,
    diagnostics,
    withSink,
    usesPrevious: anmaldaBrottForegaende !== undefined,
  });
  const jamforelserTable = sources.jamforelser;
  const jamforelser = jamforelserTable
    ? (withSink(jamforelserTable.file, (s) =>
        validateJamforelser(jamforelserTable, brottskoder, sourceIds, s),
      ) ?? [])
    : [];
  // Two sources stating the same figure for the same year: a warning naming both, never a silent choice.
  appendAll(
    diagnostics,
    findConflicts({
      statistikar: years.statistikar,
      anmaldaBrott,
      foregaendeFil: previousFile ? anmaldaBrottForegaende : undefined,
      foregaendeExport: thisYear.previous,
      sources: Object.values(keyFigureSources),
      nyckeltal,
      nyckeltalFiler,
      serier,
      serieTabeller: sources.serier,
    }),
  );
  // The printed edition's statements against the data: the data wins, and each contradiction is a warning.
  if (anmaldaBrott && printed && printedTable)
    appendAll(
      diagnostics,
      comparePrintedEdition(printedTable.file, printed, {
        ...figureSources,
        statistikar: years.statistikar,
        anmaldaBrott,
        nyckeltal,
        nyckeltalFiler,
        serier,
        serieTabeller: sources.serier,
      }),
    );
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
      datakallor,
    },
    diagnostics,
  };
}

/**
 * Each year's citations for the datasets without a source per row, and an error for a dataset the
 * report uses without a source for its year: this year's table, and last year's where it is compared
 * with (from its own file, cited in its own year's datakallor.csv; from this year's export, cited
 * with it).
 */
function citeDatasets(
  sources: LoadedSources,
  statistikar: number,
  previousFromOwnFile: boolean,
  context: {
    sourceIds: ReadonlySet<string>;
    diagnostics: Diagnostic[];
    withSink: <T>(file: string, run: (sink: DiagnosticSink) => T) => T;
    usesPrevious: boolean;
  },
): Datasets["datakallor"] {
  const out: Datasets["datakallor"] = {};
  const tables = sources.arsfiler.datakallor ?? {};
  for (const [year, table] of Object.entries(tables)) {
    if (!table) continue;
    const rows = context.withSink(table.file, (s) =>
      validateDatakallor(table, DATAKALLA_DATASETS, context.sourceIds, s),
    );
    out[Number(year)] = Object.fromEntries((rows ?? []).map((r) => [r.dataset, r.kalla]));
  }
  const dataDir = dataDirOf(sources.anmaldaBrott!);
  const require = (year: number, dataset: string) => {
    if (out[year]?.[dataset]) return;
    const present = tables[year];
    const file = datakallorSource.file(year);
    context.diagnostics.push({
      code: "E_KALLA_SAKNAS",
      severity: "fel",
      file: present?.file ?? path.join(dataDir, file),
      found: dataset,
      message:
        `${DATAKALLA_DATASETS.get(dataset) ?? dataset} för ${year} saknar källa. Ange den på en rad "${dataset};<id i kallor.csv>" i ` +
        `${file}, så att rapportens fotnoter hänvisar till rätt års källa.`,
    });
  };
  const { dataset } = braTable.citation;
  require(statistikar, dataset);
  if (context.usesPrevious && previousFromOwnFile) require(statistikar - 1, dataset);
  return out;
}

/** The data folder, from this year's table (`<data>/<år>/anmalda-brott.*`). */
const dataDirOf = (table: LoadedTable) => path.dirname(path.dirname(table.file));
