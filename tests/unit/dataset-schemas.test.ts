import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KEY_FIGURE_SOURCES, SERIES_SOURCES } from "../../src/sources/registry.js";
import { validateKeyFigures } from "../../src/validate/key-figures.js";
import type { KeyFigureSource } from "../../src/sources/key-figure-source.js";
import {
  validateBraForandringar,
  validateKallor,
  validateSerie,
} from "../../src/validate/reference-tables.js";
import { REPO_DATA } from "../helpers/temp-data.js";
import { reference, tableFrom } from "../helpers/validate.js";
import type { z } from "zod";

const SOURCES = new Set(["kalla-a", "kalla-b"]);

function keyFigures(id: keyof typeof KEY_FIGURE_SOURCES, content: string) {
  const { table, sink } = tableFrom(content, `${id}.csv`);
  const dataset: KeyFigureSource<string, z.ZodObject> = KEY_FIGURE_SOURCES[id];
  const value = validateKeyFigures(table!, dataset, SOURCES, sink);
  return { value, diagnostics: sink.items };
}

/** The project's own file for a dataset, with one line replaced, to test a single bad row. */
function projectFile(file: string, change?: (lines: string[]) => string[]): string {
  const lines = readFileSync(path.join(REPO_DATA, "2023", file), "utf8")
    .trimEnd()
    .split("\n");
  const withSources = lines.map((l, i) => (i === 0 ? l : l.replace(/;[a-z0-9-]+;([^;]*)$/, ";kalla-a;$1")));
  return (change ? change(withSources) : withSources).join("\n");
}

describe.each([
  ["regionkoordinatorer", "regionkoordinatorer.csv"],
  ["migrationsverket", "migrationsverket.csv"],
  ["stodprogram", "nationellt-stodprogram.csv"],
  ["civilsamhallet", "civilsamhallet.csv"],
  ["polisensArenden", "polisens-arenden.csv"],
] as const)("nyckeltal: %s", (id, file) => {
  it("godtar projektets egen fil", () => {
    const { value, diagnostics } = keyFigures(id, projectFile(file));
    expect(diagnostics).toEqual([]);
    expect(value).toBeDefined();
  });

  it("anger rad och förväntan för ett värde som inte är ett antal", () => {
    const { diagnostics } = keyFigures(
      id,
      projectFile(file, (lines) =>
        lines.map((l, i) => (i === 1 ? l.replace(/^([^;]+);[^;]*;/, "$1;ungefär tio;") : l)),
      ),
    );
    expect(diagnostics[0]).toMatchObject({
      code: "E_OGILTIGT_VARDE",
      line: 2,
      column: 2,
      found: "ungefär tio",
    });
  });

  it("saknar en uppgift", () => {
    const { diagnostics } = keyFigures(
      id,
      projectFile(file, (lines) => lines.filter((_, i) => i !== 1)),
    );
    expect(diagnostics.map((d) => d.code)).toEqual(["E_NYCKEL_SAKNAS"]);
    expect(diagnostics[0]?.message).toContain("saknas");
  });
});

describe("nyckeltal: fel i enskilda rader", () => {
  const base = projectFile("regionkoordinatorer.csv");
  it.each([
    [
      "en okänd nyckel",
      `${base}\nidentifierad;3;kalla-a;`,
      { code: "E_OKAND_NYCKEL", line: 12, found: "identifierad" },
    ],
    ["samma nyckel två gånger", `${base}\nokantKon;7;kalla-a;`, { code: "E_DUBBLETT", line: 12 }],
    [
      "en källa som inte finns",
      base.replace("okantKon;7;kalla-a;", "okantKon;7;jamy-2099;"),
      { code: "E_OKAND_KALLA", line: 5, found: "jamy-2099" },
    ],
    [
      "en andel över 100 procent",
      projectFile("civilsamhallet.csv").replace("ejIdentifieradeProcent;92;", "ejIdentifieradeProcent;192;"),
      { code: "E_OGILTIGT_VARDE", line: 3, found: "192" },
    ],
  ])("%s", (_, content, expected) => {
    const id = content.includes("ejIdentifierade") ? "civilsamhallet" : "regionkoordinatorer";
    const { diagnostics } = keyFigures(id, content);
    expect(diagnostics).toEqual([expect.objectContaining({ ...expected, severity: "fel" })]);
  });
});

describe("tidsserier", () => {
  const serie = (rows: string[]) => {
    const { table, sink } = tableFrom(
      ["år;misstänkta_fall;anmärkning;källa", ...rows].join("\n"),
      "serie.csv",
    );
    return {
      value: validateSerie(table!, SERIES_SOURCES.migrationsverket, SOURCES, sink),
      diagnostics: sink.items,
    };
  };

  it("behåller ett saknat år som saknat", () => {
    const { value, diagnostics } = serie([
      "2019;481;;kalla-a",
      "2020;..;Ingen uppgift.;",
      "2021;261;;kalla-b",
    ]);
    expect(diagnostics).toEqual([]);
    expect(value?.map((y) => [y.ar, y.varden.misstanktaFall])).toEqual([
      [2019, 481],
      [2020, null],
      [2021, 261],
    ]);
  });

  it.each([
    [["2019;481;;kalla-a", "2018;384;;kalla-a"], { code: "E_AR_ORDNING", line: 3 }],
    [["2019;481;;"], { code: "E_OKAND_KALLA", line: 2 }],
    [["20x9;481;;kalla-a"], { code: "E_OGILTIGT_VARDE", line: 2, column: 1 }],
    [["2019;många;;kalla-a"], { code: "E_OGILTIGT_VARDE", line: 2, column: 2, found: "många" }],
    [["2020;..;;"], { code: "W_AR_UTAN_FORKLARING", line: 2, severity: "varning" }],
  ])("%j", (rows, expected) => {
    expect(serie(rows).diagnostics).toEqual([expect.objectContaining(expected)]);
  });
});

describe("källor", () => {
  const header = "id;utgivare;titel;år;url;hämtad;anmärkning";
  const kallor = (rows: string[]) => {
    const { table, sink } = tableFrom([header, ...rows].join("\n"), "kallor.csv");
    return { value: validateKallor(table!, sink), diagnostics: sink.items };
  };

  it("godtar projektets egen källfil", () => {
    const { table, sink } = tableFrom(readFileSync(path.join(REPO_DATA, "kallor.csv")), "kallor.csv");
    expect(validateKallor(table!, sink)?.length).toBeGreaterThan(10);
    expect(sink.items).toEqual([]);
  });

  it.each([
    [["Brå;Brå;Titel;2024;;;"], { code: "E_OGILTIGT_VARDE", line: 2, column: 1 }],
    [["bra;Brå;Titel;2024;bra.se;;"], { code: "E_OGILTIGT_VARDE", line: 2, column: 5 }],
    [["bra;Brå;Titel;2024;;6 augusti;"], { code: "E_OGILTIGT_VARDE", line: 2, column: 6 }],
    [["bra;Brå;Titel;2024;;;", "bra;Brå;Annan;2024;;;"], { code: "E_DUBBLETT", line: 3 }],
  ])("%j", (rows, expected) => {
    expect(kallor(rows).diagnostics).toEqual([expect.objectContaining(expected)]);
  });
});

describe("Brås publicerade förändringar", () => {
  const forandringar = (row: string) => {
    const { table, sink } = tableFrom(
      `brottskoder;förändring_procent;jämfört_med;källa;anmärkning\n${row}`,
      "f.csv",
    );
    return {
      value: validateBraForandringar(table!, reference.brottskoder, SOURCES, sink),
      diagnostics: sink.items,
    };
  };

  it("läser koder, förändring och jämförelseår", () => {
    expect(forandringar("0418 0419;-36;2022;kalla-a;").value).toEqual([
      { brottskoder: ["0418", "0419"], forandringProcent: -36, jamfortMed: 2022, kalla: "kalla-a" },
    ]);
  });

  it.each([
    ["9999;20;2022;kalla-a;", "E_OGILTIGT_VARDE", 1],
    ["4024;tjugo;2022;kalla-a;", "E_OGILTIGT_VARDE", 2],
    // An unknown source is the same fault as in every other citing file.
    ["4024;20;2022;okand;", "E_OKAND_KALLA", 4],
  ])("%j", (row, code, column) => {
    expect(forandringar(row).diagnostics).toEqual([expect.objectContaining({ code, line: 2, column })]);
  });
});
