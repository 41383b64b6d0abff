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
const DELIMITER = new Uint8Array(256);
for (const c of "()<>[]{}/%") DELIMITER[c.charCodeAt(0)] = 1;
const NUMBER_START = new Uint8Array(256);
for (const c of "+-.0123456789") NUMBER_START[c.charCodeAt(0)] = 1;
const LITERAL_KEYWORDS = new Set(["true", "false", "null"]);
const [PAREN_OPEN, PAREN_CLOSE, LESS, GREATER, SLASH, PERCENT, BACKSLASH] = [..."()<>/%\\"].map((c) =>
  c.charCodeAt(0),
);
const BRACKETS = new Set([..."[]{}"].map((c) => c.charCodeAt(0)));

/**
 * Splits a decoded content stream into operations, reading it once, byte by byte, as a lexer would
 * (ISO 32000-1, 7.2 and 7.8.2): operands (numbers, names, literal strings with their escapes and
 * nested parentheses, hex strings, arrays, dictionaries, true/false/null) are skipped, and every other
 * keyword is an operator. This only finds where each operator stands, so the stream can be rewritten
 * by inserting operators between untouched operations. (pdf-lib's object parser, used before, built
 * an object per operand and took most of the PDF post-processing's time.)
 */
export function parseContentOperations(bytes: Uint8Array): ContentOperation[] {
  const operations: ContentOperation[] = [];
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
    } else if (BRACKETS.has(byte)) {
      i++;
    } else if (byte === PAREN_CLOSE) {
      throw unexpected(i);
    } else {
      // A name, a number or a keyword: regular characters up to white-space or a delimiter.
      const from = i;
      i++;
      while (i < length && !WHITESPACE[bytes[i]!] && !DELIMITER[bytes[i]!]) i++;
      if (byte === SLASH || NUMBER_START[byte]) continue;
      const keyword = String.fromCharCode(...bytes.subarray(from, i));
      if (LITERAL_KEYWORDS.has(keyword)) continue;
      // Skia (Chromium's PDF backend) never writes inline images; their binary data cannot be tokenised.
      if (keyword === "BI")
        throw new Error("Sidans innehåll har en inbäddad bild (BI), som inte kan märkas.");
      operations.push({ operator: keyword, start, end: i });
      start = -1;
    }
  }
  return operations;
}

/** Operators that put marks on the page (ISO 32000-1, tables 51, 59, 60, 87, 92). */
const PAINTING = new Set(["Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do"]);

/**
 * Marks every drawing that is outside any marked-content sequence as an artifact (PDF/UA-1 §7.1: all
 * content is either tagged or an artifact). Chromium tags what is in the accessibility tree and leaves
 * the rest unmarked: here the running heads, page numbers and the information class (hidden from
 * assistive technology on purpose) and decoration such as rules. Runs of operations at nesting depth
 * zero that draw something are enclosed in `/Artifact BMC … EMC`; tagged content is left as it is.
 * Returns `undefined` when nothing needed marking.
 */
export function markUntaggedAsArtifacts(bytes: Uint8Array): Uint8Array | undefined {
  const operations = parseContentOperations(bytes);
  const encoder = new TextEncoder();
  const OPEN = encoder.encode("/Artifact BMC\n");
  const CLOSE = encoder.encode("\nEMC\n");
  const parts: Uint8Array[] = [];
  let depth = 0;
  let copied = 0;
  let changed = false;
  // A run of operations at depth zero: [first index, last painting index].
  let runStart = -1;
  let lastPainting = -1;
  const closeRun = () => {
    if (runStart >= 0 && lastPainting >= 0) {
      const from = operations[runStart]!.start;
      const to = operations[lastPainting]!.end;
      parts.push(bytes.subarray(copied, from), OPEN, bytes.subarray(from, to), CLOSE);
      copied = to;
      changed = true;
    }
    runStart = -1;
    lastPainting = -1;
  };
  operations.forEach((op, i) => {
    if (op.operator === "BDC" || op.operator === "BMC") {
      if (depth === 0) closeRun();
      depth++;
      return;
    }
    if (op.operator === "EMC") {
      depth = Math.max(0, depth - 1);
      return;
    }
    if (depth !== 0) return;
    // A run never crosses the edge of a text object: a marked-content sequence begun outside BT … ET
    // must not end inside it, nor the other way round.
    if (op.operator === "BT" || op.operator === "ET") {
      closeRun();
      return;
    }
    if (runStart < 0) runStart = i;
    if (PAINTING.has(op.operator)) lastPainting = i;
  });
  closeRun();
  if (!changed) return undefined;
  parts.push(bytes.subarray(copied));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
