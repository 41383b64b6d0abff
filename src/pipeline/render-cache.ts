import type { Siffror } from "../aggregate/index.js";
import type { Chart } from "../render/charts.js";
import type { StartedBrowser } from "../print/pdf.js";
import type { KeyFigureRegistry } from "../sources/registry.js";
import type { DataCheck } from "./pipeline.js";
import { readStoredSvg, storeSvg, type ChartStore } from "./chart-store.js";
import { sha256 } from "./manifest.js";

/**
 * What a process that builds more than once (`build --watch`, `preview`) keeps between builds. Each
 * entry is keyed by everything it is computed from, so a hit is the same as computing it again.
 */
export interface RenderCache {
  /** The embedded fonts (read from @fontsource once per process). */
  fonts?: Promise<{ fontFaces: string; chartFontFace: string }>;
  /** Chart drawings (SVG) by svgKey: those the last build used, which the next build compares with. */
  svgs: Map<string, Promise<string>>;
  /** One browser for every print, started with the first. */
  browser?: Promise<StartedBrowser>;
  /** The data half of the last build's check, by the fingerprints of the files it read (`--watch`). */
  dataCheck?: { key: string; check: Promise<DataCheck> };
  /** How many drawings were made with Vega rather than reused (for tests and the benchmark). */
  svgsDrawn: number;
}

export function createRenderCache(): RenderCache {
  return { svgs: new Map(), svgsDrawn: 0 };
}

/** What rendering the charts needs from render/charts.ts (loaded only when a build renders). */
export interface ChartRenderer {
  renderCharts: (
    siffror: Siffror,
    fontFace: string,
    draw: (spec: Record<string, unknown>) => Promise<string>,
    keyFigureSources?: KeyFigureRegistry,
  ) => Promise<Map<string, Chart>>;
  drawChartSvg: (spec: Record<string, unknown>, fontFace: string) => Promise<string>;
}

/** Everything one drawing depends on: its spec, the font it embeds, the tool and Vega (store.toolKey). */
export function svgKey(spec: Record<string, unknown>, fontHash: string, toolKey = ""): string {
  return sha256(`${toolKey}\n${fontHash}\n${JSON.stringify(spec)}`);
}

/**
 * The charts for these figures. Each drawing (a chart at one width) is made with Vega only when it is
 * new: otherwise it is taken from this process's cache (`--watch`, `preview`) or from the drawings an
 * earlier build stored on disk (`store`). A changed count redraws the charts that show it, no others.
 */
export async function cachedCharts(
  cache: RenderCache | undefined,
  siffror: Siffror,
  fontFace: string,
  renderer: ChartRenderer,
  store?: ChartStore,
  /** The key-figure sources whose charts are drawn too. Default: the built-in registry. */
  keyFigureSources?: KeyFigureRegistry,
): Promise<Map<string, Chart>> {
  const fontHash = sha256(fontFace);
  const used = new Map<string, Promise<string>>();
  const drawOrRead = async (spec: Record<string, unknown>, key: string) => {
    const stored = store && (await readStoredSvg(store, key));
    if (stored !== undefined) return stored;
    if (cache) cache.svgsDrawn++;
    const svg = await renderer.drawChartSvg(spec, fontFace);
    if (store) await storeSvg(store, key, svg);
    return svg;
  };
  const draw = (spec: Record<string, unknown>) => {
    const key = svgKey(spec, fontHash, store?.toolKey);
    let svg = used.get(key) ?? cache?.svgs.get(key);
    if (!svg) {
      svg = drawOrRead(spec, key);
      if (cache) svg.catch(() => cache.svgs.delete(key));
    }
    used.set(key, svg);
    return svg;
  };
  const charts = await renderer.renderCharts(siffror, fontFace, draw, keyFigureSources);
  // Only this build's drawings are kept: they are the ones the next build will compare with.
  if (cache) cache.svgs = used;
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
