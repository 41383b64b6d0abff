import Handlebars from "handlebars";

/** The two compiler stages Handlebars.compile runs on a template's first use (public, untyped). */
interface HandlebarsCompilers {
  Compiler: new () => { compile(ast: hbs.AST.Program, options: object): unknown };
  JavaScriptCompiler: new () => {
    compile(environment: unknown, options: object, context: undefined, asObject: true): TemplateSpecification;
  };
}
const compilers = Handlebars as unknown as HandlebarsCompilers;

/**
 * How each kind of template is compiled. The options change the code Handlebars generates (`strict`
 * looks names up strictly, `noEscape` leaves `{{x}}` unescaped), so a compiled form is kept per kind.
 */
export const COMPILE_OPTIONS = {
  /** Chapters, partials and year texts (Markdown). */
  kapitel: { data: true },
  /** The HTML page around the chapters: a name the page does not have is an error. */
  layout: { data: true, strict: true },
  /** The stylesheet, which takes the running heads' texts already escaped for CSS. */
  stilmall: { data: true, noEscape: true, strict: true },
} as const satisfies Record<string, CompileOptions>;
export type TemplateKind = keyof typeof COMPILE_OPTIONS;

/** Enough for every template and year text several times over; a warm process that edits more starts over. */
const LIMIT = 500;
const specs = new Map<string, TemplateSpecification>();
const parsed = new Map<string, { ast: hbs.AST.Program } | { error: unknown }>();
const keyOf = (kind: TemplateKind, source: string) => `${kind}\u0000${source}`;

/**
 * A template's syntax tree, parsed once per process for each source. Check, the search for unknown
 * names and every render of a warm process (preview, --watch) ask for the same files again; only a
 * changed file is parsed anew. A syntax error is thrown again each time it is asked for.
 */
export function parsedTemplate(source: string): hbs.AST.Program {
  let entry = parsed.get(source);
  if (!entry) {
    try {
      entry = { ast: Handlebars.parse(source) };
    } catch (error) {
      entry = { error };
    }
    if (parsed.size >= LIMIT) parsed.clear();
    parsed.set(source, entry);
  }
  if ("error" in entry) throw entry.error;
  return entry.ast;
}

/**
 * A template's compiled form, by its source, once per process. Each render has an environment of its
 * own (its footnotes, its charts), so `Handlebars.compile`, which binds a template to one environment,
 * compiled every template again for every render: about a fifth of a warm re-render. The spec is what
 * `compile` builds on first use — the same parser, compilers and options — before it is bound; any
 * environment takes it with `template(spec)`.
 */
export function compiledTemplate(
  hb: typeof Handlebars,
  source: string,
  kind: TemplateKind = "kapitel",
): HandlebarsTemplateDelegate {
  // Compiled on first use, as Handlebars.compile does: an error is thrown where the template is filled in.
  let bound: HandlebarsTemplateDelegate | undefined;
  return (context: unknown, options?: RuntimeOptions) => {
    bound ??= hb.template(templateSpec(source, kind));
    return bound(context, options);
  };
}

function templateSpec(source: string, kind: TemplateKind): TemplateSpecification {
  const key = keyOf(kind, source);
  let spec = specs.get(key);
  if (!spec) {
    const stored = precompiled.get(key);
    if (stored !== undefined) {
      spec = new Function(`return (${stored});`)() as TemplateSpecification;
    } else {
      const options = { ...COMPILE_OPTIONS[kind] };
      // Parsed afresh, not taken from parsedTemplate: the compiler rewrites parts of the tree it is given.
      const environment = new compilers.Compiler().compile(Handlebars.parse(source), options);
      spec = new compilers.JavaScriptCompiler().compile(environment, options, undefined, true);
      compiledAtRunTime++;
    }
    if (specs.size >= LIMIT) specs.clear();
    specs.set(key, spec);
  }
  return spec;
}

/**
 * The shipped templates compiled when the tool is built (`npm run build`, scripts/precompile-templates.mjs),
 * so that a new process (`report check`, a cold build) does not compile them: compiling was about a
 * sixth of `report check`. Each entry is keyed by its kind and its whole source, so a template edited
 * since is simply compiled at run time, as are the year's texts. Valid only for the Handlebars that made it.
 */
export interface PrecompiledTemplates {
  handlebars: string;
  templates: { kind: TemplateKind; source: string; spec: string }[];
}

let precompiled = new Map<string, string>();
let compiledAtRunTime = 0;

/** Precompiles templates with the options their kind is compiled with at run time. */
export function precompileTemplates(
  files: readonly { kind: TemplateKind; source: string }[],
): PrecompiledTemplates {
  const seen = new Set<string>();
  const templates: PrecompiledTemplates["templates"] = [];
  for (const { kind, source } of files) {
    if (seen.has(keyOf(kind, source))) continue;
    seen.add(keyOf(kind, source));
    // A template that does not compile is left to run time, which reports it where it is filled in.
    try {
      templates.push({
        kind,
        source,
        spec: String(Handlebars.precompile(source, { ...COMPILE_OPTIONS[kind] })),
      });
    } catch {
      continue;
    }
  }
  return { handlebars: Handlebars.VERSION, templates };
}

/** Uses precompiled templates from now on; returns how many (none when another Handlebars made them). */
export function usePrecompiledTemplates(store: PrecompiledTemplates): number {
  if (store.handlebars !== Handlebars.VERSION || !Array.isArray(store.templates)) return 0;
  precompiled = new Map(store.templates.map((t) => [keyOf(t.kind, t.source), t.spec]));
  return precompiled.size;
}

/** How many templates this process has compiled itself rather than taken precompiled (tests, benchmark). */
export const runTimeCompilations = (): number => compiledAtRunTime;
