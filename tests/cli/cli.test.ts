import path from "node:path";
import { reference } from "../helpers/validate.js";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { HEADER, REPO_DATA, tempDataDir, windows1252, type TempDir } from "../helpers/temp-data.js";

describe("report: anrop och slutkoder", () => {
  it.each([
    [["build", "abc"], /ogiltigt <år>: "abc" är inget årtal/],
    [["build", "1999"], /1999 ligger utanför 2000–2100/],
    [["check", "2101"], /2101 ligger utanför 2000–2100/],
    [["build", "2024", "--okand"], /okänd flagga '--okand'/],
    [["publish", "2024"], /okänt kommando 'publish'/],
    [["build"], /argumentet <år> saknas/],
    [["check", "2024", "--data"], /flaggan --data <mapp> kräver ett värde/],
  ])("%j ger slutkod 2 och ett svenskt besked", async (args, message) => {
    const { code, stderr } = await runCli(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("visar hjälp på svenska med exempel", async () => {
    const { code, stdout } = await runCli("--help");
    expect(code).toBe(0);
    expect(stdout).toContain("rapportåret");
    expect(stdout).toContain("Exempel:");
    expect(stdout).toContain("report build 2024");
    const sub = await runCli("build", "--help");
    expect(sub.stdout).toContain("--strict");
    expect(sub.stdout).toContain("varningar räknas som fel");
    expect(sub.stdout).toMatch(/^Användning: report build \[flaggor\] <år>/m);
    expect(sub.stdout).toContain("Flaggor:");
    expect(sub.stdout).not.toMatch(/Usage:|Options:|default:/);
  });
});

describe("report check 2024 med projektets data", () => {
  it("listar båda avvikande summorna som varningar och slutar med 0", async () => {
    const { code, stdout } = await runCli("check", "2024", "--data", REPO_DATA);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /anmalda-brott\.csv:12:11 {2}varning {2}Delsumma för Människohandel, totalt: angivet 228, beräknat 227/,
    );
    expect(stdout).toMatch(
      /anmalda-brott\.csv:26:11 {2}varning {2}Totalsumma, totalt: angivet 2176, beräknat 2175/,
    );
    expect(stdout).toContain("W_JAMFORELSEAR_SAKNAS");
    expect(stdout).toMatch(
      /nationellt-stodprogram\.csv:12:2 {2}varning {2}Angivet omfattadeTotalt = 68, men omfattadeKvinnor \+ omfattadeMan \+ omfattadeBarn = 70/,
    );
    expect(stdout).toMatch(
      /nationellt-stodprogram\.csv:16:2 {2}varning {2}Angivet omfattadeBarn = 27, men deltagareBarn \+ barnIHemlandet = 25/,
    );
    expect(stdout).toMatch(/Avstämning: \d+ angivna summor kontrollerade, 4 avviker\./);
    expect(stdout).toMatch(/^0 fel, \d+ varningar$/m);
  });

  it("slutar med 1 när varningar räknas som fel (--strict)", async () => {
    const { code, stdout } = await runCli("check", "2024", "--data", REPO_DATA, "--strict");
    expect(code).toBe(1);
    expect(stdout).toMatch(/anmalda-brott\.csv:12:11 {2}fel {2}Delsumma för Människohandel/);
  });
});

describe("report check med egna tabeller", () => {
  let temp: TempDir | undefined;
  afterEach(() => temp?.cleanup());

  it("anger fil, rad, kolumn och förväntan vid fel, utan stackspår, och slutar med 1", async () => {
    temp = tempDataDir({
      "2019/anmalda-brott.csv": [HEADER, "Övrigt;;Köp av sexuell tjänst;39;30;tre;835;357;134;75;1 513"].join(
        "\n",
      ),
    });
    const { code, stdout, stderr } = await runCli("check", "2020", "--data", temp.dir);
    expect(code).toBe(1);
    const file = path.join(temp.dir, "2019/anmalda-brott.csv");
    expect(stdout).toContain(`${file}:2:6  fel  Väntade ett icke-negativt heltal`);
    expect(stdout).toContain('fann "tre"');
    expect(stdout).toContain("(E_ANTAL_EJ_HELTAL)");
    expect(stdout + stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it("säger vilken fil som saknas när årets tabell inte finns", async () => {
    temp = tempDataDir({});
    const { code, stdout } = await runCli("check", "2024", "--data", temp.dir);
    expect(code).toBe(1);
    expect(stdout).toContain(
      `${path.join(temp.dir, "2023/anmalda-brott.csv")}  fel  Filen finns inte. Brås tabell för 2023 ska ligga här (eller som .txt eller .xlsx).  (E_FIL_SAKNAS)`,
    );
  });

  it("räknar rätt summor och förändringar för andra år, andra koder, semikolon och Windows-1252", async () => {
    const year2018 = [
      "Brottskodsgrupp,Ändamål,Brottskodstext,Bergslagen,Mitt,Nord,Stockholm,Syd,Väst,Öst",
      "Människohandel,För organhandel,Människohandel för organhandel med person 18 år eller äldre,1,0,0,1,0,0,0",
      "Övrigt,Köp av sexuell tjänst,Köp av sexuell tjänst,40,20,30,400,200,100,50",
    ].join("\r\n");
    const year2019 = [
      "brottskodsgrupp;ändamål;brottskodstext;Bergslagen;Mitt;Nord;Sthlm;Syd;Väst;Öst;Totalsumma",
      "Människohandel;För organhandel;Människohandel för organhandel med person 18 år eller äldre;2;0;0;1;0;0;0;3",
      ";För tiggeri;Människohandel för tiggeri med barn under 18 år;–;–;–;1;–;–;–;1",
      "Delsumma;;;2;0;0;2;0;0;0;4",
      "Övrigt;Köp av sexuell tjänst;Köp av sexuell tjänst;44;18;30;500;210;100;48;950",
      "Totalsumma;;;46;18;30;502;210;100;48;954",
    ].join("\r\n");
    temp = tempDataDir({
      "2018/anmalda-brott.csv": year2018,
      "2019/anmalda-brott.csv": windows1252(year2019),
    });
    const { runCheck } = await import("../../src/pipeline/pipeline.js");
    const result = await runCheck({
      rapportar: 2020,
      dataDir: temp.dir,
      outDir: temp.dir,
      strict: false,
      log: () => {},
    });
    expect(result.diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
    const figures = result.siffror!.anmaldaBrott;
    // Every code valid in 2019 is a row, a code the file leaves out is zero, and rows stand in the
    // catalog's order within the publication's group order, whatever the file's order.
    const valid2019 = reference.brottskoder.filter(
      (b) => (b.forstaAr ?? 0) <= 2019 && (b.sistaAr ?? 9999) >= 2019,
    );
    expect(figures.rader.map((r) => r.brottskod).sort()).toEqual(valid2019.map((b) => b.kod).sort());
    const reported = figures.rader.filter((r) => r.totalt > 0 || (r.foregaendeAr ?? 0) > 0);
    expect(reported.map((r) => [r.brottskod, r.totalt, r.foregaendeAr, r.forandringProcent])).toEqual([
      ["0472", 1, 0, null],
      ["0475", 3, 2, 50],
      ["4024", 950, 840, 13],
    ]);
    expect(
      figures.grupper.map((g) => [g.grupp, g.totalt, g.angivetTotalt, g.foregaendeAr, g.forandringProcent]),
    ).toEqual([
      ["Människohandel", 4, 4, 2, 100],
      ["Människoexploatering", 0, null, 0, null],
      ["Övrigt", 950, null, 840, 13],
    ]);
    expect(figures.summa).toMatchObject({
      totalt: 954,
      angivetTotalt: 954,
      foregaendeAr: 842,
      forandringProcent: 13,
    });
    expect(result.siffror!.avvikelser).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).not.toContain("W_JAMFORELSEAR_SAKNAS");
  });
});

describe("report check --format", () => {
  let temp: TempDir | undefined;
  afterEach(() => temp?.cleanup());

  const broken = () =>
    tempDataDir({
      "2023/anmalda-brott.csv": `${HEADER}\nÖvrigt;;Köp av sexuell tjänst;1;1;1;x, y;1;1;1;7\n`,
    });

  it("json ger en stabil lista med alla nycklar för varje diagnos", async () => {
    temp = broken();
    const { code, stdout } = await runCli("check", "2024", "--data", temp.dir, "--format", "json");
    expect(code).toBe(1);
    const diagnostics = JSON.parse(stdout);
    expect(Array.isArray(diagnostics)).toBe(true);
    for (const d of diagnostics) {
      expect(Object.keys(d).sort()).toEqual([
        "code",
        "column",
        "columnName",
        "expected",
        "file",
        "found",
        "line",
        "message",
        "severity",
      ]);
    }
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        code: "E_ANTAL_EJ_HELTAL",
        severity: "error",
        file: path.join(temp.dir, "2023/anmalda-brott.csv"),
        line: 2,
        column: 7,
        columnName: "Sthlm",
        found: "x, y",
      }),
    );
  });

  it("github ger en annotering på rätt rad, med specialtecken kodade", async () => {
    temp = broken();
    const { code, stdout } = await runCli("check", "2024", "--data", temp.dir, "--format", "github");
    expect(code).toBe(1);
    const file = path.join(temp.dir, "2023/anmalda-brott.csv").replace(/:/g, "%3A").replace(/,/g, "%2C");
    expect(stdout).toContain(
      `::error file=${file},line=2,col=7,title=E_ANTAL_EJ_HELTAL::Väntade ett icke-negativt heltal`,
    );
    expect(stdout).toMatch(/^::warning file=[^\n]*title=W_JAMFORELSEAR_SAKNAS::/m);
  });

  it("github kodar radbrytning och procenttecken i ett meddelande, så att varje diagnos blir en rad", async () => {
    // A quoted cell may hold a line break; the value is quoted back in the message.
    temp = tempDataDir({
      "2023/anmalda-brott.csv": `${HEADER}\nÖvrigt;;Köp av sexuell tjänst;1;1;1;"x\n5%";1;1;1;7\n`,
    });
    const github = await runCli("check", "2024", "--data", temp.dir, "--format", "github");
    const json = await runCli("check", "2024", "--data", temp.dir, "--format", "json");
    const diagnostics = JSON.parse(json.stdout) as { code: string; found: string | null }[];
    expect(diagnostics.find((d) => d.code === "E_ANTAL_EJ_HELTAL")?.found).toBe("x\n5%");
    expect(github.stdout).toMatch(/title=E_ANTAL_EJ_HELTAL::[^\n]*x%0A5%25/);
    const annotations = github.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(annotations).toHaveLength(diagnostics.length);
  });

  it("text listar med --verbose varje angiven summa, angivet mot beräknat, och utan bara antalet", async () => {
    const { stdout } = await runCli("check", "2024", "--data", REPO_DATA, "--verbose");
    expect(stdout).toMatch(
      /anmalda-brott\.csv:12 {2}AVVIKER {5}Delsumma för Människohandel, totalt: angivet 228, beräknat 227/,
    );
    expect(stdout).toMatch(
      /anmalda-brott\.csv:26 {2}stämmer {5}Totalsumma, Stockholm: angivet 1071, beräknat 1071/,
    );
    expect(stdout).toMatch(/^Läser .*anmalda-brott\.csv \(utf-8, \d+ rader\)$/m);
    const quiet = await runCli("check", "2024", "--data", REPO_DATA);
    expect(quiet.stdout).not.toMatch(/ {2}(stämmer|AVVIKER) {5}|^Läser /m);
    expect(quiet.stdout).toMatch(/^Avstämning: \d+ angivna summor kontrollerade, 4 avviker\./m);
  });

  it("vägrar ett okänt format med slutkod 2", async () => {
    const { code, stderr } = await runCli("check", "2024", "--format", "xml");
    expect(code).toBe(2);
    expect(stderr).toContain("välj text, json, github");
  });
});
