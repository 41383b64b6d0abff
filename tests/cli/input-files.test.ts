import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildRevision } from "../../src/diff/versions.js";
import { inputManifest } from "../../src/pipeline/manifest.js";
import { runCli } from "../helpers/cli.js";
import { REPO_DATA, REPO_ROOT, snapshot, tempDirWith, type TempDir } from "../helpers/temp-data.js";

const temps: TempDir[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));
/** A copy of the project's data, changed by `change`. */
const data = (change: (dir: string) => void) => {
  const t = tempDirWith({});
  temps.push(t);
  cpSync(REPO_DATA, t.dir, { recursive: true });
  change(t.dir);
  return t.dir;
};
const replaceWith = (file: string, make: (file: string) => void) => {
  rmSync(file, { recursive: true, force: true });
  make(file);
};
const YEAR_TEXT = path.join("2023", "texter", "analys.md");

describe("indata är vanliga filer i datamappen (lstat), med en storleksgräns", () => {
  it.each([
    [
      "en årstext som länkar till /etc/passwd",
      (d: string) => replaceWith(path.join(d, YEAR_TEXT), (f) => symlinkSync("/etc/passwd", f)),
      YEAR_TEXT,
      "E_SYMLANK",
    ],
    [
      "kallor.csv som länkar till /dev/zero",
      (d: string) => replaceWith(path.join(d, "kallor.csv"), (f) => symlinkSync("/dev/zero", f)),
      "kallor.csv",
      "E_SYMLANK",
    ],
    [
      "kallor.csv som är en FIFO (hänger inte)",
      (d: string) => replaceWith(path.join(d, "kallor.csv"), (f) => execFileSync("mkfifo", [f])),
      "kallor.csv",
      "E_INTE_EN_FIL",
    ],
    [
      "Brås tabell som är en FIFO (hänger inte)",
      (d: string) =>
        replaceWith(path.join(d, "2023", "anmalda-brott.csv"), (f) => execFileSync("mkfifo", [f])),
      path.join("2023", "anmalda-brott.csv"),
      "E_INTE_EN_FIL",
    ],
    [
      "en mapp där en datafil ska vara",
      (d: string) => replaceWith(path.join(d, "2023", "rapport.csv"), (f) => mkdirSync(f)),
      path.join("2023", "rapport.csv"),
      "E_INTE_EN_FIL",
    ],
    [
      "en länk som pekar på ingenting (läses inte som saknad)",
      (d: string) =>
        replaceWith(path.join(d, "2023", "civilsamhallet.csv"), (f) => symlinkSync("finns-inte.csv", f)),
      path.join("2023", "civilsamhallet.csv"),
      "E_SYMLANK",
    ],
    [
      "en årstext över gränsen",
      (d: string) => writeFileSync(path.join(d, YEAR_TEXT), "Text. ".repeat(400_000)),
      YEAR_TEXT,
      "E_FIL_FOR_STOR",
    ],
  ])("%s: check och build avvisar den med fil och kod, slutkod 1", async (_, change, file, code) => {
    const dir = data(change);
    const before = snapshot(dir);
    const check = await runCli("check", "2024", "--data", dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${path.join(dir, file)}  fel  `);
    expect(check.stdout).toContain(`(${code})`);
    expect(check.stdout).not.toMatch(/root:x:0/);
    const out = tempDirWith({});
    temps.push(out);
    const build = await runCli("build", "2024", "--data", dir, "--out", out.dir);
    expect(build.code).toBe(1);
    expect(build.stdout).toContain(`(${code})`);
    expect(build.stdout).toContain("Inget skrevs");
    expect(snapshot(dir)).toEqual(before);
  });

  it("en länkad årsmapp som pekar ut ur datamappen avvisas", async () => {
    const outside = tempDirWith({});
    temps.push(outside);
    const dir = data((d) => {
      cpSync(path.join(d, "2023"), path.join(outside.dir, "2023"), { recursive: true });
      rmSync(path.join(d, "2023"), { recursive: true });
      symlinkSync(path.join(outside.dir, "2023"), path.join(d, "2023"));
    });
    const check = await runCli("check", "2024", "--data", dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/ligger utanför datamappen .*\(E_SYMLANK\)/);
  });

  it("manifestet räknar länkar: en ny länk eller ett nytt mål är en ändring", async () => {
    const dir = data(() => {});
    const templates = path.join(REPO_ROOT, "templates");
    const plain = await inputManifest(dir, templates, 2024);
    symlinkSync("/etc/hostname", path.join(dir, "2023", "extra.csv"));
    const linked = await inputManifest(dir, templates, 2024);
    rmSync(path.join(dir, "2023", "extra.csv"));
    symlinkSync("/etc/hosts", path.join(dir, "2023", "extra.csv"));
    const relinked = await inputManifest(dir, templates, 2024);
    expect(new Set([plain.summa, linked.summa, relinked.summa]).size).toBe(3);
    expect(linked.indata["data/2023/extra.csv"]).toBe("symbolisk länk till /etc/hostname");
  });
});

describe("report diff --year läser inte genom länkar i en revision", () => {
  it("en årstext som länkar till /etc/passwd i revisionen ger ett fel, inte värdens filer", async () => {
    const repo = tempDirWith({});
    temps.push(repo);
    cpSync(REPO_DATA, path.join(repo.dir, "data"), { recursive: true });
    cpSync(path.join(REPO_ROOT, "templates"), path.join(repo.dir, "templates"), { recursive: true });
    const yearText = path.join(repo.dir, "data", YEAR_TEXT);
    replaceWith(yearText, (f) => symlinkSync("/etc/passwd", f));
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd: repo.dir });
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "länk");
    const failure = await buildRevision("HEAD", 2024, "data", repo.dir).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(failure?.message).toContain("E_SYMLANK");
    expect(failure?.message).not.toMatch(/root:x:0/);
  });
});
