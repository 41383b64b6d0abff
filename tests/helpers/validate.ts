import { readFileSync } from "node:fs";
import path from "node:path";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.js";
import { decodeText } from "../../src/load/text-file.js";
import { parseDelimited } from "../../src/load/delimited.js";
import type { LoadedTable } from "../../src/model/tables.js";
import { validateAnmaldaBrott } from "../../src/validate/anmalda-brott-wide.js";
import {
  validateBrottskoder,
  validateKallor,
  validatePolisregioner,
} from "../../src/validate/reference-tables.js";
import { REPO_DATA } from "./temp-data.js";

/** Parses in-memory file content the way the loader does. */
export function tableFrom(
  content: string | Uint8Array,
  file = "anmalda-brott.csv",
): { table?: LoadedTable; sink: DiagnosticSink } {
  const sink = new DiagnosticSink(file);
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const decoded = decodeText(bytes, sink);
  const raw = decoded && parseDelimited(decoded.text, sink);
  return { ...(raw && decoded && { table: { ...raw, file, encoding: decoded.encoding } }), sink };
}

function referenceTables() {
  const sink = new DiagnosticSink("ref");
  const read = (name: string) => tableFrom(readFileSync(path.join(REPO_DATA, name)), name).table!;
  const regioner = validatePolisregioner(read("polisregioner.csv"), sink)!;
  const sourceIds = new Set(validateKallor(read("kallor.csv"), sink)!.map((k) => k.id));
  const brottskoder = validateBrottskoder(read("brottskoder.csv"), sourceIds, sink)!;
  if (sink.items.length > 0) throw new Error(JSON.stringify(sink.items));
  return { regioner, brottskoder };
}

export const reference = referenceTables();

/** Validates an Anmälda brott table given as text, for statistics year `statistikar`. */
export function validateTable(content: string | Uint8Array, statistikar = 2023) {
  const { table, sink } = tableFrom(content);
  const value = table && validateAnmaldaBrott(table, { ...reference, statistikar }, sink);
  return { value, diagnostics: sink.items };
}
