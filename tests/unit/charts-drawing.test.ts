import { describe, expect, it } from "vitest";
import { compile } from "vega-lite";
import * as vega from "vega";
import { checkData } from "../../src/pipeline/pipeline.js";
import { drawChartSvg, planCharts } from "../../src/render/charts.js";
import { REPO_DATA } from "../helpers/temp-data.js";

/** The drawing as Vega-Lite and Vega make it from the whole spec, values inline: the reference. */
async function drawnWhole(spec: Record<string, unknown>): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec as never).spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

/** Every count in a spec's values changed, as an edited data file changes them. */
const recounted = (spec: Record<string, unknown>, by: number) =>
  JSON.parse(JSON.stringify(spec), (key, value: unknown) =>
    typeof value === "number" && key !== "" && /^(antal|varde|värde|summa)$/i.test(key) ? value + by : value,
  ) as Record<string, unknown>;

describe("diagrammen ritas med specifikationen kompilerad en gång, värdena för sig", () => {
  it("ger byte för byte samma SVG som en ritning av hela specifikationen, också när värdena ändrats", async () => {
    const data = await checkData({ rapportar: 2024, dataDir: REPO_DATA, strict: false, log: () => {} });
    const plans = planCharts(data.siffror!);
    expect(plans.length).toBeGreaterThan(0);
    for (const by of [0, 137, 0]) {
      for (const plan of plans) {
        for (const spec of [recounted(plan.spec, by), recounted(plan.narrowSpec, by)]) {
          const before = JSON.stringify(spec);
          const drawn = await drawChartSvg(spec, "");
          expect(drawn.replace("<style></style>", "")).toBe(await drawnWhole(spec));
          expect(JSON.stringify(spec)).toBe(before); // the spec (the drawing's key) is left as it was
        }
      }
    }
  });
});
