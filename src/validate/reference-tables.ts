import { z } from "zod";
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { LoadedTable } from "../load/read-table.js";
import type { Brottskod, Polisregion } from "../types.js";
import { cellOf, locateColumns, placeOf, type ColumnSpec } from "./columns.js";

/**
 * Validates each record of a table against a zod schema, after mapping header names to keys.
 * Every schema problem becomes a diagnostic naming the line and the column.
 */
export function validateRecords<K extends string, T>(
  table: LoadedTable,
  specs: readonly ColumnSpec<K>[],
  schema: z.ZodType<T>,
  sink: DiagnosticSink,
): { line: number; value: T }[] | undefined {
  const columns = locateColumns(table.header, specs, sink);
  if (!columns) return undefined;
  const out: { line: number; value: T }[] = [];
  for (const record of table.records) {
    if (record.cells.every((c) => c.trim() === "")) continue;
    const raw = Object.fromEntries(specs.map((s) => [s.key, cellOf(record, columns, s.key)]));
    const result = schema.safeParse(raw);
    if (result.success) {
      out.push({ line: record.line, value: result.data });
      continue;
    }
    for (const issue of result.error.issues) {
      const key = issue.path[0] as K | undefined;
      const spec = specs.find((s) => s.key === key);
      sink.error({
        code: "E_OGILTIGT_VARDE",
        line: record.line,
        ...(key ? placeOf(columns, key) : {}),
        found: key ? raw[key] : undefined,
        message: `${spec ? `Kolumnen "${spec.header}": ` : ""}${issue.message}`,
      });
    }
  }
  return out;
}

const optionalYear = z
  .string()
  .regex(/^(\d{4})?$/, {
    error: (iss) => `väntade ett årtal med fyra siffror eller tomt, fann "${String(iss.input)}"`,
  })
  .transform((s) => (s === "" ? null : Number(s)));

const required = (what: string) => z.string().min(1, { error: `${what} saknas` });

const brottskodSchema = z
  .object({
    kod: z.string().regex(/^\d{4}$/, {
      error: (iss) => `väntade en brottskod med fyra siffror (t.ex. 0418), fann "${String(iss.input)}"`,
    }),
    benamning: required("benämningen"),
    grupp: required("gruppen"),
    andamal: z.string(),
    offergrupp: z.string(),
    forstaAr: optionalYear,
    sistaAr: optionalYear,
    kalla: required("källan"),
  })
  .refine((b) => b.forstaAr === null || b.sistaAr === null || b.forstaAr <= b.sistaAr, {
    error: "första giltiga år ligger efter sista giltiga år",
    path: ["sistaAr"],
  });

const brottskodColumns: ColumnSpec<keyof z.input<typeof brottskodSchema>>[] = [
  { key: "kod", header: "brottskod", required: true },
  { key: "benamning", header: "benämning", required: true },
  { key: "grupp", header: "grupp", required: true },
  { key: "andamal", header: "ändamål", required: true },
  { key: "offergrupp", header: "offergrupp", required: false },
  { key: "forstaAr", header: "första_år", required: true },
  { key: "sistaAr", header: "sista_år", required: true },
  { key: "kalla", header: "källa", required: true },
];

/** The catalog of crime codes: data, so that a new or renamed code needs no change to the program. */
export function validateBrottskoder(table: LoadedTable, sink: DiagnosticSink): Brottskod[] | undefined {
  const records = validateRecords(table, brottskodColumns, brottskodSchema, sink);
  if (!records) return undefined;
  const seen = new Map<string, number>();
  for (const { line, value } of records) {
    const earlier = seen.get(value.kod);
    if (earlier !== undefined) {
      sink.error({
        code: "E_DUBBLETT",
        line,
        found: value.kod,
        message: `Brottskoden ${value.kod} finns redan på rad ${earlier}.`,
      });
    }
    seen.set(value.kod, line);
  }
  return records.map((r) => r.value);
}

const regionSchema = z.object({
  namn: required("regionens namn"),
  alias: z.string().transform((s) =>
    s
      .split(",")
      .map((a) => a.trim())
      .filter((a) => a !== ""),
  ),
  lan: z.string().transform((s) =>
    s
      .split(",")
      .map((a) => a.trim())
      .filter((a) => a !== ""),
  ),
  kalla: required("källan"),
});

const regionColumns: ColumnSpec<keyof z.input<typeof regionSchema>>[] = [
  { key: "namn", header: "polisregion", required: true },
  { key: "alias", header: "förkortningar", required: false },
  { key: "lan", header: "län", required: true },
  { key: "kalla", header: "källa", required: true },
];

export function validatePolisregioner(table: LoadedTable, sink: DiagnosticSink): Polisregion[] | undefined {
  const records = validateRecords(table, regionColumns, regionSchema, sink);
  if (!records) return undefined;
  if (records.length === 0) {
    sink.error({ code: "E_TOM_TABELL", line: table.header.line, message: "Filen har inga polisregioner." });
    return undefined;
  }
  return records.map(({ value: { namn, alias, lan } }) => ({ namn, alias, lan }));
}
