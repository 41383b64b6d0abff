/** One operation of a page's content stream: its operator and where it stands in the bytes. */
export interface ContentOperation {
  operator: string;
  /** Offsets of the operation's first operand (or the operator) and of the byte after the operator. */
  start: number;
  end: number;
}

// PDF's character classes (ISO 32000-1, 7.2.2): white-space and delimiters end every other token.
const WHITESPACE = new Uint8Array(256);
for (const b of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITESPACE[b] = 1;
const ENDS_TOKEN = WHITESPACE.slice();
for (const c of "()<>[]{}/%") ENDS_TOKEN[c.charCodeAt(0)] = 1;
const NUMBER_OR_NAME_START = new Uint8Array(256);
for (const c of "+-.0123456789/") NUMBER_OR_NAME_START[c.charCodeAt(0)] = 1;
const BRACKET = new Uint8Array(256);
for (const c of "[]{}") BRACKET[c.charCodeAt(0)] = 1;
const LITERAL_KEYWORDS = new Set(["true", "false", "null"]);
const [PAREN_OPEN, PAREN_CLOSE, LESS, GREATER, PERCENT, BACKSLASH] = [..."()<>%\\"].map((c) =>
  c.charCodeAt(0),
);

const latin1 = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

/**
 * Reads a decoded content stream once, byte by byte, as a lexer would (ISO 32000-1, 7.2 and 7.8.2):
 * operands (numbers, names, literal strings with their escapes and nested parentheses, hex strings,
 * arrays, dictionaries, true/false/null) are skipped, and every other keyword is an operator. For each
 * operation `visit` gets the offsets of its first operand (or the operator), of its operator and of the
 * byte after the operator. Nothing is allocated per token: a page of the report has some 7 000
 * operations, mostly one glyph run and one move each, and strings or objects for them made this the
 * largest cost of the PDF's post-processing, with the garbage collection they caused.
 */
function lexOperations(
  bytes: Uint8Array,
  visit: (start: number, operator: number, end: number) => void,
): void {
  const length = bytes.length;
  const unexpected = (at: number) => new Error(`Oväntat tecken i sidans innehåll vid position ${at}.`);
  let i = 0;
  let start = -1;
  while (i < length) {
    const byte = bytes[i]!;
    if (WHITESPACE[byte]) {
      i++;
      continue;
    }
    if (byte === PERCENT) {
      while (i < length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
      continue;
    }
    if (start < 0) start = i;
    if (byte === PAREN_OPEN) {
      // A literal string: balanced parentheses, and a backslash escapes the byte after it.
      let depth = 0;
      for (; i < length; i++) {
        const b = bytes[i]!;
        if (b === BACKSLASH) i++;
        else if (b === PAREN_OPEN) depth++;
        else if (b === PAREN_CLOSE && --depth === 0) break;
      }
      if (i >= length) throw unexpected(start);
      i++;
    } else if (byte === LESS) {
      if (bytes[i + 1] === LESS)
        i += 2; // a dictionary opens
      else {
        while (i < length && bytes[i] !== GREATER) i++; // a hex string
        if (i >= length) throw unexpected(start);
        i++;
      }
    } else if (byte === GREATER) {
      if (bytes[i + 1] !== GREATER) throw unexpected(i);
      i += 2; // a dictionary closes
    } else if (BRACKET[byte]) {
      i++;
    } else if (byte === PAREN_CLOSE) {
      throw unexpected(i);
    } else {
      // A name, a number or a keyword: regular characters up to white-space or a delimiter.
      const from = i;
      i++;
      while (i < length && !ENDS_TOKEN[bytes[i]!]) i++;
      if (NUMBER_OR_NAME_START[byte]) continue;
      // Every operator has at most three letters; only the literal keywords are longer.
      if (i - from > 3 && LITERAL_KEYWORDS.has(latin1(bytes, from, i))) continue;
      // Skia (Chromium's PDF backend) never writes inline images; their binary data cannot be tokenised.
      if (i - from === 2 && byte === 0x42 && bytes[from + 1] === 0x49)
        throw new Error("Sidans innehåll har en inbäddad bild (BI), som inte kan märkas.");
      visit(start, from, i);
      start = -1;
    }
  }
}

/**
 * Splits a decoded content stream into operations (see lexOperations). This only finds where each
 * operator stands, so the stream can be rewritten by inserting operators between untouched
 * operations. (pdf-lib's object parser, used before, built an object per operand.)
 */
export function parseContentOperations(bytes: Uint8Array): ContentOperation[] {
  const operations: ContentOperation[] = [];
  lexOperations(bytes, (start, operator, end) =>
    operations.push({ operator: latin1(bytes, operator, end), start, end }),
  );
  return operations;
}

/** An operator of up to three bytes as one number, so that it is compared without making a string. */
function operatorCode(bytes: Uint8Array, from: number, to: number): number {
  if (to - from > 3) return -1;
  let code = 0;
  for (let k = from; k < to; k++) code = code * 256 + bytes[k]!;
  return code;
}
const codeOf = (operator: string) => operatorCode(new TextEncoder().encode(operator), 0, operator.length);
const [BDC, BMC, EMC, BT, ET] = ["BDC", "BMC", "EMC", "BT", "ET"].map(codeOf);

/** Operators that put marks on the page (ISO 32000-1, tables 51, 59, 60, 87, 92). */
const PAINTING = new Set(
  ["Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do"].map(codeOf),
);
const OPEN_ARTIFACT = new TextEncoder().encode("/Artifact BMC\n");
const CLOSE_ARTIFACT = new TextEncoder().encode("\nEMC\n");

/**
 * Marks every drawing that is outside any marked-content sequence as an artifact (PDF/UA-1 §7.1: all
 * content is either tagged or an artifact). Chromium tags what is in the accessibility tree and leaves
 * the rest unmarked: here the running heads, page numbers and the information class (hidden from
 * assistive technology on purpose) and decoration such as rules. Runs of operations at nesting depth
 * zero that draw something are enclosed in `/Artifact BMC … EMC`; tagged content is left as it is.
 * Returns `undefined` when nothing needed marking.
 */
export function markUntaggedAsArtifacts(bytes: Uint8Array): Uint8Array | undefined {
  const parts: Uint8Array[] = [];
  let depth = 0;
  let copied = 0;
  // A run of operations at depth zero: where its first operation starts and its last drawing ends.
  let runStart = -1;
  let paintedTo = -1;
  const closeRun = () => {
    if (runStart >= 0 && paintedTo >= 0) {
      parts.push(
        bytes.subarray(copied, runStart),
        OPEN_ARTIFACT,
        bytes.subarray(runStart, paintedTo),
        CLOSE_ARTIFACT,
      );
      copied = paintedTo;
    }
    runStart = -1;
    paintedTo = -1;
  };
  lexOperations(bytes, (start, operator, end) => {
    const code = operatorCode(bytes, operator, end);
    if (code === BDC || code === BMC) {
      if (depth === 0) closeRun();
      depth++;
      return;
    }
    if (code === EMC) {
      depth = Math.max(0, depth - 1);
      return;
    }
    if (depth !== 0) return;
    // A run never crosses the edge of a text object: a marked-content sequence begun outside BT … ET
    // must not end inside it, nor the other way round.
    if (code === BT || code === ET) {
      closeRun();
      return;
    }
    if (runStart < 0) runStart = start;
    if (PAINTING.has(code)) paintedTo = end;
  });
  closeRun();
  if (parts.length === 0) return undefined;
  parts.push(bytes.subarray(copied));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
