import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCheck } from "../../src/pipeline/pipeline.js";
import { runCli } from "../helpers/cli.js";
import { REPO_DATA, snapshot, tempDirWith, type TempDir } from "../helpers/temp-data.js";
import { KEY_FIGURE_SOURCES } from "../../src/sources/registry.js";

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
    expect(stdout).toMatch(/\[ \] .*2025\/regionkoordinatorer\.csv: ersätt \.\. med 2025 års värde/);
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
      "identifierade;..;;Personer som antogs vara utsatta för människohandel eller människoexploatering.",
    );
    expect(readFileSync(path.join(dir, "2025/rapport.csv"), "utf8")).toContain("lagesrapport;;");
    expect(readFileSync(path.join(dir, "2025/rapport.csv"), "utf8")).toContain("informationsklass;Öppen;");
    expect(readFileSync(path.join(dir, "2025/texter/forslag.md"), "utf8")).toBe(
      readFileSync(path.join(REPO_DATA, "2023/texter/forslag.md"), "utf8"),
    );

    // What check says right after init is a short list of what to fill in: one error for the empty
    // table and one for its missing source, one warning per key-figure file of `..` — not one per cell.
    const check = await runCheck({ rapportar: 2026, dataDir: dir, outDir: "", strict: false, log: () => {} });
    const errors = check.diagnostics.filter((d) => d.severity === "fel");
    expect(errors.map((d) => [d.code, path.relative(dir, d.file)])).toEqual([
      ["E_TOM_TABELL", "2025/anmalda-brott.csv"],
      ["E_KALLA_SAKNAS", "2025/datakallor.csv"],
    ]);
    const unknown = check.diagnostics.filter((d) => d.code === "W_NYCKELTAL_SAKNAS");
    // One warning per key-figure file the registry declares, each written with '..' by init.
    expect(unknown.map((d) => path.basename(d.file)).sort()).toEqual(
      Object.values(KEY_FIGURE_SOURCES)
        .map((source) => source.file)
        .sort(),
    );
    expect(check.diagnostics.length).toBeLessThan(40);
  });

  // The years init names: the statistics year it creates, the report year it is for, the year before
  // (compared with), and the years in carried-over notes, for two different report years.
  it.each([
    { rapportar: 2025, from: 2023 },
    { rapportar: 2026, from: 2023 },
  ])(
    "namnger rätt år i checklistan och anmärkningarna för rapporten $rapportar",
    async ({ rapportar, from }) => {
      const dir = copyOfData();
      const statistikar = rapportar - 1;
      const { code, stdout } = await runCli("init", String(rapportar), "--data", dir);
      expect(code).toBe(0);
      expect(stdout).toContain(`Rapport ${rapportar} (statistikår ${statistikar}), utgår från ${from}.`);
      expect(stdout).toContain(`Brottskoderna är de som gäller ${statistikar}.`);
      expect(stdout).toContain(`ange källan för Brås tabell ${statistikar}`);
      expect(stdout).toContain(`lägg till raden för ${statistikar}.`);
      expect(stdout).toContain(
        `Kör report check ${rapportar} tills den inte visar några fel, och report build ${rapportar}.`,
      );
      // The previous year's table is what the new year is compared with; init names it when it is missing.
      const previousMissing = statistikar - 1 !== from;
      expect(stdout.includes(`Brås tabell för ${statistikar - 1}`)).toBe(previousMissing);
      // Every year in the checklist is one of the years this report concerns.
      const years = new Set([...stdout.matchAll(/\b20\d\d\b/g)].map((m) => Number(m[0])));
      for (const y of years) expect([rapportar, statistikar, statistikar - 1, from]).toContain(y);
      // A note that named the year before the old statistics year names the year before the new one.
      const notes = readFileSync(path.join(dir, String(statistikar), "nationellt-stodprogram.csv"), "utf8");
      expect(notes).toContain(`tillträde till programmet ${statistikar - 1}.`);
      expect(notes).not.toContain(`programmet ${from - 1}.`);
    },
  );

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
