import { z } from "zod";
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { LoadedTable } from "../model/tables.js";
import { checkCitation } from "./citations.js";
import { cellOf, locateColumns, placeOf, type ColumnSpec } from "./columns.js";
import { UPPGIFT_SAKNAS, type KeyFigures } from "../model/key-figures.js";
import type { KeyFigureSource } from "../sources/key-figure-source.js";

/**
 * Key-figure files (`nyckel;värde;källa;anmärkning`): one published figure per row, each with the id
 * of its source in `data/kallor.csv`. Each dataset describes its keys with a zod schema; a stated
 * total among them is reconciled against its parts like the sums in Brå's table.
 */

const columns: ColumnSpec<"nyckel" | "varde" | "kalla" | "anmarkning">[] = [
  { key: "nyckel", header: "nyckel", required: true },
  { key: "varde", header: "värde", required: true },
  { key: "kalla", header: "källa", required: true },
  { key: "anmarkning", header: "anmärkning", required: false },
];

/** Reads a key-figure file against its dataset's schema. */
export function validateKeyFigures<S extends z.ZodObject>(
  table: LoadedTable,
  dataset: KeyFigureSource<string, S>,
  sourceIds: ReadonlySet<string>,
  sink: DiagnosticSink,
): KeyFigures<z.infer<S>> | undefined {
  const located = locateColumns(table.header, columns, sink);
  if (!located) return undefined;
  const known = new Set(Object.keys(dataset.schema.shape));
  const raw: Record<string, string> = {};
  const kallor: Record<string, string> = {};
  const rader: Record<string, number> = {};
  for (const record of table.records) {
    const key = cellOf(record, located, "nyckel");
    if (key === "" && record.cells.every((c) => c.trim() === "")) continue;
    if (!known.has(key)) {
      sink.error({
        code: "E_OKAND_NYCKEL",
        line: record.line,
        ...placeOf(located, "nyckel"),
        found: key,
        expected: [...known].join(", "),
        message: `Okänd nyckel "${key}" i ${dataset.id}. Giltiga nycklar: ${[...known].join(", ")}.`,
      });
      continue;
    }
    if (rader[key] !== undefined) {
      sink.error({
        code: "E_DUBBLETT",
        line: record.line,
        ...placeOf(located, "nyckel"),
        found: key,
        message: `Nyckeln "${key}" finns redan på rad ${rader[key]}.`,
      });
      continue;
    }
    const source = cellOf(record, located, "kalla");
    const value = cellOf(record, located, "varde");
    // A figure not yet known has nothing to cite; one that is cited must name a known source.
    if (!(value.trim() === UPPGIFT_SAKNAS && source === ""))
      checkCitation(sourceIds, source, { line: record.line, ...placeOf(located, "kalla") }, sink);
    raw[key] = value;
    kallor[key] = source;
    rader[key] = record.line;
  }
  const result = dataset.schema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "");
      const line = rader[key];
      sink.error({
        code: line === undefined ? "E_NYCKEL_SAKNAS" : "E_OGILTIGT_VARDE",
        ...(line !== undefined ? { line, ...placeOf(located, "varde") } : { line: table.header.line }),
        found: raw[key],
        message:
          line === undefined ? `Uppgiften "${key}" saknas i ${dataset.id}.` : `${key}: ${issue.message}.`,
      });
    }
    return undefined;
  }
  const saknas = Object.keys(rader).filter((key) => raw[key]!.trim() === UPPGIFT_SAKNAS);
  if (saknas.length > 0) {
    const where = saknas.map((key) => `${key} (rad ${rader[key]})`);
    sink.warn({
      code: "W_NYCKELTAL_SAKNAS",
      line: rader[saknas[0]!]!,
      ...placeOf(located, "varde"),
      found: UPPGIFT_SAKNAS,
      message:
        saknas.length === Object.keys(dataset.schema.shape).length
          ? `Filen är inte ifylld: alla ${saknas.length} uppgifter från ${dataset.beskrivning} är .. (inte kända); rapporten säger att uppgifterna saknas.`
          : `${saknas.length} av uppgifterna från ${dataset.beskrivning} saknas (..); rapporten skriver "uppgift saknas" där de skulle ha stått. Fyll i: ${where.join(", ")}.`,
    });
  }
  return { varden: result.data, kallor, rader, saknas };
}
