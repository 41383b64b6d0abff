import { readFile } from "node:fs/promises";
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { decodeText, type TextEncodingName } from "./text-file.js";
import { parseDelimited, type RawTable } from "./delimited.js";

export interface LoadedTable extends RawTable {
  file: string;
  encoding: TextEncodingName;
}

/** Reads a delimited data file from disk. `undefined` means the sink holds the reason. */
export async function readTable(file: string, sink: DiagnosticSink): Promise<LoadedTable | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR" || code === "EACCES") {
      sink.error({
        code: "E_FIL_SAKNAS",
        message:
          code === "ENOENT"
            ? "Filen finns inte."
            : code === "EISDIR"
              ? "Sökvägen är en mapp, inte en fil."
              : "Filen kan inte läsas (behörighet saknas).",
      });
      return undefined;
    }
    throw cause;
  }
  const decoded = decodeText(bytes, sink);
  if (!decoded) return undefined;
  const table = parseDelimited(decoded.text, sink);
  return table && { ...table, file, encoding: decoded.encoding };
}
