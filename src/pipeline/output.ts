import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";

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
      await writeFile(file, content);
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

const processAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * Serialises builds into the same output directory: the second waits for the first instead of the two
 * racing over renames. The lock is a directory (created atomically) holding the owner's pid; a lock
 * whose owner has died (a killed build) is taken over.
 */
export async function withOutputLock<T>(
  targetDir: string,
  work: () => Promise<T>,
  timeoutMs = 10 * 60_000,
): Promise<T> {
  const parent = path.dirname(targetDir);
  await mkdir(parent, { recursive: true });
  const lock = path.join(parent, `.${path.basename(targetDir)}.lås`);
  const started = Date.now();
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(path.join(lock, "pid"), String(process.pid));
      break;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== "EEXIST") throw cause;
      const owner = Number(await readFile(path.join(lock, "pid"), "utf8").catch(() => "0"));
      if (owner > 0 && !processAlive(owner)) {
        await rm(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > timeoutMs)
        throw new Error(`${lock} är låst av process ${owner} sedan länge.`);
      await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
