import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { HEADER, REPO_DATA, REPO_ROOT, tempDataDir, tempDirWith, type TempDir } from "./temp-data.js";

/**
 * One input per diagnostic code that makes the tool produce it, run through the same entry points a
 * user reaches (`report check`, `report build`'s render, `report init`, printing). The tests run each
 * trigger and assert that its code is among the diagnostics it returned, and that every code the
 * source declares has a trigger here: a new code needs a line in one of these tables.
 */
export type Trigger = (temps: TempDir[]) => Promise<readonly Pick<Diagnostic, "code" | "severity">[]>;

const pipeline = () => import("../../src/pipeline/pipeline.js");

const options = (dataDir: string, extra: object = {}) => ({
  rapportar: 2024,
  dataDir,
  outDir: "",
  strict: false,
  log: () => {},
  ...extra,
});

/** `report check 2024` on a data folder holding the reference tables and the given files. */
const check =
  (files: Record<string, string | Uint8Array>): Trigger =>
  async (temps) => {
    const data = tempDataDir(files);
    temps.push(data);
    return (await (await pipeline()).runCheck(options(data.dir))).diagnostics;
  };

/** Brå's wide table for 2023 with the given rows under the usual header. */
const wide = (...rows: string[]) => check({ "2023/anmalda-brott.csv": [HEADER, ...rows].join("\n") + "\n" });

/** Brå's long export for 2023 with the given rows. */
const long = (...rows: string[]) =>
  check({ "2023/anmalda-brott.csv": ["år;brottskod;polisregion;antal", ...rows].join("\n") + "\n" });

/**
 * `report check 2024` on a copy of the project's data with one file edited, for the files whose
 * contract needs the rest of the year's data around them (key figures, series, sources).
 */
const checkProjectWith =
  (file: string, edit: (content: string) => string | null): Trigger =>
  async (temps) => {
    const temp = tempDirWith({});
    temps.push(temp);
    cpSync(REPO_DATA, temp.dir, { recursive: true });
    const target = path.join(temp.dir, file);
    const edited = edit(readFileSync(target, "utf8"));
    if (edited === null) rmSync(target);
    else writeFileSync(target, edited);
    return (await (await pipeline()).runCheck(options(temp.dir))).diagnostics;
  };

const replaceOnce = (from: string, to: string) => (content: string) => {
  if (!content.includes(from)) throw new Error(`Utlösaren hittar inte ${JSON.stringify(from)} att ersätta.`);
  return content.replace(from, to);
};

const row = (text: string, counts = "1;1;1;1;1;1;1;7") => `Övrigt;;${text};${counts}`;

export const TRIGGERS: Record<string, Trigger> = {
  // Files
  E_FIL_SAKNAS: check({}),
  E_SYMLANK: async (temps) => {
    const data = tempDataDir({});
    temps.push(data);
    symlinkSync("/etc/passwd", path.join(data.dir, "2023-anmalda.csv"));
    mkdirSync(path.join(data.dir, "2023"));
    symlinkSync(path.join(data.dir, "2023-anmalda.csv"), path.join(data.dir, "2023", "anmalda-brott.csv"));
    return (await (await pipeline()).runCheck(options(data.dir))).diagnostics;
  },
  E_INTE_EN_FIL: async (temps) => {
    const data = tempDataDir({});
    temps.push(data);
    mkdirSync(path.join(data.dir, "2023", "anmalda-brott.csv"), { recursive: true });
    return (await (await pipeline()).runCheck(options(data.dir))).diagnostics;
  },
  E_FIL_FOR_STOR: check({ "2023/texter/analys.md": "Text. ".repeat(400_000) }),
  E_FLERA_FILER: check({ "2023/anmalda-brott.csv": HEADER, "2023/anmalda-brott.xlsx": "x" }),
  E_TOM_FIL: check({ "2023/anmalda-brott.csv": "" }),
  E_BINAR_FIL: check({
    "2023/anmalda-brott.csv": new Uint8Array([0x00, 0x01, 0x02, 0x00, 0xff, 0xfe, 0x00]),
  }),
  E_TECKENKODNING: check({
    "2023/anmalda-brott.csv": new Uint8Array([
      ...new TextEncoder().encode(`${HEADER}\nÖvrigt;;Köp av sexuell tjänst`),
      0x96,
      ...new TextEncoder().encode(";1;1;1;1;1;1;1;7\n"),
    ]),
  }),
  E_FEL_FILTYP: check({ "2023/anmalda-brott.csv": new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]) }),
  E_ARBETSBOK_OLASLIG: check({
    "2023/anmalda-brott.xlsx": new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
  }),
  E_CSV_SYNTAX: wide(`Övrigt;;"Köp av sexuell tjänst;1;1;1;1;1;1;1;7`),
  E_FALT_FOR_STORT: wide(row(`Köp av sexuell tjänst ${"x".repeat(2_000_000)}`)),
  E_FLER_FALT: wide(row("Köp av sexuell tjänst", "1;1;1;1;1;1;1;7;en anteckning")),
  // Columns
  E_KOLUMN_SAKNAS: check({
    "2023/anmalda-brott.csv": "Brottskodsgrupp;Ändamål;Brottskodstext;Bergslagen;Mitt\n",
  }),
  E_KOLUMN_DUBBLETT: check({ "2023/anmalda-brott.csv": `${HEADER};Mitt\n` }),
  W_OKAND_KOLUMN: check({
    "2023/anmalda-brott.csv": `${HEADER};Kommentar\n${row("Köp av sexuell tjänst", "1;1;1;1;1;1;1;7;från Excel")}\n`,
  }),
  E_CELL_UTAN_RUBRIK: async (temps) => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Export");
    sheet.addRow(["brottskod", "polisregion", "antal"]);
    sheet.addRow(["4024", "Syd", 3, "enligt Brå"]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    return check({ "2023/anmalda-brott.xlsx": bytes })(temps);
  },
  // Values
  E_ANTAL_EJ_HELTAL: wide(row("Köp av sexuell tjänst", "1;tre;1;1;1;1;1;7")),
  E_ANTAL_SAKNAS: wide(row("Köp av sexuell tjänst", "1;1;1;;1;1;1;7")),
  E_OGILTIGT_VARDE: checkProjectWith(
    "2023/civilsamhallet.csv",
    replaceOnce("ejIdentifieradeProcent;92;", "ejIdentifieradeProcent;192;"),
  ),
  E_AR_OGILTIGT: long("20x3;4024;Syd;1"),
  E_AR_ORDNING: checkProjectWith(
    "serier/migrationsverket.csv",
    (c) => `${c.trimEnd()}\n2016;1;;mv-press-2018\n`,
  ),
  // Offences and codes
  E_OKAND_BROTTSKODSTEXT: wide(row("Köp av sexuella handlingar på nätet")),
  E_BROTTSKODSTEXT_TVETYDIG: async (temps) => {
    // Two codes in the catalog with the same name: a row naming it cannot be told apart.
    const catalog = readFileSync(path.join(REPO_DATA, "brottskoder.csv"), "utf8");
    const koppleri = catalog.split("\n").find((l) => l.startsWith("0609;"))!;
    const data = tempDataDir({
      "2023/anmalda-brott.csv": `${HEADER}\n${row("Koppleri inkl. grovt")}\n`,
    });
    temps.push(data);
    writeFileSync(
      path.join(data.dir, "brottskoder.csv"),
      `${catalog.trimEnd()}\n${koppleri.replace("0609;", "0611;")}\n`,
    );
    return (await (await pipeline()).runCheck(options(data.dir))).diagnostics;
  },
  E_BROTTSKODSTEXT_SAKNAS: wide("Övrigt;;;1;1;1;1;1;1;1;7"),
  E_OKAND_BROTTSKOD: wide(row("9999 Påhittat brott")),
  E_BROTTSKOD_FORMAT: long("2023;4O24;Syd;3"),
  E_KOD_EJ_GILTIG: wide(
    "Människohandel;;Människohandel för sexuella ändamål mot flicka under 18 år;1;1;1;1;1;1;1;7",
  ),
  E_OKAND_REGION: long("2023;4024;Gotland;2"),
  E_DUBBLETT: wide(row("Köp av sexuell tjänst"), row("Köp av sexuell tjänst")),
  E_GRUPP_SAKNAS: wide(";;Köp av sexuell tjänst;1;1;1;1;1;1;1;7"),
  E_DELSUMMA_UTAN_GRUPP: wide("Delsumma;;;1;1;1;1;1;1;1;7"),
  E_TOM_TABELL: wide(),
  W_GRUPP_AVVIKER: wide("Människohandel;;Köp av sexuell tjänst;1;1;1;1;1;1;1;7"),
  // Key figures and sources
  E_OKAND_NYCKEL: checkProjectWith(
    "2023/regionkoordinatorer.csv",
    (c) => `${c.trimEnd()}\nidentifierad;3;jamy-rk-2023;\n`,
  ),
  E_NYCKEL_SAKNAS: checkProjectWith("2023/regionkoordinatorer.csv", (c) =>
    c
      .split("\n")
      .filter((l) => !l.startsWith("identifierade;"))
      .join("\n"),
  ),
  E_OKAND_KALLA: checkProjectWith("2023/regionkoordinatorer.csv", (c) =>
    c.replace(/^(identifierade;\d+;)[^;]*;/m, "$1jamy-2099;"),
  ),
  E_KALLA_SAKNAS: checkProjectWith("2023/datakallor.csv", () => null),
  W_ARSTEXT_KOPIERAD: async (temps) => {
    const temp = tempDirWith({});
    temps.push(temp);
    cpSync(REPO_DATA, temp.dir, { recursive: true });
    cpSync(path.join(temp.dir, "2023"), path.join(temp.dir, "2022"), { recursive: true });
    return (await (await pipeline()).runCheck(options(temp.dir))).diagnostics;
  },
  W_AR_UTAN_FORKLARING: checkProjectWith("serier/migrationsverket.csv", (c) =>
    c.replace(/^2020;[^\n]*$/m, "2020;..;;"),
  ),
  W_METADATA_SAKNAS: check({
    "2023/anmalda-brott.csv": `${HEADER}\n${row("Köp av sexuell tjänst")}\n`,
    "2023/rapport.csv": "nyckel;värde;anmärkning\nlagesrapport;;\n",
  }),
  // Sums and missing figures
  W_SUMMA_AVVIKER: wide(row("Köp av sexuell tjänst", "1;1;1;1;1;1;1;8")),
  W_UPPGIFT_SAKNAS: wide(row("Köp av sexuell tjänst", "1;..;1;1;1;1;1;")),
  W_NYCKELTAL_SAKNAS: checkProjectWith("2023/nationellt-stodprogram.csv", (c) =>
    c.replace(/^nyaPersonerForegaendeAr;\d+;[^;]*;/m, "nyaPersonerForegaendeAr;..;;"),
  ),
  // Two sources stating the same figure for the same year (src/validate/conflicts.ts)
  W_KONFLIKT_FOREGAENDE_AR: check({
    "2023/anmalda-brott.csv": "år;brottskod;polisregion;antal\n2023;4024;Syd;3\n2022;4024;Syd;4\n",
    "2022/anmalda-brott.csv": "år;brottskod;polisregion;antal\n2022;4024;Syd;5\n",
  }),
  W_KONFLIKT_SERIE: checkProjectWith(
    "2023/regionkoordinatorer.csv",
    replaceOnce("identifierade;414;", "identifierade;455;"),
  ),
  W_KONFLIKT_BRA: async (temps) => {
    const temp = tempDirWith({});
    temps.push(temp);
    cpSync(REPO_DATA, temp.dir, { recursive: true });
    mkdirSync(path.join(temp.dir, "2022"));
    // polisens-arenden.csv says 3 begging offences against adults in 2022; Brå's 2022 table says 5.
    writeFileSync(
      path.join(temp.dir, "2022/anmalda-brott.csv"),
      "år;brottskod;polisregion;antal\n2022;0496;Syd;5\n",
    );
    writeFileSync(
      path.join(temp.dir, "2022/datakallor.csv"),
      "dataset;källa\nanmalda-brott;bra-anmalda-2023\n",
    );
    return (await (await pipeline()).runCheck(options(temp.dir))).diagnostics;
  },
  W_JAMFORELSEAR_SAKNAS: wide(row("Köp av sexuell tjänst")),
  W_DATASET_SAKNAS: wide(row("Köp av sexuell tjänst")),
  // Templates and the year's texts
  W_ARSTEXT_SAKNAS: checkProjectWith("2023/texter/forslag.md", () => null),
  W_SIFFRA_I_MALL: checkProjectWith(
    "2023/texter/forslag.md",
    (c) => `${c}\nUnder året anmäldes 1 513 köp av sexuell tjänst.\n`,
  ),
  // The printed edition's own statements held against its table
  W_TRYCKT_AVVIKER: check({
    "2023/anmalda-brott.csv": `${HEADER}\n${row("Köp av sexuell tjänst")}\n`,
    "2023/tryckt-utgava.csv": "uppgift;angivet;brottskoder\nKöp av sexuell tjänst enligt texten;99;4024\n",
  }),
  W_TRYCKT_UTAN_DATA: check({
    "2023/anmalda-brott.csv": `${HEADER}\n${row("Köp av sexuell tjänst")}\n`,
    "2023/tryckt-utgava.csv": "uppgift;angivet;brottskoder\nDiagram utan data;;\n",
  }),
  // A year's text that the writing rules cannot mend: a sentence opening with typed digits.
  W_SPRAKREGEL: async (temps) => {
    const temp = tempDirWith({});
    temps.push(temp);
    cpSync(REPO_DATA, temp.dir, { recursive: true });
    const file = path.join(temp.dir, "2023/texter/forslag.md");
    writeFileSync(
      file,
      `${readFileSync(file, "utf8")}\nDet gäller alla. 2023 var ett år med fler ärenden.\n`,
    );
    return (await (await pipeline()).runRender(options(temp.dir))).diagnostics;
  },
  E_MALLFEL: async (temps) => {
    const templates = tempDirWith({});
    temps.push(templates);
    cpSync(path.join(REPO_ROOT, "templates"), templates.dir, { recursive: true });
    writeFileSync(
      path.join(templates.dir, "kapitel/02-uppdraget.md.hbs"),
      "# 2 Uppdraget\n\n{{#if rapportar}}\nText utan slut\n",
    );
    return (await (await pipeline()).runRender(options(REPO_DATA, { templateDir: templates.dir })))
      .diagnostics;
  },
  // report init
  E_INGET_TIDIGARE_AR: async (temps) => {
    const temp = tempDirWith({ "polisregioner.csv": "x" });
    temps.push(temp);
    const { initYear } = await import("../../src/init/init-year.js");
    return (await initYear(temp.dir, 2026)).diagnostics;
  },
};

/** Codes only printing produces: run by the e2e tier, which has a browser. */
export const PRINT_TRIGGERS: Record<string, Trigger> = {
  E_EXTERN_RESURS: async () => {
    const { printPdf } = await import("../../src/print/pdf.js");
    // Port 9 (discard) on the loopback: nothing is fetched, since the request is blocked first.
    const html = `<!doctype html><html lang="sv"><body><p>Text</p><img src="http://127.0.0.1:9/bild.png" alt=""></body></html>`;
    return (await printPdf(html, "mall.html")).diagnostics;
  },
};

/** Every diagnostic code the source declares (a code is a string literal `E_…` or `W_…`). */
export function codesInSource(): Set<string> {
  const codes = new Set<string>();
  for (const entry of readdirSync(path.join(REPO_ROOT, "src"), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const source = readFileSync(path.join(entry.parentPath, entry.name), "utf8");
    for (const m of source.matchAll(/["'`]([EW]_[A-ZÅÄÖ_]+)["'`]/g)) codes.add(m[1]!);
  }
  return codes;
}
