import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runBin, runCli } from "../helpers/cli.js";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import { REPO_DATA, REPO_ROOT, tempDirWith, type TempDir } from "../helpers/temp-data.js";
import { isRoot, runUnprivileged, writableTempDir } from "../helpers/unprivileged.js";

const temps: TempDir[] = [];
const mounts: string[] = [];
afterEach(() => {
  for (const dir of mounts.splice(0)) spawnSync("umount", ["-l", dir]);
  temps.splice(0).forEach((t) => t.cleanup());
});
const temp = (files: Record<string, string> = {}) => {
  const t = tempDirWith(files);
  temps.push(t);
  return t.dir;
};

/**
 * A real small or read-only file system (tmpfs) to write to: a full disk and a read-only disk as the
 * kernel reports them (ENOSPC, EROFS), not simulated in code. Mounting needs root (CAP_SYS_ADMIN);
 * elsewhere the tests say so and skip, and in CI that is a failure.
 */
function tmpfs(options: string): string | undefined {
  const dir = path.join(temp(), "disk");
  mkdirSync(dir);
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir], { encoding: "utf8" });
  if (mounted.status !== 0) {
    const why = `kan inte montera tmpfs här (${mounted.stderr.trim() || mounted.error?.message})`;
    if (process.env.CI) throw new Error(`CI: ${why}`);
    console.warn(`Hoppar över testet: ${why}`);
    return undefined;
  }
  mounts.push(dir);
  return dir;
}

const ready = requirePrerequisites([]);

describe("miljöfel har egna besked och slutkod 4, aldrig 70; inget skrivs", () => {
  it.runIf(ready)("full disk (ENOSPC) när PDF:en skrivs: sökvägen i beskedet, inga rester", async () => {
    // Room for the probe written before rendering, not for the report itself.
    const disk = tmpfs("size=64k");
    if (!disk) return;
    const { code, stderr } = runBin(["build", "2024", "--data", REPO_DATA, "--out", disk]);
    expect(code).toBe(4);
    expect(stderr).toMatch(new RegExp(`Kan inte skriva ${disk}/2024/\\S+: disken är full \\(ENOSPC\\)`));
    expect(stderr).not.toMatch(/Internt fel|\bat .*\.js:\d+/);
    expect(readdirSync(disk)).toEqual([]);
  });

  it("skrivskyddat filsystem (EROFS): upptäcks före renderingen", () => {
    const disk = tmpfs("ro,size=64k");
    if (!disk) return;
    const { code, stdout, stderr } = runBin(["build", "2024", "--data", REPO_DATA, "--out", disk]);
    expect(code).toBe(4);
    expect(stderr).toContain(`Utdatamappen ${disk} kan inte skrivas`);
    expect(stderr).toContain("filsystemet är skrivskyddat (EROFS)");
    expect(stdout).not.toContain("Skriver ut PDF");
  });

  it("en mapp som användaren inte får skriva i (EACCES), körd som en vanlig användare", async () => {
    // As root every folder is writable; the tool runs as `nobody` here, as most users run it.
    const home = writableTempDir();
    temps.push(home);
    const locked = temp(); // root's, mode 0700: nobody may not write (or even look) here
    const out = path.join(locked, "ut");
    const ran = await runUnprivileged(
      process.execPath,
      [path.join(REPO_ROOT, "bin/report.js"), "build", "2024", "--data", REPO_DATA, "--out", out],
      { cwd: home.dir, home: home.dir },
    );
    if (!isRoot && ran.code === 0) throw new Error("testet behöver en mapp som användaren inte får skriva i");
    expect(ran.code).toBe(4);
    expect(ran.stderr).toMatch(/behörighet saknas \(EACCES\)/);
    expect(ran.stderr).toContain(out);
    expect(ran.stdout).not.toContain("Skriver ut PDF");
    expect(existsSync(out)).toBe(false);
  });

  it("--out som är en länk till något som inte finns", async () => {
    const dir = temp();
    const link = path.join(dir, "ut");
    symlinkSync(path.join(dir, "finns-inte"), link);
    const { code, stderr } = await runCli("build", "2024", "--data", REPO_DATA, "--out", link);
    expect(code).toBe(4);
    expect(stderr).toContain(
      `--out ${link} är en symbolisk länk till ${path.join(dir, "finns-inte")}, som inte finns`,
    );
    expect(existsSync(path.join(dir, "finns-inte"))).toBe(false);
  });
});

describe("init och årets texter", () => {
  it("en undermapp, en länk och en FIFO i förra årets texter kopieras inte, och init lyckas", async () => {
    const data = temp();
    for (const name of ["polisregioner.csv", "brottskoder.csv", "brottskoder-jamforelser.csv", "kallor.csv"])
      spawnSync("cp", [path.join(REPO_DATA, name), data]);
    spawnSync("cp", ["-r", path.join(REPO_DATA, "2023"), data]);
    const texts = path.join(data, "2023/texter");
    mkdirSync(path.join(texts, "bilagor"));
    symlinkSync("/etc/passwd", path.join(texts, "lank.md"));
    spawnSync("mkfifo", [path.join(texts, "ror.md")]);
    const { code, stdout, stderr } = await runCli("init", "2025", "--data", data);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(`Kopierade inte ${path.join(texts, "bilagor")} (en mapp;`);
    expect(stdout).toContain(`Kopierade inte ${path.join(texts, "lank.md")} (en symbolisk länk;`);
    expect(stdout).toContain(`Kopierade inte ${path.join(texts, "ror.md")} (ingen vanlig fil;`);
    expect(readdirSync(path.join(data, "2024/texter"))).toEqual(
      readdirSync(path.join(REPO_DATA, "2023/texter")).sort(),
    );
  });

  it("init skriver aldrig genom en död länk i det nya årets mapp", async () => {
    const data = temp();
    for (const name of ["polisregioner.csv", "brottskoder.csv", "brottskoder-jamforelser.csv", "kallor.csv"])
      spawnSync("cp", [path.join(REPO_DATA, name), data]);
    spawnSync("cp", ["-r", path.join(REPO_DATA, "2023"), data]);
    const outside = temp();
    mkdirSync(path.join(data, "2024/texter"), { recursive: true });
    symlinkSync(path.join(outside, "barn.md"), path.join(data, "2024/texter/barn.md"));
    symlinkSync(path.join(outside, "rapport.csv"), path.join(data, "2024/rapport.csv"));
    const { code } = await runCli("init", "2025", "--data", data);
    expect(code).toBe(0);
    expect(readdirSync(outside)).toEqual([]);
  });
});
