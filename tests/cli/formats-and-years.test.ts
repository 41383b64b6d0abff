import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterEach, assert, describe, expect, it } from "vitest";
import { runCheck, runRender } from "../../src/pipeline/pipeline.js";
import { COUNTS_2024, COUNTS_2025, longCsv, wideCsv, type Counts } from "../helpers/fixtures.js";
import { REPO_DATA, tempDataDir, type TempDir } from "../helpers/temp-data.js";
import { reference } from "../helpers/validate.js";

const groupOf = (code: string) => reference.brottskoder.find((b) => b.kod === code)!.grupp;
const options = (dataDir: string, rapportar: number) => ({
  rapportar,
  dataDir,
  outDir: "",
  strict: false,
  log: () => {},
});

/** siffror.json as the build writes it. */
async function figuresJson(dataDir: string, rapportar: number): Promise<string> {
  const result = await runCheck(options(dataDir, rapportar));
  expect(result.diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
  return JSON.stringify(result.siffror, null, 2);
}

const total = (counts: Counts, codes: string[]) =>
  codes.reduce((a, c) => a + (counts[c] ?? []).reduce((x, y) => x + y, 0), 0);

describe("samma siffror ur den breda tabellen och ur Brås långa export", () => {
  const temps: TempDir[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

  it.each([
    ["2024 med gamla koder", 2025, { 2024: COUNTS_2024 }],
    ["2025 med nya koder, jämfört med 2024", 2026, { 2024: COUNTS_2024, 2025: COUNTS_2025 }],
  ])("%s", async (_, rapportar, years: Record<number, Counts>) => {
    const wideFiles = Object.fromEntries(
      Object.entries(years).map(([y, c]) => [`${y}/anmalda-brott.csv`, wideCsv(c, groupOf)]),
    );
    const wide = tempDataDir(wideFiles);
    const longSeparate = tempDataDir(
      Object.fromEntries(
        Object.entries(years).map(([y, c]) => [`${y}/anmalda-brott.csv`, longCsv({ [Number(y)]: c }, false)]),
      ),
    );
    // One export holding both years, in the statistics year's folder.
    const longTogether = tempDataDir({ [`${rapportar - 1}/anmalda-brott.csv`]: longCsv(years) });
    temps.push(wide, longSeparate, longTogether);
    const expected = await figuresJson(wide.dir, rapportar);
    expect(await figuresJson(longSeparate.dir, rapportar)).toBe(expected);
    expect(await figuresJson(longTogether.dir, rapportar)).toBe(expected);
  });
});

describe("statistikåret 2025: nya koder jämförda med 2024 års gamla", () => {
  let temp: TempDir;
  afterEach(() => temp?.cleanup());

  it("jämför grupper genom kodmappningen, och grupper och totalsumma direkt", async () => {
    temp = tempDataDir({
      "2024/anmalda-brott.csv": wideCsv(COUNTS_2024, groupOf),
      "2025/anmalda-brott.csv": longCsv({ 2025: COUNTS_2025 }),
    });
    const result = await runCheck(options(temp.dir, 2026));
    const figures = result.siffror!.anmaldaBrott;
    expect(figures.omkodning).toBe(true);

    const sexuellaVuxna = figures.jamforbaraGrupper.find((g) => g.id === "sexuella-vuxna")!;
    expect(sexuellaVuxna).toMatchObject({
      koder: ["9514", "9515"],
      koderForegaendeAr: ["0419"],
      totalt: total(COUNTS_2025, ["9514", "9515"]),
      foregaendeAr: total(COUNTS_2024, ["0419"]),
      omkodad: true,
    });
    expect(sexuellaVuxna.forandringProcent).toBe(20); // 102 against 85

    // Before 2025 forced marriage and criminal activity were "övriga ändamål": 0479 compares with their sum.
    const ovrigaVuxna = figures.jamforbaraGrupper.find((g) => g.id === "ovriga-vuxna")!;
    // Every 2025 code of the group is listed, those without reports as zero.
    expect(ovrigaVuxna.koder).toEqual([
      "9534",
      "9535",
      "9538",
      "9539",
      "9542",
      "9543",
      "9546",
      "9547",
      "9550",
      "9551",
    ]);
    expect(ovrigaVuxna.totalt).toBe(total(COUNTS_2025, ["9534", "9542", "9550"]));
    expect(ovrigaVuxna.foregaendeAr).toBe(total(COUNTS_2024, ["0479"]));

    // Rows with new codes have no change of their own; rows whose code continues compare directly.
    const row = (code: string) => figures.rader.find((r) => r.brottskod === code)!;
    expect(row("9514")).toMatchObject({
      foregaendeAr: null,
      forandringProcent: null,
      jamforelsegrupp: "sexuella-vuxna",
    });
    expect(row("4024")).toMatchObject({ foregaendeAr: total(COUNTS_2024, ["4024"]), jamforelsegrupp: null });
    const manniskohandel = figures.grupper.find((g) => g.grupp === "Människohandel")!;
    const oldTrafficking = Object.keys(COUNTS_2024).filter((c) => groupOf(c) === "Människohandel");
    expect(manniskohandel.foregaendeAr).toBe(total(COUNTS_2024, oldTrafficking));
    expect(figures.summa.foregaendeAr).toBe(total(COUNTS_2024, Object.keys(COUNTS_2024)));
  });

  it("bygger 2026 års rapport, visar den nya uppdelningen och noterar omkodningen", async () => {
    temp = tempDataDir({
      "2024/anmalda-brott.csv": longCsv({ 2024: COUNTS_2024 }),
      "2025/anmalda-brott.csv": wideCsv(COUNTS_2025, groupOf),
    });
    // No year texts: the rapporteur has not written them yet (the report marks where they go).
    const result = await runRender(options(temp.dir, 2026));
    expect(result.diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
    assert(result.ok, "rendering failed");
    const chapter4 = result.chapters.find((c) => c.name.startsWith("04-"))!.markdown;
    // The summary names the largest changes among everything that compares with last year.
    const chapter1 = result.chapters.find((c) => c.name.startsWith("01-"))!.markdown;
    const largest =
      chapter1.split("\n").find((l) => l.startsWith("De största förändringarna mot 2024 gällde")) ?? "";
    // In the year of the recoding no trafficking row compares with its own code, but the comparison
    // groups do: övriga ändamål for adults, with the purposes counted there before, fell from 44 to 33.
    const ovrigaAdults = ["9534", "9535", "9538", "9539", "9542", "9543", "9546", "9547", "9550", "9551"];
    expect(total(COUNTS_2025, ovrigaAdults)).toBe(33);
    expect(total(COUNTS_2024, ["0479"])).toBe(44);
    expect(largest).toContain(
      "människohandel för övriga ändamål, med de ändamål som räknades dit före omkodningen, person 18 år eller äldre (en minskning med 25 procent)",
    );
    expect(largest).not.toContain("från"); // no small-base changes among the largest
    expect(chapter4).toContain("Människohandel för sexuella ändamål mot flicka under 18 år");
    expect(chapter4).toContain("Brå har bytt brottskoder för människohandel mellan åren");
    expect(chapter4).toMatch(
      /\| Människohandel för sexuella ändamål, person 18 år eller äldre \| 9514, 9515 \| 102 \| 0419 \| 85 \| \+20\u00a0% \|/,
    );
  });

  it("vägrar en gammal kod i 2025 års export med rad och kod", async () => {
    temp = tempDataDir({
      "2025/anmalda-brott.csv": "brottskod;polisregion;antal\n4024;Syd;5\n0419;Nord;3\n",
    });
    const result = await runCheck(options(temp.dir, 2026));
    expect(result.diagnostics.filter((d) => d.severity === "fel")).toEqual([
      expect.objectContaining({ code: "E_KOD_EJ_GILTIG", line: 3, found: "0419" }),
    ]);
  });
});

describe("årets texter", () => {
  let temp: TempDir;
  afterEach(() => temp?.cleanup());

  it("varnar när en text saknas och markerar platsen i utkastet", async () => {
    temp = tempDataDir({
      "2023/anmalda-brott.csv": readFileSync(path.join(REPO_DATA, "2023/anmalda-brott.csv")),
    });
    const check = await runCheck(options(temp.dir, 2024));
    expect(
      check.diagnostics.filter((d) => d.code === "W_ARSTEXT_SAKNAS").map((d) => path.basename(d.file)),
    ).toContain("forslag.md");
    const render = await runRender(options(temp.dir, 2024));
    assert(render.ok, "rendering failed");
    expect(render.chapters.find((c) => c.name.startsWith("05-"))!.markdown).toContain(
      "Årets text saknas: skriv den i",
    );
  });
});

describe("Excel", () => {
  let temp: TempDir;
  afterEach(() => temp?.cleanup());
  const published = readFileSync(path.join(REPO_DATA, "2023/anmalda-brott.csv"), "utf8");

  it("läser Unicode-text (UTF-16 med BOM, tabbavgränsad) som samma tabell", async () => {
    const text = published.replace(/;/g, "\t").replace(/\n/g, "\r\n");
    temp = tempDataDir({
      "2023/anmalda-brott.txt": Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf16le")]),
    });
    const csv = tempDataDir({ "2023/anmalda-brott.csv": published });
    const fromText = await runCheck(options(temp.dir, 2024));
    const fromCsv = await runCheck(options(csv.dir, 2024));
    csv.cleanup();
    expect(fromText.siffror?.anmaldaBrott.summa.totalt).toBe(2175);
    expect(fromText.siffror?.anmaldaBrott).toEqual(fromCsv.siffror?.anmaldaBrott);
  });

  it("läser en .xlsx-arbetsbok, med koder som text och rader som blad-rader", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Anmälda brott");
    sheet.addRow(["år", "brottskod", "polisregion", "antal"]);
    sheet.addRow([2023, "0418", "Stockholm", 2]);
    sheet.addRow([2023, "4024", "Sthlm", 835]);
    sheet.addRow([2023, "0610", "Syd", 25]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    temp = tempDataDir({ "2023/anmalda-brott.xlsx": bytes });
    const result = await runCheck(options(temp.dir, 2024));
    expect(result.diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
    const rows = result.siffror!.anmaldaBrott.rader;
    expect(rows.filter((r) => r.totalt > 0).map((r) => [r.brottskod, r.totalt])).toEqual([
      ["0418", 2],
      ["0610", 25],
      ["4024", 835],
    ]);
    expect(rows).toHaveLength(19); // every code valid in 2023; those not in the workbook are zero
  });

  it.each([
    [
      "en gammal .xls-arbetsbok",
      "2023/anmalda-brott.csv",
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /äldre Excel-arbetsbok \(\.xls/,
    ],
    [
      "en arbetsbok med fel ändelse",
      "2023/anmalda-brott.csv",
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]),
      /Ge den ändelsen \.xlsx/,
    ],
  ])("vägrar %s och säger hur den ska sparas", async (_, name, bytes, message) => {
    temp = tempDataDir({ [name]: bytes });
    const result = await runCheck(options(temp.dir, 2024));
    expect(result.diagnostics.filter((d) => d.severity === "fel")).toEqual([
      expect.objectContaining({ code: "E_FEL_FILTYP", message: expect.stringMatching(message) }),
    ]);
    expect(result.diagnostics[0]?.message ?? "").toBeTruthy();
  });

  it("säger till när en kod har tappat sina inledande nollor i kalkylbladet", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Export");
    sheet.addRow(["brottskod", "polisregion", "antal"]);
    sheet.addRow([418, "Syd", 3]); // typed as a number: Excel drops the zero
    temp = tempDataDir({ "2023/anmalda-brott.xlsx": Buffer.from(await workbook.xlsx.writeBuffer()) });
    const result = await runCheck(options(temp.dir, 2024));
    expect(result.diagnostics.find((d) => d.severity === "fel")).toMatchObject({
      code: "E_BROTTSKOD_FORMAT",
      line: 2,
      column: 1,
      message: expect.stringContaining("0418"),
    });
  });
});

describe("en lång export över många år läses strömmande", () => {
  let temp: TempDir;
  afterEach(() => temp?.cleanup());

  it("behåller rapportens år, kontrollerar formen på övriga rader och anger rätt rad", async () => {
    const rows = ["år;brottskod;polisregion;antal"];
    for (let year = 1990; year <= 2021; year++) rows.push(`${year};4024;Syd;${year - 1980}`);
    rows.push("2015;4O24;Syd;3"); // line 34: letter O in a passed-over year
    rows.push("", "2023;4024;Syd;12", "2023;0609;Stockholm;tre"); // empty line 35; line 37 in the report's year
    temp = tempDataDir({ "2023/anmalda-brott.csv": rows.join("\n") + "\n" });
    const result = await runCheck(options(temp.dir, 2024));
    expect(
      result.diagnostics.filter((d) => d.severity === "fel").map((d) => [d.code, d.line, d.found]),
    ).toEqual([
      ["E_BROTTSKOD_FORMAT", 34, "4O24"],
      ["E_ANTAL_EJ_HELTAL", 37, "tre"],
    ]);
  });
});
