import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCheck } from "../../src/pipeline/pipeline.js";
import { runCli } from "../helpers/cli.js";
import { REPO_DATA, snapshot, tempDirWith, type TempDir } from "../helpers/temp-data.js";

describe("report init", () => {
  let temp: TempDir;
  afterEach(() => temp?.cleanup());

  const copyOfData = () => {
    temp = tempDirWith({});
    const dir = path.join(temp.dir, "data");
    cpSync(REPO_DATA, dir, { recursive: true });
    return dir;
  };

  it("skapar nästa statistikårs mapp ur den senaste, med tomma siffror och en checklista", async () => {
    const dir = copyOfData();
    const { code, stdout } = await runCli("init", "2026", "--data", dir);
    expect(code).toBe(0);
    expect(stdout).toContain("Rapport 2026 (statistikår 2025), utgår från 2023.");
    expect(stdout).toContain(`Skapade ${path.join(dir, "2025/anmalda-brott.csv")}`);
    expect(stdout).toContain(`Skapade ${path.join(dir, "2025/texter/forslag.md")}`);
    expect(stdout).toMatch(/\[ \] .*2025\/regionkoordinatorer\.csv: fyll i värde och källa/);
    expect(stdout).toMatch(/\[ \] .*serier\/migrationsverket\.csv: lägg till raden för 2025/);

    // The table is structured from the codes valid in 2025: the new trafficking codes, no old ones.
    const table = readFileSync(path.join(dir, "2025/anmalda-brott.csv"), "utf8");
    expect(table.split("\n")[1]).toBe("Människohandel;;;;;;;;;;");
    expect(table).toContain(
      ";För sexuella ändamål;Människohandel för sexuella ändamål mot flicka under 18 år;;;;;;;;",
    );
    expect(table).not.toContain("Människohandel för sexuella ändamål med barn under 18 år");
    expect(table).toContain("Köp av sexuell tjänst");
    const keys = readFileSync(path.join(dir, "2025/regionkoordinatorer.csv"), "utf8").split("\n");
    expect(keys[1]).toBe(
      "identifierade;;;Personer som antogs vara utsatta för människohandel eller människoexploatering.",
    );
    expect(readFileSync(path.join(dir, "2025/rapport.csv"), "utf8")).toContain("lagesrapport;;");
    expect(readFileSync(path.join(dir, "2025/rapport.csv"), "utf8")).toContain("informationsklass;Öppen;");
    expect(readFileSync(path.join(dir, "2025/texter/forslag.md"), "utf8")).toBe(
      readFileSync(path.join(REPO_DATA, "2023/texter/forslag.md"), "utf8"),
    );

    // The new files are what check expects to be filled in: errors that say so, no crash.
    const check = await runCheck({ rapportar: 2026, dataDir: dir, outDir: "", strict: false, log: () => {} });
    const errors = new Set<string>(check.diagnostics.filter((d) => d.severity === "fel").map((d) => d.code));
    expect([...errors].sort()).toEqual(
      ["E_ANTAL_SAKNAS", "E_KALLA_SAKNAS", "E_NYCKEL_SAKNAS", "E_OGILTIGT_VARDE", "E_OKAND_KALLA"].filter(
        (c) => errors.has(c),
      ),
    );
    expect(errors.has("E_ANTAL_SAKNAS")).toBe(true);
  });

  it("skriver aldrig över en fil som finns", async () => {
    const dir = copyOfData();
    await runCli("init", "2026", "--data", dir);
    writeFileSync(path.join(dir, "2025/texter/forslag.md"), "Redan påbörjad text.\n");
    const before = snapshot(dir);
    const again = await runCli("init", "2026", "--data", dir);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain("Skapade");
    expect(again.stdout).toContain(`Finns redan, orörd: ${path.join(dir, "2025/texter/forslag.md")}`);
    expect(snapshot(dir)).toEqual(before);
  });

  it("säger till när det inte finns något tidigare år att utgå från", async () => {
    temp = tempDirWith({ "polisregioner.csv": "x" });
    const { code, stdout } = await runCli("init", "2026", "--data", temp.dir);
    expect(code).toBe(1);
    expect(stdout).toContain("E_INGET_TIDIGARE_AR");
  });
});
