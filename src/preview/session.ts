import path from "node:path";
import {
  DEFAULT_TEMPLATE_DIR,
  checkData,
  checkTemplates,
  combineChecks,
  runRender,
  type DataCheck,
  type PipelineOptions,
  type TemplateCheck,
} from "../pipeline/pipeline.js";
import { createRenderCache, type RenderCache } from "../pipeline/render-cache.js";
import { chartToolKey, defaultChartCacheDir, type ChartStore } from "../pipeline/chart-store.js";
import { toolFingerprint } from "../pipeline/manifest.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

/** What the preview shows: the report, or why it cannot be shown. Each change gets a new version. */
export type PreviewContent =
  | { kind: "rapport"; html: string; diagnostics: Diagnostic[] }
  | { kind: "fel"; diagnostics: Diagnostic[]; internal?: string };
export type PreviewState = PreviewContent & { version: number };

/** Which half of check a changed file belongs to. */
export type ChangeKind = "data" | "mallar";

const isUnder = (file: string, dir: string) => {
  const relative = path.relative(path.resolve(dir), path.resolve(file));
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
};

/**
 * The warm half of `report preview`: it keeps what it has read and computed, and after a change redoes
 * only what depends on it. A year text, chapter template, layout or stylesheet re-reads the templates
 * and renders again from the figures it already has; a data file redoes load → validate → aggregate.
 * Charts are drawn again only when the figures changed (RenderCache). Rendering itself is `build`'s
 * own (runRender), so the preview cannot drift from the printed report.
 */
export class PreviewSession {
  private data: DataCheck | undefined;
  private templates: TemplateCheck | undefined;
  private version = 0;
  private chartStore: ChartStore | undefined;
  readonly cache: RenderCache = createRenderCache();
  readonly templateDir: string;
  readonly yearTextDir: string;
  state: PreviewState = { kind: "fel", version: 0, diagnostics: [] };

  constructor(private readonly options: PipelineOptions) {
    this.templateDir = options.templateDir ?? DEFAULT_TEMPLATE_DIR;
    this.yearTextDir = path.join(options.dataDir, String(options.rapportar - 1), "texter");
  }

  /** Whether a changed file is a template (or year text) or data; `undefined` if the report does not read it. */
  classify(file: string): ChangeKind | undefined {
    const name = path.basename(file);
    // Editors' swap and backup files are not the report's.
    if (name.startsWith(".") || name.endsWith("~") || /\.sw[a-p]$/.test(name)) return undefined;
    if (isUnder(file, this.templateDir) || isUnder(file, this.yearTextDir)) return "mallar";
    if (isUnder(file, this.options.dataDir)) return "data";
    return undefined;
  }

  /**
   * Brings the state up to date after `changes` (everything at the start). Returns whether what the
   * page shows changed (a new version), so that an unchanged result does not reload the page.
   */
  async update(changes: "allt" | readonly ChangeKind[]): Promise<boolean> {
    // Drawings stored by builds (and earlier previews) are reused from the first view on.
    this.chartStore ??= {
      dir: this.options.chartCacheDir ?? defaultChartCacheDir(),
      toolKey: chartToolKey((await toolFingerprint()).kod),
    };
    const options: PipelineOptions = { ...this.options, cache: this.cache, chartStore: this.chartStore };
    const redo = (kind: ChangeKind) => changes === "allt" || changes.includes(kind);
    let next: PreviewContent;
    try {
      if (redo("data") || !this.data) this.data = await checkData(options);
      if (redo("mallar") || !this.templates) this.templates = await checkTemplates(options);
      const rendered = await runRender(options, combineChecks(this.data, this.templates));
      next = rendered.ok
        ? { kind: "rapport", html: rendered.html, diagnostics: rendered.diagnostics }
        : { kind: "fel", diagnostics: rendered.diagnostics };
    } catch (cause) {
      // A bug in the tool must not stop the server either: show it, and try again on the next change.
      next = {
        kind: "fel",
        diagnostics: [],
        internal: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause),
      };
    }
    if (this.version > 0 && sameState(this.state, next)) return false;
    this.state = { ...next, version: ++this.version };
    return true;
  }
}

function sameState(a: PreviewContent, b: PreviewContent): boolean {
  if (a.kind !== b.kind || JSON.stringify(a.diagnostics) !== JSON.stringify(b.diagnostics)) return false;
  if (a.kind === "rapport" && b.kind === "rapport") return a.html === b.html;
  return a.kind === "fel" && b.kind === "fel" && a.internal === b.internal;
}
