import { z } from "zod";
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { LoadedTable } from "../model/tables.js";
import type { Brottskod, Polisregion } from "../model/types.js";
import { cellOf, locateColumns, placeOf, type ColumnSpec } from "./columns.js";
import { kallaSchema } from "../model/kalla.js";
import { checkCitation } from "./citations.js";
import type { Jamforelsegrupp, Kalla, PubliceradForandring, SerieAr } from "../model/types.js";
import { braForandringar } from "../sources/bra-forandringar.js";
import { datakallor } from "../sources/datakallor.js";
import { NO_SCHEMA_CONTEXT } from "../sources/year-file-source.js";
import { seriesColumns, seriesRowSchema, type SeriesSource } from "../sources/series-source.js";

/**
 * Validates each record of a table against a zod schema, after mapping header names to keys.
 * Every schema problem becomes a diagnostic naming the line and the column.
 */
export function validateRecords<K extends string, T>(
  table: LoadedTable,
  specs: readonly ColumnSpec<K>[],
  schema: z.ZodType<T>,
  sink: DiagnosticSink,
  /** Where the table has a `kalla` column: the ids in kallor.csv it must name. */
  sourceIds?: ReadonlySet<string>,
): { line: number; value: T }[] | undefined {
  const columns = locateColumns(table.header, specs, sink);
  if (!columns) return undefined;
  const out: { line: number; value: T }[] = [];
  for (const record of table.records) {
    if (record.cells.every((c) => c.trim() === "")) continue;
    const raw = Object.fromEntries(specs.map((s) => [s.key, cellOf(record, columns, s.key)]));
    const citationKey = specs.find((s) => s.key === "kalla")?.key;
    const cited =
      sourceIds === undefined ||
      citationKey === undefined ||
      checkCitation(
        sourceIds,
        raw[citationKey] ?? "",
        { line: record.line, ...placeOf(columns, citationKey) },
        sink,
      );
    const result = schema.safeParse(raw);
    if (result.success) {
      if (cited) out.push({ line: record.line, value: result.data });
      continue;
    }
    for (const issue of result.error.issues) {
      // A nested schema (a series' `varden`) names the column last.
      const key = issue.path.at(-1) as K | undefined;
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
    kalla: z.string(),
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
export function validateBrottskoder(
  table: LoadedTable,
  sourceIds: ReadonlySet<string>,
  sink: DiagnosticSink,
): Brottskod[] | undefined {
  const records = validateRecords(table, brottskodColumns, brottskodSchema, sink, sourceIds);
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

const kallaColumns: ColumnSpec<keyof z.input<typeof kallaSchema>>[] = [
  { key: "id", header: "id", required: true },
  { key: "utgivare", header: "utgivare", required: true },
  { key: "titel", header: "titel", required: true },
  { key: "ar", header: "år", required: true },
  { key: "url", header: "url", required: true },
  { key: "hamtad", header: "hämtad", required: true },
  { key: "anmarkning", header: "anmärkning", required: false },
];

/** The sources that data files and footnotes cite by id. */
export function validateKallor(table: LoadedTable, sink: DiagnosticSink): Kalla[] | undefined {
  const records = validateRecords(table, kallaColumns, kallaSchema, sink);
  if (!records) return undefined;
  const seen = new Map<string, number>();
  for (const { line, value } of records) {
    const earlier = seen.get(value.id);
    if (earlier !== undefined) {
      sink.error({
        code: "E_DUBBLETT",
        line,
        found: value.id,
        message: `Källan "${value.id}" finns redan på rad ${earlier}.`,
      });
    }
    seen.set(value.id, line);
  }
  return records.map((r) => r.value);
}

/**
 * A multi-year series (`data/serier/*.csv`, its module in `src/sources/serier/`): one row per year in
 * rising order, counts or `..`, a note for each year without figures, and a source for every year that
 * has figures.
 */
export function validateSerie(
  table: LoadedTable,
  source: SeriesSource,
  sourceIds: ReadonlySet<string>,
  sink: DiagnosticSink,
): SerieAr[] | undefined {
  const records = validateRecords(table, seriesColumns(source), seriesRowSchema(source), sink);
  if (!records) return undefined;
  const out: SerieAr[] = [];
  let previous: number | undefined;
  for (const { line, value: row } of records) {
    const hasFigures = Object.values(row.varden).some((v) => v !== null);
    if (previous !== undefined && row.ar <= previous) {
      sink.error({
        code: "E_AR_ORDNING",
        line,
        found: String(row.ar),
        message: `Åren ska stå i stigande ordning; ${row.ar} kommer efter ${previous}.`,
      });
    }
    previous = row.ar;
    if (hasFigures) checkCitation(sourceIds, row.kalla, { line }, sink);
    if (!hasFigures && row.anmarkning === "") {
      sink.warn({
        code: "W_AR_UTAN_FORKLARING",
        line,
        message: `Uppgifter saknas för ${row.ar}; skriv i anmärkningen varför.`,
      });
    }
    out.push({ ar: row.ar, varden: row.varden, anmarkning: row.anmarkning, kalla: row.kalla });
  }
  return out;
}

/** Brå's published changes (`bra-forandringar.csv`, its module `src/sources/bra-forandringar.ts`). */
export function validateBraForandringar(
  table: LoadedTable,
  brottskoder: readonly Brottskod[],
  sourceIds: ReadonlySet<string>,
  sink: DiagnosticSink,
): PubliceradForandring[] | undefined {
  const schema = braForandringar.schema({
    brottskoder: new Set(brottskoder.map((b) => b.kod)),
    datakallaDatasets: NO_SCHEMA_CONTEXT.datakallaDatasets,
  });
  const records = validateRecords(table, braForandringar.columns, schema, sink, sourceIds);
  return records?.map(({ value: { anmarkning: _, ...rest } }) => rest);
}

export function validateJamforelser(
  table: LoadedTable,
  brottskoder: readonly Brottskod[],
  sourceIds: ReadonlySet<string>,
  sink: DiagnosticSink,
): Jamforelsegrupp[] | undefined {
  const known = new Set(brottskoder.map((b) => b.kod));
  const schema = z.object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, { error: "väntade ett id av gemener, siffror och bindestreck" }),
    benamning: required("benämningen"),
    koder: z
      .string()
      .transform((s) => s.split(/[\s,]+/).filter((c) => c !== ""))
      .refine((list) => list.length >= 2, {
        error: "en jämförelsegrupp behöver minst två koder (gammal och ny)",
      })
      .refine((list) => list.every((c) => known.has(c)), {
        error: "alla koder ska finnas i data/brottskoder.csv",
      }),
    kalla: z.string(),
  });
  const specs: ColumnSpec<keyof z.input<typeof schema>>[] = [
    { key: "id", header: "jämförelsegrupp", required: true },
    { key: "benamning", header: "benämning", required: true },
    { key: "koder", header: "koder", required: true },
    { key: "kalla", header: "källa", required: true },
  ];
  const records = validateRecords(table, specs, schema, sink, sourceIds);
  if (!records) return undefined;
  const owner = new Map<string, string>();
  for (const { line, value } of records) {
    for (const kod of value.koder) {
      const other = owner.get(kod);
      if (other !== undefined) {
        sink.error({
          code: "E_DUBBLETT",
          line,
          found: kod,
          message: `Koden ${kod} står redan i jämförelsegruppen ${other}; en kod kan bara jämföras på ett sätt.`,
        });
      }
      owner.set(kod, value.id);
    }
  }
  return records.map(({ value: { kalla: _, ...group } }) => group);
}

/** A year's citations for datasets whose rows carry no source (`data/<år>/datakallor.csv`). */
export interface Datakalla {
  dataset: string;
  kalla: string;
  line: number;
}

/** A year's `datakallor.csv` (its module `src/sources/datakallor.ts`). */
export function validateDatakallor(
  table: LoadedTable,
  datasets: ReadonlyMap<string, string>,
  sourceIds: ReadonlySet<string>,
  sink: DiagnosticSink,
): Datakalla[] | undefined {
  const schema = datakallor.schema({ ...NO_SCHEMA_CONTEXT, datakallaDatasets: datasets });
  const records = validateRecords(table, datakallor.columns, schema, sink);
  if (!records) return undefined;
  const out: Datakalla[] = [];
  for (const { line, value } of records) {
    // An empty source is allowed here: the dataset is then reported as uncited (E_KALLA_SAKNAS) where used.
    if (value.kalla !== "" && checkCitation(sourceIds, value.kalla, { line }, sink))
      out.push({ ...value, line });
  }
  return out;
}
