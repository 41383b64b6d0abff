import Handlebars from "handlebars";
import type { AnmaldaBrottFigurer } from "../aggregate/anmalda-brott.js";
import { anmaldaBrottTable, comparableGroupsTable } from "./anmalda-brott-table.js";
import type { Chart } from "./charts.js";
import { formatReference, type FootnoteRegistry } from "./footnotes.js";
import { sourceLine } from "./kallrad.js";
import {
  DEFAULT_TEXT_RULES,
  listInText,
  percentagePointsInText,
  shareInPercent,
  type TextRules,
} from "./phrases.js";
import { changeMarker, countMarker, figureMarker, percentMarker } from "./skrivregler.js";
import { markdownText } from "./markdown-text.js";
import { formatChangeCell, formatCount, formatSwedishDate } from "./swedish.js";
import { isMissingFigure, missingMarker, type SaknadUppgift } from "./missing-figures.js";
import { describeValue, locatedHelper } from "./template-errors.js";

export interface TemplateEnvironmentOptions {
  footnotes?: FootnoteRegistry;
  charts?: ReadonlyMap<string, Chart>;
  rules?: TextRules;
  /**
   * Templates write Markdown: a value from data (`{{x}}`, or a helper's text made of data) is escaped
   * for Markdown so that it stays text. Default false (the HTML layout escapes for HTML instead).
   */
  markdown?: boolean;
}

/** A template that asks for a value the figures do not have is a bug in the template, not a blank. */
function number(value: unknown, helper: string): number {
  if (typeof value !== "number") {
    throw new Error(
      `Mallhjälpen "${helper}" väntade ett tal men fick ${describeValue(value)}${value === undefined ? " (okänt namn i mallen?)" : ""}.`,
    );
  }
  return value;
}

interface ChangeFigure {
  totalt: number;
  foregaendeAr: number | null;
  forandringProcent: number | null;
  publiceradForandringProcent?: number | null;
  publiceradJamfortMed?: number | null;
}

/**
 * A Handlebars environment of its own (not the global one) with the helpers templates use to print
 * figures and Swedish running text. Templates produce Markdown, so nothing is HTML-escaped here;
 * markdown-it renders with raw HTML disabled, so data never reaches the page as markup.
 *
 * The counting helpers leave a marker that `applyWritingRules` (skrivregler.ts) resolves once the
 * whole sentence is known: words or digits, "en" or "ett", a rephrased opening, the verb of a change.
 *
 * Helpers (each documented in README's template section):
 *   tal n            digits, Swedish grouping: 1 513; large round numbers "8 miljoner"
 *   antal n          running text: words up to twelve ("nio", "ett brott"), digits above ("1 513"),
 *                    digits for all if one needs them; at a sentence's start the sentence is rephrased
 *   Antal n          the same as antal (kept for templates that mark the start of a sentence)
 *   antalEtt n       as antal, neuter where no noun follows ("… och ett om tiggeri")
 *   procent p        "44 procent";  procentenheter d  "3 procentenheter"
 *   andel del helhet "44 procent" (del av helhet); on a base under 20 "3 av 14"
 *   forandring f år  "en ökning med 20 procent jämfört med 2022" / "en fördubbling" / "från tre till
 *                    fem"; after "ökade" the verb follows the direction ("minskade med 36 procent")
 *   lista xs         "Thailand, Rumänien och Ukraina"
 *   datum iso        "15 december 2024";  ar y  "2023"
 *   fotnot id        a footnote citing a source in data/kallor.csv; `sida=334` or `plats="5 kap. 15 §"`
 *                    adds where in the source (no place by default)
 *   diagram id       a chart drawn from the data, with caption and text alternative
 *   tabell text      a table caption, numbered through the report: "Tabell 2. …"
 *   kallrad rows     the *Källa:* line under a table or chart, from the data's citations (a series or
 *                    one source id); `fotnot=false` names the publishers without footnotes (default true)
 */
export function createTemplateEnvironment(options: TemplateEnvironmentOptions = {}): typeof Handlebars {
  const hb = Handlebars.create();
  const rules = options.rules ?? DEFAULT_TEXT_RULES;
  const text = options.markdown ? markdownText : (s: string) => s;
  hb.registerHelper("tal", (n: unknown) => figureMarker(number(n, "tal")));
  hb.registerHelper("antal", (n: unknown) => countMarker(number(n, "antal")));
  hb.registerHelper("antalEtt", (n: unknown) => countMarker(number(n, "antalEtt"), "neutrum"));
  hb.registerHelper("Antal", (n: unknown) => countMarker(number(n, "Antal")));
  hb.registerHelper("cell", (n: unknown) => formatCount(typeof n === "number" ? n : null));
  hb.registerHelper("forandringCell", (p: unknown) => formatChangeCell(typeof p === "number" ? p : null));
  hb.registerHelper("procent", (p: unknown) => percentMarker(number(p, "procent")));
  hb.registerHelper("procentenheter", (d: unknown) => percentagePointsInText(number(d, "procentenheter")));
  hb.registerHelper("andel", (part: unknown, whole: unknown) => {
    const [p, w] = [number(part, "andel"), number(whole, "andel")];
    // A percentage of a handful says little: on a small base give the counts.
    if (w > 0 && w < rules.smallBase) return `${countMarker(p)} av ${countMarker(w)}`;
    const share = shareInPercent(p, w);
    return share === null ? "(andel kan inte beräknas)" : percentMarker(share);
  });
  hb.registerHelper("ar", (y: unknown) => String(number(y, "ar")));
  hb.registerHelper("datum", (iso: unknown) => {
    if (typeof iso !== "string") throw new Error('Mallhjälpen "datum" väntade ett datum som "2024-12-15".');
    return formatSwedishDate(new Date(`${iso}T12:00:00Z`));
  });
  hb.registerHelper("forandring", (figure: ChangeFigure, year: unknown) => {
    if (!figure || typeof figure.totalt !== "number")
      throw new Error('Mallhjälpen "forandring" fick ingen siffra.');
    const y = number(year, "forandring");
    if (figure.foregaendeAr === null && typeof figure.publiceradForandringProcent === "number") {
      // A change Brå published without its base: the source is the template's footnote, not a
      // repeated "enligt Brå".
      return changeMarker({
        now: figure.totalt,
        before: null,
        percent: figure.publiceradForandringProcent,
        year: figure.publiceradJamfortMed ?? y,
      });
    }
    return changeMarker({
      now: figure.totalt,
      before: figure.foregaendeAr,
      percent: figure.forandringProcent,
      year: y,
    });
  });
  hb.registerHelper("harForandring", (figure: ChangeFigure | undefined) =>
    Boolean(
      figure && (figure.foregaendeAr !== null || typeof figure.publiceradForandringProcent === "number"),
    ),
  );
  hb.registerHelper("lista", (items: unknown) => {
    if (!Array.isArray(items)) throw new Error('Mallhjälpen "lista" väntade en lista.');
    return listInText(items.map((item) => text(String(item))));
  });
  hb.registerHelper("anmaldaBrottTabell", (figures: AnmaldaBrottFigurer) => {
    if (!figures) throw new Error('Mallhjälpen "anmaldaBrottTabell" fick inga siffror.');
    return anmaldaBrottTable(figures);
  });
  hb.registerHelper("jamforbaraGrupperTabell", (figures: AnmaldaBrottFigurer) => {
    if (!figures) throw new Error('Mallhjälpen "jamforbaraGrupperTabell" fick inga siffror.');
    return comparableGroupsTable(figures);
  });
  hb.registerHelper("fotnot", (id: unknown, call: { hash?: { sida?: unknown; plats?: unknown } }) => {
    // `null` is a figure without a published source to cite (e.g. a change computed here), and
    // unknown name in the template (`undefined`) is an error.
    // `""` is a series year without figures, which cites nothing.
    if (id === null || id === "") return "";
    if (typeof id !== "string")
      throw new Error('Mallhjälpen "fotnot" väntade ett käll-id ur data/kallor.csv.');
    if (!options.footnotes) return "";
    return options.footnotes.cite(String(id), citedPlace(call?.hash));
  });
  hb.registerHelper("diagram", (id: unknown) => {
    const chart = options.charts?.get(String(id));
    if (!chart) return "";
    // The image's alt text is the chart's text alternative; `diagram:` is resolved when rendering HTML.
    return `![${chart.alt.replace(/[[\]]/g, "")}](diagram:${chart.id} "${chart.caption.replace(/"/g, "'")}")`;
  });
  let tableNumber = 0;
  hb.registerHelper("tabell", (caption: unknown) => {
    tableNumber++;
    return `Tabell ${tableNumber}. ${text(String(caption))}`;
  });
  hb.registerHelper("kallrad", (rows: unknown, call: { hash?: { fotnot?: boolean } }) => {
    const registry = options.footnotes;
    if (rows === undefined || rows === null) return "";
    if (typeof rows !== "string" && !Array.isArray(rows))
      throw new Error('Mallhjälpen "kallrad" väntade en tidsserie eller ett käll-id.');
    if (!registry) return "";
    return sourceLine(
      rows as Parameters<typeof sourceLine>[0],
      (id) => registry.source(id),
      call.hash?.fotnot === false ? undefined : (id) => registry.cite(id),
    );
  });
  hb.registerHelper("referens", (kalla: Parameters<typeof formatReference>[0]) => formatReference(kalla));
  hb.registerHelper("gemener", (s: unknown) => text(String(s).toLowerCase()));
  hb.registerHelper("versaler", (s: unknown) => text(String(s).toUpperCase()));
  hb.registerHelper("concat", (...args: unknown[]) => text(args.slice(0, -1).map(String).join("")));
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  hb.registerHelper(
    "gt",
    (a: unknown, b: unknown) => typeof a === "number" && typeof b === "number" && a > b,
  );
  // Whether any argument holds, as `#if` judges it (0 and an empty list do not): `(or list.length (gt a b))`.
  hb.registerHelper("or", (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  // A key figure marked `..` reaches a figure helper as a SaknadUppgift (also inside a comparison);
  // the helper leaves a marker and the sentence around it is reworded (missing-figures.ts).
  const missingIn = (value: unknown): SaknadUppgift | undefined => {
    if (isMissingFigure(value)) return value;
    if (value && typeof value === "object") {
      const figure = value as Partial<Record<"totalt" | "foregaendeAr", unknown>>;
      return [figure.totalt, figure.foregaendeAr].find(isMissingFigure);
    }
    return undefined;
  };
  for (const name of [
    "tal",
    "antal",
    "antalEtt",
    "Antal",
    "procent",
    "procentenheter",
    "andel",
    "lista",
    "forandring",
  ]) {
    const helper = hb.helpers[name] as (...args: unknown[]) => unknown;
    hb.registerHelper(name, (...args: unknown[]) => {
      const missing = args
        .slice(0, -1)
        .map(missingIn)
        .find((m) => m !== undefined);
      return missing ? missingMarker(missing) : helper(...args);
    });
  }
  const cell = hb.helpers.cell as (...args: unknown[]) => unknown;
  hb.registerHelper("cell", (...args: unknown[]) => (isMissingFigure(args[0]) ? ".." : cell(...args)));
  for (const name of OWN_HELPERS) {
    const helper = hb.helpers[name]!;
    // Each helper escapes the data in its own text, so its result goes into the Markdown as it is.
    const raw: Handlebars.HelperDelegate = options.markdown
      ? function (this: unknown, ...args: unknown[]) {
          const result: unknown = (helper as (...a: unknown[]) => unknown).apply(this, args);
          return typeof result === "string" ? new hb.SafeString(result) : result;
        }
      : helper;
    hb.registerHelper(name, locatedHelper(name, raw));
  }
  if (options.markdown) escapeForMarkdown(hb);
  return hb;
}

/**
 * Where in a source a footnote points: `sida=334` (or `sida="334–336"`) is a page, `plats="5 kap. 15 §"`
 * any other place (a section of a law, a chapter). One source cited at several pages stays one entry
 * in the list of sources.
 */
function citedPlace(hash: { sida?: unknown; plats?: unknown } | undefined): string | undefined {
  const { sida, plats } = hash ?? {};
  if (sida !== undefined && plats !== undefined)
    throw new Error('Mallhjälpen "fotnot" tar sida eller plats, inte båda.');
  if (sida !== undefined) {
    if ((typeof sida !== "number" && typeof sida !== "string") || String(sida).trim() === "")
      throw new Error('Mallhjälpen "fotnot" väntade ett sidnummer i sida, som sida=334.');
    return `s. ${String(sida).trim()}`;
  }
  if (plats !== undefined) {
    if (typeof plats !== "string" || plats.trim() === "")
      throw new Error('Mallhjälpen "fotnot" väntade en text i plats, som plats="5 kap. 15 §".');
    return plats.trim();
  }
  return undefined;
}

/** The helpers registered above (Handlebars' own, like `if` and `each`, are left as they are). */
const OWN_HELPERS = [
  "kallrad",
  "tal",
  "antal",
  "antalEtt",
  "Antal",
  "cell",
  "forandringCell",
  "procent",
  "procentenheter",
  "andel",
  "ar",
  "datum",
  "forandring",
  "harForandring",
  "lista",
  "anmaldaBrottTabell",
  "jamforbaraGrupperTabell",
  "fotnot",
  "diagram",
  "tabell",
  "referens",
  "gemener",
  "versaler",
  "concat",
  "eq",
  "gt",
  "or",
] as const;

/**
 * Makes `{{value}}` escape for Markdown instead of HTML in every template this environment compiles
 * (chapters, partials, year texts). Handlebars has no per-environment setting for this; its compiled
 * templates call `container.escapeExpression`, which is set here as each template starts.
 */
function escapeForMarkdown(hb: typeof Handlebars): void {
  const template = hb.template.bind(hb);
  const escape = (value: unknown) =>
    value !== null && typeof value === "object" && "toHTML" in value
      ? (value as { toHTML: () => string }).toHTML()
      : value === undefined || value === null
        ? ""
        : markdownText(String(value));
  hb.template = ((shared: Record<string, unknown>) => {
    // A copy: compiled specs are shared between renders (compiled-templates.ts) and stay as compiled.
    const spec = { ...shared };
    for (const [key, part] of Object.entries(shared)) {
      if (typeof part !== "function" || !/^(main|\d+)$/.test(key)) continue;
      spec[key] = function (this: unknown, container: { escapeExpression: unknown }, ...rest: unknown[]) {
        container.escapeExpression = escape;
        return (part as (...a: unknown[]) => unknown).call(this, container, ...rest);
      };
    }
    return template(spec as unknown as Parameters<typeof hb.template>[0]);
  }) as typeof hb.template;
}
