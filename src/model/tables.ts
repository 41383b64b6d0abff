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
