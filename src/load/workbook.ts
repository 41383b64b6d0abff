import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { normaliseHeader, type RawRecord, type RawTable } from "../model/tables.js";

/** Signatures of the spreadsheet formats people send instead of CSV. */
export const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
export const isOleCompound = (bytes: Uint8Array) =>
  bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

/**
 * How much worksheet XML a workbook may unpack to. ExcelJS holds the whole workbook in memory at many
 * times the XML's size (a 30 MB file of a million rows ran V8 out of memory); CSV is streamed instead.
 */
export const MAX_WORKBOOK_XML_BYTES = 20 * 1024 * 1024;

/**
 * The unpacked size of the worksheets and shared strings, read from the zip's central directory
 * without unpacking anything; `Infinity` for Zip64 sizes, 0 when there is no readable directory (a
 * broken file, which ExcelJS then reports as unreadable).
 */
export function unpackedSheetBytes(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return 0; // no directory: not a readable zip, which ExcelJS reports as such
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return 0;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString("utf8");
    if (/^xl\/(worksheets\/|sharedStrings)/.test(name)) {
      if (size === 0xffffffff) return Infinity;
      total += size;
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

export const SAVE_AS_HELP =
  "Spara filen som .xlsx, som CSV UTF-8 (kommaavgränsad) eller som Unicode-text i Excel (Arkiv → Spara som).";

/**
 * Reads the first worksheet of an .xlsx workbook into the same records a CSV gives, with the sheet's
 * row numbers as line numbers. Text cells keep their leading zeros; a code stored as a number has lost
 * them, which validation reports with the fix. (ExcelJS is loaded only when a workbook is read.)
 */
export async function parseWorkbook(bytes: Uint8Array, sink: DiagnosticSink): Promise<RawTable | undefined> {
  const unpacked = unpackedSheetBytes(bytes);
  if (unpacked > MAX_WORKBOOK_XML_BYTES) {
    sink.error({
      code: "E_FIL_FOR_STOR",
      message:
        `Arbetsboken är för stor för att läsas säkert (${Number.isFinite(unpacked) ? `${Math.round(unpacked / 1024 / 1024)} MB uppackad` : "storleken kan inte avgöras"}; gränsen är ${MAX_WORKBOOK_XML_BYTES / 1024 / 1024} MB). ` +
        "Spara tabellen som CSV UTF-8 i Excel (Arkiv → Spara som); en CSV-fil läses i en ström, hur lång den än är.",
    });
    return undefined;
  }
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (cause) {
    sink.error({
      code: "E_ARBETSBOK_OLASLIG",
      message: `Arbetsboken kan inte läsas (${cause instanceof Error ? cause.message : String(cause)}). ${SAVE_AS_HELP}`,
    });
    return undefined;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) {
    sink.error({
      code: "E_TOM_FIL",
      message: "Arbetsbokens första blad är tomt; det ska börja med en rubrikrad.",
    });
    return undefined;
  }
  const records: RawRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      // A merged range's value belongs to its first cell; ExcelJS repeats it in every cell of the range,
      // where Excel shows it once and writes it once when saving as CSV.
      cells[column - 1] = cell.isMerged && cell.master !== cell ? "" : (cell.text ?? "");
    });
    records.push({ line: rowNumber, cells: Array.from(cells, (c) => c ?? "") });
  });
  const [header, ...rest] = records;
  if (!header) {
    sink.error({
      code: "E_TOM_FIL",
      message: "Arbetsbokens första blad är tomt; det ska börja med en rubrikrad.",
    });
    return undefined;
  }
  rest.forEach(headerlessCellCheck(header, sheet.name, sink));
  return { delimiter: "\t", header, records: rest };
}

/** A column's letters as Excel shows them: 1 → A, 26 → Z, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * The workbook's form of the rule for text beyond the header (E_FLER_FALT in a CSV): a value in a column
 * whose header cell is empty, past the header's last column or in a gap within it, would be lost without
 * a word, since every reader looks cells up by their header. A workbook has no delimiter to quote, so it
 * gets its own message, naming the sheet and the cell as Excel shows them. Cells that only carry
 * formatting, or only spaces, are harmless, as the empty trailing cells Excel writes to a CSV are.
 */
function headerlessCellCheck(
  header: RawRecord,
  sheetName: string,
  sink: DiagnosticSink,
): (row: RawRecord) => void {
  const hasHeader = header.cells.map((name) => normaliseHeader(name) !== "");
  return ({ line, cells }) => {
    cells.forEach((text, i) => {
      if (hasHeader[i] || text.trim() === "") return;
      const letters = columnLetters(i + 1);
      const shown = text.length > 60 ? `${text.slice(0, 57).trimEnd()} …` : text;
      sink.error({
        code: "E_CELL_UTAN_RUBRIK",
        line,
        column: i + 1,
        found: text,
        expected: `en rubrik i rad ${header.line} för kolumn ${letters}, eller ingen text där`,
        message:
          `Cellen ${letters}${line} på bladet "${sheetName}" innehåller "${shown}", men kolumn ${letters} har ` +
          `ingen rubrik i rad ${header.line}, så värdet skulle gå förlorat. Skriv en rubrik i ` +
          `${letters}${header.line}, flytta värdet till rätt kolumn eller töm cellen.`,
      });
    });
  };
}
