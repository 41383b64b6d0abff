/** Tables as read from disk, before any judgement of their content. */

export type TextEncodingName = "utf-8" | "utf-8-bom" | "windows-1252" | "utf-16le" | "utf-16be";

export type Delimiter = "," | ";" | "\t";

/** One record of a delimited file with the line it starts on, for diagnostics. */
export interface RawRecord {
  line: number;
  cells: string[];
}

export interface RawTable {
  delimiter: Delimiter;
  header: RawRecord;
  records: RawRecord[];
}

export interface LoadedTable extends RawTable {
  file: string;
  encoding: TextEncodingName | "xlsx";
  /** Rows read from the file, where a stream kept only some of them as records. */
  scannedRows?: number;
}

/** A column a table must or may have, found by its header name in any order. */
export interface ColumnSpec<K extends string = string> {
  key: K;
  /** The name shown in messages. */
  header: string;
  /** Other accepted header names (e.g. `Sthlm` for Stockholm). */
  aliases?: readonly string[];
  required: boolean;
}

/**
 * Header names are compared ignoring case, surrounding and repeated spaces, soft hyphens and the
 * line-break hyphenation of pasted tables ("Berg- slagen", "Total-\nsumma").
 */
export function normaliseHeader(name: string): string {
  return name
    .normalize("NFC")
    .replace(/\u00ad/g, "")
    .replace(/-\s+/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
