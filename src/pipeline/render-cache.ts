import type { Siffror } from "../aggregate/index.js";
import type { Chart } from "../render/charts.js";
import type { StartedBrowser } from "../print/pdf.js";
import { readStoredCharts, storeCharts, type ChartStore } from "./chart-store.js";
import { sha256 } from "./manifest.js";

/**
 * What a process that builds more than once (`build --watch`, `preview`) keeps between builds. Each
 * entry is keyed by everything it is computed from, so a hit is the same as computing it again.
 */
export interface RenderCache {
  /** The embedded fonts (read from @fontsource once per process). */
  fonts?: Promise<{ fontFaces: string; chartFontFace: string }>;
  /** Charts by a hash of the figures and the font they are drawn with. */
  charts: Map<string, Promise<Map<string, Chart>>>;
  /** One browser for every print, started with the first. */
  browser?: Promise<StartedBrowser>;
  /** How many times charts were drawn rather than reused (for tests and the benchmark). */
  chartRenders: number;
}

export function createRenderCache(): RenderCache {
  return { charts: new Map(), chartRenders: 0 };
}

type DrawCharts = (siffror: Siffror, fontFace: string) => Promise<Map<string, Chart>>;

/**
 * The charts for these figures: drawn with Vega when they are new, reused when they are not, from this
 * process's cache or from charts an earlier build stored on disk (`store`).
 */
export async function cachedCharts(
  cache: RenderCache | undefined,
  siffror: Siffror,
  fontFace: string,
  draw: DrawCharts,
  store?: ChartStore,
): Promise<Map<string, Chart>> {
  const key = sha256(`${store?.toolKey ?? ""}\n${JSON.stringify(siffror)}\n${fontFace}`);
  const drawOrRead = async () => {
    const stored = store && (await readStoredCharts(store, key));
    if (stored) return stored;
    if (cache) cache.chartRenders++;
    const charts = await draw(siffror, fontFace);
    if (store) await storeCharts(store, key, charts);
    return charts;
  };
  if (!cache) return drawOrRead();
  let charts = cache.charts.get(key);
  if (!charts) {
    charts = drawOrRead();
    // One entry is enough: the figures of the last build are the ones the next build will compare with.
    cache.charts.clear();
    cache.charts.set(key, charts);
    charts.catch(() => cache.charts.delete(key));
  }
  return charts;
}

/** The cached browser if it is still running; a crashed one is forgotten so the next print starts anew. */
export async function forgetDeadBrowser(cache: RenderCache): Promise<void> {
  const started = await cache.browser?.catch(() => undefined);
  if (!started?.browser.connected) cache.browser = undefined;
}

/** Closes what the cache holds open (the browser). */
export async function closeRenderCache(cache: RenderCache): Promise<void> {
  const started = await cache.browser?.catch(() => undefined);
  cache.browser = undefined;
  await started?.browser.close().catch(() => undefined);
}
