import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { sweepRevisionExports } from "../../src/diff/versions.js";
import { processStartTime } from "../../src/pipeline/output.js";
import { REPO_DATA, REPO_ROOT, tempDirWith, type TempDir } from "../helpers/temp-data.js";
import { isRoot, runUnprivileged } from "../helpers/unprivileged.js";

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

  it("en annan användares gamla mapp i en delad tillfällig katalog lämnas, och städningen går vidare utan fel", async () => {
    // As in /tmp on a shared machine: everyone may create folders, each user's own are private.
    const root = temp();
    chmodSync(root, 0o1777);
    const foreign = `report-diff-${deadPid()}-123-främmande`;
    mkdirSync(path.join(root, foreign, "data"), { recursive: true });
    writeFileSync(path.join(root, foreign, "data/kallor.csv"), "x");
    chmodSync(path.join(root, foreign), 0o700);
    const home = temp();
    chmodSync(home, 0o777);
    const sweep = `import(${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, "dist/diff/versions.js")).href)})
      .then((m) => m.sweepRevisionExports(${JSON.stringify(root)}))
      .then((removed) => console.log(JSON.stringify(removed)));`;
    if (isRoot) {
      // The folder is root's; the sweep runs as nobody, who may not read it.
      const ran = await runUnprivileged(process.execPath, ["-e", sweep], { cwd: home, home });
      expect(ran.stderr).toBe("");
      expect(ran.code).toBe(0);
      expect(JSON.parse(ran.stdout)).toEqual([]);
    } else {
      // Without root there is no other user: a folder of ours that cannot be emptied stands in for one.
      chmodSync(path.join(root, foreign, "data"), 0o500);
      const ran = spawnSync(process.execPath, ["-e", sweep], { encoding: "utf8" });
      chmodSync(path.join(root, foreign, "data"), 0o700);
      expect(ran.stderr).toBe("");
      expect(ran.status).toBe(0);
    }
    expect(existsSync(path.join(root, foreign, "data/kallor.csv"))).toBe(true);
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
