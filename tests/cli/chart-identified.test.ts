import { describe, expect, it } from "vitest";
import { runRender } from "../../src/pipeline/pipeline.js";
import { REPO_DATA } from "../helpers/temp-data.js";

interface Bar {
  year: string;
  count: number;
  part: string;
  x: number;
  top: number;
  bottom: number;
}

/** The chart of identified persons as drawn for print, read from its SVG in the rendered page. */
async function identifiedChart(): Promise<{ bars: Bar[]; texts: string[]; gridTop: number }> {
  const result = await runRender({
    rapportar: 2024,
    dataDir: REPO_DATA,
    outDir: "",
    strict: false,
    log: () => {},
  });
  const html = "html" in result ? (result.html ?? "") : "";
  const svg =
    [...html.matchAll(/<img src="data:image\/svg\+xml;base64,([^"]+)/g)]
      .map((m) => Buffer.from(m[1]!, "base64").toString("utf8"))
      .find((s) => s.includes("Identifierade personer")) ?? "";
  const bars = [
    ...svg.matchAll(
      /<path aria-label="ar: ([^;]+); Personer: ([\d\s]+); del: ([^"]+)"[^>]*d="M([\d.]+),([\d.]+)h[\d.]+v([\d.]+)/g,
    ),
  ].map((m) => ({
    year: m[1]!,
    count: Number(m[2]!.replace(/\s/g, "")),
    part: m[3]!,
    x: Number(m[4]),
    top: Number(m[5]),
    bottom: Number(m[5]) + Number(m[6]),
  }));
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/\s/g, " "));
  const grid = /role-axis-grid[^]*?<\/g>/.exec(svg)?.[0] ?? "";
  const gridTop = Math.min(...[...grid.matchAll(/translate\(0,([\d.]+)\)/g)].map((m) => Number(m[1])));
  return { bars, texts, gridTop };
}

describe("Diagram 1: identifierade personer per år", () => {
  it("ställer 2021 års vuxna och barn, som räknades var för sig, bredvid varandra på årets enda plats", async () => {
    const { bars, texts } = await identifiedChart();
    const of2021 = bars.filter((b) => b.year === "2021");
    expect(of2021.map((b) => b.part)).toEqual(["Vuxna (räknade för sig)", "Barn (räknade för sig)"]);
    const [adults, children] = of2021;
    // Both start at the axis (same bottom edge) and stand side by side, not stacked.
    expect(children!.bottom).toBeCloseTo(adults!.bottom, 3);
    expect(children!.x).toBeGreaterThan(adults!.x);
    // One 2021 on the axis.
    expect(texts.filter((t) => t === "2021")).toHaveLength(1);
  });

  it("har ett värde på varje stapel och en stödlinje över den högsta", async () => {
    const { bars, texts, gridTop } = await identifiedChart();
    expect(bars.length).toBeGreaterThan(5);
    for (const bar of bars) expect(texts, `${bar.year} ${bar.part}`).toContain(String(bar.count));
    expect(gridTop).toBeLessThanOrEqual(Math.min(...bars.map((b) => b.top)));
  });
});
