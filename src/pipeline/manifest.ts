import { createHash } from "node:crypto";
import { lstat, readFile, readdir, readlink } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `out/<år>/manifest.json`: a hash of every input a build reads (data, templates, the year's texts)
 * and of the tool itself, with the hash of every output. A build whose inputs and tool are unchanged
 * and whose outputs are intact has nothing to do.
 */
export interface Manifest {
  rapportar: number;
  /** A draft build (UTKAST on every page). */
  utkast: boolean;
  /** Short hash of the data alone, printed on drafts so a reader can tell which data a draft shows. */
  dataVersion: string;
  verktyg: { version: string; kod: string };
  indata: Record<string, string>;
  utdata: Record<string, string>;
  /** One hash over the tool and every input: equal means nothing that matters changed. */
  summa: string;
}

const TOOL_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** A regular file's hash; for anything else what it is (a link's target), without reading through it. */
async function fingerprint(file: string): Promise<string> {
  const stat = await lstat(file);
  if (stat.isSymbolicLink()) return `symbolisk länk till ${await readlink(file)}`;
  if (!stat.isFile()) return `ingen vanlig fil (${stat.mode.toString(8)})`;
  return sha256(await readFile(file));
}

async function filesUnder(dir: string, options = { recursive: true }): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: options.recursive, withFileTypes: true });
    // Links and special files are listed too (the build refuses them): a change behind a link, or a
    // link where a file was, is a change.
    return entries.filter((e) => !e.isDirectory()).map((e) => path.join(e.parentPath, e.name));
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw cause;
  }
}

let toolCode: Promise<{ version: string; kod: string }> | undefined;

/**
 * The tool's own code (compiled), so a changed program rebuilds even under the same version number.
 * Hashed once per process: a process runs the code it loaded, and `--watch` need not read it all again.
 */
export function toolFingerprint(): Promise<{ version: string; kod: string }> {
  toolCode ??= hashToolCode();
  return toolCode;
}

async function hashToolCode(): Promise<{ version: string; kod: string }> {
  const pkg = JSON.parse(await readFile(path.join(TOOL_ROOT, "package.json"), "utf8")) as { version: string };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const codeDir = path.dirname(here); // dist/ (or src/ when run from source)
  const hash = createHash("sha256");
  for (const file of (await filesUnder(codeDir)).filter((f) => /\.(js|ts)$/.test(f)).sort()) {
    hash.update(path.relative(codeDir, file)).update(await readFile(file));
  }
  return { version: pkg.version, kod: hash.digest("hex") };
}

/** Hashes of every file the build for `rapportar` may read, keyed by path relative to its root. */
export async function inputManifest(
  dataDir: string,
  templateDir: string,
  rapportar: number,
  build: { utkast: boolean } = { utkast: false },
): Promise<Omit<Manifest, "utdata">> {
  const statistikar = rapportar - 1;
  const indata: Record<string, string> = {};
  const add = async (root: string, prefix: string, files: string[]) => {
    for (const file of files.sort())
      indata[`${prefix}/${path.relative(root, file)}`] = await fingerprint(file);
  };
  const dataFiles = [
    ...(await filesUnder(dataDir, { recursive: false })),
    ...(await filesUnder(path.join(dataDir, "serier"))),
    ...(await filesUnder(path.join(dataDir, String(statistikar)))),
    ...(await filesUnder(path.join(dataDir, String(statistikar - 1)))),
  ];
  await add(dataDir, "data", dataFiles);
  await add(templateDir, "mallar", await filesUnder(templateDir));
  const verktyg = await toolFingerprint();
  const dataVersion = sha256(
    JSON.stringify(Object.entries(indata).filter(([k]) => k.startsWith("data/"))),
  ).slice(0, 12);
  const summa = sha256(JSON.stringify({ rapportar, utkast: build.utkast, verktyg, indata }));
  return { rapportar, utkast: build.utkast, dataVersion, verktyg, indata, summa };
}

/** Whether an earlier build's manifest matches these inputs and its outputs are all still intact. */
export async function isUpToDate(outputDir: string, current: Omit<Manifest, "utdata">): Promise<boolean> {
  let previous: Manifest;
  try {
    previous = JSON.parse(await readFile(path.join(outputDir, "manifest.json"), "utf8")) as Manifest;
  } catch {
    return false;
  }
  if (previous.summa !== current.summa) return false;
  for (const [file, hash] of Object.entries(previous.utdata ?? {})) {
    try {
      if (sha256(await readFile(path.join(outputDir, file))) !== hash) return false;
    } catch {
      return false;
    }
  }
  return Object.keys(previous.utdata ?? {}).length > 0;
}
