import { cpSync, readFileSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBinAsync } from "../helpers/cli.js";
import { pdfText, requirePrerequisites } from "../helpers/prerequisites.js";
import { REPO_DATA, tempDirWith, type TempDir } from "../helpers/temp-data.js";

const ready = requirePrerequisites();

/** The support programme's figures for 2025 that are known; the rest stay `..` as init wrote them. */
const PROGRAMME: Record<string, string> = {
  nyaPersoner: "40",
  nyaKvinnor: "15",
  nyaMan: "13",
  nyaFlickor: "7",
  nyaPojkar: "5",
};

/**
 * The rapporteur's path to the 2026 edition, through the real command line: `report init 2026`,
 * `check` (a short list of what to fill in), data for 2024 (old codes) and 2025 (Brå's new codes) and
 * one key figure not yet known, `check` again, `build 2026`, and the printed PDF read back as text.
 */
describe.skipIf(!ready)("den nya användarens väg till 2026 års rapport", { timeout: 600_000 }, () => {
  let temp: TempDir;
  let data: string;
  let out: string;
  const steps: Record<string, { code: number | null; stdout: string }> = {};
  const report = (...args: string[]) => runBinAsync(args);

  // Last year's figures under the old codes and this year's under the new, all in Stockholm; a code
  // with no row had no reports. 2024: sexual exploitation of adults (0419) 60; 2025: 9514 + 9515 = 80.
  const old2024 = { "0418": 14, "0419": 60, "0471": 30, "0494": 90, "0496": 8, "4024": 1000, "0609": 200 };
  const new2025 = { "9512": 13, "9514": 70, "9515": 10, "9519": 40, "0494": 110, "0496": 9, "4024": 900 };
  const longExport = (year: number, counts: Record<string, number>) =>
    [
      "år;brottskod;polisregion;antal",
      ...Object.entries(counts).map(([c, n]) => `${year};${c};Stockholm;${n}`),
    ].join("\n") + "\n";

  beforeAll(async () => {
    temp = tempDirWith({});
    data = path.join(temp.dir, "data");
    out = path.join(temp.dir, "out");
    cpSync(REPO_DATA, data, { recursive: true });
    steps.init = await report("init", "2026", "--data", data);
    steps.firstCheck = await report("check", "2026", "--data", data);

    writeFileSync(path.join(data, "2025/anmalda-brott.csv"), longExport(2025, new2025));
    writeFileSync(path.join(data, "2025/datakallor.csv"), "dataset;källa\nanmalda-brott;e2e-bra-2025\n");
    mkdirSync(path.join(data, "2024"));
    writeFileSync(path.join(data, "2024/anmalda-brott.csv"), longExport(2024, old2024));
    writeFileSync(path.join(data, "2024/datakallor.csv"), "dataset;källa\nanmalda-brott;e2e-bra-2024\n");
    appendFileSync(
      path.join(data, "kallor.csv"),
      [
        "e2e-bra-2024;Brottsförebyggande rådet (Brå);Anmälda brott i provdata för 2024;2025;;;",
        "e2e-bra-2025;Brottsförebyggande rådet (Brå);Anmälda brott i provdata för 2025;2026;;;",
        "e2e-nsp-2025;Jämställdhetsmyndigheten;Stödprogrammet i provdata för 2025;2026;;;",
      ].join("\n") + "\n",
    );
    writeFileSync(
      path.join(data, "2025/rapport.csv"),
      "nyckel;värde;anmärkning\nlagesrapport;26;\ndiarienummer;A1.2/2026;\ndatum;2026-12-10;\ninformationsklass;Öppen;\n",
    );
    // The support programme: every figure known but last year's, which is left as `..`.
    const programme = path.join(data, "2025/nationellt-stodprogram.csv");
    writeFileSync(
      programme,
      readFileSync(programme, "utf8").replace(/^(\w+);\.\.;;/gm, (line, key: string) =>
        key in PROGRAMME ? `${key};${PROGRAMME[key]};e2e-nsp-2025;` : line,
      ),
    );
    // No year texts yet: the report marks where each goes rather than printing last year's.
    rmSync(path.join(data, "2025/texter"), { recursive: true });

    steps.check = await report("check", "2026", "--data", data);
    steps.build = await report("build", "2026", "--data", data, "--out", out);
  });
  afterAll(() => temp?.cleanup());

  it("init och check direkt efter: en kort lista över vad som ska fyllas i", () => {
    expect(steps.init!.code).toBe(0);
    expect(steps.firstCheck!.code).toBe(1);
    const errors = steps.firstCheck!.stdout.split("\n").filter((l) => /\s fel\s/.test(l));
    expect(errors.map((l) => /\((E_\w+)\)$/.exec(l)?.[1])).toEqual(["E_TOM_TABELL", "E_KALLA_SAKNAS"]);
    expect(steps.firstCheck!.stdout).toMatch(/^2 fel, \d+ varningar$/m);
  });

  it("check godtar de ifyllda uppgifterna och listar den som saknas", () => {
    expect(steps.check!.code).toBe(0);
    expect(steps.check!.stdout).toMatch(
      /nationellt-stodprogram\.csv:\d+:2 +varning .*nyaPersonerForegaendeAr \(rad \d+\).*\(W_NYCKELTAL_SAKNAS\)/,
    );
  });

  it("den tryckta rapporten redovisar 2025 med rätt år, källor och meningar", () => {
    expect(steps.build!.code).toBe(0);
    const text = pdfText(path.join(out, "2026/rapport.pdf")).replace(/\s+/g, " ");
    expect(text).toContain("Uppgifter för statistikåret 2025");
    expect(text).toContain("10 december 2026");
    expect(text).toContain("senast den 15 december 2026");
    // Figures from the data, computed here: the sexual-exploitation comparison across the recoding.
    const adultsNow = new2025["9514"] + new2025["9515"];
    const change = Math.round(((adultsNow - old2024["0419"]) * 100) / old2024["0419"]);
    expect(text).toContain(
      `Av dem gällde ${adultsNow} vuxna, en ökning med ${change} procent jämfört med 2024`,
    );
    // A figure not known: the sentence that needed it says so, and no change is computed from it.
    expect(text).toContain(
      `erbjöds ${PROGRAMME.nyaPersoner} nya personer stöd: ${PROGRAMME.nyaKvinnor} kvinnor, ${PROGRAMME.nyaMan} män`,
    );
    expect(text).toContain("Uppgift saknas för 2025 från det nationella stödprogrammet.");
    expect(text).not.toMatch(/uppgift saknas (ökade|minskade|personer)/i);
    // Both years' tables are cited; no year's text was printed for it.
    const sources = text.slice(text.lastIndexOf("Källor"));
    expect(sources).toContain("Anmälda brott i provdata för 2024");
    expect(sources).toContain("Anmälda brott i provdata för 2025");
    expect(text).toContain("Årets text saknas");
    expect(text).not.toMatch(/Empact|Look again|Moldavien/);

    const siffror = JSON.parse(readFileSync(path.join(out, "2026/siffror.json"), "utf8"));
    expect(siffror.stodprogram.nyaPersonerForegaendeAr).toBeNull();
    expect(siffror.stodprogram.saknas).toContain("nyaPersonerForegaendeAr");
    // Migrationsverket's file as init left it, every figure `..`: null values, all listed as missing.
    expect(
      Object.values(siffror.migrationsverket).filter((v) => !Array.isArray(v) && typeof v !== "object"),
    ).toEqual([]);
    expect(siffror.migrationsverket.saknas.length).toBeGreaterThan(5);
    expect(text).toContain("Uppgifter från Migrationsverket för 2025 finns inte i underlaget");
  });
});
