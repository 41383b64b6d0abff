import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCheck, runRender } from "../../src/pipeline/pipeline.js";
import { validateAnmaldaBrott } from "../../src/validate/anmalda-brott-wide.js";
import {
  HEADER,
  REPO_DATA,
  REPO_ROOT,
  tempDataDir,
  tempDirWith,
  type TempDir,
} from "../helpers/temp-data.js";
import { reference, tableFrom, validateTable } from "../helpers/validate.js";
import { codesInSource, PRINT_TRIGGERS, TRIGGERS } from "../helpers/diagnostic-triggers.js";

const options = (dataDir: string, extra: object = {}) => ({
  rapportar: 2024,
  dataDir,
  outDir: "",
  strict: false,
  log: () => {},
  ...extra,
});
const codesOf = (diagnostics: { code: string }[]) => diagnostics.map((d) => d.code);

describe("varje diagnoskod, med rad där en rad finns", () => {
  const temps: TempDir[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));
  const data = (files: Record<string, string | Uint8Array>) => {
    const t = tempDataDir(files);
    temps.push(t);
    return t.dir;
  };

  it("E_ARBETSBOK_OLASLIG: en trasig .xlsx", async () => {
    const result = await runCheck(
      options(data({ "2023/anmalda-brott.xlsx": Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) })),
    );
    expect(result.diagnostics.find((d) => d.severity === "fel")).toMatchObject({
      code: "E_ARBETSBOK_OLASLIG",
      message: expect.stringContaining("Spara filen som"),
    });
  });

  it("E_AR_OGILTIGT och E_OKAND_REGION i den långa exporten", async () => {
    const result = await runCheck(
      options(
        data({
          "2023/anmalda-brott.csv": "år;brottskod;polisregion;antal\n20x3;4024;Syd;1\n2023;4024;Gotland;2\n",
        }),
      ),
    );
    expect(
      result.diagnostics.filter((d) => d.severity === "fel").map((d) => [d.code, d.line, d.found]),
    ).toEqual([
      ["E_AR_OGILTIGT", 2, "20x3"],
      ["E_OKAND_REGION", 3, "Gotland"],
    ]);
  });

  it("E_CSV_SYNTAX: ett citattecken som aldrig avslutas", async () => {
    const result = await runCheck(
      options(
        data({ "2023/anmalda-brott.csv": `${HEADER}\nÖvrigt;;"Köp av sexuell tjänst;1;1;1;1;1;1;1;7\n` }),
      ),
    );
    expect(codesOf(result.diagnostics)).toContain("E_CSV_SYNTAX");
  });

  it("E_FLERA_FILER: samma års tabell som både .csv och .xlsx", async () => {
    const result = await runCheck(
      options(data({ "2023/anmalda-brott.csv": HEADER, "2023/anmalda-brott.xlsx": "x" })),
    );
    expect(result.diagnostics.find((d) => d.severity === "fel")).toMatchObject({
      code: "E_FLERA_FILER",
      message: expect.stringContaining("behåll en av dem"),
    });
  });

  it("E_KOLUMN_DUBBLETT och E_DELSUMMA_UTAN_GRUPP", () => {
    expect(validateTable(`${HEADER};Mitt\n`).diagnostics[0]).toMatchObject({
      code: "E_KOLUMN_DUBBLETT",
      line: 1,
      column: 12,
    });
    const { diagnostics } = validateTable(`${HEADER}\nDelsumma;;;1;1;1;1;1;1;1;7\n`);
    expect(diagnostics[0]).toMatchObject({ code: "E_DELSUMMA_UTAN_GRUPP", line: 2, column: 1 });
  });

  it("E_BROTTSKODSTEXT_TVETYDIG: två brott i katalogen med samma benämning", () => {
    const brottskoder = [
      { ...reference.brottskoder.find((b) => b.kod === "0609")!, kod: "0609" },
      {
        ...reference.brottskoder.find((b) => b.kod === "0609")!,
        kod: "0611",
        benamning: "Koppleri inkl grovt",
      },
    ];
    const { table, sink } = tableFrom(`${HEADER}\nÖvrigt;;Koppleri inkl. grovt;1;1;1;1;1;1;1;7\n`);
    validateAnmaldaBrott(table!, { regioner: reference.regioner, brottskoder, statistikar: 2023 }, sink);
    expect(sink.items[0]).toMatchObject({ code: "E_BROTTSKODSTEXT_TVETYDIG", line: 2, column: 3 });
    expect(sink.items[0]?.message).toContain("(0611)");
  });

  it("W_GRUPP_AVVIKER: en rad under fel gruppnamn; katalogens grupp gäller", () => {
    const { value, diagnostics } = validateTable(
      `${HEADER}\nMänniskohandel;;Köp av sexuell tjänst;1;1;1;1;1;1;1;7\n`,
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: "W_GRUPP_AVVIKER",
        line: 2,
        found: "Människohandel",
        expected: "Övrigt",
      }),
    ]);
    expect(value?.rader[0]?.grupp).toBe("Övrigt");
  });

  it("W_SUMMA_AVVIKER och W_UPPGIFT_SAKNAS från beräkningen", async () => {
    const result = await runCheck(
      options(
        data({
          "2023/anmalda-brott.csv": `${HEADER}\nÖvrigt;;Köp av sexuell tjänst;1;..;1;1;1;1;1;\n;;Koppleri inkl. grovt;1;1;1;1;1;1;1;8\n`,
        }),
      ),
    );
    expect(
      result.diagnostics
        .filter((d) => d.code.startsWith("W_SUMMA") || d.code.startsWith("W_UPPGIFT"))
        .map((d) => [d.code, d.line, d.columnName]),
    ).toEqual([
      ["W_UPPGIFT_SAKNAS", 2, "Mitt"],
      ["W_SUMMA_AVVIKER", 3, "Totalsumma"],
    ]);
  });

  it("W_DATASET_SAKNAS: en valfri källa saknas", async () => {
    const result = await runCheck(
      options(
        data({ "2023/anmalda-brott.csv": readFileSync(path.join(REPO_DATA, "2023/anmalda-brott.csv")) }),
      ),
    );
    const missing = result.diagnostics
      .filter((d) => d.code === "W_DATASET_SAKNAS")
      .map((d) => path.basename(d.file));
    expect(missing).toEqual(
      expect.arrayContaining(["regionkoordinatorer.csv", "migrationsverket.csv", "civilsamhallet.csv"]),
    );
  });

  it("E_MALLFEL: ett syntaxfel i en mall, med fil och rad", async () => {
    const templates = tempDirWith({});
    temps.push(templates);
    cpSync(path.join(REPO_ROOT, "templates"), templates.dir, { recursive: true });
    writeFileSync(
      path.join(templates.dir, "kapitel/02-uppdraget.md.hbs"),
      "# 2 Uppdraget\n\n{{#if rapportar}}\nText utan slut\n",
    );
    const result = await runRender(options(REPO_DATA, { templateDir: templates.dir }));
    expect(result.ok).toBe(false);
    expect(result.diagnostics.find((d) => d.code === "E_MALLFEL")?.file).toMatch(/02-uppdraget\.md\.hbs$/);
  });
});

describe("varje diagnoskod uppstår av sin indata", () => {
  const temps: TempDir[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

  it("varje kod som källkoden deklarerar har en utlösare (tests/helpers/diagnostic-triggers.ts)", () => {
    const declared = codesInSource();
    expect(declared.size).toBeGreaterThan(30);
    const triggered = [...Object.keys(TRIGGERS), ...Object.keys(PRINT_TRIGGERS)];
    expect([...declared].filter((c) => !triggered.includes(c)).sort()).toEqual([]);
    expect(triggered.filter((c) => !declared.has(c)).sort()).toEqual([]);
  });

  it.each(Object.entries(TRIGGERS))("%s", async (code, trigger) => {
    const diagnostics = await trigger(temps);
    expect(diagnostics.map((d) => d.code)).toContain(code);
    expect(diagnostics.find((d) => d.code === code)?.severity).toBe(
      code.startsWith("E_") ? "fel" : "varning",
    );
  });
});
