import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Chart } from "../render/charts.js";

/**
 * Charts drawn by an earlier build, kept on disk so that a new process draws them (and loads Vega) only
 * when they would come out differently: a build whose figures are unchanged takes them from here. An
 * entry is keyed by everything a chart depends on (see chartKey), so a hit gives byte for byte what
 * drawing would. Anything unreadable is a miss; a failed write only costs the next build the drawing.
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

const KEEP = 8;
const entry = (dir: string, key: string) => path.join(dir, `diagram-${key}.json`);

export async function readStoredCharts(
  store: ChartStore,
  key: string,
): Promise<Map<string, Chart> | undefined> {
  try {
    const charts = JSON.parse(await readFile(entry(store.dir, key), "utf8")) as Chart[];
    return new Map(charts.map((chart) => [chart.id, chart]));
  } catch {
    return undefined;
  }
}

/** Writes an entry (atomically: a reader sees all of it or none) and keeps only the newest few. */
export async function storeCharts(store: ChartStore, key: string, charts: Map<string, Chart>): Promise<void> {
  try {
    await mkdir(store.dir, { recursive: true });
    const file = entry(store.dir, key);
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, JSON.stringify([...charts.values()]));
    await rename(partial, file);
    const entries = (await readdir(store.dir)).filter((n) => /^diagram-[0-9a-f]+\.json$/.test(n));
    if (entries.length <= KEEP) return;
    const dated = await Promise.all(
      entries.map(async (n) => ({ n, t: (await stat(path.join(store.dir, n))).mtimeMs })),
    );
    dated.sort((a, b) => b.t - a.t);
    await Promise.all(dated.slice(KEEP).map((d) => rm(path.join(store.dir, d.n), { force: true })));
  } catch {
    // A cache that cannot be written (a read-only installation) only means drawing again next time.
  }
}
