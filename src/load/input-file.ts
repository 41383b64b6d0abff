import { constants } from "node:fs";
import { lstat, open, readlink, realpath } from "node:fs/promises";
import path from "node:path";

/** Why a data file is not read: the diagnostic code and a Swedish message for the user. */
export class InputFileError extends Error {
  override name = "InputFileError";
  constructor(
    readonly code: "E_FIL_SAKNAS" | "E_SYMLANK" | "E_INTE_EN_FIL" | "E_FIL_FOR_STOR",
    message: string,
  ) {
    super(message);
  }
}

const MiB = 1024 * 1024;

/**
 * Size caps, far above any real file of each kind: what a hostile or broken file may make the tool
 * hold in memory. A table is read whole; Brå's long export is streamed; a year text is prose.
 */
export const INPUT_LIMITS = {
  table: 64 * MiB,
  streamedExport: 2048 * MiB,
  text: 2 * MiB,
} as const;

const megabytes = (n: number) => `${(n / MiB).toFixed(n < 10 * MiB ? 1 : 0).replace(".", ",")} MB`;

const within = (a: string, b: string) => {
  const relative = path.relative(b, a);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
};

/**
 * A data file is read only if it is a regular file (checked with lstat: not a symbolic link, FIFO,
 * device or folder), lies inside the data folder also after resolving the folders on its way, and is
 * no larger than `maxBytes`. Throws InputFileError otherwise.
 */
export async function checkInputFile(file: string, root: string, maxBytes: number): Promise<void> {
  let stat;
  try {
    stat = await lstat(file);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT")
      throw new InputFileError("E_FIL_SAKNAS", "Filen finns inte.");
    if ((cause as NodeJS.ErrnoException).code === "ENOTDIR")
      throw new InputFileError("E_INTE_EN_FIL", "En del av sökvägen är en fil, inte en mapp.");
    throw cause;
  }
  if (stat.isSymbolicLink()) {
    const target = await readlink(file).catch(() => "?");
    throw new InputFileError(
      "E_SYMLANK",
      `Filen är en symbolisk länk (till ${target}); report läser bara vanliga filer i datamappen. Kopiera in filen i stället för att länka.`,
    );
  }
  if (stat.isDirectory()) throw new InputFileError("E_INTE_EN_FIL", "Sökvägen är en mapp, inte en fil.");
  if (!stat.isFile()) {
    const kind = stat.isFIFO()
      ? "en namngiven rörledning (FIFO)"
      : stat.isSocket()
        ? "ett uttag"
        : "en enhet";
    throw new InputFileError(
      "E_INTE_EN_FIL",
      `Sökvägen är ${kind}, inte en vanlig fil; report läser bara vanliga filer.`,
    );
  }
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  const realDir = await realpath(path.dirname(file)).catch(() => path.resolve(path.dirname(file)));
  if (!within(realDir, realRoot)) {
    throw new InputFileError(
      "E_SYMLANK",
      `Filen ligger utanför datamappen ${root} (en mapp på vägen är en symbolisk länk till ${realDir}); report läser bara filer i datamappen.`,
    );
  }
  if (stat.size > maxBytes) {
    throw new InputFileError(
      "E_FIL_FOR_STOR",
      `Filen är ${megabytes(stat.size)}; gränsen för den här sortens fil är ${megabytes(maxBytes)}. Kontrollera att det är rätt fil.`,
    );
  }
}

/**
 * Reads a data file after checkInputFile, opened without following links and without blocking (so a
 * file swapped for a FIFO or link after the check still cannot hang or redirect the read).
 */
export async function readInputFile(file: string, root: string, maxBytes: number): Promise<Buffer> {
  await checkInputFile(file, root, maxBytes);
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ELOOP")
      throw new InputFileError("E_SYMLANK", "Filen är en symbolisk länk; report läser bara vanliga filer.");
    throw cause;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile())
      throw new InputFileError(
        "E_INTE_EN_FIL",
        "Sökvägen är inte en vanlig fil; report läser bara vanliga filer.",
      );
    if (stat.size > maxBytes)
      throw new InputFileError(
        "E_FIL_FOR_STOR",
        `Filen är ${megabytes(stat.size)}; gränsen är ${megabytes(maxBytes)}.`,
      );
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
