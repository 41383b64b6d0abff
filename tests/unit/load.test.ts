import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.js";
import { decodeText } from "../../src/load/text-file.js";
import { detectDelimiter, parseDelimited } from "../../src/load/delimited.js";
import { windows1252 } from "../helpers/temp-data.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decodeText", () => {
  it.each([
    ["UTF-8", utf8("Väst;Öst\n"), "utf-8"],
    ["UTF-8 med BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Väst;Öst\n")]), "utf-8-bom"],
    ["Windows-1252", windows1252("Väst;Öst\n"), "windows-1252"],
    [
      "UTF-16 LE med BOM",
      new Uint8Array([0xff, 0xfe, ...[..."Väst\tÖst\n"].flatMap((c) => [c.charCodeAt(0), 0])]),
      "utf-16le",
    ],
  ])("läser %s", (_, bytes, encoding) => {
    const sink = new DiagnosticSink("f.csv");
    const decoded = decodeText(bytes, sink);
    expect(decoded?.encoding).toBe(encoding);
    expect(decoded?.text).toMatch(/^Väst[;\t]Öst\n$/);
    expect(sink.items).toEqual([]);
  });

  it("vägrar en tom fil", () => {
    const sink = new DiagnosticSink("f.csv");
    expect(decodeText(new Uint8Array(), sink)).toBeUndefined();
    expect(sink.items.map((d) => d.code)).toEqual(["E_TOM_FIL"]);
  });

  it("vägrar en binär fil", () => {
    const sink = new DiagnosticSink("f.csv");
    expect(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), sink)).toBeUndefined();
    expect(sink.items[0]).toMatchObject({ code: "E_BINAR_FIL", severity: "fel", line: 1 });
  });

  // Sequences shaped like UTF-8 that TextDecoder refuses: above U+10FFFF, surrogates, overlong forms.
  it.each([
    ["över U+10FFFF", [0xf4, 0x90, 0x80, 0x80]],
    ["ett surrogat", [0xed, 0xa0, 0x80]],
    ["en överlång form (E0)", [0xe0, 0x80, 0x80]],
    ["en överlång form (F0)", [0xf0, 0x80, 0x80, 0x80]],
  ])("pekar ut den första ogiltiga byten i UTF-8: %s", (_, bad) => {
    const sink = new DiagnosticSink("f.csv");
    const bytes = new Uint8Array([...utf8("Väst;Öst\nx;"), ...bad, ...utf8(";y\n")]);
    expect(decodeText(bytes, sink)).toBeUndefined();
    expect(sink.items).toHaveLength(1);
    expect(sink.items[0]).toMatchObject({ code: "E_TECKENKODNING", line: 2, column: 3 });
    expect(sink.items[0]!.message).toContain(`0x${bad[0]!.toString(16).toUpperCase()}`);
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["a;b;c\n1,5;2;3", ";"],
    ["a,b,c\n1;2;3", ","],
    ['"a;x",b,c', ","],
    ["a\tb,c\tc", "\t"],
  ])("%j → %j", (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe("parseDelimited", () => {
  it.each([
    ["LF", "a;b\n1;2\n\n3;4\n"],
    ["CRLF", "a;b\r\n1;2\r\n\r\n3;4\r\n"],
    ["CR", "a;b\r1;2\r\r3;4\r"],
  ])("ger radnummer som i filen med %s-radslut", (_, text) => {
    const table = parseDelimited(text, new DiagnosticSink("f.csv"));
    expect(table?.header).toEqual({ line: 1, cells: ["a", "b"] });
    expect(table?.records).toEqual([
      { line: 2, cells: ["1", "2"] },
      { line: 4, cells: ["3", "4"] },
    ]);
  });

  it("räknar radnummer från radens början när ett fält spänner över flera rader", () => {
    const table = parseDelimited('a;b\n"x\ny";1\n2;3\n', new DiagnosticSink("f.csv"));
    expect(table?.records.map((r) => r.line)).toEqual([2, 4]);
  });

  it("vägrar ett jättelikt fält med en diagnos i stället för att läsa in det", () => {
    const sink = new DiagnosticSink("f.csv");
    const table = parseDelimited(`a;b\n1;${"x".repeat(2_000_000)}\n`, sink);
    expect(table).toBeUndefined();
    expect(sink.items[0]).toMatchObject({ code: "E_FALT_FOR_STORT", severity: "fel" });
  });
});

describe("Windows-1252", () => {
  it("avkodar tecknen 0x80–0x9F som Windows-1252 definierar dem (tankstreck från Excel)", () => {
    const decoded = decodeText(
      new Uint8Array([0x96, 0x3b, 0x80, 0x3b, 0xe5, 0x0a]),
      new DiagnosticSink("f.csv"),
    );
    expect(decoded).toEqual({ text: "–;€;å\n", encoding: "windows-1252" });
  });
});
