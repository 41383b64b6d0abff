import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { parse } from "csv-parse";
import iconv from "iconv-lite";
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { MAX_FIELD_BYTES, detectDelimiter } from "./delimited.js";
import { type RawRecord } from "../model/tables.js";
import type { LoadedTable } from "../model/tables.js";
import type { TextEncodingName } from "../model/tables.js";
import { normaliseHeader } from "../model/tables.js";
import { braTableForm } from "../sources/anmalda-brott.js";
import { ICONV_NAME, sniffEncoding } from "./text-file.js";

/** The first bytes of a file, to tell its form and encoding without reading all of it. */
async function head(file: string, bytes = 65536): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The first line of the sample, decoded; the byte-order mark dropped. */
const firstLineOf = (start: Buffer, encoding: TextEncodingName) =>
  iconv.decode(start, ICONV_NAME[encoding], { stripBOM: true }).split(/\r\n|\r|\n/)[0] ?? "";

/**
 * Whether the file is Brå's long export with a year column, worth streaming (the source's rule for
 * telling the forms apart, `braTableForm`). Text files only; a workbook is read whole.
 */
export async function isStreamableLongExport(file: string): Promise<boolean> {
  if (file.toLowerCase().endsWith(".xlsx")) return false;
  const start = await head(file, 4096);
  const encoding = sniffEncoding(start);
  if (encoding === undefined) return false;
  const firstLine = firstLineOf(start, encoding);
  return braTableForm(firstLine.split(detectDelimiter(firstLine))).harAr;
}

/**
 * Checks a row the stream passes over (another year's), given the header: the validate stage's form
 * rule for an export row, handed in by the pipeline, so that a row of 2019 is judged as one of 2023.
 */
export type PassedOverRowCheck = (header: RawRecord, sink: DiagnosticSink) => (record: RawRecord) => void;

/**
 * Streams a long export, keeping only the rows of `keepYears` (the statistics year and the year
 * before): a file of a million rows over many years costs memory for the kept rows only. Every row
 * passed over goes to `checkPassedOver`; the kept rows are validated by the validate stage, like any
 * table.
 */
export async function readLongExportStreaming(
  file: string,
  keepYears: ReadonlySet<number>,
  sink: DiagnosticSink,
  checkPassedOver: PassedOverRowCheck,
): Promise<LoadedTable | undefined> {
  const start = await head(file);
  const encoding = sniffEncoding(start) ?? "utf-8";
  const source = createReadStream(file);
  // UTF-8 goes to csv-parse as bytes (it decodes and drops the BOM itself); other encodings via iconv.
  const decoded =
    encoding === "utf-8" || encoding === "utf-8-bom"
      ? source
      : source.pipe(iconv.decodeStream(ICONV_NAME[encoding], { stripBOM: true }));
  const firstLine = firstLineOf(start, encoding);
  const parser = decoded.pipe(
    // Without csv-parse's per-record info objects (a third of the time on a million rows): an
    // export has one record per line, so the line number is counted here, empty lines included.
    parse({
      delimiter: detectDelimiter(firstLine),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: MAX_FIELD_BYTES,
    }),
  );

  let header: RawRecord | undefined;
  let yearIndex = -1;
  let check: (record: RawRecord) => void = () => {};
  const records: RawRecord[] = [];
  let scanned = 0;
  try {
    let line = 0;
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      if (record.length <= 1 && (record[0] ?? "") === "") continue;
      if (!header) {
        header = { line, cells: record };
        yearIndex = record.findIndex((name) => normaliseHeader(name) === "år");
        check = checkPassedOver(header, sink);
        continue;
      }
      scanned++;
      const yearText = (record[yearIndex] ?? "").trim();
      const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
      if (keepYears.has(year) || Number.isNaN(year)) {
        records.push({ line, cells: record }); // kept, or left for validation to report precisely
        continue;
      }
      check({ line, cells: record });
    }
  } catch (cause) {
    sink.error({
      code: "E_CSV_SYNTAX",
      message: `Exporten kan inte läsas som en tabell: ${cause instanceof Error ? cause.message : String(cause)}`,
    });
    return undefined;
  }
  if (!header) {
    sink.error({ code: "E_TOM_FIL", message: "Filen är tom; den ska börja med en rubrikrad." });
    return undefined;
  }
  return { delimiter: detectDelimiter(firstLine), header, records, file, encoding, scannedRows: scanned };
}
