import { constants } from "node:fs";
import { copyFile, lstat, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { DiagnosticSink, type Diagnostic, appendAll } from "../diagnostics/diagnostic.js";
import { anmaldaBrott } from "../sources/anmalda-brott.js";
import { REFERENCE_FILES } from "../sources/files.js";
import { readTable } from "../load/read-table.js";
import { validateBrottskoder, validateKallor, validatePolisregioner } from "../validate/reference-tables.js";
import {
  DATAKALLA_DATASETS,
  KEY_FIGURE_SOURCES,
  SERIES_SOURCES,
  YEAR_FILE_SOURCES,
  type KeyFigureRegistry,
} from "../sources/registry.js";
import type { InitContext } from "../sources/source.js";
import type { YearFileSource } from "../sources/year-file-source.js";
import { UPPGIFT_SAKNAS } from "../model/key-figures.js";

export interface InitResult {
  created: string[];
  /** Files that already existed and were left exactly as they were. */
  kept: string[];
  /** Entries in last year's texter/ that are not year texts (a folder, a link …), with why; not copied. */
  skipped?: string[];
  /** What the rapporteur has to fill in, in order. */
  checklist: string[];
  diagnostics: Diagnostic[];
  from?: number;
}

/**
 * Whether anything is at `file`, a link included: a dangling link counts, so that init never writes
 * through it to wherever it points.
 */
const exists = (file: string) =>
  lstat(file).then(
    () => true,
    () => false,
  );

/** One row of a semicolon-separated file, quoting a cell only where it must (csv-parse reads it back). */
const csvLine = (cells: readonly string[]) =>
  cells.map((c) => (/[;"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(";");

/**
 * Last year's file rewritten for the new year, read with the same reader as every data file (any
 * encoding, quoted fields, `,` or `;`) and written as UTF-8 with `;`: `change` gets each data row's cells.
 */
async function carriedOver(
  file: string,
  diagnostics: Diagnostic[],
  change: (cells: string[]) => string[],
): Promise<string | undefined> {
  const sink = new DiagnosticSink(file);
  const table = await readTable(file, sink);
  diagnostics.push(...sink.items);
  if (!table) return undefined;
  const rows = table.records.filter((r) => r.cells.some((c) => c.trim() !== "")).map((r) => change(r.cells));
  return `${[table.header.cells, ...rows].map(csvLine).join("\n")}\n`;
}

/**
 * A note carried over from `from` to `statistikar`: a year near `from` ("tillträde till programmet
 * 2022", the year before) names the same year relative to the new one (2024 for statistics year 2025).
 */
export function shiftYears(note: string, from: number, statistikar: number): string {
  return note.replace(/\b(19|20)\d\d\b/g, (match) => {
    const year = Number(match);
    return Math.abs(year - from) <= 10 ? String(year + statistikar - from) : match;
  });
}

/**
 * Starts the next statistics year's folder from the latest one: `report init 2025` creates
 * `data/2024/`. Never overwrites a file.
 */
export async function initYear(
  dataDir: string,
  rapportar: number,
  keyFigureSources: KeyFigureRegistry = KEY_FIGURE_SOURCES,
): Promise<InitResult> {
  const statistikar = rapportar - 1;
  const result: InitResult = { created: [], kept: [], checklist: [], diagnostics: [] };
  const years = (await readdir(dataDir).catch(() => []))
    .filter((n) => /^\d{4}$/.test(n))
    .map(Number)
    .filter((y) => y < statistikar)
    .sort((a, b) => b - a);
  const from = years[0];
  if (from === undefined) {
    result.diagnostics.push({
      code: "E_INGET_TIDIGARE_AR",
      severity: "fel",
      file: dataDir,
      message: `Det finns ingen årsmapp före ${statistikar} i ${dataDir} att utgå från.`,
    });
    return result;
  }
  result.from = from;

  const sink = new DiagnosticSink(dataDir);
  const regionTable = await readTable(path.join(dataDir, REFERENCE_FILES.polisregioner), sink);
  const codeTable = await readTable(path.join(dataDir, REFERENCE_FILES.brottskoder), sink);
  const sourceTable = await readTable(path.join(dataDir, REFERENCE_FILES.kallor), sink);
  const kallor = sourceTable && validateKallor(sourceTable, sink);
  const regioner = regionTable && validatePolisregioner(regionTable, sink);
  const brottskoder =
    codeTable && kallor && validateBrottskoder(codeTable, new Set(kallor.map((k) => k.id)), sink);
  appendAll(result.diagnostics, sink.items);
  if (!regioner || !brottskoder) return result;

  const target = path.join(dataDir, String(statistikar));
  const write = async (relative: string, content: string | (() => Promise<void>)) => {
    const file = path.join(target, relative);
    if (await exists(file)) {
      result.kept.push(file);
      return;
    }
    await mkdir(path.dirname(file), { recursive: true });
    if (typeof content === "string") await writeFile(file, content, { flag: "wx" });
    else await content();
    result.created.push(file);
  };

  /** A year file as its module's `init` says: written empty, or carried over from the latest year. */
  const prepareYearFile = async (source: YearFileSource) => {
    const file = source.file(statistikar);
    const { init } = source;
    if (init.kind === "tom") {
      await write(path.basename(file), init.content(context));
    } else if (init.kind === "fran-foregaende") {
      const previous = inFolder(source.file(from));
      if (!(await exists(previous))) return;
      const emptied = await carriedOver(previous, result.diagnostics, init.keep);
      if (emptied !== undefined) await write(path.basename(file), emptied);
    } else {
      return;
    }
    result.checklist.push(`${inFolder(file)}: ${init.checklist(statistikar)}`);
  };

  const context: InitContext = {
    statistikar,
    brottskoder,
    regioner,
    datakallaDatasets: [...DATAKALLA_DATASETS.keys()],
  };
  const inFolder = (relative: string) => path.join(dataDir, relative);

  // Brå's table: the empty wide table, unless the year already has it in any of its forms.
  const table = inFolder(anmaldaBrott.base(statistikar));
  const anyTable = (await Promise.all(anmaldaBrott.extensions.map((ext) => exists(table + ext)))).some(
    Boolean,
  );
  if (anyTable) result.kept.push(`${table}.*`);
  else await write(path.basename(anmaldaBrott.file(statistikar)), anmaldaBrott.init.content(context));
  result.checklist.push(
    `${inFolder(anmaldaBrott.file(statistikar))}: ${anmaldaBrott.init.checklist(statistikar)}`,
  );

  // The year before is what the new year is compared with; without its table no change is computed.
  const previousYear = statistikar - 1;
  const previousTable = inFolder(anmaldaBrott.base(previousYear));
  if (!(await Promise.all(anmaldaBrott.extensions.map((ext) => exists(previousTable + ext)))).some(Boolean))
    result.checklist.push(
      `${inFolder(anmaldaBrott.file(previousYear))}: Brås tabell för ${previousYear} (med dess källa i ` +
        `${path.join(dataDir, String(previousYear), "datakallor.csv")}), eller raderna för ${previousYear} i samma långa export som ${statistikar}; ` +
        `utan den jämförs ${statistikar} inte med ${previousYear}.`,
    );

  const { datakallor, ...otherYearFiles } = YEAR_FILE_SOURCES;
  await prepareYearFile(datakallor);

  for (const dataset of Object.values(keyFigureSources)) {
    const previous = path.join(dataDir, String(from), dataset.file);
    if (!(await exists(previous))) continue;
    // Keys and notes are kept, each note's years moved to the new year; each value is `..` (not yet
    // known) and each source empty, so that check lists what is left rather than failing on every row.
    const emptied = await carriedOver(previous, result.diagnostics, ([key = "", , , ...note]) => [
      key,
      UPPGIFT_SAKNAS,
      "",
      shiftYears(note.join(";"), from, statistikar),
    ]);
    if (emptied === undefined) continue;
    await write(dataset.file, emptied);
    result.checklist.push(
      `${path.join(target, dataset.file)}: ersätt .. med ${statistikar} års värde och ange dess källa, för varje uppgift från ${dataset.beskrivning}. ` +
        `En uppgift som inte är känd får stå kvar som ..; rapporten skriver då "uppgift saknas".`,
    );
  }
  for (const source of Object.values(otherYearFiles)) await prepareYearFile(source);

  const texts = path.join(dataDir, String(from), "texter");
  for (const name of (await readdir(texts).catch(() => [])).sort()) {
    // Only the year's texts themselves: a folder, a link or anything but a regular .md file is left.
    const source = path.join(texts, name);
    const kind = await lstat(source).catch(() => undefined);
    const why = !kind
      ? undefined
      : kind.isSymbolicLink()
        ? "en symbolisk länk"
        : kind.isDirectory()
          ? "en mapp"
          : !kind.isFile()
            ? "ingen vanlig fil"
            : !name.endsWith(".md")
              ? "ingen årstext (.md)"
              : undefined;
    if (why !== undefined) {
      (result.skipped ??= []).push(`${source} (${why}; bara årets texter, vanliga .md-filer, kopieras)`);
      continue;
    }
    await write(path.join("texter", name), () =>
      copyFile(source, path.join(target, "texter", name), constants.COPYFILE_EXCL),
    );
  }
  result.checklist.push(
    `${path.join(target, "texter")}/: skriv om årets analys och förslag (kopierade från ${from}).`,
  );
  result.checklist.push(
    `${path.join(dataDir, REFERENCE_FILES.kallor)}: lägg till årets källor (id, utgivare, titel, år, url, hämtad).`,
  );
  for (const series of Object.values(SERIES_SOURCES))
    if (series.init.kind === "lagg-till-rad")
      result.checklist.push(`${inFolder(series.file)}: ${series.init.checklist(statistikar)}`);
  result.checklist.push(
    `Kör report check ${rapportar} tills den inte visar några fel, och report build ${rapportar}.`,
  );
  return result;
}
