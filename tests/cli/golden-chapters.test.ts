import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runRender } from "../../src/pipeline/pipeline.js";
import { REPO_DATA, REPO_ROOT } from "../helpers/temp-data.js";

const GOLDEN = path.join(REPO_ROOT, "tests/golden/2024");

/**
 * The 2024 chapters as built from the project's data, compared with committed golden files, so that
 * a change's effect on the report's text shows in review. After an intended change:
 *   UPDATE_GOLDEN=1 npx vitest run tests/cli/golden-chapters.test.ts
 */
describe("kapitlen 2024 mot golden-filerna", async () => {
  const result = await runRender({
    rapportar: 2024,
    dataDir: REPO_DATA,
    outDir: "",
    strict: false,
    log: () => {},
  });
  const chapters = result.ok ? result.chapters : [];

  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(GOLDEN, { recursive: true });
    for (const c of chapters) writeFileSync(path.join(GOLDEN, c.name), c.markdown);
  }

  it("renderar utan fel", () => {
    expect(result.diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
    expect(chapters.map((c) => c.name)).toEqual(readdirSync(GOLDEN).sort());
  });

  it.each(existsSync(GOLDEN) ? readdirSync(GOLDEN).sort() : [])("%s", (name) => {
    const rendered = chapters.find((c) => c.name === name);
    expect(rendered?.markdown).toBe(readFileSync(path.join(GOLDEN, name), "utf8"));
  });
});
