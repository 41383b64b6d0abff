import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { KeyFigures } from "../model/key-figures.js";
import type { LoadedTable } from "../model/tables.js";
import type { AnmaldaBrottRad, AnmaldaBrottTabell, SerieAr } from "../model/types.js";
import type { KeyFigureOverlap, KeyFigureSource } from "../sources/key-figure-source.js";

/**
 * Two sources that state the same figure for the same year and disagree. The tool never chooses
 * silently: each conflict is a warning naming both places (file and line on each side), and says which
 * of the two the report follows. Three kinds:
 *
 * - W_KONFLIKT_FOREGAENDE_AR: a long export's rows for the previous year against that year's own
 *   table (`data/<år−1>/`); the report compares with the year's own table.
 * - W_KONFLIKT_SERIE: a key figure against its own series for the same year (`identifierade` in
 *   regionkoordinatorer.csv against serier/regionkoordinatorer.csv); the report prints both as given.
 * - W_KONFLIKT_BRA: a key figure that counts what Brå's table already counts (reported begging
 *   offences the year before); the report follows the table.
 *
 * Which key figures overlap with what is declared in each key-figure source's module (`overlaps`).
 */

export interface ConflictInputs {
  statistikar: number;
  /** The statistics year's table, and the previous year's from its own file and from this year's export. */
  anmaldaBrott: AnmaldaBrottTabell | undefined;
  foregaendeFil: AnmaldaBrottTabell | undefined;
  foregaendeExport: AnmaldaBrottTabell | undefined;
  sources: readonly KeyFigureSource[];
  nyckeltal: Partial<Record<string, KeyFigures<Record<string, unknown>>>>;
  nyckeltalFiler: Partial<Record<string, string>>;
  serier: Partial<Record<string, SerieAr[]>>;
  /** The series files as read, for the line of a year. */
  serieTabeller: Partial<Record<string, LoadedTable>>;
}

export const at = (file: string, line: number | undefined) => (line ? `${file}:${line}` : file);
export const rowTotal = (row: AnmaldaBrottRad | undefined): number | null => {
  if (!row) return 0;
  let sum = 0;
  for (const v of Object.values(row.perRegion)) {
    if (v === null) return null;
    sum += v;
  }
  return sum;
};

export function findConflicts(input: ConflictInputs): Diagnostic[] {
  return [...previousYearConflicts(input), ...seriesConflicts(input), ...braConflicts(input)];
}

/** (a) The previous year as this year's long export states it, against the previous year's own file. */
function previousYearConflicts({ foregaendeFil: own, foregaendeExport: exported }: ConflictInputs) {
  if (!own || !exported) return [];
  const out: Diagnostic[] = [];
  const ownRows = new Map(own.rader.map((r) => [r.brottskod, r]));
  const exportedRows = new Map(exported.rader.map((r) => [r.brottskod, r]));
  for (const kod of new Set([...ownRows.keys(), ...exportedRows.keys()])) {
    const a = ownRows.get(kod);
    const b = exportedRows.get(kod);
    const regions = [...new Set([...Object.keys(a?.perRegion ?? {}), ...Object.keys(b?.perRegion ?? {})])];
    const differing = regions.filter((region) => {
      const x = a?.perRegion[region] ?? 0;
      const y = b?.perRegion[region] ?? 0;
      return x !== null && y !== null && x !== y;
    });
    if (differing.length === 0) continue;
    const text = (a ?? b)!.brottskodstext;
    const exportPlace = b?.line ? at(exported.file, b.line) : `${exported.file} (ingen rad: noll)`;
    const ownPlace = a?.line ? at(own.file, a.line) : `${own.file} (ingen rad: noll)`;
    out.push({
      code: "W_KONFLIKT_FOREGAENDE_AR",
      severity: "varning",
      file: exported.file,
      ...(b?.line ? { line: b.line } : {}),
      found: differing.map((r) => `${r} ${b?.perRegion[r] ?? 0}`).join(", "),
      expected: differing.map((r) => `${r} ${a?.perRegion[r] ?? 0}`).join(", "),
      message:
        `${kod} ${text} för ${own.statistikar}: exporten ${exportPlace} anger ` +
        `${differing.map((r) => `${r} ${b?.perRegion[r] ?? 0}`).join(", ")}, men ${ownPlace} anger ` +
        `${differing.map((r) => `${r} ${a?.perRegion[r] ?? 0}`).join(", ")}. ` +
        `Rapporten jämför med ${own.file}; rätta den som är fel.`,
    });
  }
  return out;
}

/** The line of a year's row in a series file. */
export const lineOfYear = (table: LoadedTable | undefined, year: number) =>
  table?.records.find((r) => r.cells[0]?.trim() === String(year))?.line;

/** Each declared overlap of a kind, with the key figure's value and place where the file has it. */
function* overlapping<O extends KeyFigureOverlap>(
  input: ConflictInputs,
  kind: (o: KeyFigureOverlap) => o is O,
) {
  for (const source of input.sources) {
    const figures = input.nyckeltal[source.id];
    if (!figures) continue;
    const file = input.nyckeltalFiler[source.id] ?? source.file;
    for (const overlap of source.overlaps ?? []) {
      const value = figures.varden[overlap.key];
      // A figure marked `..` states nothing to disagree with.
      if (!kind(overlap) || typeof value !== "number") continue;
      const line = figures.rader[overlap.key];
      yield { overlap, value, file, line, place: at(file, line) };
    }
  }
}
const isSeriesOverlap = (o: KeyFigureOverlap) => "serie" in o;
const isBraOverlap = (o: KeyFigureOverlap) => "braKoder" in o;

/** (b) A key figure against its own series for the statistics year. */
function seriesConflicts(input: ConflictInputs): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { overlap, value, file, line, place } of overlapping(input, isSeriesOverlap)) {
    const year = input.serier[overlap.serie]?.find((y) => y.ar === input.statistikar);
    const inSeries = year?.varden[overlap.column];
    if (typeof inSeries !== "number" || value === inSeries) continue;
    const table = input.serieTabeller[overlap.serie];
    const seriesPlace = at(table?.file ?? overlap.serie, lineOfYear(table, input.statistikar));
    out.push({
      code: "W_KONFLIKT_SERIE",
      severity: "varning",
      file,
      ...(line !== undefined && { line }),
      found: String(value),
      expected: String(inSeries),
      message:
        `${overlap.key} = ${value} (${place}), men tidsserien anger ${inSeries} för ` +
        `${input.statistikar} (${seriesPlace}). Rapporten återger båda som de står; rätta den som är fel.`,
    });
  }
  return out;
}

/** (c) A key figure that counts reported offences Brå's table already counts. */
function braConflicts(input: ConflictInputs): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { overlap, value, file, line, place } of overlapping(input, isBraOverlap)) {
    const table =
      overlap.ar === "foregaende" ? (input.foregaendeFil ?? input.foregaendeExport) : input.anmaldaBrott;
    if (!table) continue;
    const rows = overlap.braKoder.map((kod) => table.rader.find((r) => r.brottskod === kod));
    const totals = rows.map(rowTotal);
    if (totals.some((t) => t === null)) continue;
    const counted = totals.reduce<number>((a, t) => a + t!, 0);
    if (counted === value) continue;
    const lines = rows.map((r) => r?.line).filter((l): l is number => Boolean(l));
    const tablePlace = lines.length > 0 ? `${table.file}:${lines.join(",")}` : table.file;
    out.push({
      code: "W_KONFLIKT_BRA",
      severity: "varning",
      file,
      ...(line !== undefined && { line }),
      found: String(value),
      expected: String(counted),
      message:
        `${overlap.key} = ${value} (${place}) räknar anmälda brott som Brås tabell för ` +
        `${table.statistikar} redan räknar: ${overlap.braKoder.join(" + ")} = ${counted} (${tablePlace}). ` +
        "Rapporten följer tabellen; skriv .. i nyckeltalet eller rätta det.",
    });
  }
  return out;
}
