import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { RawRecord, RawTable } from "../model/tables.js";

/** Signatures of the spreadsheet formats people send instead of CSV. */
export const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
export const isOleCompound = (bytes: Uint8Array) =>
  bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

export const SAVE_AS_HELP =
  "Spara filen som .xlsx, som CSV UTF-8 (kommaavgränsad) eller som Unicode-text i Excel (Arkiv → Spara som).";

/**
 * Reads the first worksheet of an .xlsx workbook into the same records a CSV gives, with the sheet's
 * row numbers as line numbers. Text cells keep their leading zeros; a code stored as a number has lost
 * them, which validation reports with the fix. (ExcelJS is loaded only when a workbook is read.)
 */
export async function parseWorkbook(bytes: Uint8Array, sink: DiagnosticSink): Promise<RawTable | undefined> {
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
      cells[column - 1] = cell.text ?? "";
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
  return { delimiter: "\t", header, records: rest };
}
