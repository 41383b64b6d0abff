import { describe, expect, it } from "vitest";
import { HEADER, windows1252 } from "../helpers/temp-data.js";
import { validateTable } from "../helpers/validate.js";

const REGIONS = ["Bergslagen", "Mitt", "Nord", "Stockholm", "Syd", "Väst", "Öst"];

describe("tabellen över anmälda brott: så som den klistras in", () => {
  it("fyller ned grupp och ändamål, läser rubrikrader och angivna summor", () => {
    const { value, diagnostics } = validateTable(
      [
        HEADER,
        "Människohandel;;;;;;;;;;",
        ";För sexuella ändamål;Människohandel för sexuella ändamål med barn under 18 år;1;1;2;2;3;0;0;9",
        ";;Människohandel för sexuella ändamål med person 18 år eller äldre;1;3;7;33;26;20;11;101",
        "Delsumma;;;2;4;9;35;29;20;11;110",
        "Övrigt;Koppleri;Koppleri inkl. grovt;15;2;7;89;49;30;12;204",
        "Totalsumma;;;17;6;16;124;78;50;23;314",
      ].join("\n"),
    );
    expect(diagnostics).toEqual([]);
    expect(value?.rader.map((r) => [r.line, r.brottskod, r.grupp, r.andamal])).toEqual([
      [3, "0418", "Människohandel", "För sexuella ändamål"],
      [4, "0419", "Människohandel", "För sexuella ändamål"],
      [6, "0609", "Övrigt", "Koppleri"],
    ]);
    expect(value?.rader[1]?.perRegion).toEqual(
      Object.fromEntries(REGIONS.map((r, i) => [r, [1, 3, 7, 33, 26, 20, 11][i]])),
    );
    expect(value?.angivnaSummor.map((s) => [s.line, s.typ, s.grupp, s.koder, s.totalt])).toEqual([
      [5, "delsumma", "Människohandel", ["0418", "0419"], 110],
      [7, "totalsumma", undefined, ["0418", "0419", "0609"], 314],
    ]);
  });

  it("hittar kolumnerna på namn i valfri ordning, oberoende av versaler och blanksteg", () => {
    const { value, diagnostics } = validateTable(
      [
        "  ÖST ;stockholm;Brottskodstext; BROTTSKODSGRUPP;Mitt;nord;Syd;väst;bergslagen;ÄNDAMÅL",
        "7;4;Köp av sexuell tjänst;Övrigt;2;3;5;6;1;Köp av sexuell tjänst",
      ].join("\n"),
    );
    expect(diagnostics).toEqual([]);
    expect(value?.rader[0]?.perRegion).toEqual({
      Bergslagen: 1,
      Mitt: 2,
      Nord: 3,
      Stockholm: 4,
      Syd: 5,
      Väst: 6,
      Öst: 7,
    });
  });

  it("läser kommaavgränsad Windows-1252 med tusentalsavgränsare, – för noll och .. för saknad uppgift", () => {
    const csv = [
      "Brottskodsgrupp,Ändamål,Brottskodstext,Bergslagen,Mitt,Nord,Sthlm,Syd,Väst,Öst",
      'Övrigt,Köp av sexuell tjänst,Köp av sexuell tjänst,39,30,43,"1 835",357,134,75',
      ',Koppleri,"Koppleri, inkl. grovt",–,-,..,89,49,30,12',
    ].join("\r\n");
    const { value, diagnostics } = validateTable(windows1252(csv));
    expect(diagnostics).toEqual([]);
    expect(value?.rader.map((r) => r.perRegion)).toEqual([
      { Bergslagen: 39, Mitt: 30, Nord: 43, Stockholm: 1835, Syd: 357, Väst: 134, Öst: 75 },
      { Bergslagen: 0, Mitt: 0, Nord: null, Stockholm: 89, Syd: 49, Väst: 30, Öst: 12 },
    ]);
  });

  it("godtar tomma kolumner sist på raderna, som Excel skriver dem", () => {
    const { value, diagnostics } = validateTable(
      [`${HEADER};;;`, "Övrigt;;Köp av sexuell tjänst;1;1;1;1;1;1;1;7;;;", "", ";;;;;;;;;;;;;"].join("\r\n"),
    );
    expect(diagnostics).toEqual([]);
    expect(value?.rader.map((r) => r.brottskod)).toEqual(["4024"]);
  });

  it("känner igen en brottskod först i texten och varnar för okända kolumner", () => {
    const { value, diagnostics } = validateTable(
      [`${HEADER};Kommentar`, "Övrigt;;0610 Utnyttjande av barn;1;1;1;1;1;1;1;7;från Excel"].join("\n"),
    );
    expect(value?.rader[0]?.brottskod).toBe("0610");
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["W_OKAND_KOLUMN", 1, 12]]);
  });
});

describe("tabellen över anmälda brott: fel anges med kod, rad och kolumn", () => {
  const row = (text: string, counts = "1;1;1;1;1;1;1;7") => `Övrigt;;${text};${counts}`;
  it.each([
    {
      name: "ett antal som inte är ett heltal",
      lines: [row("Köp av sexuell tjänst", "1;1,5;1;1;1;1;1;7")],
      expected: { code: "E_ANTAL_EJ_HELTAL", line: 2, column: 5, columnName: "Mitt", found: "1,5" },
    },
    {
      name: "ett negativt antal",
      lines: [row("Köp av sexuell tjänst", "1;1;-2;1;1;1;1;7")],
      expected: { code: "E_ANTAL_EJ_HELTAL", line: 2, column: 6, columnName: "Nord", found: "-2" },
    },
    {
      name: "en tom cell på en brottsrad",
      lines: [row("Köp av sexuell tjänst", "1;1;1;;1;1;1;7")],
      expected: { code: "E_ANTAL_SAKNAS", line: 2, column: 7, columnName: "Sthlm" },
    },
    {
      name: "en okänd brottskodstext",
      lines: ["Övrigt;;Köp av sexuell tjänst;1;1;1;1;1;1;1;7", row("Köp av sexuella handlingar på nätet")],
      expected: { code: "E_OKAND_BROTTSKODSTEXT", line: 3, column: 3 },
    },
    {
      name: "samma brott två gånger",
      lines: [row("Köp av sexuell tjänst"), row("Köp av sexuell tjänst")],
      expected: { code: "E_DUBBLETT", line: 3 },
    },
    {
      name: "en brottskod som inte gäller statistikåret",
      lines: ["Människohandel;;Människohandel för sexuella ändamål mot flicka under 18 år;1;1;1;1;1;1;1;7"],
      expected: { code: "E_KOD_EJ_GILTIG", line: 2, found: "9512" },
    },
    {
      name: "antal utan brottskodstext",
      lines: ["Övrigt;;;1;1;1;1;1;1;1;7"],
      expected: { code: "E_BROTTSKODSTEXT_SAKNAS", line: 2, column: 3 },
    },
    {
      name: "en brottsrad före första gruppen",
      lines: [";;Köp av sexuell tjänst;1;1;1;1;1;1;1;7"],
      expected: { code: "E_GRUPP_SAKNAS", line: 2, column: 1 },
    },
    {
      name: "en okänd brottskod",
      lines: ["Övrigt;;9999 Påhittat brott;1;1;1;1;1;1;1;7"],
      expected: { code: "E_OKAND_BROTTSKOD", line: 2, found: "9999" },
    },
    {
      name: "bara en rubrikrad",
      lines: [],
      expected: { code: "E_TOM_TABELL", line: 1 },
    },
  ])("$name", ({ lines, expected }) => {
    const { diagnostics } = validateTable([HEADER, ...lines].join("\n"));
    const errors = diagnostics.filter((d) => d.severity === "fel");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ ...expected, severity: "fel", file: "anmalda-brott.csv" });
  });

  it("nämner saknade kolumner och de rubriker som finns", () => {
    const { value, diagnostics } = validateTable("Brottskodsgrupp;Ändamål;Brottskodstext;Bergslagen;Mitt\n");
    expect(value).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ code: "E_KOLUMN_SAKNAS", line: 1 });
    expect(diagnostics[0]?.message).toContain('"Stockholm"');
    expect(diagnostics[0]?.message).toContain('"Bergslagen"');
  });

  it("föreslår närmaste namn i katalogen för en okänd brottskodstext", () => {
    const { diagnostics } = validateTable(
      [HEADER, "Övrigt;;Köp av sexuell tjänster;1;1;1;1;1;1;1;7"].join("\n"),
    );
    expect(diagnostics[0]?.message).toContain('"Köp av sexuell tjänst" (4024)');
  });

  it("godtar en kod i den nya indelningen för statistikåret 2025 men inte den gamla", () => {
    const lines = [
      HEADER,
      "Människohandel;;Människohandel för sexuella ändamål mot flicka under 18 år;1;1;1;1;1;1;1;7",
      "Människohandel;;Människohandel för sexuella ändamål med barn under 18 år;1;1;1;1;1;1;1;7",
    ].join("\n");
    const { diagnostics } = validateTable(lines, 2025);
    expect(diagnostics.map((d) => [d.code, d.line, d.found])).toEqual([["E_KOD_EJ_GILTIG", 3, "0418"]]);
  });
});
