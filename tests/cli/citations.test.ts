import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCheck } from "../../src/pipeline/pipeline.js";
import { REPO_DATA, tempDirWith, type TempDir } from "../helpers/temp-data.js";

/** The file, the source id to replace on its first data row (line 2), and the column of `källa`. */
const CITING_FILES: [file: string, column: number][] = [
  ["brottskoder.csv", 8],
  ["brottskoder-jamforelser.csv", 4],
  ["2023/bra-forandringar.csv", 4],
  ["2023/migrationsverket.csv", 3],
  ["serier/migrationsverket.csv", 4],
];

describe("en okänd källa är samma fel i varje fil som hänvisar till kallor.csv", () => {
  const temps: TempDir[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

  it.each(CITING_FILES)("%s", async (file, column) => {
    const temp = tempDirWith({});
    temps.push(temp);
    cpSync(REPO_DATA, temp.dir, { recursive: true });
    const target = path.join(temp.dir, file);
    const lines = readFileSync(target, "utf8").split("\n");
    const cells = lines[1]!.split(";");
    cells[column - 1] = "ingen-sadan-kalla";
    lines[1] = cells.join(";");
    writeFileSync(target, lines.join("\n"));

    const result = await runCheck({ rapportar: 2024, dataDir: temp.dir, strict: false, log: () => {} });
    const inFile = result.diagnostics.filter((d) => d.file === target && d.severity === "fel");
    expect(inFile.map((d) => [d.code, d.line, d.found])).toEqual([["E_OKAND_KALLA", 2, "ingen-sadan-kalla"]]);
    expect(inFile[0]!.message).toBe('Källan "ingen-sadan-kalla" finns inte i data/kallor.csv.');
    if (file !== "serier/migrationsverket.csv") expect(inFile[0]!.column).toBe(column);
    expect(result.ok).toBe(false);
  });
});
