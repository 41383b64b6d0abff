import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Siffror } from "../../src/aggregate/index.js";
import { checkData } from "../../src/pipeline/pipeline.js";
import {
  cachedCharts,
  createRenderCache,
  svgKey,
  type ChartRenderer,
} from "../../src/pipeline/render-cache.js";
import { drawChartSvg, renderCharts } from "../../src/render/charts.js";
import type { Chart } from "../../src/render/charts.js";
import { sha256 } from "../../src/pipeline/manifest.js";
import { readStoredSvg } from "../../src/pipeline/chart-store.js";
import { REPO_DATA, tempDirWith, type TempDir } from "../helpers/temp-data.js";

const FONT = "@font-face { font-family: Provtypsnitt; }";
let temp: TempDir | undefined;
afterEach(() => temp?.cleanup());

async function figures2024(): Promise<Siffror> {
  const checked = await checkData({ rapportar: 2024, dataDir: REPO_DATA, strict: false, log: () => {} });
  if (!checked.siffror) throw new Error("data/ gav inga siffror");
  return checked.siffror;
}

/** A renderer with made-up drawings, large enough that a torn write would show. */
function fakeRenderer(specs: Record<string, unknown>[]): ChartRenderer & { drawn: number } {
  const renderer = {
    drawn: 0,
    drawChartSvg: async (spec: Record<string, unknown>) => {
      renderer.drawn++;
      await new Promise((resolve) => setImmediate(resolve));
      return `<svg>${"x".repeat(4_000_000)}${JSON.stringify(spec)}</svg>`;
    },
    renderCharts: async (
      _: Siffror,
      __: string,
      draw: (spec: Record<string, unknown>) => Promise<string>,
    ) => {
      const charts = new Map<string, Chart>();
      for (const [i, spec] of specs.entries())
        charts.set(`d${i}`, { id: `d${i}`, caption: "", alt: "", svg: await draw(spec) });
      return charts;
    },
  };
  return renderer;
}

describe("diagramlagret mellan byggen", () => {
  it("ger ur lagret byte för byte samma diagram som att rita dem, utan att rita något", async () => {
    temp = tempDirWith({});
    const store = { dir: path.join(temp.dir, "lager"), toolKey: "prov" };
    const siffror = await figures2024();
    const drawn = await cachedCharts(undefined, siffror, FONT, { renderCharts, drawChartSvg }, store);
    expect(drawn.size).toBeGreaterThanOrEqual(3);
    // Print and phone: one stored drawing each, under the key of its own spec.
    expect(readdirSync(store.dir).filter((n) => n.endsWith(".svg"))).toHaveLength(drawn.size * 2);

    const cache = createRenderCache();
    const refuse = async (): Promise<string> => {
      throw new Error("ritade trots att ritningen fanns i lagret");
    };
    const read = await cachedCharts(cache, siffror, FONT, { renderCharts, drawChartSvg: refuse }, store);
    expect(cache.svgsDrawn).toBe(0);
    expect([...read.values()]).toEqual([...drawn.values()]);
  }, 60_000);

  it("en annan font, ett annat verktyg eller en annan spec är en annan nyckel", () => {
    const spec = { mark: "bar", data: { values: [{ antal: 1 }] } };
    const font = sha256(FONT);
    const keys = new Set([
      svgKey(spec, font, "verktyg-1"),
      svgKey(spec, sha256(`${FONT} `), "verktyg-1"),
      svgKey(spec, font, "verktyg-2"),
      svgKey({ ...spec, data: { values: [{ antal: 2 }] } }, font, "verktyg-1"),
    ]);
    expect(keys.size).toBe(4);
    expect(svgKey(spec, font, "verktyg-1")).toBe(svgKey(structuredClone(spec), font, "verktyg-1"));
  });

  it("byggen som skriver samma lager samtidigt: en läsare ser en hel ritning eller ingen, aldrig en halv", async () => {
    temp = tempDirWith({});
    const store = { dir: path.join(temp.dir, "lager"), toolKey: "prov" };
    const specs = Array.from({ length: 4 }, (_, i) => ({ diagram: i }));
    const renderer = fakeRenderer(specs);
    const expected = new Map<string, string>();
    for (const spec of specs)
      expected.set(svgKey(spec, sha256(FONT), "prov"), await renderer.drawChartSvg(spec, FONT));
    // Readers poll every entry while twelve builds in this process (one process id for every write)
    // draw and store the same drawings.
    let building = true;
    const seen: string[] = [];
    const readers = Array.from({ length: 4 }, async () => {
      while (building) {
        for (const [key, svg] of expected) {
          const read = await readStoredSvg(store, key);
          if (read !== undefined && read !== svg) seen.push(`${key}: ${read.length} tecken`);
        }
      }
    });
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        cachedCharts(createRenderCache(), {} as Siffror, FONT, renderer, store),
      ),
    );
    building = false;
    await Promise.all(readers);
    expect(seen).toEqual([]);
    for (const charts of results) expect([...charts.values()]).toEqual([...results[0]!.values()]);
    const files = readdirSync(store.dir);
    expect(files.filter((n) => !n.endsWith(".svg"))).toEqual([]);
    expect(files).toHaveLength(specs.length);
    for (const [key, svg] of expected)
      expect(readFileSync(path.join(store.dir, `svg-${key}.svg`), "utf8")).toBe(svg);
  });

  it("i en varm process ritas bara det som ändrats", async () => {
    const cache = createRenderCache();
    await cachedCharts(cache, {} as Siffror, FONT, fakeRenderer([{ a: 1 }, { b: 1 }]));
    expect(cache.svgsDrawn).toBe(2);
    await cachedCharts(cache, {} as Siffror, FONT, fakeRenderer([{ a: 1 }, { b: 2 }]));
    expect(cache.svgsDrawn).toBe(3);
    // Only the last build's drawings are kept.
    expect(cache.svgs.size).toBe(2);
  });
});
