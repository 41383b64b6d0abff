import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  currentSection,
  formattedSection,
  performanceSection,
  // @ts-expect-error -- a plain ES module of the benchmark (bench/), without type declarations
} from "../../bench/readme-table.mjs";
import { REPO_ROOT } from "../helpers/temp-data.js";

interface Measure {
  namn: string;
  enhet: string;
  median: number;
  min?: number;
  max?: number;
  mal?: number;
  uppfyllt?: boolean;
}

// README's performance figures come from bench/results.json through bench/readme-table.mjs, never by hand.
describe("README:s prestandatabell", () => {
  const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  const results = JSON.parse(readFileSync(path.join(REPO_ROOT, "bench/results.json"), "utf8")) as {
    matt: Measure[];
  };

  it("är exakt den som genereras ur bench/results.json", async () => {
    expect(currentSection(readme)).toBe(await formattedSection(REPO_ROOT));
  });

  it("säger om varje mål är uppfyllt i enlighet med mätningen", () => {
    for (const m of results.matt.filter((x) => x.mal !== undefined)) {
      const met = m.enhet === "×" ? m.median <= m.mal! : m.median < m.mal!;
      expect(m.uppfyllt, m.namn).toBe(met);
    }
  });

  it("ändras när en siffra i resultaten ändras (tabellen kan inte stå still)", () => {
    const first = results.matt.find((m) => m.mal !== undefined)!;
    const changed = {
      ...results,
      matt: results.matt.map((m) => (m === first ? { ...m, median: m.mal! * 10, uppfyllt: false } : m)),
    };
    const table = performanceSection(changed) as string;
    expect(table).not.toBe(performanceSection(results));
    expect(table).toContain(`${first.namn.trim()} |`);
    expect(table).toMatch(/\*\*missat\*\* \(10× målet\)/);
  });
});
