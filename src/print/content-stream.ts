import { PDFContext, PDFNumber, PDFObjectParser } from "@cantoo/pdf-lib";

/** One operation of a page's content stream: its operator and where it stands in the bytes. */
export interface ContentOperation {
  operator: string;
  /** Offsets of the operation's first operand (or the operator) and of the byte after the operator. */
  start: number;
  end: number;
}

type ByteStream = ConstructorParameters<typeof PDFObjectParser>[0];

/**
 * pdf-lib's object parser, for the operands of a content stream. A content stream holds no indirect
 * references, so a number is always a number: `0 0 RG` must not be read as the reference `0 0 R`
 * followed by `G`, which is what the parser for file objects would do.
 */
class OperandParser extends PDFObjectParser {
  constructor(bytes: ByteStream, context: PDFContext) {
    super(bytes, context);
  }
  protected override parseNumberOrRef(): PDFNumber {
    return PDFNumber.of(this.parseRawNumber());
  }
  get stream(): ByteStream {
    return this.bytes;
  }
  skipSpace(): void {
    this.skipWhitespaceAndComments();
  }
}

// PDF's character classes (ISO 32000-1, 7.2.2): white-space and delimiters end a keyword.
const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([..."()<>[]{}/%"].map((c) => c.charCodeAt(0)));
const OPERAND_START = new Set([..."/(<[+-.0123456789"].map((c) => c.charCodeAt(0)));
const LITERAL_KEYWORDS = new Set(["true", "false", "null"]);

/**
 * Splits a decoded content stream into operations. Operands are read by pdf-lib's object parser (strings
 * with their escapes, hex strings, names, arrays, dictionaries); this only finds where each operator
 * stands, so the stream can be rewritten by inserting operators between untouched operations.
 */
export function parseContentOperations(bytes: Uint8Array, context: PDFContext): ContentOperation[] {
  const base = PDFObjectParser.forBytes(bytes, context) as unknown as { bytes: ByteStream };
  const parser = new OperandParser(base.bytes, context);
  const stream = parser.stream;
  const operations: ContentOperation[] = [];
  let start = -1;
  for (;;) {
    parser.skipSpace();
    if (stream.done()) break;
    const offset = stream.offset();
    if (start < 0) start = offset;
    const byte = stream.peek();
    if (OPERAND_START.has(byte)) {
      parser.parseObject();
      continue;
    }
    let keyword = "";
    while (!stream.done() && !WHITESPACE.has(stream.peek()) && !DELIMITERS.has(stream.peek()))
      keyword += String.fromCharCode(stream.next());
    if (keyword === "") throw new Error(`Oväntat tecken i sidans innehåll vid position ${offset}.`);
    if (LITERAL_KEYWORDS.has(keyword)) continue;
    // Skia (Chromium's PDF backend) never writes inline images; their binary data cannot be tokenised.
    if (keyword === "BI") throw new Error("Sidans innehåll har en inbäddad bild (BI), som inte kan märkas.");
    operations.push({ operator: keyword, start, end: stream.offset() });
    start = -1;
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
export function markUntaggedAsArtifacts(bytes: Uint8Array, context: PDFContext): Uint8Array | undefined {
  const operations = parseContentOperations(bytes, context);
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
