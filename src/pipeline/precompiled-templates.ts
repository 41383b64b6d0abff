import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadTemplates } from "../load/templates.js";
import type { PrecompiledTemplates, TemplateKind } from "../render/compiled-templates.js";

/**
 * Where `npm run build` keeps the shipped templates compiled: `dist/precompiled-templates.json`, found
 * from `dist/pipeline/` and from the bundle in `dist/bundle/` alike. Run from source there is none.
 */
export const PRECOMPILED_TEMPLATES = fileURLToPath(new URL("../precompiled-templates.json", import.meta.url));

let loaded: Promise<number> | undefined;

/**
 * Hands the templates compiled at build time to the renderer, once per process; resolves with how many.
 * A missing or unreadable file only means compiling at run time, as before.
 */
export function usePrecompiledTemplateFile(file = PRECOMPILED_TEMPLATES): Promise<number> {
  loaded ??= (async () => {
    const text = await readFile(file, "utf8").catch(() => undefined);
    if (text === undefined) return 0;
    const { usePrecompiledTemplates } = await import("../render/compiled-templates.js");
    try {
      return usePrecompiledTemplates(JSON.parse(text) as PrecompiledTemplates);
    } catch {
      return 0;
    }
  })();
  return loaded;
}

/**
 * Compiles every template in `templateDir` with the options the renderer compiles it with (the
 * chapters and partials, the layout, the stylesheet) and writes them to `file` (scripts/precompile-templates.mjs).
 */
export async function writePrecompiledTemplateFile(
  templateDir: string,
  file = PRECOMPILED_TEMPLATES,
): Promise<number> {
  const { precompileTemplates } = await import("../render/compiled-templates.js");
  // No year texts: they are the year's data, compiled when a report is rendered.
  const templates = await loadTemplates(templateDir, path.join(templateDir, ".inga-arstexter"), templateDir);
  const files: { kind: TemplateKind; source: string }[] = [
    ...templates.chapters.map((c) => ({ kind: "kapitel" as const, source: c.template.source })),
    ...[...templates.partials.values()].map((p) => ({ kind: "kapitel" as const, source: p.source })),
    { kind: "layout", source: templates.layout.source },
    { kind: "stilmall", source: templates.stylesheet.source },
  ];
  const store = precompileTemplates(files);
  await writeFile(file, `${JSON.stringify(store)}\n`);
  return store.templates.length;
}
