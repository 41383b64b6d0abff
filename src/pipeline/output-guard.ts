import {
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  readlink,
  realpath,
  rm,
  stat,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import { EnvironmentError, RefusedError, asEnvironmentError } from "../model/environment.js";

/** `a` is `b` or lies inside it. */
const within = (a: string, b: string) => {
  const relative = path.relative(b, a);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
};

/** The real path of `p`, or of its nearest existing ancestor joined with the rest. */
async function realOrAncestor(p: string): Promise<string> {
  const absolute = path.resolve(p);
  try {
    return await realpath(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(await realOrAncestor(parent), path.basename(absolute));
  }
}

const MANIFEST = "manifest.json";

/**
 * Whether `report build` may replace `outputDir` (`<out>/<år>`), checked before anything is rendered:
 * only a folder that holds the tool's own manifest and nothing but the files that manifest lists may
 * be replaced. `--out /`, an output inside the data or template folder, or one that contains them is
 * refused (exit 1); a `--out` that is a file or cannot be written is an environment error (exit 4).
 */
export async function checkOutputTarget(
  outDir: string,
  outputDir: string,
  protectedDirs: { dir: string; what: string }[],
): Promise<void> {
  const out = path.resolve(outDir);
  if (out === path.parse(out).root) {
    throw new RefusedError(
      `--out ${outDir} är filsystemets rot; report skriver bara i en egen mapp för utdata (t.ex. --out out).`,
    );
  }
  const target = await realOrAncestor(outputDir);
  for (const { dir, what } of protectedDirs) {
    const real = await realOrAncestor(dir);
    if (within(target, real) || within(real, target)) {
      throw new RefusedError(
        `Utdata skulle hamna i ${outputDir}, som ${within(target, real) ? "ligger i" : "innehåller"} ${what} (${dir}). ` +
          "Välj en --out utanför den mappen; report skriver aldrig över indata.",
      );
    }
  }
  const outStat = await lstat(out).catch(() => undefined);
  if (outStat?.isSymbolicLink()) {
    // A link to a folder (out -> /mnt/stor/out) is a folder; a link to nothing or to a file is not.
    const linked = await stat(out).catch(() => undefined);
    const to = await readlink(out).catch(() => "?");
    if (!linked)
      throw new EnvironmentError(
        `--out ${outDir} är en symbolisk länk till ${to}, som inte finns. Skapa mappen eller ange en annan --out.`,
      );
    if (!linked.isDirectory())
      throw new EnvironmentError(
        `--out ${outDir} är en länk till filen ${to}, inte en mapp. Ange en mapp för utdata.`,
      );
  } else if (outStat && !outStat.isDirectory()) {
    throw new EnvironmentError(`--out ${outDir} är en fil, inte en mapp. Ange en mapp för utdata.`);
  }
  const existing = await lstat(outputDir).catch(() => undefined);
  if (existing) {
    if (!existing.isDirectory() || existing.isSymbolicLink()) {
      throw new RefusedError(
        `${outputDir} finns redan och är ingen mapp som report har byggt; den ersätts inte. Flytta den eller välj en annan --out.`,
      );
    }
    await checkOwnOutput(outputDir);
  }
  await checkWritable(out, outDir);
}

/** An existing `<out>/<år>` must hold report's manifest and only the files it lists. */
async function checkOwnOutput(outputDir: string): Promise<void> {
  let listed: Set<string>;
  try {
    const manifest = JSON.parse(await readFile(path.join(outputDir, MANIFEST), "utf8")) as {
      utdata?: Record<string, string>;
      summa?: string;
    };
    if (typeof manifest.summa !== "string" || typeof manifest.utdata !== "object" || !manifest.utdata)
      throw new Error("ingen manifest från report");
    listed = new Set([MANIFEST, ...Object.keys(manifest.utdata)]);
  } catch {
    const entries = await readdir(outputDir).catch(() => []);
    if (entries.length === 0) return; // an empty folder holds nothing to lose
    throw new RefusedError(
      `${outputDir} finns redan men är ingen utdatamapp från report (${MANIFEST} saknas eller är ogiltig), ` +
        "så den ersätts inte: det som ligger där skulle gå förlorat. Flytta eller töm mappen, eller välj en annan --out.",
    );
  }
  const foreign: string[] = [];
  for (const entry of await readdir(outputDir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const relative = path
      .relative(outputDir, path.join(entry.parentPath, entry.name))
      .split(path.sep)
      .join("/");
    if (!listed.has(relative)) foreign.push(relative);
  }
  if (foreign.length > 0) {
    const shown =
      foreign.slice(0, 5).join(", ") + (foreign.length > 5 ? ` och ${foreign.length - 5} till` : "");
    throw new RefusedError(
      `${outputDir} innehåller filer som report inte har skrivit (${shown}); mappen ersätts inte, så de går inte förlorade. ` +
        "Flytta dem eller välj en annan --out.",
    );
  }
}

/** Writes and removes a probe beside the output, so a read-only or full disk is found before rendering. */
async function checkWritable(out: string, named: string): Promise<void> {
  try {
    await mkdir(out, { recursive: true });
    const probe = await mkdtemp(path.join(out, ".report-prov-"));
    try {
      await writeFile(path.join(probe, "prov"), "x".repeat(4096));
    } finally {
      await rm(probe, { recursive: true, force: true });
    }
  } catch (cause) {
    const wrapped = asEnvironmentError(cause);
    if (wrapped instanceof EnvironmentError) {
      throw new EnvironmentError(`Utdatamappen ${named} kan inte skrivas: ${wrapped.message}`, { cause });
    }
    throw cause;
  }
}
