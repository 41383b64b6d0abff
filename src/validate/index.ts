import { DiagnosticSink, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedSources } from "../load/sources.js";
import type { Datasets } from "../types.js";
import { validateAnmaldaBrott } from "./anmalda-brott.js";
import { SERIES_FILES } from "../datasets.js";
import type { z } from "zod";
import { validateKeyFigures, type KeyFigureDataset } from "./key-figures.js";
import { KEY_FIGURE_DATASETS } from "./key-figure-datasets.js";
import {
  validateBraForandringar,
  validateBrottskoder,
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
  const braTable = sources.braForandringar;
  const braForandringar = braTable
    ? (withSink(braTable.file, (s) => validateBraForandringar(braTable, brottskoder, sourceIds, s)) ?? [])
    : [];

  const context = { regioner, brottskoder };
  const anmaldaBrott = withSink(sources.anmaldaBrott.file, (s) =>
    validateAnmaldaBrott(sources.anmaldaBrott!, { ...context, statistikar: years.statistikar }, s),
  );
  const previous = sources.anmaldaBrottForegaende;
  const anmaldaBrottForegaende =
    previous &&
    withSink(previous.file, (s) =>
      validateAnmaldaBrott(previous, { ...context, statistikar: years.statistikar - 1 }, s),
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
    },
    diagnostics,
  };
}
