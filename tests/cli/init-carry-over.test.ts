import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { initYear } from "../../src/init/init-year.js";
import { REPO_DATA, tempDirWith, windows1252, type TempDir } from "../helpers/temp-data.js";

describe("init läser fjolårets filer med samma läsare som allt annat", () => {
  const temps: TempDir[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

  it("behåller en citerad anmärkning med semikolon, och läser Windows-1252", async () => {
    const temp = tempDirWith({});
    temps.push(temp);
    cpSync(REPO_DATA, temp.dir, { recursive: true });
    writeFileSync(
      path.join(temp.dir, "2023", "migrationsverket.csv"),
      windows1252(
        'nyckel;värde;källa;anmärkning\nuppehallstillstand;84;mv-arsredovisning-2023;"Både män; kvinnor och barn – räknade ""var för sig"""\n',
      ),
    );
    const result = await initYear(temp.dir, 2025);
    expect(result.diagnostics).toEqual([]);
    expect(readFileSync(path.join(temp.dir, "2024", "migrationsverket.csv"), "utf8")).toBe(
      'nyckel;värde;källa;anmärkning\nuppehallstillstand;..;;"Både män; kvinnor och barn – räknade ""var för sig"""\n',
    );
  });
});
