import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EnvironmentError } from "../../src/model/environment.js";
import { InterruptedError } from "../../src/model/interrupted.js";
import { recoverInterruptedOutput, withOutputLock } from "../../src/pipeline/output.js";
import { runCli } from "../helpers/cli.js";
import { HEADER, REPO_DATA, snapshot, tempDataDir, tempDirWith, type TempDir } from "../helpers/temp-data.js";

const temps: TempDir[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));
const temp = (files: Record<string, string> = {}) => {
  const t = tempDirWith(files);
  temps.push(t);
  return t.dir;
};
/** Data that fails the checks at once, so a build stops before any browser is started. */
const badData = () => {
  const t = tempDataDir({
    "2023/anmalda-brott.csv": `${HEADER}\nÖvrigt;;Köp av sexuell tjänst;1;1;1;1;1;1;x;7\n`,
  });
  temps.push(t);
  return t.dir;
};
const ownOutput = (files: Record<string, string>) => ({
  ...Object.fromEntries(Object.entries(files).map(([k, v]) => [`2024/${k}`, v])),
  "2024/manifest.json": JSON.stringify({
    summa: "x",
    utdata: Object.fromEntries(Object.keys(files).map((k) => [k, "x"])),
  }),
});

describe("--out ersätter bara det report själv byggt", () => {
  it("--out / vägras med slutkod 1 och ingenting skapas", async () => {
    const { code, stderr } = await runCli("build", "2024", "--data", REPO_DATA, "--out", "/");
    expect(code).toBe(1);
    expect(stderr).toMatch(/--out \/ är filsystemets rot/);
    expect(existsSync("/2024")).toBe(false);
    expect(existsSync("/.2024.lås")).toBe(false);
  });

  it("--out datamappen vägras och datamappen är orörd", async () => {
    const data = temp();
    mkdirSync(path.join(data, "2024"));
    writeFileSync(path.join(data, "2024", "anmalda-brott.csv"), "rapportörens fil");
    const before = snapshot(data);
    const { code, stderr } = await runCli("build", "2024", "--data", data, "--out", data);
    expect(code).toBe(1);
    expect(stderr).toContain("ligger i datamappen");
    expect(snapshot(data)).toEqual(before);
  });

  it("--watch med --out i datamappen vägras innan något byggs (det skulle bygga om för evigt)", async () => {
    const data = badData();
    const { code, stderr } = await runCli(
      "build",
      "2024",
      "--data",
      data,
      "--out",
      path.join(data, "ut"),
      "--watch",
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/som ligger i datamappen/);
    expect(existsSync(path.join(data, "ut"))).toBe(false);
  });

  it("en mapp <out>/2024 utan report:s manifest ersätts inte: användarens filer står kvar", async () => {
    const out = temp({ "2024/anteckningar.txt": "mina anteckningar" });
    const { code, stderr } = await runCli("build", "2024", "--data", badData(), "--out", out);
    expect(code).toBe(1);
    expect(stderr).toMatch(/2024 finns redan men är ingen utdatamapp från report \(manifest\.json saknas/);
    expect(readFileSync(path.join(out, "2024/anteckningar.txt"), "utf8")).toBe("mina anteckningar");
  });

  it("en egen utdatamapp med en främmande fil i ersätts inte, och filen nämns", async () => {
    const out = temp({ ...ownOutput({ "rapport.pdf": "pdf" }), "2024/kapitel/egen.md": "egen text" });
    const { code, stderr } = await runCli("build", "2024", "--data", badData(), "--out", out);
    expect(code).toBe(1);
    expect(stderr).toContain("innehåller filer som report inte har skrivit (kapitel/egen.md)");
    expect(readFileSync(path.join(out, "2024/kapitel/egen.md"), "utf8")).toBe("egen text");
  });

  it("en egen utdatamapp godtas (bygget går vidare till kontrollen)", async () => {
    const out = temp(ownOutput({ "rapport.pdf": "pdf" }));
    const { code, stdout } = await runCli("build", "2024", "--data", badData(), "--out", out);
    expect(code).toBe(1);
    expect(stdout).toContain("(E_ANTAL_EJ_HELTAL)");
  });
});

describe("miljöfel har egna meddelanden och slutkod 4, och upptäcks före renderingen", () => {
  it("--out som är en fil", async () => {
    const dir = temp({ "fil.txt": "x" });
    const file = path.join(dir, "fil.txt");
    const { code, stderr, stdout } = await runCli("build", "2024", "--data", REPO_DATA, "--out", file);
    expect(code).toBe(4);
    expect(stderr).toContain(`--out ${file} är en fil, inte en mapp`);
    expect(stderr).not.toMatch(/Internt fel|at .*\.ts:/);
    expect(stdout).not.toContain("rendera");
    expect(readFileSync(file, "utf8")).toBe("x");
  });

  it("--out under en fil (ENOTDIR) namnger sökvägen", async () => {
    const dir = temp({ "fil.txt": "x" });
    const { code, stderr } = await runCli(
      "build",
      "2024",
      "--data",
      REPO_DATA,
      "--out",
      path.join(dir, "fil.txt", "ut"),
    );
    expect(code).toBe(4);
    expect(stderr).toMatch(/Utdatamappen .*fil\.txt\/ut kan inte skrivas: .*\(ENOTDIR\)/);
  });
});

describe("lås som blivit kvar tas över, med ett meddelande", () => {
  const lockOf = (out: string) => path.join(out, ".2024.lås");

  it("ett lås utan ägare (dödad mellan mkdir och pid) tas över", async () => {
    const out = temp();
    mkdirSync(lockOf(out));
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockOf(out), old, old);
    const log: string[] = [];
    const result = await withOutputLock(path.join(out, "2024"), async () => "klar", {
      log: (l) => log.push(l),
      timeoutMs: 2000,
    });
    expect(result).toBe("klar");
    expect(log.join("\n")).toMatch(/Tog över låset .*låset saknar uppgift om ägare/);
    expect(existsSync(lockOf(out))).toBe(false);
  });

  it("ett lås vars pid nu är en annan process (annan starttid) tas över", async () => {
    const out = temp();
    mkdirSync(lockOf(out));
    writeFileSync(
      path.join(lockOf(out), "ägare.json"),
      JSON.stringify({ pid: process.pid, start: "1", host: (await import("node:os")).hostname() }),
    );
    const log: string[] = [];
    await withOutputLock(path.join(out, "2024"), async () => undefined, {
      log: (l) => log.push(l),
      timeoutMs: 2000,
    });
    expect(log.join("\n")).toContain(`process ${process.pid} är en annan process än den som tog låset`);
  });

  it("ett lås vars process är död tas över", async () => {
    const out = temp();
    mkdirSync(lockOf(out));
    writeFileSync(
      path.join(lockOf(out), "ägare.json"),
      JSON.stringify({ pid: 2 ** 22 + 17, host: (await import("node:os")).hostname() }),
    );
    const log: string[] = [];
    await withOutputLock(path.join(out, "2024"), async () => undefined, {
      log: (l) => log.push(l),
      timeoutMs: 2000,
    });
    expect(log.join("\n")).toMatch(/finns inte längre/);
  });

  it("ett levande lås väntas ut: Ctrl-C avbryter väntan, tidsgränsen ger ett miljöfel, inte en bugg", async () => {
    const out = temp();
    const target = path.join(out, "2024");
    await withOutputLock(target, async () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 200);
      await expect(
        withOutputLock(target, async () => undefined, { signal: controller.signal }),
      ).rejects.toBeInstanceOf(InterruptedError);
      await expect(withOutputLock(target, async () => undefined, { timeoutMs: 300 })).rejects.toBeInstanceOf(
        EnvironmentError,
      );
    });
  });
});

describe("ett bygge som dödats mellan två namnbyten återställs vid nästa körning", () => {
  it("out/2024 flyttas tillbaka ur .2024.gammal-*, kvarlämnade mappar städas, även när nästa bygge har fel i data", async () => {
    const out = temp({
      ".2024.gammal-4242-abcd/rapport.pdf": "förra PDF:en",
      ".2024.gammal-4242-abcd/manifest.json": JSON.stringify({ summa: "x", utdata: { "rapport.pdf": "x" } }),
      ".2024.bygge-4242-abcd/rapport.pdf": "halvskriven",
      ".2024.bygge-17-ffff/siffror.json": "{",
    });
    const { code, stdout } = await runCli("build", "2024", "--data", badData(), "--out", out);
    expect(code).toBe(1);
    expect(stdout).toMatch(/Återställde .*2024 från \.2024\.gammal-4242-abcd/);
    expect(readFileSync(path.join(out, "2024/rapport.pdf"), "utf8")).toBe("förra PDF:en");
    expect(readdirSync(out).sort()).toEqual(["2024"]);
  });

  it("finns out/2024, städas bara de kvarlämnade mapparna", async () => {
    const out = temp({ "2024/rapport.pdf": "nu", ".2024.gammal-1-a/rapport.pdf": "gammal" });
    const log: string[] = [];
    await recoverInterruptedOutput(path.join(out, "2024"), (l) => log.push(l));
    expect(readFileSync(path.join(out, "2024/rapport.pdf"), "utf8")).toBe("nu");
    expect(readdirSync(out)).toEqual(["2024"]);
    expect(log).toEqual([expect.stringContaining("Städade bort 1")]);
  });
});

describe("SOURCE_DATE_EPOCH utanför det giltiga", () => {
  it("ger ett miljöfel med variabelns namn före renderingen", async () => {
    const out = temp();
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = "99999999999999999";
    try {
      const { code, stderr } = await runCli("build", "2024", "--data", REPO_DATA, "--out", out);
      expect(code).toBe(4);
      expect(stderr).toContain("SOURCE_DATE_EPOCH=99999999999999999 är ingen giltig tidpunkt");
      expect(readdirSync(out)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});
