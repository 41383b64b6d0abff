import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { normaliseHeader, type ColumnSpec, type RawRecord } from "../model/tables.js";

export { normaliseHeader } from "../model/tables.js";
export type { ColumnSpec } from "../model/tables.js";

export interface LocatedColumns<K extends string> {
  index: Map<K, number>;
  /** Header name per 0-based column index, for diagnostics. */
  names: string[];
}

/**
 * Finds each column by its header name, in any order. A missing required column is an error; an
 * unknown column is a warning and is ignored; trailing empty header cells (Excel's) are ignored.
 */
export function locateColumns<K extends string>(
  header: RawRecord,
  specs: readonly ColumnSpec<K>[],
  sink: DiagnosticSink,
): LocatedColumns<K> | undefined {
  const index = new Map<K, number>();
  const lookup = new Map<string, ColumnSpec<K>>();
  for (const spec of specs) {
    for (const name of [spec.header, ...(spec.aliases ?? [])]) lookup.set(normaliseHeader(name), spec);
  }
  const names = header.cells.map((cell) => cell.trim());
  let ok = true;
  header.cells.forEach((cell, i) => {
    const normalised = normaliseHeader(cell);
    if (normalised === "") return;
    const spec = lookup.get(normalised);
    if (!spec) {
      sink.warn({
        code: "W_OKAND_KOLUMN",
        line: header.line,
        column: i + 1,
        columnName: cell.trim(),
        found: cell.trim(),
        expected: specs.map((s) => s.header).join(", "),
        message: `Okänd kolumn "${cell.trim()}" ignoreras.`,
      });
      return;
    }
    if (index.has(spec.key)) {
      ok = false;
      sink.error({
        code: "E_KOLUMN_DUBBLETT",
        line: header.line,
        column: i + 1,
        columnName: cell.trim(),
        found: cell.trim(),
        message: `Kolumnen "${spec.header}" förekommer mer än en gång (kolumn ${index.get(spec.key)! + 1} och ${i + 1}).`,
      });
      return;
    }
    index.set(spec.key, i);
  });
  const missing = specs.filter((s) => s.required && !index.has(s.key));
  if (missing.length > 0) {
    ok = false;
    const found = names.filter((n) => n !== "");
    sink.error({
      code: "E_KOLUMN_SAKNAS",
      line: header.line,
      found: found.join(", "),
      expected: missing.map((s) => s.header).join(", "),
      message:
        `Rubrikraden saknar ${missing.length === 1 ? "kolumnen" : "kolumnerna"} ` +
        `${missing.map((s) => `"${s.header}"`).join(", ")}. ` +
        `Rubrikraden har: ${found.length > 0 ? found.map((n) => `"${n}"`).join(", ") : "inga namn"}.`,
    });
  }
  return ok ? { index, names } : undefined;
}

/** The trimmed cell of a record in a located column; "" where the record is shorter. */
export function cellOf<K extends string>(record: RawRecord, columns: LocatedColumns<K>, key: K): string {
  const i = columns.index.get(key);
  return i === undefined ? "" : (record.cells[i] ?? "").trim();
}

/** Column number (1-based) and header name of a located column, for diagnostics. */
export function placeOf<K extends string>(
  columns: LocatedColumns<K>,
  key: K,
): { column?: number; columnName?: string } {
  const i = columns.index.get(key);
  return i === undefined ? {} : { column: i + 1, columnName: columns.names[i] };
}
