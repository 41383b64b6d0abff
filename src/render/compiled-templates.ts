import Handlebars from "handlebars";

/** The two compiler stages Handlebars.compile runs on a template's first use (public, untyped). */
interface HandlebarsCompilers {
  Compiler: new () => { compile(ast: hbs.AST.Program, options: object): unknown };
  JavaScriptCompiler: new () => {
    compile(environment: unknown, options: object, context: undefined, asObject: true): TemplateSpecification;
  };
}
const compilers = Handlebars as unknown as HandlebarsCompilers;

/** Enough for every template and year text several times over; a warm process that edits more starts over. */
const LIMIT = 500;
const specs = new Map<string, TemplateSpecification>();

/**
 * A template's compiled form, by its source, once per process. Each render has an environment of its
 * own (its footnotes, its charts), so `Handlebars.compile`, which binds a template to one environment,
 * compiled every template again for every render: about a fifth of a warm re-render. The spec is what
 * `compile` builds on first use — the same parser, compilers and options — before it is bound; any
 * environment takes it with `template(spec)`.
 */
export function compiledTemplate(hb: typeof Handlebars, source: string): HandlebarsTemplateDelegate {
  // Compiled on first use, as Handlebars.compile does: an error is thrown where the template is filled in.
  let bound: HandlebarsTemplateDelegate | undefined;
  return (context: unknown, options?: RuntimeOptions) => {
    bound ??= hb.template(templateSpec(source));
    return bound(context, options);
  };
}

function templateSpec(source: string): TemplateSpecification {
  let spec = specs.get(source);
  if (!spec) {
    const options = { data: true };
    const environment = new compilers.Compiler().compile(Handlebars.parse(source), options);
    spec = new compilers.JavaScriptCompiler().compile(environment, options, undefined, true);
    if (specs.size >= LIMIT) specs.clear();
    specs.set(source, spec);
  }
  return spec;
}
