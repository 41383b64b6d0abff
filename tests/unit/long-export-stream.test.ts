import path from "node:path";
import { writeFileSync } from "node:fs";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.js";
import { isStreamableLongExport, readLongExportStreaming } from "../../src/load/long-export-stream.js";
import { passedOverRowCheck, readBraTable } from "../../src/validate/anmalda-brott.js";
import { reference } from "../helpers/validate.js";
import { tempDirWith, type TempDir } from "../helpers/temp-data.js";

const EXPORT =
  "år;brottskod;polisregion;antal\r\n2020;4024;Syd;–\r\n2021;4024;Syd;-\r\n2023;4024;Syd;1 513\r\n";

describe("Brås långa export, strömmad", () => {
  const temps: TempDir[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));
  const file = (bytes: Uint8Array) => {
    const temp = tempDirWith({});
    temps.push(temp);
    const name = path.join(temp.dir, "anmalda-brott.csv");
    writeFileSync(name, bytes);
    return name;
  };

  it.each([
    ["utf-8", Buffer.from(EXPORT, "utf8")],
    ["utf-16le", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(EXPORT, "utf16le")])],
    ["utf-16be", Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(EXPORT, "utf16be")])],
    ["windows-1252", iconv.encode(EXPORT, "windows-1252")],
  ])(
    "%s: samma räkneregel som varje tabell (– är noll), bara årets rader behålls",
    async (encoding, bytes) => {
      const name = file(bytes);
      expect(await isStreamableLongExport(name)).toBe(true);
      const sink = new DiagnosticSink(name);
      const table = await readLongExportStreaming(name, new Set([2022, 2023]), sink, passedOverRowCheck);
      expect(sink.items).toEqual([]);
      expect(table?.encoding).toBe(encoding);
      expect(table?.records.map((r) => r.cells)).toEqual([["2023", "4024", "Syd", "1 513"]]);
    },
  );

  it("ett antal som inte är ett antal i ett överhoppat år är fel med rad och kolumn", async () => {
    const name = file(Buffer.from("år;brottskod;polisregion;antal\n2020;4024;Syd;tre\n", "utf8"));
    const sink = new DiagnosticSink(name);
    await readLongExportStreaming(name, new Set([2023]), sink, passedOverRowCheck);
    expect(sink.items).toEqual([
      expect.objectContaining({ code: "E_ANTAL_EJ_HELTAL", line: 2, column: 4, found: "tre" }),
    ]);
  });
});

describe("en rad i exporten bedöms lika vilket år den gäller", () => {
  const temps: TempDir[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

  /** The diagnostics for one export row, read through the stream and validated as the pipeline does. */
  async function diagnosticsFor(row: string) {
    const temp = tempDirWith({});
    temps.push(temp);
    const name = path.join(temp.dir, "anmalda-brott.csv");
    writeFileSync(name, `år;brottskod;polisregion;antal\n2023;0418;Syd;1\n${row}\n`);
    const sink = new DiagnosticSink(name);
    const table = await readLongExportStreaming(name, new Set([2022, 2023]), sink, passedOverRowCheck);
    readBraTable(table!, { ...reference, statistikar: 2023 }, sink);
    return sink.items.map(({ code, line, column, found, expected, message }) => ({
      code,
      line,
      column,
      found,
      expected,
      // The year is the row's own; everything else must be the same.
      message: message.replace(/20\d\d/g, "ÅR"),
    }));
  }

  it.each([
    ["en kod som tappat sina nollor", "418;Syd;3"],
    ["ett antal som inte är ett antal", "0418;Syd;tre"],
    ["ett tomt antal", "0418;Syd;"],
    ["en kod med bokstäver", "04x8;Syd;3"],
  ])("%s: samma fel i ett år som strömmas förbi som i statistikåret", async (_, rest) => {
    const kept = await diagnosticsFor(`2023;${rest}`);
    const passedOver = await diagnosticsFor(`2019;${rest}`);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.code).toMatch(/^E_/);
    expect(passedOver).toEqual(kept);
  });
});
