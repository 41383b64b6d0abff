import { lstat } from "node:fs/promises";
import path from "node:path";
import { DiagnosticSink, type Diagnostic, appendAll } from "../diagnostics/diagnostic.js";
import { anmaldaBrott as braTable } from "../sources/anmalda-brott.js";
import { REFERENCE_FILES } from "../sources/files.js";
import { readTable } from "./read-table.js";
import { INPUT_LIMITS, InputFileError, checkInputFile } from "./input-file.js";
import type { LoadedTable } from "../model/tables.js";
import {
  isStreamableLongExport,
  readLongExportStreaming,
  type PassedOverRowCheck,
} from "./long-export-stream.js";
import type { LoadedSources } from "../sources/datasets.js";
import type { KeyFigureSource } from "../sources/key-figure-source.js";
import {
  KEY_FIGURE_SOURCES,
  SERIES_SOURCES,
  YEAR_FILE_SOURCES,
  type KeyFigureRegistry,
} from "../sources/registry.js";
import { yearsOf } from "../sources/year-file-source.js";

/** Something is at the path (lstat: a dangling link or a FIFO is there too, and is refused when read). */
const exists = (file: string) =>
  lstat(file).then(
    () => true,
    () => false,
  );

/** Reads every source file a report for `statistikar` needs. Nothing here judges content. */
export async function loadSources(
  dataDir: string,
  statistikar: number,
  checks: {
    /** The validate stage's rule for the rows of Brå's export that the stream passes over. */
    passedOverExportRow: PassedOverRowCheck;
  },
  keyFigureSources: KeyFigureRegistry = KEY_FIGURE_SOURCES,
): Promise<LoadedSources> {
  const diagnostics: Diagnostic[] = [];
  const lasta: LoadedSources["lasta"] = [];
  const read = async (relative: string) => {
    const file = path.join(dataDir, relative);
    const sink = new DiagnosticSink(file);
    const table = await readTable(file, sink, dataDir);
    appendAll(diagnostics, sink.items);
    if (table) lasta.push({ file, encoding: table.encoding, rows: table.records.length });
    return table;
  };

  const polisregioner = await read(REFERENCE_FILES.polisregioner);
  const brottskoder = await read(REFERENCE_FILES.brottskoder);
  const kallor = await read(REFERENCE_FILES.kallor);
  const jamforelser = (await exists(path.join(dataDir, REFERENCE_FILES.jamforelser)))
    ? await read(REFERENCE_FILES.jamforelser)
    : undefined;

  /** Brå's long export over many years is streamed, keeping only this report's two years. */
  const readAnmalda = async (relative: string) => {
    const file = path.join(dataDir, relative);
    const sink = new DiagnosticSink(file);
    // Checked before the file is opened at all: a FIFO would hang the peek at its header.
    try {
      await checkInputFile(file, dataDir, INPUT_LIMITS.streamedExport);
    } catch (cause) {
      if (!(cause instanceof InputFileError)) throw cause;
      sink.error({ code: cause.code, message: cause.message });
      appendAll(diagnostics, sink.items);
      return undefined;
    }
    if (!(await isStreamableLongExport(file))) return read(relative);
    const table = await readLongExportStreaming(
      file,
      new Set([statistikar, statistikar - 1]),
      sink,
      checks.passedOverExportRow,
    );
    appendAll(diagnostics, sink.items);
    if (table)
      lasta.push({ file, encoding: table.encoding, rows: table.scannedRows ?? table.records.length });
    return table;
  };

  /** The year's table as .csv, .txt (Excel's Unicode text) or .xlsx; exactly one of them. */
  const findTable = async (year: number, required: boolean) => {
    const base = braTable.base(year);
    const present: string[] = [];
    for (const ext of braTable.extensions)
      if (await exists(path.join(dataDir, base + ext))) present.push(base + ext);
    if (present.length > 1) {
      diagnostics.push({
        code: "E_FLERA_FILER",
        severity: "fel",
        file: path.join(dataDir, present[0]!),
        message: `Tabellen för ${year} finns i flera filer (${present.join(", ")}); behåll en av dem.`,
      });
      return undefined;
    }
    if (present.length === 0) {
      if (required) {
        diagnostics.push({
          code: "E_FIL_SAKNAS",
          severity: "fel",
          file: path.join(dataDir, braTable.file(year)),
          message: `Filen finns inte. Brås tabell för ${year} ska ligga här (eller som .txt eller .xlsx).`,
        });
      }
      return undefined;
    }
    return readAnmalda(present[0]!);
  };
  const anmaldaBrott = await findTable(statistikar, true);
  const anmaldaBrottForegaende = await findTable(statistikar - 1, false);

  const saknadeDataset: KeyFigureSource[] = [];
  const nyckeltal: LoadedSources["nyckeltal"] = {};
  for (const dataset of Object.values(keyFigureSources)) {
    const relative = `${statistikar}/${dataset.file}`;
    const file = path.join(dataDir, relative);
    if (await exists(file)) {
      const table = await read(relative);
      if (table) nyckeltal[dataset.id] = table;
      continue;
    }
    saknadeDataset.push(dataset);
    diagnostics.push({
      code: "W_DATASET_SAKNAS",
      severity: "varning",
      file,
      message: `Uppgifter från ${dataset.beskrivning} saknas; rapporten anger det där uppgifterna skulle ha stått.`,
    });
  }

  const serier: LoadedSources["serier"] = {};
  for (const series of Object.values(SERIES_SOURCES)) {
    const file = path.join(dataDir, series.file);
    if (await exists(file)) {
      const table = await read(series.file);
      if (table) serier[series.id] = table;
    } else {
      diagnostics.push({
        code: "W_DATASET_SAKNAS",
        severity: "varning",
        file,
        message: `Tidsserien över ${series.beskrivning} saknas; rapporten visar inget diagram för den.`,
      });
    }
  }

  const arsfiler: LoadedSources["arsfiler"] = {};
  for (const source of Object.values(YEAR_FILE_SOURCES)) {
    const byYear: Partial<Record<number, LoadedTable>> = {};
    for (const year of yearsOf(source, statistikar)) {
      const relative = source.file(year);
      if (await exists(path.join(dataDir, relative))) {
        const table = await read(relative);
        if (table) byYear[year] = table;
      } else if (year === statistikar && source.whenMissing) {
        diagnostics.push({ ...source.whenMissing, severity: "varning", file: path.join(dataDir, relative) });
      }
    }
    arsfiler[source.id] = byYear;
  }

  return {
    ...(polisregioner && { polisregioner }),
    ...(brottskoder && { brottskoder }),
    ...(kallor && { kallor }),
    ...(jamforelser && { jamforelser }),
    arsfiler,
    nyckeltal,
    serier,
    ...(anmaldaBrott && { anmaldaBrott }),
    ...(anmaldaBrottForegaende && { anmaldaBrottForegaende }),
    saknadeDataset,
    lasta,
    diagnostics,
  };
}
