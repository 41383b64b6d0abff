import { readFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { runCheck } from "../../src/pipeline/pipeline.js";
import { COUNTS_2025, longCsv } from "../helpers/fixtures.js";
import { REPO_DATA, tempDataDir, type TempDir } from "../helpers/temp-data.js";

const temps: TempDir[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

const TABLE = readFileSync(path.join(REPO_DATA, "2023/anmalda-brott.csv"));
const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

async function check(files: Record<string, Uint8Array | string>) {
  const t = tempDataDir(files);
  temps.push(t);
  const result = await runCheck({
    rapportar: 2024,
    dataDir: t.dir,
    outDir: "",
    strict: false,
    log: () => {},
  });
  return { result, errors: result.diagnostics.filter((d: Diagnostic) => d.severity === "fel") };
}

describe("teckenkodning och bytes som inte hör hemma i en tabell", () => {
  it("en enda felaktig byte i en UTF-8-fil är ett fel med byten, rad och kolumn, inte en tyst växling till Windows-1252", async () => {
    const text = TABLE.toString("utf8");
    const at = text.indexOf("Människohandel för sexuella ändamål med barn");
    const before = utf8(text.slice(0, at));
    const { errors } = await check({
      "2023/anmalda-brott.csv": concat(before, Uint8Array.of(0x96), utf8(text.slice(at))),
    });
    const line = text.slice(0, at).split("\n").length;
    const column = [...text.slice(0, at).split("\n").pop()!].length + 1;
    expect(errors).toEqual([
      expect.objectContaining({ code: "E_TECKENKODNING", line, column, found: "0x96" }),
    ]);
    expect(errors[0]!.message).toContain(`byten 0x96 på rad ${line}, kolumn ${column}`);
  });

  it("en fil i Windows-1252 läses fortfarande som Windows-1252", async () => {
    const { errors, result } = await check({
      "2023/anmalda-brott.csv": iconv.encode(TABLE.toString("utf8"), "windows-1252"),
    });
    expect(errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("UTF-16 utan byte-order-märke läses som UTF-16, inte som binär fil", async () => {
    const tabbed = TABLE.toString("utf8").replaceAll(";", "\t");
    for (const encoding of ["utf16le", "utf16be"] as const) {
      const bytes =
        encoding === "utf16le" ? Buffer.from(tabbed, "utf16le") : Buffer.from(tabbed, "utf16le").swap16();
      const { errors, result } = await check({ "2023/anmalda-brott.txt": bytes });
      expect(errors, encoding).toEqual([]);
      expect(result.siffror?.anmaldaBrott.summa.totalt, encoding).toBe(2175);
    }
  });

  it("ett NUL-tecken långt efter de första 8 kB är en binär fil, med rad och kolumn", async () => {
    const padded = concat(TABLE, utf8(" ".repeat(9000)), Uint8Array.of(0), utf8("\n"));
    const { errors } = await check({ "2023/anmalda-brott.csv": padded });
    const lines = TABLE.toString("utf8").split("\n").length;
    expect(errors).toEqual([expect.objectContaining({ code: "E_BINAR_FIL", line: lines, column: 9001 })]);
  });

  it('="0418" (Excels formel för text) avvisas med hur det rättas', async () => {
    const { errors } = await check({
      "2023/anmalda-brott.csv": 'brottskod;polisregion;antal\n="0418";Syd;3\n',
    });
    expect(errors).toEqual([
      expect.objectContaining({ code: "E_BROTTSKOD_FORMAT", line: 2, found: '="0418"' }),
    ]);
    expect(errors[0]!.message).toMatch(
      /Excel-formeln ="0418"\. Skriv bara koden, 0418: formatera kolumnen som text/,
    );
  });
});

/** Brå's long export with a year column is streamed, not read whole: the same rule for a bad byte. */
describe("en felaktig byte i Brås långa export, som läses som ström", () => {
  const export2025 = longCsv({ 2025: COUNTS_2025 });
  // Earlier years' rows, passed over by the stream, enough of them that the bad byte comes chunks
  // after the sample the encoding is told from.
  const rows2025 = export2025.split("\r\n").slice(1, -1);
  const older = Array.from({ length: 240 }, (_, i) =>
    rows2025.map((r) => r.replace(/^2025;/, `${2018 + (i % 6)};`)),
  )
    .flat()
    .join("\r\n");

  async function checkWithByteAt(text: string, at: number) {
    const t = tempDataDir({
      "2025/anmalda-brott.csv": concat(utf8(text.slice(0, at)), Uint8Array.of(0x96), utf8(text.slice(at))),
    });
    temps.push(t);
    const result = await runCheck({
      rapportar: 2026,
      dataDir: t.dir,
      outDir: "",
      strict: false,
      log: () => {},
    });
    const before = text.slice(0, at).split("\n");
    return {
      result,
      fromExport: result.diagnostics.filter((d) => d.file.endsWith("anmalda-brott.csv")),
      line: before.length,
      column: [...before.at(-1)!].length + 1,
    };
  }

  it.each([
    ["i en rad för statistikåret", (text: string) => text.lastIndexOf("2025;") + "2025;".length],
    ["i en rad för ett tidigare år, långt in i filen", (text: string) => text.lastIndexOf("2023;") + 5],
  ])("%s: felet säger byten, raden och kolumnen", async (_, where) => {
    const text = export2025 + older + "\r\n";
    expect(text.length).toBeGreaterThan(4 * 65536);
    const { result, fromExport, line, column } = await checkWithByteAt(text, where(text));
    expect(result.ok).toBe(false);
    expect(fromExport).toEqual([
      expect.objectContaining({ code: "E_TECKENKODNING", severity: "fel", line, column, found: "0x96" }),
    ]);
  });
});
