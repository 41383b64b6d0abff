import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, copyFileSync } from "node:fs";
import path from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import { report2024 } from "../helpers/report-2024.js";
import { REPO_ROOT, tempDirWith, type TempDir } from "../helpers/temp-data.js";

const ready = requirePrerequisites(["pdftoppm"]);
const REFERENCE = path.join(REPO_ROOT, "tests/visual/2024");
/** Cover, contents, the summary, the statistics table and a chart page: the report's kinds of page. */
const PAGES = [1, 2, 3, 9, 10];
/** Share of pixels that may differ (anti-aliasing, a poppler of another version). */
const TOLERANCE = 0.01;

/**
 * Pages of the 2024 report rendered to PNG (pdftoppm, 40 dpi) and compared with committed reference
 * images. After an intended change of the layout, look at the new pages and then:
 *   UPDATE_VISUAL=1 npx vitest run tests/e2e/visual.test.ts
 */
describe.skipIf(!ready)("sidorna ser ut som referensbilderna", () => {
  let out: TempDir;
  beforeAll(() => {
    out = tempDirWith({});
    const pdf = path.join(report2024().dir, "rapport.pdf");
    for (const page of PAGES) {
      execFileSync("pdftoppm", [
        "-r",
        "40",
        "-png",
        "-f",
        String(page),
        "-l",
        String(page),
        "-singlefile",
        pdf,
        path.join(out.dir, `sida-${page}`),
      ]);
    }
    if (process.env.UPDATE_VISUAL) {
      mkdirSync(REFERENCE, { recursive: true });
      for (const page of PAGES)
        copyFileSync(path.join(out.dir, `sida-${page}.png`), path.join(REFERENCE, `sida-${page}.png`));
    }
  });
  afterAll(() => out?.cleanup());

  it("har en referensbild för varje kontrollerad sida", () => {
    expect(readdirSync(REFERENCE).sort()).toEqual(PAGES.map((p) => `sida-${p}.png`).sort());
  });

  it.each(PAGES)("sida %i", (page) => {
    const reference = path.join(REFERENCE, `sida-${page}.png`);
    expect(existsSync(reference)).toBe(true);
    const expected = PNG.sync.read(readFileSync(reference));
    const actual = PNG.sync.read(readFileSync(path.join(out.dir, `sida-${page}.png`)));
    expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
    const differing = pixelmatch(expected.data, actual.data, undefined, expected.width, expected.height, {
      threshold: 0.2,
    });
    expect(differing / (expected.width * expected.height)).toBeLessThanOrEqual(TOLERANCE);
  });
});
