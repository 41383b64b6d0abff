/**
 * The direction of imports between the folders of `src/`, checked by ESLint so that `npm test` fails on
 * an import that runs the wrong way.
 *
 * The pure middle (validate → aggregate → render) sits on the leaves (`model/`, `diagnostics/`) and the
 * source registry (`sources/`); the stages that touch the disk or the browser (`load/`, `print/`) sit above
 * it, so that no pure stage can reach the file system through them; `pipeline/` runs the stages; `diff/`
 * and the command line sit on top. A folder may import only the folders listed for it (and itself).
 */
import path from "node:path";

/** @type {Record<string, readonly string[]>} folder under src/ → the folders it may import from */
export const LAYERS = {
  model: [],
  diagnostics: [],
  sources: ["model", "diagnostics"],
  validate: ["model", "diagnostics", "sources"],
  aggregate: ["model", "diagnostics", "sources", "validate"],
  render: ["model", "diagnostics", "sources", "validate", "aggregate"],
  load: ["model", "diagnostics", "sources"],
  print: ["model", "diagnostics"],
  init: ["model", "diagnostics", "sources", "load", "validate"],
  pipeline: ["model", "diagnostics", "sources", "load", "validate", "aggregate", "render", "print"],
  diff: ["model", "diagnostics", "sources", "load", "validate", "aggregate", "render", "print", "pipeline"],
  preview: [
    "model",
    "diagnostics",
    "sources",
    "load",
    "validate",
    "aggregate",
    "render",
    "print",
    "pipeline",
  ],
  cli: [
    "model",
    "diagnostics",
    "sources",
    "load",
    "validate",
    "aggregate",
    "render",
    "print",
    "init",
    "pipeline",
    "diff",
    "preview",
  ],
};

/** Files directly in src/ belong to the command line (`src/cli.ts`). */
const ROOT_LAYER = "cli";

/** The layer of a file below `srcDir`, or `undefined` for a file outside it. */
export function layerOf(file, srcDir) {
  const relative = path.relative(srcDir, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  const parts = relative.split(path.sep);
  return parts.length === 1 ? ROOT_LAYER : parts[0];
}

/** @type {import("eslint").Rule.RuleModule} */
const importDirection = {
  meta: {
    type: "problem",
    docs: { description: "Folders of src/ import only the layers below them (eslint/layers.js)." },
    schema: [],
    messages: {
      upward:
        "src/{{from}}/ may not import from src/{{to}}/ (an upward or sideways import); src/{{from}}/ may import from: {{allowed}}.",
      unknownLayer:
        "src/{{layer}}/ is not in LAYERS in eslint/layers.js; add the folders it may import from.",
    },
  },
  create(context) {
    const file = context.filename;
    const srcDir = path.join(context.cwd, "src");
    const from = layerOf(file, srcDir);
    if (from === undefined) return {};
    const allowed = LAYERS[from];
    const check = (node, source) => {
      if (typeof source !== "string" || !source.startsWith(".")) return;
      const target = path.resolve(path.dirname(file), source);
      const to = layerOf(target, srcDir);
      if (to === undefined || to === from) return;
      if (!allowed) {
        context.report({ node, messageId: "unknownLayer", data: { layer: from } });
      } else if (!allowed.includes(to)) {
        context.report({
          node,
          messageId: "upward",
          data: { from, to, allowed: allowed.length ? allowed.join(", ") : "nothing else in src/" },
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node.source, node.source.value),
    };
  },
};

export default { rules: { "import-direction": importDirection } };
