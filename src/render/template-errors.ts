/**
 * Errors in templates and year texts, told where they are: the file the mistake is in (a year text,
 * not the chapter that includes it), its line and column, and for a misspelt name the names that do
 * exist there. Year texts are the rapporteur's data, so their mistakes must be findable without
 * knowing how the chapters are put together.
 */
import Handlebars from "handlebars";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { TemplateFile } from "../model/templates.js";
import { parsedTemplate } from "./compiled-templates.js";

type Node = hbs.AST.Node;
type Program = hbs.AST.Program;
type PathExpression = hbs.AST.PathExpression;

/** A failure inside one template file, with the place in that file (1-based line and column). */
export class TemplateFailure extends Error {
  override name = "TemplateFailure";
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

export const templateDiagnostic = (failure: TemplateFailure): Diagnostic => ({
  code: "E_MALLFEL",
  severity: "fel",
  file: failure.file,
  ...(failure.line !== undefined && { line: failure.line }),
  ...(failure.column !== undefined && { column: failure.column }),
  message: failure.message,
});

/** Handlebars' own words for the token it expected, in the rapporteur's terms. */
function explainParseError(detail: string): string {
  if (/got 'EOF'/.test(detail) && /ENDBLOCK/.test(detail))
    return "ett block ({{#…}}) stängs aldrig; {{/…}} saknas.";
  if (/got 'OPEN_ENDBLOCK'/.test(detail)) return "{{/…}} stänger ett block som aldrig öppnades.";
  if (/doesn't match/.test(detail)) {
    const [, open, close] = /(\S+) doesn't match (\S+)/.exec(detail) ?? [];
    return `blocket {{#${open}}} stängs med {{/${close}}}.`;
  }
  if (/got 'CLOSE'|got 'INVALID'|got 'CLOSE_UNESCAPED'/.test(detail))
    return "ett uttryck inom {{ }} är ofullständigt eller stängs inte.";
  return "mallens syntax är felaktig.";
}

/** Parses a template; a syntax error is a diagnostic on that file with line and column. */
export function parseTemplate(template: TemplateFile): { ast?: Program; diagnostic?: Diagnostic } {
  try {
    return { ast: parsedTemplate(template.source) };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const lines = message.split("\n");
    const line = Number(/line (\d+)/.exec(lines[0]!)?.[1] ?? (cause as { lineNumber?: number }).lineNumber);
    // Parse errors point with a caret under an excerpt; the excerpt may start with "...".
    const caret = lines.find((l) => /^-*\^$/.test(l));
    const excerpt = caret ? lines[lines.indexOf(caret) - 1] : undefined;
    const column =
      caret && excerpt && !excerpt.startsWith("...")
        ? caret.length
        : (cause as { column?: number }).column !== undefined
          ? (cause as { column: number }).column + 1
          : undefined;
    const failure = new TemplateFailure(
      template.file,
      `Mallen kan inte tolkas: ${explainParseError(message)}`,
      Number.isFinite(line) ? line : undefined,
      column,
    );
    return { diagnostic: templateDiagnostic(failure) };
  }
}

/** Levenshtein distance, case-insensitive: how far a misspelt name is from one that exists. */
function distance(a: string, b: string): number {
  const [s, t] = [a.toLowerCase(), b.toLowerCase()];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++)
      row[j] = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1),
      );
    previous = row;
  }
  return previous[t.length]!;
}

/** The names that exist, nearest to the unknown one first; at most `limit`. */
export function nearestNames(unknown: string, known: readonly string[], limit = 8): string[] {
  return [...known]
    .map((name) => ({ name, d: distance(unknown, name) }))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name, "sv"))
    .slice(0, limit)
    .map((n) => n.name);
}

/** Scope values: what a name inside a block refers to. `UNKNOWN` where the data cannot tell. */
const UNKNOWN = Symbol("unknown scope");
type Scope = unknown;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const hasName = (v: Record<string, unknown>, name: string) =>
  Object.hasOwn(v, name) || (Array.isArray(v) && name === "length");

/** The value a block's body sees: the first element for `each`, the value itself for `with`. */
function innerScope(helper: string, value: unknown): Scope {
  if (helper === "with") return isObject(value) ? value : UNKNOWN;
  if (helper === "each") {
    const items = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
    return items.length > 0 && isObject(items[0]) ? items[0] : UNKNOWN;
  }
  return undefined;
}

/**
 * Names a template uses that the figures do not have (`{{regionkoordinatorer.identiferade}}`), each an
 * error with line, column and the names that exist at that point. A value that is present but empty
 * (`null`: a dataset missing this year) is not an unknown name, and nothing below it is checked.
 * Helpers' names, `@data` variables and block parameters are not looked up.
 */
export function unknownNames(
  template: TemplateFile,
  ast: Program,
  context: object,
  helpers: ReadonlySet<string>,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const scopes: Scope[] = [context];
  const blockParams: string[][] = [];

  /** `condition`: the test of an `if`/`unless`, where an absent last name is false, as Handlebars has it. */
  const resolve = (path: PathExpression, condition = false): { value: unknown; ok: boolean } => {
    if (path.data) {
      if (path.parts[0] !== "root") return { value: UNKNOWN, ok: true };
      return walk(path, context, path.parts.slice(1), condition);
    }
    if (blockParams.some((ps) => ps.includes(path.parts[0]!))) return { value: UNKNOWN, ok: true };
    const scope = scopes[scopes.length - 1 - path.depth];
    return walk(path, scope, path.parts, condition);
  };

  const walk = (path: PathExpression, start: Scope, parts: readonly string[], condition: boolean) => {
    let value: unknown = start;
    for (const [i, part] of parts.entries()) {
      if (value === UNKNOWN || value === null || value === undefined) return { value: UNKNOWN, ok: true };
      if (!isObject(value)) return { value: UNKNOWN, ok: true };
      if (!hasName(value, part) && condition && i === parts.length - 1) return { value: undefined, ok: true };
      if (!hasName(value, part)) {
        const where = parts.slice(0, i).join(".");
        const known = Object.keys(value);
        const nearest = nearestNames(part, known);
        const more = known.length - nearest.length;
        const list = `${nearest.join(", ")}${more > 0 ? ` och ${more} till` : ""}`;
        found.push(
          templateDiagnostic(
            new TemplateFailure(
              template.file,
              `Okänt namn "${path.original}": ${where === "" ? "det finns inget" : `${where} har inget`} "${part}".` +
                (known.length > 0 ? ` Namnen som finns${where === "" ? "" : ` i ${where}`}: ${list}.` : ""),
              path.loc.start.line,
              path.loc.start.column + 1,
            ),
          ),
        );
        return { value: UNKNOWN, ok: false };
      }
      value = value[part];
    }
    return { value, ok: true };
  };

  const isHelperCall = (path: Node, params: readonly unknown[], hash: unknown) => {
    if (path.type !== "PathExpression") return false;
    const name = (path as PathExpression).original;
    if (helpers.has(name)) return true;
    if (params.length === 0 && hash === undefined) return false;
    // Called with arguments, so meant as a helper: one that does not exist.
    const nearest = nearestNames(name, [...helpers], 5);
    found.push(
      templateDiagnostic(
        new TemplateFailure(
          template.file,
          `Okänd mallhjälp "${name}". Närmast bland dem som finns: ${nearest.join(", ")}.`,
          path.loc.start.line,
          path.loc.start.column + 1,
        ),
      ),
    );
    return true;
  };

  const visitExpression = (node: Node | undefined) => {
    if (!node) return;
    if (node.type === "PathExpression") resolve(node as PathExpression);
    else if (node.type === "SubExpression") {
      const sub = node as hbs.AST.SubExpression;
      if (!isHelperCall(sub.path, sub.params, sub.hash)) visitExpression(sub.path);
      sub.params.forEach(visitExpression);
      sub.hash?.pairs.forEach((p) => visitExpression(p.value));
    }
  };

  const visit = (node: Node) => {
    switch (node.type) {
      case "Program":
        (node as Program).body.forEach(visit);
        break;
      case "MustacheStatement": {
        const m = node as hbs.AST.MustacheStatement;
        if (!isHelperCall(m.path, m.params, m.hash)) visitExpression(m.path);
        m.params.forEach(visitExpression);
        m.hash?.pairs.forEach((p) => visitExpression(p.value));
        break;
      }
      case "BlockStatement": {
        const b = node as hbs.AST.BlockStatement;
        const helper = (b.path as PathExpression).original;
        const [first, ...rest] = b.params;
        const test = helper === "if" || helper === "unless";
        const subject =
          first?.type === "PathExpression" ? resolve(first as PathExpression, test).value : UNKNOWN;
        if (first?.type !== "PathExpression") visitExpression(first);
        rest.forEach(visitExpression);
        b.hash?.pairs.forEach((p) => visitExpression(p.value));
        // Like Handlebars, only the branch this year's figures take is filled in, and checked.
        const truthy =
          subject === UNKNOWN || !test
            ? undefined
            : Array.isArray(subject)
              ? subject.length > 0
              : Boolean(subject) || subject === 0;
        const takesBody = truthy === undefined || truthy === (helper === "if");
        const takesInverse = truthy === undefined || truthy !== (helper === "if");
        const inner = innerScope(helper, subject);
        const params = b.program?.blockParams ?? [];
        if (inner !== undefined) scopes.push(inner);
        blockParams.push(params);
        if (b.program && takesBody) visit(b.program);
        blockParams.pop();
        if (inner !== undefined) scopes.pop();
        if (b.inverse && takesInverse) visit(b.inverse);
        break;
      }
      case "PartialStatement": {
        const p = node as hbs.AST.PartialStatement;
        p.params.forEach(visitExpression);
        break;
      }
      default:
        break;
    }
  };
  visit(ast);
  return found;
}

/** A value as an error message may quote it: short, one line, never a whole data structure. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "inget värde";
  if (isObject(value) && "hash" in value && "data" in value) return "inget argument";
  const text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Wraps a helper so that its failure names the place it was called from. The last argument
 * Handlebars passes a helper carries the call's location in the template being filled in.
 */
export function locatedHelper(name: string, helper: Handlebars.HelperDelegate): Handlebars.HelperDelegate {
  return function (this: unknown, ...args: unknown[]) {
    try {
      return (helper as (...a: unknown[]) => unknown).apply(this, args);
    } catch (cause) {
      if (cause instanceof TemplateFailure) throw cause;
      const loc = (args[args.length - 1] as { loc?: hbs.AST.SourceLocation } | undefined)?.loc;
      const message = cause instanceof Error ? cause.message : String(cause);
      // The file is filled in by whoever knows which template was being filled in (see inFile).
      throw new TemplateFailure(
        "",
        message.includes(`"${name}"`) ? message : `Mallhjälpen "${name}": ${message}`,
        loc?.start.line,
        loc === undefined ? undefined : loc.start.column + 1,
      );
    }
  };
}

/**
 * A failure while filling in `file`, as a TemplateFailure on that file. One that already names a file
 * (from a year text the template included) keeps it.
 */
export function inFile(file: string, cause: unknown): TemplateFailure {
  if (cause instanceof TemplateFailure)
    return cause.file === "" ? new TemplateFailure(file, cause.message, cause.line, cause.column) : cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  const located = /^(.*) - (\d+):(\d+)$/s.exec(message.split("\n")[0]!);
  return located
    ? new TemplateFailure(
        file,
        `Mallen kan inte fyllas i: ${located[1]}`,
        Number(located[2]),
        Number(located[3]) + 1,
      )
    : new TemplateFailure(file, `Mallen kan inte fyllas i: ${message.split("\n")[0]}`);
}
