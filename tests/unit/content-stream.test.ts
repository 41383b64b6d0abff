import { describe, expect, it } from "vitest";
import { markUntaggedAsArtifacts, parseContentOperations } from "../../src/print/content-stream.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const operators = (text: string) => parseContentOperations(bytes(text)).map((op) => op.operator);
/** Each operation as the text from its first operand to its operator. */
const operations = (text: string) =>
  parseContentOperations(bytes(text)).map((op) => text.slice(op.start, op.end));

describe("sidans innehåll delas upp i operationer", () => {
  it.each([
    ["tal och namn", "0 0 1 RG /F1 8.25 Tf", ["0 0 1 RG", "/F1 8.25 Tf"]],
    ["en referenslik följd är tre tal och en operator", "0 0 R G", ["0 0 R", "G"]],
    ["sträng med parentes i parentes och skyddade tecken", "(a (b) \\) c\\\\) Tj", ["(a (b) \\) c\\\\) Tj"]],
    ["hexsträng", "<00410042> Tj", ["<00410042> Tj"]],
    ["textfält med strängar och tal", "[(Fo) -12 (ot)] TJ ' \" T*", ["[(Fo) -12 (ot)] TJ", "'", '"', "T*"]],
    [
      "märkt innehåll med ordlista",
      "/P <</MCID 3 /Alt (x>y) /N [1 2] /T true /U null>> BDC EMC",
      ["/P <</MCID 3 /Alt (x>y) /N [1 2] /T true /U null>> BDC", "EMC"],
    ],
    ["kommentarer och alla slags blanktecken", "% q Q\n1\t0\f0\r1 0 0 cm%x\nQ", ["1\t0\f0\r1 0 0 cm", "Q"]],
    ["operator direkt efter avgränsare", "(a)Tj[(b)]TJ/Name<<>>BDC", ["(a)Tj", "[(b)]TJ", "/Name<<>>BDC"]],
  ])("%s", (_, text, expected) => {
    expect(operations(text)).toEqual(expected);
  });

  it.each([
    ["en sträng som inte stängs", "(abc Tj"],
    ["en hexsträng som inte stängs", "<0041 Tj"],
    ["en ensam högerparentes", ") Tj"],
    ["ett ensamt >", "> Tj"],
  ])("avvisar %s med positionen", (_, text) => {
    expect(() => parseContentOperations(bytes(text))).toThrow(
      /Oväntat tecken i sidans innehåll vid position \d+/,
    );
  });

  it("avvisar en inbäddad bild", () => {
    expect(() => operators("q BI /W 1 ID x EI Q")).toThrow(/inbäddad bild/);
  });
});

describe("otaggat innehåll märks som artefakt", () => {
  it("omsluter det som ritas utanför märkt innehåll, och lämnar det märkta orört", () => {
    const source =
      "q 0 0 1 rg 0 0 10 10 re f Q\n/P <</MCID 0>> BDC BT /F1 8 Tf (Text) Tj ET EMC\nBT (Sida 3) Tj ET";
    const marked = new TextDecoder().decode(markUntaggedAsArtifacts(bytes(source)));
    expect(marked).toBe(
      "/Artifact BMC\nq 0 0 1 rg 0 0 10 10 re f\nEMC\n Q\n/P <</MCID 0>> BDC BT /F1 8 Tf (Text) Tj ET EMC\nBT /Artifact BMC\n(Sida 3) Tj\nEMC\n ET",
    );
  });

  it("lämnar ett helt märkt innehåll som det är", () => {
    expect(markUntaggedAsArtifacts(bytes("/P <</MCID 0>> BDC BT (x) Tj ET EMC"))).toBeUndefined();
  });
});
