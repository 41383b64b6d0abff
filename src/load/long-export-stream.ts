import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Transform } from "node:stream";
import { parse } from "csv-parse";
import iconv from "iconv-lite";
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { MAX_FIELD_BYTES, detectDelimiter, extraFieldsCheck } from "./delimited.js";
import { type RawRecord } from "../model/tables.js";
import type { LoadedTable } from "../model/tables.js";
import type { TextEncodingName } from "../model/tables.js";
import { normaliseHeader } from "../model/tables.js";
import { braTableForm } from "../sources/anmalda-brott.js";
import { ICONV_NAME, firstInvalidUtf8, reportInvalidUtf8, sniffEncoding } from "./text-file.js";

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
  const utf8 = encoding === "utf-8" || encoding === "utf-8-bom";
  const watch = utf8 ? watchUtf8() : undefined;
  // UTF-8 goes to csv-parse as bytes (it decodes and drops the BOM itself), watched for a byte that
  // is not UTF-8 (csv-parse would make it �); other encodings via iconv.
  const decoded = watch
    ? source.pipe(watch.stream)
    : source.pipe(iconv.decodeStream(ICONV_NAME[encoding], { stripBOM: true }));
  const firstLine = firstLineOf(start, encoding);
  const delimiter = detectDelimiter(firstLine);
  const parser = decoded.pipe(
    // Without csv-parse's per-record info objects (a third of the time on a million rows): the line
    // number is counted here, one per record (empty lines included) plus the line breaks inside its
    // quoted cells.
    parse({
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: MAX_FIELD_BYTES,
    }),
  );

  let header: RawRecord | undefined;
  let yearIndex = -1;
  let check: (record: RawRecord) => void = () => {};
  // csv-parse's relaxed column count hands on a row with more fields than the header; the rule of
  // every other table (E_FLER_FALT) judges it, in the years kept and passed over alike.
  let checkExtraFields: (record: RawRecord) => void = () => {};
  const records: RawRecord[] = [];
  let scanned = 0;
  try {
    let nextLine = 1;
    for await (const record of parser as AsyncIterable<string[]>) {
      // The watch runs a chunk ahead of the parser: no row of the chunk with the bad byte is judged.
      if (watch?.firstInvalid() !== undefined) break;
      const line = nextLine;
      nextLine += 1 + lineBreaksWithin(record);
      if (record.length <= 1 && (record[0] ?? "") === "") continue;
      if (!header) {
        header = { line, cells: record };
        yearIndex = record.findIndex((name) => normaliseHeader(name) === "år");
        check = checkPassedOver(header, sink);
        checkExtraFields = extraFieldsCheck(header, delimiter, sink);
        continue;
      }
      scanned++;
      const row = { line, cells: record };
      checkExtraFields(row);
      const yearText = (record[yearIndex] ?? "").trim();
      const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
      if (keepYears.has(year) || Number.isNaN(year)) {
        records.push(row); // kept, or left for validation to report precisely
        continue;
      }
      check(row);
    }
  } catch (cause) {
    sink.error({
      code: "E_CSV_SYNTAX",
      message: `Exporten kan inte läsas som en tabell: ${cause instanceof Error ? cause.message : String(cause)}`,
    });
    return undefined;
  }
  const invalid = watch?.firstInvalid();
  if (invalid !== undefined) {
    source.destroy();
    const bom = encoding === "utf-8-bom" ? 3 : 0;
    reportInvalidUtf8((await head(file, invalid + 1)).subarray(bom), invalid - bom, sink);
    return undefined;
  }
  if (!header) {
    sink.error({ code: "E_TOM_FIL", message: "Filen är tom; den ska börja med en rubrikrad." });
    return undefined;
  }
  return { delimiter, header, records, file, encoding, scannedRows: scanned };
}

/** The line breaks inside a record's (quoted) cells: the next record starts that many lines further down. */
function lineBreaksWithin(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells)
    if (cell.includes("\n") || cell.includes("\r")) breaks += cell.match(/\r\n|\r|\n/g)!.length;
  return breaks;
}

/**
 * Passes a UTF-8 stream on unchanged and notes the file offset of its first byte that is not UTF-8.
 * Each chunk is checked natively (`isUtf8`); a character split between chunks is carried over.
 */
function watchUtf8(): { stream: Transform; firstInvalid: () => number | undefined } {
  let offset = 0; // the file offset of carry[0]
  let carry = Buffer.alloc(0);
  let bad: number | undefined;
  const inspect = (bytes: Buffer) => {
    const end = lastCharacterEnd(bytes);
    const whole = bytes.subarray(0, end);
    if (!isUtf8(whole)) {
      bad = offset + (firstInvalidUtf8(whole) ?? 0);
      return;
    }
    offset += end;
    carry = Buffer.from(bytes.subarray(end));
  };
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (bad === undefined) inspect(carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk);
      done(null, chunk);
    },
    flush(done) {
      if (bad === undefined && carry.length > 0) bad = offset; // the file ends inside a character
      done();
    },
  });
  return { stream, firstInvalid: () => bad };
}

/** Where the last whole character of `bytes` ends: before a lead byte whose sequence runs past the end. */
function lastCharacterEnd(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}
