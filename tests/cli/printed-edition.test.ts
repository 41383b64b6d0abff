import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { JsonDiagnostic } from "../../src/diagnostics/format.js";
import { runCli } from "../helpers/cli.js";
import { REPO_DATA, tempDirWith } from "../helpers/temp-data.js";

/** `report check 2024 --format json` on a copy of the project's data with this tryckt-utgava.csv. */
async function checkWithPrinted(rows: string[]) {
  const temp = tempDirWith({});
  temps.push(temp);
  cpSync(REPO_DATA, temp.dir, { recursive: true });
  const file = path.join(temp.dir, "2023/tryckt-utgava.csv");
  writeFileSync(file, ["uppgift;angivet;underlag;villkor;sida;anmärkning", ...rows, ""].join("\n"));
  const { code, stdout } = await runCli("check", "2024", "--data", temp.dir, "--format", "json");
  const diagnostics = JSON.parse(stdout) as JsonDiagnostic[];
  return { code, dir: temp.dir, file, printed: diagnostics.filter((d) => d.file === file) };
}
const temps: { cleanup: () => void }[] = [];
afterAll(() => temps.forEach((t) => t.cleanup()));

/**
 * The rule, on synthetic statements held against the project's data: a statement that agrees with
 * what it names gives no finding, one that disagrees gives a warning naming both places, whatever kind
 * of figure it names (a row of Brå's table, a key figure, a series value).
 */
describe("den tryckta utgåvans uppgifter hålls mot data (report check)", { timeout: 60_000 }, () => {
  it.each([
    ["en rad i Brås tabell", "4024", 1513, "2023/anmalda-brott.csv:"],
    ["ett nyckeltal", "nationellt-stodprogram:deltagareISverige", 59, "2023/nationellt-stodprogram.csv:8"],
    [
      "en summa av nyckeltal",
      "civilsamhallet:varavBarn + civilsamhallet:barnIndirektUtsatta",
      40,
      "2023/civilsamhallet.csv:10",
    ],
    [
      "en tidsserie för statistikåret",
      "serier/regionkoordinatorer:identifierade",
      414,
      "serier/regionkoordinatorer.csv:",
    ],
    [
      "en tidsserie för ett annat år",
      "serier/migrationsverket.csv:misstanktaFall@2019",
      481,
      "serier/migrationsverket.csv:",
    ],
  ])(
    "%s: lika ger ingen varning, olika ger en varning med båda ställena",
    async (_kind, underlag, value, place) => {
      const agrees = await checkWithPrinted([`Påstående som stämmer;${value};${underlag};;avsnitt 9.9;`]);
      expect(agrees.code).toBe(0);
      expect(agrees.printed).toEqual([]);

      const differs = await checkWithPrinted([
        `Påstående som inte stämmer;${value + 1};${underlag};;avsnitt 9.9;`,
      ]);
      expect(differs.code).toBe(0);
      expect(differs.printed).toEqual([
        expect.objectContaining({
          code: "W_TRYCKT_AVVIKER",
          severity: "warning",
          line: 2,
          found: String(value + 1),
          expected: String(value),
        }),
      ]);
      const message = differs.printed[0]!.message;
      expect(message).toContain("avsnitt 9.9");
      expect(message).toContain(path.join(differs.dir, place));
    },
  );

  it("villkor högst: en del får vara mindre än helheten i data, men inte större", async () => {
    const { printed } = await checkWithPrinted([
      "Nya deltagare, färre än alla;50;nationellt-stodprogram:deltagareISverige;högst;avsnitt 4.1;",
      "Nya deltagare, lika många som alla;59;nationellt-stodprogram:deltagareISverige;högst;avsnitt 4.1;",
      "Nya deltagare, fler än alla;61;nationellt-stodprogram:deltagareISverige;högst;avsnitt 4.1;",
    ]);
    expect(printed).toEqual([
      expect.objectContaining({ code: "W_TRYCKT_AVVIKER", line: 4, found: "61", expected: "högst 59" }),
    ]);
    expect(printed[0]!.message).toMatch(/kan inte vara fler än de 59 .*nationellt-stodprogram\.csv:8/);
  });

  it("ett okänt villkor är ett fel i sin kolumn", async () => {
    const { code, printed } = await checkWithPrinted(["Påstående;1;4024;kanske;;"]);
    expect(code).toBe(1);
    expect(printed).toEqual([expect.objectContaining({ code: "E_OGILTIGT_VARDE", line: 2, column: 4 })]);
    expect(printed[0]!.message).toMatch(/lika .*högst/);
  });

  it("en uppgift som är .. i data, eller en rad utan underlag, sägs sakna data", async () => {
    const { printed } = await checkWithPrinted([
      "Diagram som underlaget saknar;;;;avsnitt 4.2;",
      "Ett år utan uppgift;5;serier/regionkoordinatorer:identifierade@2020;;avsnitt 4.1;",
    ]);
    expect(printed.map((d) => [d.code, d.line])).toEqual([
      ["W_TRYCKT_UTAN_DATA", 2],
      ["W_TRYCKT_UTAN_DATA", 3],
    ]);
    expect(printed[1]!.message).toMatch(/identifierade 2020, .*regionkoordinatorer\.csv:\d+/);
  });

  it.each([
    ["en okänd nyckel", "nationellt-stodprogram:finnsInte", /ingen nyckel finnsInte/],
    ["en okänd fil", "finns-inte:x", /finns-inte\.csv är ingen fil med nyckeltal/],
    ["en okänd brottskod", "9999", /brottskoden 9999 finns inte/],
    ["ett år på ett nyckeltal", "civilsamhallet:mottaPersoner@2022", /bara för en tidsserie/],
  ])("%s i underlag är ett fel med rad och kolumn", async (_kind, underlag, message) => {
    const { code, printed } = await checkWithPrinted([`Påstående;1;${underlag};;;`]);
    expect(code).toBe(1);
    expect(printed).toEqual([
      expect.objectContaining({ code: "E_OGILTIGT_VARDE", severity: "error", line: 2, column: 3 }),
    ]);
    expect(printed[0]!.message).toMatch(message);
  });
});

/** What the printed 2024 edition states (data/2023/tryckt-utgava.csv), held against our data. */
describe("den tryckta utgåvan 2024 mot data", { timeout: 60_000 }, async () => {
  const { code, stdout } = await runCli("check", "2024", "--data", REPO_DATA, "--format", "json");
  const printed = (JSON.parse(stdout) as JsonDiagnostic[]).filter((d) => d.code.startsWith("W_TRYCKT"));

  it("check godtar data med varningar", () => expect(code).toBe(0));

  it("ser att '101 … av dem nio minderåriga' motsäger tabellens 101 vuxna och 9 barn", () => {
    expect(printed).toContainEqual(
      expect.objectContaining({ code: "W_TRYCKT_AVVIKER", line: 2, found: "101", expected: "110" }),
    );
  });

  it("ser att 184 koppleribrott är handlagda, inte de 204 anmälda", () => {
    expect(printed).toContainEqual(
      expect.objectContaining({ code: "W_TRYCKT_AVVIKER", found: "184", expected: "204" }),
    );
  });

  it("ser att stödprogrammets 61 nya och 9 barn i hemlandet inte blir de 68 som texten säger", () => {
    const nsp = printed.find((d) => d.code === "W_TRYCKT_AVVIKER" && d.message.includes("nyaPersoner"));
    expect(nsp).toMatchObject({ found: "68", expected: "70" });
    expect(nsp!.message).toMatch(
      /avsnitt 4\.1.*nationellt-stodprogram\.csv:2 .*nationellt-stodprogram\.csv:11/,
    );
  });

  it("säger att diagrammet Utvecklingen över tid saknar data och utelämnas", () => {
    const missing = printed.filter((d) => d.code === "W_TRYCKT_UTAN_DATA");
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toMatch(
      /Utvecklingen över tid.*utelämnar det i stället för att hitta på värden/,
    );
  });
});
