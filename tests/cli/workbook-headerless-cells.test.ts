import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import type { JsonDiagnostic } from "../../src/diagnostics/format.js";
import { columnLetters } from "../../src/load/workbook.js";
import { runCli } from "../helpers/cli.js";
import { tempDataDir } from "../helpers/temp-data.js";

const temps: { cleanup: () => void }[] = [];
afterAll(() => temps.forEach((t) => t.cleanup()));

/** Brå's long export for 2023 as a workbook: one sheet with the given rows, shaped further by `shape`. */
async function exportWorkbook(
  rows: unknown[][],
  shape: (sheet: ExcelJS.Worksheet) => void = () => {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Anmälda brott 2023");
  rows.forEach((row) => sheet.addRow(row));
  shape(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `report check 2024` on a data folder whose year table is the workbook, as the CLI prints it. */
async function check(workbook: Buffer, format: "json" | "text") {
  const temp = tempDataDir({ "2023/anmalda-brott.xlsx": workbook });
  temps.push(temp);
  return runCli("check", "2024", "--data", temp.dir, ...(format === "json" ? ["--format", "json"] : []));
}

const errorsOf = (stdout: string) =>
  (JSON.parse(stdout) as JsonDiagnostic[]).filter((d) => d.severity === "error");

const HEADER = ["år", "brottskod", "polisregion", "antal"];

describe("ett värde i en kolumn utan rubrik i en arbetsbok (report check)", () => {
  it("är ett fel som anger blad, cell och vad som väntades, bortom rubrikraden och i en lucka i den", async () => {
    const workbook = await exportWorkbook([
      [...HEADER, null, "källa"], // E1 empty: a gap; F has a header (an unknown column, a warning)
      [2023, "0418", "Stockholm", 2],
      [2023, "4024", "Syd", 835, "enligt Brå"], // E3: in the gap
      [2023, "0610", "Mitt", 25, null, "Brå", "preliminärt"], // G4: beyond the last header
    ]);
    const { code, stdout } = await check(workbook, "json");
    expect(code).toBe(1);
    expect(errorsOf(stdout)).toEqual([
      expect.objectContaining({
        code: "E_CELL_UTAN_RUBRIK",
        file: expect.stringMatching(/2023[\\/]anmalda-brott\.xlsx$/),
        line: 3,
        column: 5,
        found: "enligt Brå",
        expected: "en rubrik i rad 1 för kolumn E, eller ingen text där",
        message:
          'Cellen E3 på bladet "Anmälda brott 2023" innehåller "enligt Brå", men kolumn E har ingen rubrik ' +
          "i rad 1, så värdet skulle gå förlorat. Skriv en rubrik i E1, flytta värdet till rätt kolumn eller töm cellen.",
      }),
      expect.objectContaining({
        code: "E_CELL_UTAN_RUBRIK",
        line: 4,
        column: 7,
        found: "preliminärt",
        expected: "en rubrik i rad 1 för kolumn G, eller ingen text där",
        message: expect.stringMatching(/^Cellen G4 på bladet "Anmälda brott 2023" .* ingen rubrik i rad 1,/),
      }),
    ]);
  });

  it("anger rubrikradens eget radnummer när bladet börjar längre ned, och numret står i textutdata", async () => {
    const workbook = await exportWorkbook([[], [], HEADER, [2023, "4024", "Syd", 835, 12]]);
    const { code, stdout } = await check(workbook, "text");
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /anmalda-brott\.xlsx:4:5 {2}fel {2}Cellen E4 på bladet "Anmälda brott 2023" innehåller "12", men kolumn E har ingen rubrik i rad 3,.*\(E_CELL_UTAN_RUBRIK\)/,
    );
  });

  it("celler utanför rubrikraden med bara formatering eller blanksteg är inget fel", async () => {
    const workbook = await exportWorkbook(
      [HEADER, [2023, "0418", "Stockholm", 2], [2023, "4024", "Syd", 835, "  "]],
      (sheet) => {
        // Formatting without a value, as a sheet keeps after a column was cleared.
        for (const address of ["E2", "F2", "H3", "E1"]) {
          sheet.getCell(address).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
          sheet.getCell(address).border = { top: { style: "thin" } };
        }
      },
    );
    const { code, stdout } = await check(workbook, "json");
    expect(errorsOf(stdout)).toEqual([]);
    expect(code).toBe(0);
  });

  it("en sammanfogad cell har sitt värde i sin första cell, och en lång text förkortas i meddelandet", async () => {
    const note = `Uppgiften är preliminär och ${"kommer att ändras ".repeat(10)}`;
    const workbook = await exportWorkbook(
      [HEADER, [2023, "4024", "Syd", 835], [2023, "0418", "Mitt", 2, note]],
      (sheet) => {
        sheet.mergeCells("D2:F2"); // the count spans two columns without a header: still one value, in D2
        sheet.mergeCells("E3:G3");
      },
    );
    const { code, stdout } = await check(workbook, "json");
    expect(code).toBe(1);
    const errors = errorsOf(stdout);
    expect(errors.map((d) => [d.code, d.line, d.column, d.found])).toEqual([
      ["E_CELL_UTAN_RUBRIK", 3, 5, note],
    ]);
    expect(errors[0]!.message).toContain(
      'innehåller "Uppgiften är preliminär och kommer att ändras kommer att …", men',
    );
  });

  it("namnger kolumner som Excel: A, Z, AA, AZ, BA, XFD", () => {
    expect([1, 26, 27, 52, 53, 16384].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "BA", "XFD"]);
  });
});
