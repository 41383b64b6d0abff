import { randomBytes } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { EnvironmentError } from "../model/environment.js";
import { throwIfInterrupted } from "../model/interrupted.js";

/**
 * Writes a build's files into a temporary directory beside the target and moves it into place only
 * when every file is written: a failed or interrupted build leaves the previous output as it was.
 */
export async function writeOutputAtomically(
  targetDir: string,
  files: ReadonlyMap<string, string | Uint8Array>,
): Promise<void> {
  const parent = path.dirname(targetDir);
  await mkdir(parent, { recursive: true });
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = path.join(parent, `.${path.basename(targetDir)}.bygge-${suffix}`);
  const retired = path.join(parent, `.${path.basename(targetDir)}.gammal-${suffix}`);
  try {
    for (const [relative, content] of files) {
      const file = path.join(staging, relative);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content).catch((cause: NodeJS.ErrnoException) => {
        // A write that fails on a full disk names no path; the message should name the file.
        if (cause.path === undefined) cause.path = path.join(targetDir, relative);
        throw cause;
      });
    }
    let hadPrevious = true;
    try {
      await rename(targetDir, retired);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== "ENOENT") throw cause;
      hadPrevious = false;
    }
    try {
      await rename(staging, targetDir);
    } catch (cause) {
      if (hadPrevious) await rename(retired, targetDir);
      throw cause;
    }
    if (hadPrevious) await rm(retired, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a process with this pid exists (one owned by another user counts). */
export const processAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * When a process started (clock ticks since boot, from /proc on Linux): a pid the system has since
 * given to another process has another start time. `undefined` where the system does not say.
 */
export async function processStartTime(pid: number): Promise<string | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces), counted from field 3; start time is 22.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

interface LockOwner {
  pid: number;
  start?: string;
  host: string;
}

/** Why a lock's owner cannot be holding it any more, or `undefined` while it may still be. */
async function staleReason(owner: LockOwner | undefined, lockAgeMs: number): Promise<string | undefined> {
  // A lock without a readable owner was left between mkdir and writing the owner (a kill, a full
  // disk); a live builder writes it within milliseconds.
  if (!owner) return lockAgeMs > 5_000 ? "låset saknar uppgift om ägare" : undefined;
  if (owner.host !== hostname()) return undefined; // another machine's process: cannot tell
  if (!processAlive(owner.pid)) return `process ${owner.pid} finns inte längre`;
  const start = await processStartTime(owner.pid);
  if (owner.start && start && start !== owner.start)
    return `process ${owner.pid} är en annan process än den som tog låset`;
  return undefined;
}

async function readOwner(lock: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path.join(lock, "ägare.json"), "utf8")) as LockOwner;
    return Number.isInteger(owner.pid) && owner.pid > 0 ? owner : undefined;
  } catch {
    return undefined;
  }
}

export interface LockOptions {
  /** How long to wait for another build before giving up. Default 10 minutes. */
  timeoutMs?: number;
  /** Ctrl-C while waiting stops the wait. */
  signal?: AbortSignal;
  /** Told when a stale lock is taken over or earlier output is recovered. */
  log?: (line: string) => void;
}

/**
 * Serialises builds into the same output directory: the second waits for the first instead of the two
 * racing over renames. The lock is a directory (created atomically) holding its owner (pid, the
 * process's start time and the host), written whole by a rename. A lock whose owner has died, whose pid
 * now belongs to another process, or that never got an owner, is taken over with a message.
 */
export async function withOutputLock<T>(
  targetDir: string,
  work: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const { timeoutMs = 10 * 60_000, signal, log = () => {} } = options;
  const parent = path.dirname(targetDir);
  await mkdir(parent, { recursive: true });
  const lock = path.join(parent, `.${path.basename(targetDir)}.lås`);
  const started = Date.now();
  const me: LockOwner = { pid: process.pid, start: await processStartTime(process.pid), host: hostname() };
  for (;;) {
    throwIfInterrupted(signal);
    try {
      await mkdir(lock);
      const pending = path.join(lock, `.ägare-${process.pid}`);
      await writeFile(pending, JSON.stringify(me));
      await rename(pending, path.join(lock, "ägare.json"));
      break;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== "EEXIST") throw cause;
      const owner = await readOwner(lock);
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      const stale = await staleReason(owner, age);
      if (stale) {
        // Moved aside first, so two builds taking over at once cannot both succeed.
        const aside = `${lock}.övertaget-${process.pid}-${randomBytes(4).toString("hex")}`;
        if (
          await rename(lock, aside).then(
            () => true,
            () => false,
          )
        ) {
          await rm(aside, { recursive: true, force: true });
          log(`Tog över låset ${lock}: ${stale}.`);
        }
        continue;
      }
      if (Date.now() - started > timeoutMs) {
        throw new EnvironmentError(
          `${lock} är låst av ${owner ? `process ${owner.pid} på ${owner.host}` : "en okänd process"} sedan ` +
            `${Math.round(age / 1000)} s. Bygger ingen annan just nu: ta bort mappen ${lock} och försök igen.`,
        );
      }
      await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/**
 * Puts right what a killed build left behind, under the lock: if `<år>` is missing but the earlier
 * output sits in `.<år>.gammal-*` (a kill between the two renames), it is moved back; every other
 * `.<år>.bygge-*` and `.<år>.gammal-*` folder is removed.
 */
export async function recoverInterruptedOutput(
  targetDir: string,
  log: (line: string) => void = () => {},
): Promise<void> {
  const parent = path.dirname(targetDir);
  const base = path.basename(targetDir);
  const entries = await readdir(parent).catch(() => [] as string[]);
  const stray = entries.filter((n) => n.startsWith(`.${base}.bygge-`) || n.startsWith(`.${base}.gammal-`));
  if (stray.length === 0) return;
  const retired = await Promise.all(
    stray
      .filter((n) => n.startsWith(`.${base}.gammal-`))
      .map(async (n) => ({ name: n, mtime: (await stat(path.join(parent, n))).mtimeMs })),
  );
  const exists = await stat(targetDir).then(
    () => true,
    () => false,
  );
  const newest = retired.sort((a, b) => b.mtime - a.mtime)[0];
  if (!exists && newest) {
    await rename(path.join(parent, newest.name), targetDir);
    log(
      `Återställde ${targetDir} från ${newest.name}: ett tidigare bygge avbröts medan det bytte ut utdata.`,
    );
  }
  for (const name of stray) {
    if (exists || name !== newest?.name) await rm(path.join(parent, name), { recursive: true, force: true });
  }
  const swept = stray.length - (!exists && newest ? 1 : 0);
  if (swept > 0) log(`Städade bort ${swept} kvarlämnade tillfälliga mappar bredvid ${targetDir}.`);
}
