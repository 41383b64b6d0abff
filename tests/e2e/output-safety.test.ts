import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBin, spawnReport } from "../helpers/cli.js";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import { browserProcesses, isRunning, waitUntil, type ProcessInfo } from "../helpers/process-tree.js";
import { copyReport2024 } from "../helpers/report-2024.js";
import { REPO_DATA, snapshot, type TempDir } from "../helpers/temp-data.js";

const ready = requirePrerequisites([]);

/**
 * Starts a build and, once it prints and its own browser runs, kills something. Returns the exit code
 * and the browser processes that this build started (found in its process tree only).
 */
async function buildAndKillDuringPrint(
  outDir: string,
  kill: (child: ReturnType<typeof spawnReport>, browser: ProcessInfo[]) => void,
): Promise<{ code: number | null; browser: ProcessInfo[] }> {
  const child = spawnReport(["build", "2024", "--force", "--data", REPO_DATA, "--out", outDir]);
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  let browser: ProcessInfo[] = [];
  const printing = await waitUntil(() => {
    if (!stdout.includes("Skriver ut PDF")) return false;
    browser = browserProcesses(child.pid!);
    return browser.length > 0;
  }, 120_000);
  if (!printing) {
    child.kill("SIGKILL");
    throw new Error(`Bygget kom aldrig till utskriften med en webbläsare igång:\n${stdout}`);
  }
  kill(child, browser);
  return { code: await exited, browser };
}

describe.skipIf(!ready)("ett avbrutet eller misslyckat bygge lämnar tidigare utdata orörd", () => {
  let out: TempDir;
  let before: Record<string, string>;
  const target = () => path.join(out.dir, "2024");
  const leftovers = () => readdirSync(out.dir).filter((n) => n !== "2024");

  beforeAll(() => {
    // Earlier output: a copy of the 2024 report the e2e run built once.
    out = copyReport2024();
    before = snapshot(target());
  });
  afterAll(() => out?.cleanup());

  it("när processen dödas (SIGKILL) mitt i utskriften", async () => {
    const { code, browser } = await buildAndKillDuringPrint(out.dir, (child) => child.kill("SIGKILL"));
    expect(code).toBeNull(); // killed by the signal
    expect(snapshot(target())).toEqual(before);
    expect(leftovers()).toEqual([]);
    // Chromium talks to the build over a pipe and exits with it, leaving no orphan behind. Only this
    // build's own browser processes are watched; a busy machine may take a while to tear them down.
    expect(browser.length).toBeGreaterThan(0);
    const gone = await waitUntil(() => browser.every((p) => !isRunning(p)), 60_000);
    expect(browser.filter(isRunning).map((p) => p.cmdline)).toEqual([]);
    expect(gone).toBe(true);
  });

  it("när webbläsaren dödas mitt i utskriften", async () => {
    const { code } = await buildAndKillDuringPrint(out.dir, (_child, browser) => {
      for (const p of browser) if (isRunning(p)) process.kill(p.pid, "SIGKILL");
    });
    expect(code).toBe(3);
    expect(snapshot(target())).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it("när sidans renderare kraschar mitt i utskriften: eget besked och slutkod, ingen väntan på tidsgränsen", async () => {
    const child = spawnReport(["build", "2024", "--force", "--data", REPO_DATA, "--out", out.dir]);
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Only the renderers (the page's processes), as an out-of-memory kill takes them; the browser lives.
    const renderers = () =>
      stdout.includes("Skriver ut PDF")
        ? browserProcesses(child.pid!).filter((p) => p.cmdline.includes("--type=renderer"))
        : [];
    const printing = await waitUntil(() => renderers().length > 0, 120_000);
    if (!printing) child.kill("SIGKILL");
    expect(printing).toBe(true);
    // The page may get its renderer after the first ones start; each one is killed until the build ends.
    let ended = false;
    void exited.then(() => (ended = true));
    while (!ended) {
      for (const p of renderers()) if (isRunning(p)) process.kill(p.pid, "SIGKILL");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await exited).toBe(3);
    expect(stderr).toContain("Sidan kraschade i webbläsaren under utskriften");
    expect(stderr).not.toMatch(/Internt fel|\bat .*\.js:\d+/);
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
