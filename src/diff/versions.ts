import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { processAlive, processStartTime } from "../pipeline/output.js";
import { runRender } from "../pipeline/pipeline.js";
import type { ReportVersion } from "./compare.js";

/** A version that cannot be read or built; the command exits with code 2. */
export class DiffSourceError extends Error {
  override name = "DiffSourceError";
}

/** A build directory (`out/2024`): its `siffror.json` and `kapitel/*.md`. */
export async function readBuildDirectory(dir: string): Promise<ReportVersion> {
  let siffror: unknown;
  try {
    siffror = JSON.parse(await readFile(path.join(dir, "siffror.json"), "utf8"));
  } catch (cause) {
    throw new DiffSourceError(`${dir} är ingen byggmapp: siffror.json saknas eller kan inte läsas.`, {
      cause,
    });
  }
  const kapitel = new Map<string, string>();
  const chapterDir = path.join(dir, "kapitel");
  for (const name of (await readdir(chapterDir).catch(() => [])).filter((n) => n.endsWith(".md")).sort()) {
    kapitel.set(name, await readFile(path.join(chapterDir, name), "utf8"));
  }
  return { siffror, kapitel };
}

/**
 * Revisions are exported into `report-diff-<pid>-<start>-*` in the system's temporary folder. The
 * pid and the process's start time say whose a folder is, so that one left by a killed or
 * interrupted diff is recognised and removed by the next, and never one a running diff still uses.
 */
const PREFIX = "report-diff-";
const live = new Set<string>();

/** Removes this process's export folders; for Ctrl-C, which ends the process before `finally` runs. */
export function removeRevisionExports(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}

/**
 * Export folders whose process has ended (or whose pid is now another process's); removed. Only this
 * user's: on a shared machine the temporary folder also holds other users' exports, which are theirs
 * to sweep (and which this user may not read), so they are left alone, as is any folder that cannot
 * be removed.
 */
export async function sweepRevisionExports(root = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  const uid = process.getuid?.();
  for (const name of await readdir(root).catch(() => [] as string[])) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(root, name);
    const info = await stat(dir).catch(() => undefined);
    if (info === undefined || (uid !== undefined && info.uid !== uid)) continue;
    const owner = /^report-diff-(\d+)-(\d+)-/.exec(name);
    const stale = owner
      ? !processAlive(Number(owner[1])) || (await processStartTime(Number(owner[1]))) !== owner[2]
      : // Named before folders carried their owner: stale once a day old.
        Date.now() - info.mtimeMs > 24 * 3600_000;
    if (!stale) continue;
    try {
      await rm(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch {
      // Not ours to remove after all (permissions changed under it); the diff itself goes on.
    }
  }
  return removed;
}

const git = (args: string[], cwd: string, input?: Buffer) =>
  execFileSync("git", args, { cwd, input, maxBuffer: 512 * 1024 * 1024, stdio: ["pipe", "pipe", "pipe"] });

/**
 * A git revision's data and templates, exported with `git archive` into a temporary directory (the
 * working tree is not touched) and rendered with this tool: the figures and chapters that revision
 * would produce. No PDF is printed; the text and figures are what a review compares.
 */
export async function buildRevision(
  revision: string,
  rapportar: number,
  dataDir: string,
  cwd = process.cwd(),
): Promise<ReportVersion> {
  let root: string;
  try {
    root = git(["rev-parse", "--show-toplevel"], cwd).toString().trim();
    git(["rev-parse", "--verify", "--quiet", `${revision}^{commit}`], root);
  } catch (cause) {
    throw new DiffSourceError(`"${revision}" är ingen revision i ett git-förråd här.`, { cause });
  }
  await sweepRevisionExports();
  const start = (await processStartTime(process.pid)) ?? "0";
  const dir = mkdtempSync(path.join(tmpdir(), `${PREFIX}${process.pid}-${start}-`));
  live.add(dir);
  try {
    const archive = git(["archive", "--format=tar", revision], root);
    execFileSync("tar", ["-x", "-C", dir], { input: archive, maxBuffer: 512 * 1024 * 1024 });
    const relativeData = path.relative(root, path.resolve(cwd, dataDir));
    const result = await runRender({
      rapportar,
      dataDir: path.join(dir, relativeData),
      outDir: dir,
      templateDir: path.join(dir, "templates"),
      strict: false,
      log: () => {},
    });
    if (!result.ok) {
      const errors = result.diagnostics
        .filter((d) => d.severity === "fel")
        .map((d) => `  ${d.code}: ${d.message}`);
      throw new DiffSourceError(
        `Rapporten ${rapportar} kan inte byggas ur ${revision}:\n${errors.join("\n")}`,
      );
    }
    return { siffror: result.siffror, kapitel: new Map(result.chapters.map((c) => [c.name, c.markdown])) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    live.delete(dir);
  }
}
