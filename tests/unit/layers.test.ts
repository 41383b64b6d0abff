import { readdirSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { LAYERS } from "../../eslint/layers.js";

const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file `file` (relative to the repository) and returns the layer rule's messages. */
async function layerMessages(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === "layers/import-direction").map((m) => m.message);
}

describe("the direction of imports between folders of src/", () => {
  it.each([
    [
      "src/render/x.ts",
      'import { loadTemplates } from "../load/templates.js";',
      "src/render/ may not import from src/load/",
    ],
    [
      "src/model/x.ts",
      'import type { Count } from "../validate/columns.js";',
      "src/model/ may not import from src/validate/",
    ],
    [
      "src/print/x.ts",
      'import { buildReport } from "../pipeline/pipeline.js";',
      "src/print/ may not import from src/pipeline/",
    ],
    [
      "src/validate/x.ts",
      'export { readTable } from "../load/read-table.js";',
      "src/validate/ may not import from src/load/",
    ],
    [
      "src/aggregate/deep/x.ts",
      'const m = await import("../../render/charts.js");',
      "src/aggregate/ may not import from src/render/",
    ],
    ["src/sources/x.ts", 'import "../cli.js";', "src/sources/ may not import from src/cli/"],
    [
      "src/nyttlager/x.ts",
      'import type { Count } from "../model/counts.js";',
      "src/nyttlager/ is not in LAYERS",
    ],
  ])("fails %s: %s", async (file, code, expected) => {
    const messages = await layerMessages(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(expected);
  });

  it.each([
    ["src/render/x.ts", 'import type { Figures } from "../aggregate/index.js";'],
    ["src/load/x.ts", 'import type { LoadedTable } from "../model/tables.js";'],
    ["src/pipeline/x.ts", 'import { renderChapters } from "../render/chapters.js";'],
    ["src/cli.ts", 'import { buildReport } from "./pipeline/pipeline.js";'],
    ["src/validate/x.ts", 'import { z } from "zod";\nimport { parseCount } from "../model/counts.js";'],
  ])("allows %s: %s", async (file, code) => {
    expect(await layerMessages(file, code)).toEqual([]);
  });

  it("knows every folder of src/", () => {
    const folders = readdirSync(path.join(root, "src"), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.filter((f) => !(f in LAYERS))).toEqual([]);
    for (const allowed of Object.values(LAYERS))
      for (const f of allowed) expect(Object.keys(LAYERS)).toContain(f);
  });
});
