import iconv from "iconv-lite";
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { TextEncodingName } from "../model/tables.js";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
// Not TextDecoder("windows-1252"): Node 20 decodes it as Latin-1, turning Excel's en dash (0x96) and
// other 0x80–0x9F characters into control codes. iconv-lite maps them as Windows-1252 defines.
const decodeCp1252 = (bytes: Uint8Array) =>
  iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "windows-1252");

/**
 * Decodes a data file as people produce it: UTF-8 with or without BOM, UTF-16 with BOM (Excel's
 * "Unicode text"), or Windows-1252 (what Swedish Excel writes as CSV). A file that is not valid
 * UTF-8 is read as Windows-1252. Binary and empty files are refused with a diagnostic.
 */
export function decodeText(bytes: Uint8Array, sink: DiagnosticSink): DecodedText | undefined {
  if (bytes.length === 0) {
    sink.error({ code: "E_TOM_FIL", message: "Filen är tom; den ska börja med en rubrikrad." });
    return undefined;
  }
  const encoding = sniffEncoding(bytes.subarray(0, 8192));
  if (encoding === "utf-16le" || encoding === "utf-16be") {
    return { text: new TextDecoder(encoding).decode(bytes.subarray(2)), encoding };
  }
  if (encoding === undefined) {
    sink.error({
      code: "E_BINAR_FIL",
      line: 1,
      message:
        "Filen ser ut att vara binär (den innehåller NUL-tecken) och kan inte läsas som text. " +
        "Spara den som CSV (UTF-8 eller Windows-1252) eller som Unicode-text.",
    });
    return undefined;
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(body), encoding: hasBom ? "utf-8-bom" : "utf-8" };
  } catch {
    return { text: decodeCp1252(body), encoding: "windows-1252" };
  }
}

/**
 * The encoding of a text file from its first bytes, the one rule for every reader (the whole-file
 * reader and the stream for Brå's long export): a UTF-16 byte-order mark (LE or BE), UTF-8 with or
 * without BOM, else Windows-1252. `undefined` for a binary file (NUL bytes outside UTF-16). The sample
 * may end inside a character.
 */
export function sniffEncoding(start: Uint8Array): TextEncodingName | undefined {
  if (start[0] === 0xff && start[1] === 0xfe) return "utf-16le";
  if (start[0] === 0xfe && start[1] === 0xff) return "utf-16be";
  if (start.includes(0)) return undefined;
  const hasBom = start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(hasBom ? start.subarray(3) : start, { stream: true });
    return hasBom ? "utf-8-bom" : "utf-8";
  } catch {
    return "windows-1252";
  }
}

/** iconv-lite's name for each encoding, for decoding a stream. */
export const ICONV_NAME: Record<TextEncodingName, string> = {
  "utf-8": "utf8",
  "utf-8-bom": "utf8",
  "windows-1252": "windows-1252",
  "utf-16le": "utf16le",
  "utf-16be": "utf16be",
};
