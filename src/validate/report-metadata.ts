import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { LoadedTable } from "../model/tables.js";
import { rapport } from "../sources/rapport.js";
import { NO_SCHEMA_CONTEXT } from "../sources/year-file-source.js";
import { cellOf, locateColumns, placeOf } from "./columns.js";
import { DEFAULT_METADATA, type RapportMetadata } from "../model/types.js";

const FIELDS = rapport.schema(NO_SCHEMA_CONTEXT).shape;

const WHAT: Record<keyof RapportMetadata, string> = {
  lagesrapport: "lägesrapportens nummer",
  diarienummer: "diarienumret",
  datum: "rapportens datum",
  informationsklass: "informationsklassen",
};

/** Reads the cover facts; an empty value is a warning (the cover leaves it out), a wrong one an error. */
export function validateReportMetadata(
  table: LoadedTable,
  sink: DiagnosticSink,
): RapportMetadata | undefined {
  const located = locateColumns(table.header, rapport.columns, sink);
  if (!located) return undefined;
  const out: RapportMetadata = { ...DEFAULT_METADATA };
  const seen = new Set<string>();
  for (const record of table.records) {
    const key = cellOf(record, located, "nyckel") as keyof RapportMetadata;
    const value = cellOf(record, located, "varde");
    if (key === ("" as keyof RapportMetadata)) continue;
    if (!(key in FIELDS)) {
      sink.error({
        code: "E_OKAND_NYCKEL",
        line: record.line,
        ...placeOf(located, "nyckel"),
        found: key,
        message: `Okänd nyckel "${key}"; giltiga är ${Object.keys(FIELDS).join(", ")}.`,
      });
      continue;
    }
    seen.add(key);
    if (value === "") continue;
    const parsed = FIELDS[key].safeParse(value);
    if (!parsed.success) {
      sink.error({
        code: "E_OGILTIGT_VARDE",
        line: record.line,
        ...placeOf(located, "varde"),
        found: value,
        message: `${key}: ${parsed.error.issues[0]?.message}.`,
      });
      continue;
    }
    (out as unknown as Record<string, unknown>)[key] = parsed.data;
  }
  for (const key of ["lagesrapport", "diarienummer", "datum"] as const) {
    if (out[key] === null) {
      sink.warn({
        code: "W_METADATA_SAKNAS",
        line: table.header.line,
        found: key,
        message: `${WHAT[key]} (${key}) är inte ifyllt${seen.has(key) ? "" : " (raden saknas)"}; omslaget visar det inte. Fyll i det före publicering.`,
      });
    }
  }
  return out;
}
