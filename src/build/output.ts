import { mkdir, rename, rm, writeFile } from "node:fs/promises";
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
