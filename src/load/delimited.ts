import { parse, CsvError } from "csv-parse/sync";
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { normaliseHeader, type Delimiter, type RawRecord, type RawTable } from "../model/tables.js";

/** A field larger than this is refused instead of being held in memory (a pasted blob, a binary). */
export const MAX_FIELD_BYTES = 64 * 1024;

/**
 * Picks the delimiter that splits the header line into the most fields, counting only outside quotes.
 * Tabs win ties: Excel's "Unicode text" is tab-separated and its cells may contain commas.
 */
export function detectDelimiter(text: string): Delimiter {
  const firstLine = text.slice(0, text.search(/\n|$/));
  const counts: Record<Delimiter, number> = { "\t": 0, ";": 0, ",": 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\t" || ch === ";" || ch === ",")) counts[ch]++;
  }
  const order: Delimiter[] = ["\t", ";", ","];
  return order.reduce((best, d) => (counts[d] > counts[best] ? d : best), order[0]!);
}

/**
 * Parses delimited text into records with line numbers. Line endings (CR, LF, CRLF) are normalised
 * first; empty lines are kept out of the records but counted in line numbers.
 */
export function parseDelimited(text: string, sink: DiagnosticSink): RawTable | undefined {
  const normalised = text.replace(/\r\n?/g, "\n");
  const delimiter = detectDelimiter(normalised);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(normalised, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: MAX_FIELD_BYTES,
      bom: true,
    }) as unknown as typeof parsed;
  } catch (cause) {
    if (cause instanceof CsvError) {
      const line = typeof cause.lines === "number" ? cause.lines : undefined;
      const tooLarge = cause.code === "CSV_MAX_RECORD_SIZE";
      sink.error({
        code: tooLarge ? "E_FALT_FOR_STORT" : "E_CSV_SYNTAX",
        line,
        message: tooLarge
          ? `En rad är större än ${MAX_FIELD_BYTES / 1024} KiB; en tabellcell väntas vara kort. ` +
            "Kontrollera att filen är en CSV-tabell och att inga citattecken saknar sin avslutning."
          : `Filen kan inte tolkas som en tabell: ${cause.message}`,
      });
      return undefined;
    }
    throw cause;
  }
  const records = parsed.map(({ record, info }) => {
    const innerNewlines = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    return { line: info.lines - innerNewlines, cells: record };
  });
  const [header, ...rest] = records;
  if (!header) {
    sink.error({
      code: "E_TOM_FIL",
      message: "Filen innehåller inga rader; den ska börja med en rubrikrad.",
    });
    return undefined;
  }
  rest.forEach(extraFieldsCheck(header, delimiter, sink));
  return { delimiter, header, records: rest };
}

/** The delimiter with its article, as the message names it ("en tabb", not "ett tabb"). */
const DELIMITER_NAMES: Record<Delimiter, string> = {
  "\t": "en tabb",
  ";": "ett semikolon",
  ",": "ett kommatecken",
};

/**
 * The rule for a value no column will read: every reader looks cells up by their header, so text beyond
 * the header's last field (most often after a semicolon inside a note that is not quoted) or under an
 * empty header cell within it would be lost without a word. Empty cells, as Excel writes them, are
 * harmless. Returned as a check per row, so that a reader that streams its rows applies the same rule;
 * a workbook has its own form of it (workbook.ts).
 */
export function extraFieldsCheck(
  header: RawRecord,
  delimiter: Delimiter,
  sink: DiagnosticSink,
): (row: { line: number; cells: readonly string[] }) => void {
  const width = header.cells.length;
  const name = DELIMITER_NAMES[delimiter];
  const gaps = header.cells.flatMap((cell, i) => (normaliseHeader(cell) === "" ? [i] : []));
  return ({ line, cells }) => {
    for (const i of gaps) {
      const value = cells[i]?.trim() ?? "";
      if (value === "") continue;
      sink.error({
        code: "E_CELL_UTAN_RUBRIK",
        line,
        column: i + 1,
        found: value,
        expected: `en rubrik i fält ${i + 1} på rad ${header.line}, eller inget värde där`,
        message:
          `Fält ${i + 1} har värdet "${value}", men rubrikraden (rad ${header.line}) har ingen rubrik för det fältet, ` +
          `så värdet skulle gå förlorat. Skriv en rubrik där, flytta värdet till rätt fält eller ta bort det.`,
      });
    }
    if (cells.length <= width) return;
    const extra = cells.slice(width);
    if (extra.every((cell) => cell.trim() === "")) return;
    sink.error({
      code: "E_FLER_FALT",
      line,
      column: width + 1,
      found: extra.join(delimiter).trim(),
      expected: `högst ${width} fält, som rubrikraden`,
      message:
        `Raden har ${cells.length} fält men rubrikraden ${width}, så texten efter fält ${width} skulle gå förlorad. ` +
        `Står det ${name} i en text, sätt texten inom citattecken ("…").`,
    });
  };
}
