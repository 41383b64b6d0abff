import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sweepRevisionExports } from "../../src/diff/versions.js";
import { processStartTime } from "../../src/pipeline/output.js";
import { REPO_DATA, REPO_ROOT, tempDirWith, type TempDir } from "../helpers/temp-data.js";

const temps: TempDir[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));
const temp = () => {
  const t = tempDirWith({});
  temps.push(t);
  return t.dir;
};

/** A pid that belonged to a process which has ended. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

describe("tillfälliga mappar från report diff --year", () => {
  it("en mapp vars process har dött, eller vars pid nu är en annan process, städas; en levande lämnas", async () => {
    const root = temp();
    const ownStart = await processStartTime(process.pid);
    const dead = `report-diff-${deadPid()}-123-aaaaaa`;
    const reused = `report-diff-${process.pid}-1-bbbbbb`;
    const running = `report-diff-${process.pid}-${ownStart}-cccccc`;
    for (const name of [dead, reused, running, "annat"]) {
      mkdirSync(path.join(root, name, "data"), { recursive: true });
      writeFileSync(path.join(root, name, "data/kallor.csv"), "x");
    }
    const removed = await sweepRevisionExports(root);
    expect(removed.map((d) => path.basename(d)).sort()).toEqual([dead, reused].sort());
    expect(readdirSync(root).sort()).toEqual(["annat", running].sort());
  });

  it("Ctrl-C mitt i en diff lämnar inga mappar efter sig, och slutkoden är 130", async () => {
    const repo = temp();
    const tmp = temp();
    cpSync(REPO_DATA, path.join(repo, "data"), { recursive: true });
    cpSync(path.join(REPO_ROOT, "templates"), path.join(repo, "templates"), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.invalid", ...args], {
        cwd: repo,
        stdio: "pipe",
      });
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "en");
    const child = spawn(
      process.execPath,
      [path.join(REPO_ROOT, "bin/report.js"), "diff", "HEAD", "HEAD", "--year", "2024"],
      { cwd: repo, env: { ...process.env, TMPDIR: tmp }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    // Interrupt once the revisions are being exported and rendered (their folders exist).
    const exports = () => readdirSync(tmp).filter((n) => n.startsWith(`report-diff-${child.pid}-`));
    let seen = false;
    while (!seen && child.exitCode === null) {
      seen = exports().length > 0;
      if (!seen) await new Promise((r) => setTimeout(r, 5));
    }
    expect(seen).toBe(true);
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(stderr).toContain("Avbrutet");
    expect(exports()).toEqual([]);
    expect(existsSync(path.join(repo, "out"))).toBe(false);
  });
});
