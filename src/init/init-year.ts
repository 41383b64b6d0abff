import { copyFile, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { DiagnosticSink, type Diagnostic, appendAll } from "../diagnostics/diagnostic.js";
import {
  ANMALDA_BROTT_EXTENSIONS,
  REFERENCE_FILES,
  SERIES_FILES,
  braForandringarFile,
  datakallorFile,
  rapportMetadataFile,
} from "../sources/files.js";
import { readTable } from "../load/read-table.js";
import type { Brottskod, Polisregion } from "../model/types.js";
import { validateBrottskoder, validateKallor, validatePolisregioner } from "../validate/reference-tables.js";
import { KEY_FIGURE_SOURCES, type KeyFigureRegistry } from "../sources/registry.js";
import { isValidIn } from "../model/report-year.js";

export interface InitResult {
  created: string[];
  /** Files that already existed and were left exactly as they were. */
  kept: string[];
  /** What the rapporteur has to fill in, in order. */
  checklist: string[];
  diagnostics: Diagnostic[];
  from?: number;
}

const exists = (file: string) =>
  readFile(file).then(
    () => true,
    () => false,
  );

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

  const table = path.join(dataDir, `${statistikar}/anmalda-brott`);
  const anyTable = (await Promise.all(ANMALDA_BROTT_EXTENSIONS.map((ext) => exists(table + ext)))).some(
    Boolean,
  );
  if (anyTable) result.kept.push(`${table}.*`);
  else await write("anmalda-brott.csv", emptyAnmaldaBrott(brottskoder, regioner, statistikar));
  result.checklist.push(
    `${path.join(target, "anmalda-brott.csv")}: fyll i anmälda brott per polisregion ur Brås tabell (eller ersätt filen med Brås export), ` +
      `och Delsumma/Totalsumma så som Brå angav dem. Brottskoderna är de som gäller ${statistikar}.`,
  );

  await write(path.basename(datakallorFile(statistikar)), "dataset;källa\nanmalda-brott;\n");
  result.checklist.push(
    `${path.join(target, "datakallor.csv")}: ange källan för Brås tabell ${statistikar} (ett id i kallor.csv); ` +
      "fotnoterna till tabellens siffror hänvisar dit.",
  );

  for (const dataset of Object.values(keyFigureSources)) {
    const previous = path.join(dataDir, String(from), dataset.file);
    if (!(await exists(previous))) continue;
    // Keys and notes are kept; each value and source is emptied for the new year.
    const emptied = await carriedOver(previous, result.diagnostics, ([key = "", , , ...note]) => [
      key,
      "",
      "",
      note.join(";"),
    ]);
    if (emptied === undefined) continue;
    await write(dataset.file, emptied);
    result.checklist.push(
      `${path.join(target, dataset.file)}: fyll i värde och källa för varje uppgift från ${dataset.beskrivning}.`,
    );
  }
  await write(
    path.basename(braForandringarFile(statistikar)),
    "brottskoder;förändring_procent;jämfört_med;källa;anmärkning\n",
  );
  const metadata = path.join(dataDir, String(from), path.basename(rapportMetadataFile(from)));
  if (await exists(metadata)) {
    // The cover's facts belong to the new report: only the information class carries over.
    const emptied = await carriedOver(metadata, result.diagnostics, ([key = "", value = "", ...note]) =>
      key === "informationsklass" ? [key, value, ...note] : [key, "", ...note],
    );
    if (emptied !== undefined) await write(path.basename(rapportMetadataFile(statistikar)), emptied);
    result.checklist.push(
      `${path.join(target, "rapport.csv")}: lägesrapportens nummer, datum och diarienummer.`,
    );
  }
  result.checklist.push(
    `${path.join(target, "bra-forandringar.csv")}: bara om föregående års tabell saknas: Brås egna förändringstal.`,
  );

  const texts = path.join(dataDir, String(from), "texter");
  for (const name of (await readdir(texts).catch(() => [])).sort()) {
    await write(path.join("texter", name), () =>
      copyFile(path.join(texts, name), path.join(target, "texter", name)),
    );
  }
  result.checklist.push(
    `${path.join(target, "texter")}/: skriv om årets analys och förslag (kopierade från ${from}).`,
  );
  result.checklist.push(
    `${path.join(dataDir, REFERENCE_FILES.kallor)}: lägg till årets källor (id, utgivare, titel, år, url, hämtad).`,
  );
  for (const series of SERIES_FILES)
    result.checklist.push(`${path.join(dataDir, series.file)}: lägg till raden för ${statistikar}.`);
  result.checklist.push(
    `Kör report check ${rapportar} tills den inte visar några fel, och report build ${rapportar}.`,
  );
  return result;
}
