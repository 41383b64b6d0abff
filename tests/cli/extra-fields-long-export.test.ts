import { cpSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import type { JsonDiagnostic } from "../../src/diagnostics/format.js";
import { runCli } from "../helpers/cli.js";
import { COUNTS_2024, longCsv } from "../helpers/fixtures.js";
import { REPO_DATA, tempDirWith } from "../helpers/temp-data.js";

const temps: { cleanup: () => void }[] = [];
afterAll(() => temps.forEach((t) => t.cleanup()));

/**
 * `report check 2024 --format json` on a copy of the project's data whose year table is Brå's long
 * export over several years (streamed, since it has a year column): the export's lines as given, then
 * the extra lines, written as `encode` makes them; `header` replaces the export's own.
 */
async function checkExport(
  extra: string[],
  form: { name: string; delimiter: string; encode: Encode },
  header = "år;brottskod;polisregion;antal",
) {
  const temp = tempDirWith({});
  temps.push(temp);
  cpSync(REPO_DATA, temp.dir, { recursive: true });
  rmSync(path.join(temp.dir, "2023/anmalda-brott.csv"));
  const [, ...rows] = longCsv({ 2019: COUNTS_2024, 2023: COUNTS_2024 }).trimEnd().split("\r\n");
  const lines = [header, ...rows];
  const all = [...lines, ...extra].map((line) => line.replaceAll(";", form.delimiter));
  const file = path.join(temp.dir, "2023", form.name);
  writeFileSync(file, form.encode(all.join("\r\n") + "\r\n"));
  const { code, stdout } = await runCli("check", "2024", "--data", temp.dir, "--format", "json");
  const diagnostics = JSON.parse(stdout) as JsonDiagnostic[];
  return {
    code,
    firstExtraLine: lines.length + 1,
    errors: diagnostics.filter((d) => d.severity === "error"),
  };
}
type Encode = (text: string) => Uint8Array;

const FORMS = [
  {
    label: "CSV i UTF-8",
    name: "anmalda-brott.csv",
    delimiter: ";",
    word: "ett semikolon",
    encode: Buffer.from,
  },
  {
    label: "Excels Unicode-text (UTF-16, tabbar)",
    name: "anmalda-brott.txt",
    delimiter: "\t",
    word: "en tabb",
    encode: (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf16le")]),
  },
];

describe("text efter rubrikradens sista kolumn i Brås långa export (report check)", () => {
  it.each(FORMS)(
    "$label: fel med fil, rad och kolumn, i ett år som strömmas förbi som i statistikåret",
    async (form) => {
      const { code, firstExtraLine, errors } = await checkExport(
        [
          "2017;4024;Syd;3;anteckning", // a year the stream passes over
          "2023;0418;Mitt;2;enligt Brå; preliminärt", // the statistics year: a note split by the delimiter
        ],
        form,
      );
      expect(code).toBe(1);
      const message = (fields: number) =>
        `Raden har ${fields} fält men rubrikraden 4, så texten efter fält 4 skulle gå förlorad. ` +
        `Står det ${form.word} i en text, sätt texten inom citattecken ("…").`;
      expect(errors).toEqual([
        expect.objectContaining({
          code: "E_FLER_FALT",
          file: expect.stringMatching(new RegExp(`2023[\\\\/]${form.name}$`)),
          line: firstExtraLine,
          column: 5,
          found: "anteckning",
          expected: "högst 4 fält, som rubrikraden",
          message: message(5),
        }),
        expect.objectContaining({
          code: "E_FLER_FALT",
          line: firstExtraLine + 1,
          column: 5,
          found: `enligt Brå${form.delimiter} preliminärt`,
          message: message(6),
        }),
      ]);
    },
  );

  it.each(FORMS)(
    "$label: ett värde under en tom rubrik i rubrikraden är ett fel, som i en arbetsbok",
    async (form) => {
      const { code, firstExtraLine, errors } = await checkExport(
        ["2017;4024;Syd;3;anteckning;Brå", "2023;0418;Mitt;2;;Brå"],
        form,
        "år;brottskod;polisregion;antal;;källa",
      );
      expect(code).toBe(1);
      expect(errors).toEqual([
        expect.objectContaining({
          code: "E_CELL_UTAN_RUBRIK",
          file: expect.stringMatching(new RegExp(`2023[\\\\/]${form.name}$`)),
          line: firstExtraLine,
          column: 5,
          found: "anteckning",
          expected: "en rubrik i fält 5 på rad 1, eller inget värde där",
          message:
            'Fält 5 har värdet "anteckning", men rubrikraden (rad 1) har ingen rubrik för det fältet, så värdet ' +
            "skulle gå förlorat. Skriv en rubrik där, flytta värdet till rätt fält eller ta bort det.",
        }),
      ]);
    },
  );

  it.each(FORMS)("$label: tomma celler sist på raden, som Excel skriver dem, är inget fel", async (form) => {
    const { code, errors } = await checkExport(["2017;4024;Syd;3;;", "2023;0418;Mitt;2;"], form);
    expect(errors).toEqual([]);
    expect(code).toBe(0);
  });

  it.each(FORMS)(
    "$label: en anmärkning inom citattecken över flera rader flyttar inte de följande radnumren",
    async (form) => {
      const {
        code,
        firstExtraLine: first,
        errors,
      } = await checkExport(
        [
          '2017;4024;Syd;3;"första raden\r\nandra raden"', // lines first and first + 1
          '2016;4024;Syd;3;"ett\ntvå\rtre"', // lines first + 2 to first + 4
          "2017;4024;Mitt;3;utredd; lagförd",
          "2023;0418;Mitt;2;enligt Brå; preliminärt",
        ],
        form,
        "år;brottskod;polisregion;antal;anmärkning",
      );
      expect(code).toBe(1);
      expect(errors.map((d) => [d.code, d.line, d.column])).toEqual([
        ["E_FLER_FALT", first + 5, 6],
        ["E_FLER_FALT", first + 6, 6],
      ]);
    },
  );
});
