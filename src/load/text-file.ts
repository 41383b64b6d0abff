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
  const binary = (where: { line: number; column?: number }) => {
    sink.error({
      code: "E_BINAR_FIL",
      ...where,
      message:
        "Filen ser ut att vara binär (den innehåller NUL-tecken) och kan inte läsas som text. " +
        "Spara den som CSV (UTF-8 eller Windows-1252) eller som Unicode-text.",
    });
    return undefined;
  };
  if (encoding === "utf-16le" || encoding === "utf-16be") {
    const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    const text = new TextDecoder(encoding).decode(bytes.subarray(bom ? 2 : 0));
    const nul = text.indexOf("\0");
    return nul < 0 ? { text, encoding } : binary(placeInText(text, nul));
  }
  if (encoding === undefined) return binary({ line: 1 });
  // The sniff reads the first 8 KB; a NUL further on is as binary, and must not reach the figures.
  const nul = bytes.indexOf(0);
  if (nul >= 0) return binary(placeInBytes(bytes, nul));
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(body), encoding: hasBom ? "utf-8-bom" : "utf-8" };
  } catch {
    // A file with valid UTF-8 characters (or a BOM) and one bad byte is UTF-8 with a mistake in it,
    // not a Windows-1252 file: reading it all as Windows-1252 would garble every å, ä and ö.
    const scan = scanUtf8(body);
    if (hasBom || scan.multibyte > 0) {
      reportInvalidUtf8(body, scan.firstInvalid!, sink);
      return undefined;
    }
    return { text: decodeCp1252(body), encoding: "windows-1252" };
  }
}

/**
 * The error for a UTF-8 file with a byte that is not UTF-8: the byte, its line and its column.
 * `bytes` is the file from its first byte (after any BOM) to at least the bad one.
 */
export function reportInvalidUtf8(bytes: Uint8Array, offset: number, sink: DiagnosticSink): void {
  const place = placeInBytes(bytes, offset);
  const byte = `0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, "0")}`;
  sink.error({
    code: "E_TECKENKODNING",
    ...place,
    found: byte,
    expected: "giltig UTF-8",
    message:
      `Filen är UTF-8, men byten ${byte} på rad ${place.line}, kolumn ${place.column} är inte giltig UTF-8 ` +
      `(troligen ett tecken inklistrat från ett annat program). Skriv om tecknet där och spara filen som UTF-8.`,
  });
}

/**
 * The offset of the first byte in `bytes` that is not UTF-8, where `bytes` is the whole text or
 * ends at a character boundary; `undefined` if all of it is UTF-8.
 */
export const firstInvalidUtf8 = (bytes: Uint8Array): number | undefined => scanUtf8(bytes).firstInvalid;

/** Valid multi-byte UTF-8 characters in `bytes`, and where the first invalid byte is. */
function scanUtf8(bytes: Uint8Array): { multibyte: number; firstInvalid?: number } {
  let multibyte = 0;
  let firstInvalid: number | undefined;
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const tail =
      lead >= 0xc2 && lead <= 0xdf
        ? 1
        : lead >= 0xe0 && lead <= 0xef
          ? 2
          : lead >= 0xf0 && lead <= 0xf4
            ? 3
            : 0;
    let ok = tail > 0 && i + tail < bytes.length;
    for (let k = 1; ok && k <= tail; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    // The second byte's range after E0, ED, F0 and F4 (Unicode table 3-7): no overlong forms,
    // no surrogates, nothing above U+10FFFF — the sequences TextDecoder refuses.
    const second = bytes[i + 1]!;
    if (ok && lead === 0xe0) ok = second >= 0xa0;
    if (ok && lead === 0xed) ok = second <= 0x9f;
    if (ok && lead === 0xf0) ok = second >= 0x90;
    if (ok && lead === 0xf4) ok = second <= 0x8f;
    if (ok) {
      multibyte++;
      i += tail + 1;
    } else {
      firstInvalid ??= i;
      i++;
    }
  }
  return { multibyte, ...(firstInvalid !== undefined && { firstInvalid }) };
}

/** 1-based line and column (in characters) of a byte offset in UTF-8 or single-byte text. */
function placeInBytes(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset));
  return { line, column: [...before].length + 1 };
}

/** 1-based line and column of a character offset in decoded text. */
function placeInText(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: [...before[before.length - 1]!].length + 1 };
}

/**
 * UTF-16 without a byte-order mark (some exports write it): every other byte is NUL where the text
 * is ASCII. Little-endian has them at odd offsets, big-endian at even ones.
 */
function utf16WithoutBom(start: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const pairs = Math.floor(start.length / 2);
  if (pairs < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (start[i] === 0) even++;
    if (start[i + 1] === 0) odd++;
  }
  if (odd >= pairs * 0.3 && even <= pairs * 0.02) return "utf-16le";
  if (even >= pairs * 0.3 && odd <= pairs * 0.02) return "utf-16be";
  return undefined;
}

/**
 * The encoding of a text file from its first bytes, the one rule for every reader (the whole-file
 * reader and the stream for Brå's long export): a UTF-16 byte-order mark (LE or BE), or UTF-16 without
 * one (every other byte NUL), UTF-8 with or without BOM, else Windows-1252. `undefined` for a binary file (NUL bytes outside UTF-16). The sample
 * may end inside a character.
 */
export function sniffEncoding(start: Uint8Array): TextEncodingName | undefined {
  if (start[0] === 0xff && start[1] === 0xfe) return "utf-16le";
  if (start[0] === 0xfe && start[1] === 0xff) return "utf-16be";
  const bomless = utf16WithoutBom(start);
  if (bomless) return bomless;
  if (start.includes(0)) return undefined;
  const hasBom = start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(hasBom ? start.subarray(3) : start, { stream: true });
    return hasBom ? "utf-8-bom" : "utf-8";
  } catch {
    // Valid UTF-8 characters beside a bad byte: UTF-8 with a mistake, not Windows-1252 (whose å, ä
    // and ö are never valid UTF-8). Both readers report the bad byte (`reportInvalidUtf8`).
    if (hasBom || scanUtf8(start).multibyte > 0) return hasBom ? "utf-8-bom" : "utf-8";
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
