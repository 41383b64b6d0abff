import { describe, expect, it } from "vitest";
import { runRender } from "../../src/pipeline/pipeline.js";
import { REPO_DATA } from "../helpers/temp-data.js";

/** The bars of the chart of identified persons, read from the SVG in the rendered page. */
async function identifiedBars(): Promise<{ label: string; x: number; bottom: number }[]> {
  const result = await runRender({
    rapportar: 2024,
    dataDir: REPO_DATA,
    outDir: "",
    strict: false,
    log: () => {},
  });
  const html = "html" in result ? (result.html ?? "") : "";
  const svgs = [...html.matchAll(/data:image\/svg\+xml;base64,([^"]+)/g)].map((m) =>
    Buffer.from(m[1]!, "base64").toString("utf8"),
  );
  const svg = svgs.find((s) => s.includes("Identifierade personer")) ?? "";
  return [
    ...svg.matchAll(/<path aria-label="ar: ([^;]+);[^"]*"[^>]*d="M([\d.]+),([\d.]+)h[\d.]+v([\d.]+)/g),
  ].map((m) => ({ label: m[1]!, x: Number(m[2]), bottom: Number(m[3]) + Number(m[4]) }));
}

describe("Diagram 1: identifierade personer per år", () => {
  it("staplar inte 2021 års vuxna och barn, som räknades var för sig, utan ställer dem bredvid varandra", async () => {
    const bars = await identifiedBars();
    const adults = bars.find((b) => b.label === "2021 vuxna");
    const children = bars.find((b) => b.label === "2021 barn");
    expect(adults).toBeDefined();
    expect(children).toBeDefined();
    // Both start at the axis (same bottom edge) and stand in different places along it.
    expect(children!.bottom).toBeCloseTo(adults!.bottom, 3);
    expect(children!.x).toBeGreaterThan(adults!.x);
    expect(bars.filter((b) => b.label.startsWith("2021"))).toHaveLength(2);
  });
});
