import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { computeFigures, type Siffror } from "../aggregate/index.js";
import type { Avstamning } from "../aggregate/reconcile.js";
import {
  applyStrictness,
  hasErrors,
  sortDiagnostics,
  type Diagnostic,
  appendAll,
} from "../diagnostics/diagnostic.js";
import { loadSources } from "../load/sources.js";
import { loadTemplates, withFonts } from "../load/templates.js";
import { yearTextNames, type LoadedTemplates } from "../model/templates.js";
import type { KeyFigureSource } from "../sources/key-figure-source.js";
import type { KeyFigureRegistry } from "../sources/registry.js";
import type { RenderedChapter } from "../render/chapters.js";
import type { DocumentMeta } from "../render/html-document.js";
import { redovisningsdag } from "../model/report-year.js";
import { buildDate, makeReproducible } from "../print/reproducible.js";
import { passedOverRowCheck } from "../validate/anmalda-brott.js";
import { validateSources } from "../validate/index.js";
import { findTypedFigures } from "../validate/template-figures.js";
import { throwIfInterrupted } from "../model/interrupted.js";
import { chartToolKey, defaultChartCacheDir, type ChartStore } from "./chart-store.js";
import { cachedCharts, forgetDeadBrowser, type RenderCache } from "./render-cache.js";
import { recoverInterruptedOutput, withOutputLock, writeOutputAtomically } from "./output.js";
import { asEnvironmentError } from "../model/environment.js";
import { checkOutputTarget } from "./output-guard.js";
import { inputManifest, isUpToDate, sha256, type Manifest } from "./manifest.js";
import { usePrecompiledTemplateFile } from "./precompiled-templates.js";

/** The templates shipped with the tool, found relative to this module (src/ or dist/ alike). */
export const DEFAULT_TEMPLATE_DIR = fileURLToPath(new URL("../../templates", import.meta.url));

export interface PipelineOptions {
  /** The report year; the statistics year is the year before (14 § förordningen 2022:1718). */
  rapportar: number;
  /** Default `data`. */
  dataDir: string;
  /** Default `out`. Only `runBuild` writes there. */
  outDir?: string;
  /** Default: the templates shipped with the tool. */
  templateDir?: string;
  /** Warnings become errors (applied once, to the result's whole list). Default `false`. */
  strict: boolean;
  /** Progress lines ("Skriver ut PDF …", "Skrev …"). */
  log: (line: string) => void;
  /** Detail lines a person does not act on ("Läser …", the browser used); `--verbose`. Default: none. */
  detail?: (line: string) => void;
  /** Aborts the build between stages and closes the browser (Ctrl-C); nothing is written then. */
  signal?: AbortSignal;
  /** Rebuild even when the manifest says nothing changed. Default `false`. */
  force?: boolean;
  /** A draft: "UTKAST" and the data version on every page. Default `false`. */
  utkast?: boolean;
  /** The data version a draft prints (set by runBuild from the inputs' hash). */
  dataVersion?: string;
  /** Called once the data has passed the checks, before rendering (the build starts the browser then). */
  afterCheck?: () => void;
  /**
   * Kept between builds by a process that builds more than once (`--watch`, `preview`): fonts, charts
   * and the browser. Default: none (everything is done afresh).
   */
  cache?: RenderCache;
  /** Charts kept on disk between builds (runBuild sets it); default: none. */
  chartStore?: ChartStore;
  /** Where runBuild keeps charts between builds. Default: defaultChartCacheDir(). */
  chartCacheDir?: string;
  /** The key-figure sources to read. Default: the registry in `sources/registry.ts`. */
  keyFigureSources?: KeyFigureRegistry;
  /** Called after each stage with its duration in milliseconds (progress lines, the benchmark). */
  onStage?: (stage: Stage, ms: number) => void;
}

export type Stage = "load" | "validate" | "aggregate" | "render" | "print" | "write";

/** Runs one stage and reports how long it took. */
async function timed<T>(options: PipelineOptions, stage: Stage, work: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  options.onStage?.(stage, performance.now() - started);
  return result;
}

interface Checked {
  /** Sorted by file and line; with `--strict`, every warning is already an error. */
  diagnostics: Diagnostic[];
  avstamningar: Avstamning[];
}

/**
 * What `report check` found. `ok` means the data passed and the figures exist; a failed check may still
 * have figures (with `--strict`, a warning fails it).
 */
export type CheckResult =
  (Checked & { ok: true; siffror: Siffror }) | (Checked & { ok: false; siffror?: Siffror });

/** The chapters and the HTML page, or the failed check or rendering that stopped before them. */
export type RenderResult =
  | (Checked & {
      ok: true;
      siffror: Siffror;
      chapters: RenderedChapter[];
      html: string;
      /** The layout file, for diagnostics about the page. */
      layoutFile: string;
    })
  | (Checked & { ok: false; siffror?: Siffror });

/** A build that wrote its output, found nothing changed, or stopped before writing anything. */
export type BuildResult =
  | (Checked & {
      status: "built";
      siffror: Siffror;
      outputDir: string;
      pdfPath: string;
      /** Where printing spent its time (browser start, page layout, PDF), in milliseconds. */
      printTimings: { start: number; layout: number; pdf: number };
    })
  | (Checked & { status: "upToDate"; outputDir: string; pdfPath: string })
  | (Checked & { status: "failed"; siffror?: Siffror });

/**
 * Inside the pipeline diagnostics keep the severity their stage gave them; `--strict` is applied once,
 * when a public entry point hands its result over (`finish`). Each gate between stages asks the same
 * question through `blocks`.
 */
function finish(diagnostics: readonly Diagnostic[], strict: boolean): Diagnostic[] {
  return sortDiagnostics(applyStrictness(diagnostics, strict));
}
const blocks = (diagnostics: readonly Diagnostic[], strict: boolean) =>
  hasErrors(applyStrictness(diagnostics, strict));

/** What the data half of check found: load → validate → aggregate, diagnostics as the stages gave them. */
export interface DataCheck {
  diagnostics: Diagnostic[];
  avstamningar: Avstamning[];
  siffror?: Siffror;
  missing: KeyFigureSource[];
}

/** The templates and the year's texts as read, and what check says about them. */
export interface TemplateCheck {
  templates: LoadedTemplates;
  diagnostics: Diagnostic[];
}

/** Both halves of check as rendering takes them (diagnostics not yet sorted nor made strict). */
export type CheckOutcome = DataCheck & { templates: LoadedTemplates };

const DOCUMENT_META = {
  titel: "Människohandel för sexuella och andra ändamål",
  undertitel: "Lägesrapport",
} as const;

/** load → validate → aggregate. A process that stays warm (preview) redoes this only when data changed. */
export async function checkData(options: PipelineOptions): Promise<DataCheck> {
  const statistikar = options.rapportar - 1;
  const sources = await timed(options, "load", () =>
    loadSources(
      options.dataDir,
      statistikar,
      { passedOverExportRow: passedOverRowCheck },
      options.keyFigureSources,
    ),
  );
  for (const read of sources.lasta)
    options.detail?.(`Läser ${read.file} (${read.encoding}, ${read.rows} rader)`);
  const validated = await timed(options, "validate", () =>
    validateSources(sources, { rapportar: options.rapportar, statistikar }, options.keyFigureSources),
  );
  const diagnostics = [...sources.diagnostics, ...validated.diagnostics];
  let siffror: Siffror | undefined;
  let avstamningar: Avstamning[] = [];
  if (validated.value) {
    const datasets = validated.value;
    const aggregated = await timed(options, "aggregate", () =>
      computeFigures(datasets, options.keyFigureSources),
    );
    // Paths in siffror.json are relative to the data directory ("data/2023/…"), so the file is the
    // same whichever machine or temporary directory built it.
    const portable = (file: string) =>
      path.join(path.basename(path.resolve(options.dataDir)), path.relative(options.dataDir, file));
    siffror = {
      ...aggregated.siffror,
      avvikelser: aggregated.siffror.avvikelser.map((a) => ({ ...a, fil: portable(a.fil) })),
    };
    avstamningar = aggregated.avstamningar;
    appendAll(diagnostics, aggregated.diagnostics);
  }
  return { diagnostics, avstamningar, ...(siffror && { siffror }), missing: sources.saknadeDataset };
}

/** Reads the templates and the year's texts; warns about typed figures and missing year texts. */
export async function checkTemplates(options: PipelineOptions): Promise<TemplateCheck> {
  const statistikar = options.rapportar - 1;
  const diagnostics: Diagnostic[] = [];
  const [templates] = await Promise.all([
    loadTemplates(
      options.templateDir ?? DEFAULT_TEMPLATE_DIR,
      path.join(options.dataDir, String(statistikar), "texter"),
      options.dataDir,
    ),
    usePrecompiledTemplateFile(), // the shipped templates, compiled by `npm run build`
  ]);
  // Earlier years' texts are read while this year's are checked.
  const copied = copiedYearTexts(templates, options.dataDir, statistikar);
  appendAll(diagnostics, templates.diagnostics); // year texts refused (links, special files, too large)
  const prose = [
    ...templates.chapters.map((c) => c.template),
    ...templates.partials.values(),
    ...templates.yearTexts.values(),
  ];
  for (const file of prose) appendAll(diagnostics, findTypedFigures(file.file, file.source));
  // Syntax needs no figures: a broken year text is reported even when the data has errors too.
  const { parseTemplate } = await import("../render/template-errors.js");
  for (const file of prose) {
    const { diagnostic } = parseTemplate(file);
    if (diagnostic) diagnostics.push(diagnostic);
  }
  const refused = new Set(templates.diagnostics.map((d) => d.file));
  diagnostics.push(...(await copied));
  for (const name of yearTextNames(templates)) {
    if (templates.yearTexts.has(name) || refused.has(path.join(templates.yearTextDir, `${name}.md`)))
      continue;
    diagnostics.push({
      code: "W_ARSTEXT_SAKNAS",
      severity: "varning",
      file: path.join(templates.yearTextDir, `${name}.md`),
      message:
        "Årets text saknas; rapporten visar en markering där den ska stå. Skriv texten (eller kopiera fjolårets och uppdatera den).",
    });
  }
  return { templates, diagnostics };
}

/**
 * Year texts that are still, byte for byte, last year's (as `init` copied them): a warning each, and
 * the draft's review appendix lists them. "Last year" is the latest earlier year with the same text.
 */
async function copiedYearTexts(
  templates: LoadedTemplates,
  dataDir: string,
  statistikar: number,
): Promise<Diagnostic[]> {
  const years = (await readdir(dataDir).catch(() => []))
    .filter((n) => /^\d{4}$/.test(n) && Number(n) < statistikar)
    .sort()
    .reverse();
  // Each text on its own (file system round trips side by side), in the texts' order.
  const found = await Promise.all(
    [...templates.yearTexts].map(async ([name, text]): Promise<Diagnostic | undefined> => {
      for (const year of years) {
        const earlier = path.join(dataDir, year, "texter", `${name}.md`);
        const source = await readFile(earlier, "utf8").catch(() => undefined);
        if (source === undefined) continue;
        if (source !== text.source) return undefined;
        return {
          code: "W_ARSTEXT_KOPIERAD",
          severity: "varning",
          file: text.file,
          message: `Texten är densamma som ${earlier}, ord för ord. Skriv om den för ${statistikar}.`,
        };
      }
      return undefined;
    }),
  );
  return found.filter((d) => d !== undefined);
}

/** The two halves of check as one. */
export function combineChecks(data: DataCheck, templates: TemplateCheck): CheckOutcome {
  return {
    ...data,
    diagnostics: [...data.diagnostics, ...templates.diagnostics],
    templates: templates.templates,
  };
}

/** Both halves side by side: one reads templates while the other waits for data files, and back. */
const checkBoth = async (options: PipelineOptions) => {
  const [data, templates] = await Promise.all([checkData(options), checkTemplates(options)]);
  return combineChecks(data, templates);
};

/**
 * Everything `report check` does, nothing written: load → validate → aggregate, then the chapters and
 * the cover filled in without charts or fonts, so that whatever would stop `build` before printing (a
 * template that cannot be filled in with this year's figures) stops `check` too.
 */
export async function runCheck(options: PipelineOptions): Promise<CheckResult> {
  const both = await checkBoth(options);
  const { avstamningar, siffror } = both;
  let { diagnostics } = both;
  if (siffror && !blocks(diagnostics, options.strict)) {
    const key = (d: Diagnostic) => [d.code, d.file, d.line, d.column, d.message].join("\u0000");
    const known = new Set(diagnostics.map(key));
    const rendering = await renderProblems(both, siffror, options);
    diagnostics = [...diagnostics, ...rendering.filter((d) => !known.has(key(d)))];
  }
  const checked = { diagnostics: finish(diagnostics, options.strict), avstamningar };
  return siffror && !blocks(diagnostics, options.strict)
    ? { ...checked, ok: true, siffror }
    : { ...checked, ok: false, ...(siffror && { siffror }) };
}

/** The cover's facts as the layout sees them. */
function documentMeta(siffror: Siffror, options: PipelineOptions): DocumentMeta {
  return {
    ...DOCUMENT_META,
    rapportar: siffror.rapportar,
    statistikar: siffror.statistikar,
    informationsklass: siffror.rapport.informationsklass,
    lagesrapport: siffror.rapport.lagesrapport,
    diarienummer: siffror.rapport.diarienummer,
    datum: siffror.rapport.datum,
    redovisningsdag: redovisningsdag(siffror.rapportar),
    ...(options.utkast && { utkast: `UTKAST · dataversion ${options.dataVersion ?? "okänd"}` }),
  };
}

/** Fills in chapters and cover (no charts, no fonts) and returns what went wrong. */
async function renderProblems(
  checked: CheckOutcome,
  siffror: Siffror,
  options: PipelineOptions,
): Promise<Diagnostic[]> {
  const [{ renderChapters }, { buildTemplateContext }, { renderHtmlDocument }] = await Promise.all([
    import("../render/chapters.js"),
    import("../render/context.js"),
    import("../render/html-document.js"),
  ]);
  const context = buildTemplateContext(siffror, checked.missing);
  const rendered = renderChapters(checked.templates, context);
  // The chapters' warnings too (a writing rule the text breaks): check reports what build would.
  if (rendered.diagnostics.some((d) => d.severity === "fel")) return rendered.diagnostics;
  const layout = renderHtmlDocument(
    rendered.chapters,
    { ...checked.templates, fontFaces: "", chartFontFace: "" },
    documentMeta(siffror, options),
  );
  return [...rendered.diagnostics, ...layout.diagnostics];
}

/**
 * Everything up to the HTML page: check, then charts, chapters and the document. No browser. A warm
 * process (preview) passes the check it has already redone for what changed.
 */
export async function runRender(options: PipelineOptions, checked?: CheckOutcome): Promise<RenderResult> {
  const rendered = await renderStage(options, checked);
  const done = {
    diagnostics: finish(rendered.diagnostics, options.strict),
    avstamningar: rendered.avstamningar,
  };
  return "html" in rendered
    ? { ...rendered, ...done, ok: true }
    : { ...done, ok: false, ...(rendered.siffror && { siffror: rendered.siffror }) };
}

interface Rendered {
  diagnostics: Diagnostic[];
  avstamningar: Avstamning[];
  siffror: Siffror;
  chapters: RenderedChapter[];
  html: string;
  layoutFile: string;
}

async function renderStage(options: PipelineOptions, given?: CheckOutcome): Promise<Rendered | CheckOutcome> {
  const checked = given ?? (await checkBoth(options));
  const { siffror } = checked;
  if (!siffror || blocks(checked.diagnostics, options.strict)) return checked;
  throwIfInterrupted(options.signal);
  options.afterCheck?.();

  return timed(options, "render", async () => {
    // The templates check already read, with the fonts added (read once per build, or per process).
    const cache = options.cache;
    const fonts = cache?.fonts ?? withFonts(checked.templates);
    if (cache) cache.fonts = fonts;
    const { fontFaces, chartFontFace } = await fonts;
    const templates = { ...checked.templates, fontFaces, chartFontFace };
    // Rendering modules load only when a command renders: `report check` stays fast to start.
    const [{ renderChapters }, chartRenderer, { buildTemplateContext }, { renderHtmlDocument }] =
      await Promise.all([
        import("../render/chapters.js"),
        import("../render/charts.js"),
        import("../render/context.js"),
        import("../render/html-document.js"),
      ]);
    // A draft ends with a review appendix: the reconciliation and check's warnings.
    const review = options.utkast
      ? { avstamningar: checked.avstamningar, diagnostics: checked.diagnostics }
      : null;
    const context = buildTemplateContext(siffror, checked.missing, review);
    // Charts are a pure function of the figures: a warm process draws them again only when those change.
    const charts = await cachedCharts(
      cache,
      siffror,
      chartFontFace,
      chartRenderer,
      options.chartStore,
      options.keyFigureSources,
    );
    const rendered = renderChapters(templates, context, charts);
    const diagnostics = [...checked.diagnostics, ...rendered.diagnostics];
    if (blocks(diagnostics, options.strict)) return { ...checked, diagnostics };

    const document = renderHtmlDocument(rendered.chapters, templates, documentMeta(siffror, options), charts);
    if (document.diagnostics.length > 0)
      return { ...checked, diagnostics: [...diagnostics, ...document.diagnostics] };
    const { html } = document;
    return {
      siffror,
      avstamningar: checked.avstamningar,
      diagnostics,
      chapters: rendered.chapters,
      html,
      layoutFile: templates.layout.file,
    };
  });
}

/**
 * The files a build writes, by name within `out/<år>/`, and the manifest that records them. Pure: the
 * writer (`writeOutputAtomically`) is the only part of a build that touches `out/`.
 */
export function planBuild(
  rendered: Pick<Rendered, "siffror" | "chapters" | "html">,
  pdf: Uint8Array,
  inputs: Omit<Manifest, "utdata">,
): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>([
    ["siffror.json", `${JSON.stringify(rendered.siffror, null, 2)}\n`],
    ...rendered.chapters.map((c) => [`kapitel/${c.name}`, c.markdown] as [string, string]),
    ["rapport.html", rendered.html],
    ["rapport.pdf", pdf],
  ]);
  const manifest: Manifest = {
    ...inputs,
    utdata: Object.fromEntries([...files].map(([name, content]) => [name, sha256(content)])),
  };
  files.set("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  return files;
}

/**
 * The data half of check for a process that builds more than once (`--watch`): redone only when a
 * file it may read changed. The key is those files' fingerprints from the build's input manifest (the
 * year texts aside, which the template half reads), so a saved year text reuses the figures.
 */
async function warmDataCheck(
  cache: RenderCache,
  inputs: Omit<Manifest, "utdata">,
  options: PipelineOptions,
): Promise<DataCheck> {
  const texts = `data/${options.rapportar - 1}/texter/`;
  const read = Object.entries(inputs.indata).filter(([k]) => k.startsWith("data/") && !k.startsWith(texts));
  const key = sha256(JSON.stringify([options.rapportar, read]));
  if (cache.dataCheck?.key !== key) {
    const check = checkData(options);
    cache.dataCheck = { key, check };
    check.catch(() => {
      if (cache.dataCheck?.check === check) cache.dataCheck = undefined;
    });
  }
  return cache.dataCheck.check;
}

/** The whole pipeline. Output appears in `<out>/<år>/` only when every stage has succeeded. */
export async function runBuild(options: PipelineOptions): Promise<BuildResult> {
  const outputDir = path.join(options.outDir ?? "out", String(options.rapportar));
  const pdfPath = path.join(outputDir, "rapport.pdf");
  // Before anything is rendered: the output may replace only what report built, and must be writable.
  await checkOutputTarget(options.outDir ?? "out", outputDir, [
    { dir: options.dataDir, what: "datamappen" },
    { dir: options.templateDir ?? DEFAULT_TEMPLATE_DIR, what: "mallarna" },
  ]);
  buildDate(options.rapportar); // a SOURCE_DATE_EPOCH out of range is reported now, not after printing
  // A build killed while it swapped the output is put right (before the up-to-date check reads it).
  await withOutputLock(outputDir, () => recoverInterruptedOutput(outputDir, options.log), {
    signal: options.signal,
    log: options.log,
  }).catch((cause: unknown) => {
    throw asEnvironmentError(cause);
  });
  const inputs = await inputManifest(
    options.dataDir,
    options.templateDir ?? DEFAULT_TEMPLATE_DIR,
    options.rapportar,
    {
      utkast: options.utkast === true,
    },
  );
  if (!options.force && (await isUpToDate(outputDir, inputs))) {
    return { status: "upToDate", diagnostics: [], avstamningar: [], outputDir, pdfPath };
  }
  // The browser starts as soon as the data has passed the checks, and launches while the chapters
  // are rendered (about 0.4 s saved); it is closed on every path that does not print.
  const { printPdf, startBrowser } = await import("../print/pdf.js");
  const cache = options.cache;
  // A warm process (--watch) prints every build with the same browser, started by the first.
  if (cache) await forgetDeadBrowser(cache);
  let starting: ReturnType<typeof startBrowser> | undefined = cache?.browser;
  const closeUnused = () =>
    cache ? undefined : starting?.then((s) => s.browser.close()).catch(() => undefined);
  let rendered: Awaited<ReturnType<typeof renderStage>>;
  try {
    const buildOptions: PipelineOptions = {
      ...options,
      // Vega loads and draws only when the figures (or the tool) changed since a build that stored them.
      chartStore: {
        dir: options.chartCacheDir ?? defaultChartCacheDir(),
        toolKey: chartToolKey(inputs.verktyg.kod),
      },
      dataVersion: inputs.dataVersion,
      afterCheck: () => {
        if (starting) return;
        starting = startBrowser();
        starting.catch(() => undefined); // reported when printing awaits it
        if (cache) cache.browser = starting;
      },
    };
    rendered = await renderStage(
      buildOptions,
      cache &&
        combineChecks(await warmDataCheck(cache, inputs, buildOptions), await checkTemplates(buildOptions)),
    );
  } catch (cause) {
    await closeUnused();
    throw cause;
  }
  const failed = (diagnostics: Diagnostic[]): BuildResult => ({
    status: "failed",
    diagnostics: finish(diagnostics, options.strict),
    avstamningar: rendered.avstamningar,
    ...(rendered.siffror && { siffror: rendered.siffror }),
  });
  if (!("html" in rendered)) {
    await closeUnused();
    return failed(rendered.diagnostics);
  }

  if (options.signal?.aborted) {
    await closeUnused();
    throwIfInterrupted(options.signal);
  }
  options.log("Skriver ut PDF med Chromium …");
  // pdf-lib loads while Chromium lays out the pages, when this process has nothing else to do.
  const postProcessing = import("../print/accessible-pdf.js");
  postProcessing.catch(() => undefined); // reported where it is awaited
  const printed = await timed(options, "print", () =>
    printPdf(rendered.html, rendered.layoutFile, options.signal, starting, cache !== undefined),
  );
  // The browser closes while the PDF is post-processed and written (see PrintResult.closed); the build
  // ends only once it has.
  try {
    options.detail?.(`Webbläsare: ${printed.browser.executablePath} (${printed.browser.source})`);
    const diagnostics = [...rendered.diagnostics, ...printed.diagnostics];
    if (blocks(diagnostics, options.strict)) return failed(diagnostics);

    // What PDF/UA-1 needs beyond Chromium's tags (artifacts, XMP, notes, link texts; see accessible-pdf.ts).
    const date = buildDate(options.rapportar);
    const { describePage, makeAccessible } = await postProcessing;
    const accessible = await makeAccessible(printed.pdf, {
      ...describePage(printed.printCopy),
      tableContinuations: printed.tableContinuations,
      author: "Polismyndigheten",
      creator: `report ${inputs.verktyg.version} (Polismyndighetens lägesrapport om människohandel)`,
      date,
    });
    const files = planBuild(rendered, makeReproducible(accessible, date), inputs);
    throwIfInterrupted(options.signal);
    await timed(options, "write", () =>
      withOutputLock(outputDir, () => writeOutputAtomically(outputDir, files), {
        signal: options.signal,
        log: options.log,
      }),
    );
    for (const name of files.keys()) options.log(`Skrev ${path.join(outputDir, name)}`);
    return {
      status: "built",
      siffror: rendered.siffror,
      avstamningar: rendered.avstamningar,
      diagnostics: finish(diagnostics, options.strict),
      outputDir,
      pdfPath,
      printTimings: printed.timings,
    };
  } finally {
    await printed.closed;
  }
}
