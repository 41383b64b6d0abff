import { describe, expect, it } from "vitest";
import { makeReproducible } from "../../src/print/reproducible.js";

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");
const date = new Date("2024-12-15T00:00:00Z");

/** A PDF's text as Chromium writes it, with its time of printing and its DOM node counter values. */
const printed = (stamp: string, cells: readonly string[]) =>
  `%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<</CreationDate (D:${stamp}+00'00') /ModDate (D:${stamp}+00'00')>>\nendobj\n` +
  cells.map((id, i) => `${i + 2} 0 obj\n<</S /TH /ID (${id})>>\nendobj\n`).join("") +
  `9 0 obj\n<</Names [(${[...cells].sort().join(") 0 0 R (")}) 0 0 R]>>\nendobj\nstream\n\x00\xff(node)\nendstream\n`;

describe("två utskrifter av samma sida ger samma bytes", () => {
  it("sätter byggets datum och numrerar cellernas id efter rang, utan att flytta en enda byte", () => {
    const first = latin1(printed("20261126062301", ["node00000702", "node00000040", "node00000702"]));
    const second = latin1(printed("20261126071544", ["node00001315", "node00000099", "node00001315"]));
    const a = makeReproducible(first, date);
    expect(text(a)).toBe(text(makeReproducible(second, date)));
    expect(a.length).toBe(first.length);
    // The header cell keeps its data cells' reference, and the /IDTree stays sorted.
    expect(text(a)).toBe(printed("20241215000000", ["node00000002", "node00000001", "node00000002"]));
    // Bytes that are not latin1 text pass unchanged, and the input is left as it was.
    expect([...a.subarray(a.length - 20)]).toEqual([...first.subarray(first.length - 20)]);
    expect(text(first)).toContain("D:20261126062301");
  });

  it("avvisar ett datum som inte kan bytas ut med samma längd", () => {
    expect(() => makeReproducible(latin1("<</CreationDate (D:20261126062301Z)>>"), date)).toThrow(
      /Oväntat datumformat i PDF: \/CreationDate \(D:20261126062301Z\)/,
    );
  });
});
