import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBin, spawnReport } from "../helpers/cli.js";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import { REPO_DATA, snapshot, tempDirWith, type TempDir } from "../helpers/temp-data.js";

const ready = requirePrerequisites([]);

/** Starts a build and kills something once it reports that printing has begun. */
function buildAndKillDuringPrint(
  outDir: string,
  kill: (child: ReturnType<typeof spawnReport>) => void,
): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawnReport(["build", "2024", "--force", "--data", REPO_DATA, "--out", outDir]);
    let killed = false;
    child.stdout.on("data", (chunk: Buffer) => {
      if (!killed && chunk.toString().includes("Skriver ut PDF")) {
        killed = true;
        // Give Chromium a moment to start, so the kill lands while it is printing.
        setTimeout(() => kill(child), 300);
      }
    });
    child.on("exit", (code) => resolve(code));
  });
}

describe.skipIf(!ready)("ett avbrutet eller misslyckat bygge lämnar tidigare utdata orörd", () => {
  let out: TempDir;
  let before: Record<string, string>;
  const target = () => path.join(out.dir, "2024");
  const leftovers = () => readdirSync(out.dir).filter((n) => n !== "2024");

  beforeAll(() => {
    out = tempDirWith({});
    const first = runBin(["build", "2024", "--data", REPO_DATA, "--out", out.dir]);
    expect(first.code).toBe(0);
    before = snapshot(target());
  });
  afterAll(() => out?.cleanup());

  it("när processen dödas (SIGKILL) mitt i utskriften", async () => {
    const code = await buildAndKillDuringPrint(out.dir, (child) => child.kill("SIGKILL"));
    expect(code).toBeNull(); // killed by the signal
    expect(snapshot(target())).toEqual(before);
    expect(leftovers()).toEqual([]);
    // Chromium talks to the build over a pipe and exits with it, leaving no orphan behind.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(
      spawnSync("pgrep", ["-f", "puppeteer_dev_chrome_profile"], { encoding: "utf8" }).stdout.trim(),
    ).toBe("");
  });

  it("när webbläsaren dödas mitt i utskriften", async () => {
    const code = await buildAndKillDuringPrint(out.dir, (child) => {
      const children = spawnSync("ps", ["-o", "pid=", "--ppid", String(child.pid)], {
        encoding: "utf8",
      }).stdout;
      for (const pid of children
        .split("\n")
        .map((s) => Number(s.trim()))
        .filter((n) => n > 0))
        process.kill(pid, "SIGKILL");
    });
    expect(code).toBe(3);
    expect(snapshot(target())).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it("när webbläsaren inte kan startas", () => {
    const result = runBin(["build", "2024", "--force", "--data", REPO_DATA, "--out", out.dir], {
      env: { PUPPETEER_EXECUTABLE_PATH: "/bin/false" },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("kunde inte startas");
    expect(result.stderr).toContain("tidigare utdata är orörd");
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(snapshot(target())).toEqual(before);
  });

  it("två byggen samtidigt till samma mapp ger en hel rapport och inga rester", async () => {
    const run = () =>
      new Promise<number | null>((resolve) => {
        const child = spawnReport(["build", "2024", "--force", "--data", REPO_DATA, "--out", out.dir]);
        child.on("exit", resolve);
      });
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    expect(Object.keys(snapshot(target())).sort()).toEqual(Object.keys(before).sort());
    expect(
      JSON.parse(readFileSync(path.join(target(), "siffror.json"), "utf8")).anmaldaBrott.summa.totalt,
    ).toBe(2175);
    expect(leftovers()).toEqual([]);
  });
});
