import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Chart drawings (SVG) made by an earlier build, kept on disk so that a new process draws (and loads
 * Vega for) only those that would come out differently. An entry is one drawing, keyed by everything
 * it depends on: its Vega-Lite spec, the embedded font, the tool's code and Vega's versions (see
 * svgKey in render-cache.ts), so a hit gives byte for byte what drawing would, and a changed figure
 * redraws only the charts that show it. Anything unreadable is a miss; a failed write only costs the
 * next build the drawing.
 */
export interface ChartStore {
  /** Default: `node_modules/.cache/report/` of the tool (the usual place for a package's cache). */
  dir: string;
  /** What besides the figures and the font the charts depend on: the tool's code and Vega's versions. */
  toolKey: string;
}

const TOOL_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** `node_modules/.cache/report` of the tool; `REPORT_CACHE_DIR` overrides it. */
export function defaultChartCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.REPORT_CACHE_DIR ?? path.join(TOOL_ROOT, "node_modules", ".cache", "report");
}

/** The installed version of a package whose exports do not list its package.json. */
function packageVersion(name: string): string {
  try {
    let dir = path.dirname(createRequire(import.meta.url).resolve(name));
    for (;;) {
      const file = path.join(dir, "package.json");
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version ?? "?";
      }
      const parent = path.dirname(dir);
      if (parent === dir) return "?";
      dir = parent;
    }
  } catch {
    return "?";
  }
}

/** The part of the key that is the same for every build of this installation. */
export function chartToolKey(toolCode: string): string {
  return `${toolCode} vega ${packageVersion("vega")} vega-lite ${packageVersion("vega-lite")}`;
}

/**
 * Enough for the drawings of several editions and both widths; the oldest go first. A build that finds
 * its drawing gone draws it again, so removing an entry another build is about to read is harmless.
 */
const KEEP = 64;
const ENTRY = /^svg-[0-9a-f]{64}\.svg$/;
const entry = (dir: string, key: string) => path.join(dir, `svg-${key}.svg`);
let written = 0;

/** One drawing stored by an earlier build, or `undefined` (a miss: anything unreadable is one). */
export async function readStoredSvg(store: ChartStore, key: string): Promise<string | undefined> {
  try {
    return await readFile(entry(store.dir, key), "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Stores a drawing under its key and keeps only the newest few. Written to a file of this write's own
 * (process and counter: builds in parallel, and parallel writes in one process, never share one) and
 * renamed into place, so a reader sees a whole drawing or none. Two builds storing the same key store
 * the same bytes, since the key is everything the drawing depends on.
 */
export async function storeSvg(store: ChartStore, key: string, svg: string): Promise<void> {
  try {
    await mkdir(store.dir, { recursive: true });
    const file = entry(store.dir, key);
    const partial = `${file}.${process.pid}-${++written}.tmp`;
    try {
      await writeFile(partial, svg, { flag: "wx" });
      await rename(partial, file);
    } finally {
      await rm(partial, { force: true });
    }
    const entries = (await readdir(store.dir)).filter((n) => ENTRY.test(n));
    if (entries.length <= KEEP) return;
    const dated = await Promise.all(
      entries.map(async (n) => ({
        n,
        t: await stat(path.join(store.dir, n)).then(
          (s) => s.mtimeMs,
          () => 0,
        ),
      })),
    );
    dated.sort((a, b) => b.t - a.t || a.n.localeCompare(b.n));
    await Promise.all(dated.slice(KEEP).map((d) => rm(path.join(store.dir, d.n), { force: true })));
  } catch {
    // A cache that cannot be written (a read-only installation) only means drawing again next time.
  }
}
