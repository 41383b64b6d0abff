import Handlebars from "handlebars";
import type { AnmaldaBrottFigurer } from "../aggregate/anmalda-brott.js";
import { anmaldaBrottTable } from "./anmalda-brott-table.js";
import { changePhrase } from "./phrases.js";
import { formatChangeCell, formatCount, formatNumber, formatSwedishDate } from "./swedish.js";

/** A template that asks for a value the figures do not have is a bug in the template, not silent blank. */
function requireValue(value: unknown, helper: string): void {
  if (value === undefined)
    throw new Error(`Mallhjälpen "${helper}" fick inget värde (okänt namn i mallen?).`);
}

/**
 * A Handlebars environment of its own (not the global one) with the helpers templates use to print
 * figures. Templates produce Markdown, so nothing is HTML-escaped here; markdown-it renders with raw
 * HTML disabled, so data never reaches the page as markup.
 */
export function createTemplateEnvironment(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper("tal", (n: unknown) => {
    requireValue(n, "tal");
    return typeof n === "number" ? formatNumber(n) : "..";
  });
  hb.registerHelper("antal", (n: unknown) => {
    requireValue(n, "antal");
    return formatCount(typeof n === "number" ? n : null);
  });
  hb.registerHelper("forandringCell", (p: unknown) => formatChangeCell(typeof p === "number" ? p : null));
  hb.registerHelper("ar", (y: unknown) => {
    requireValue(y, "ar");
    return String(y);
  });
  hb.registerHelper("datum", (iso: unknown) => {
    requireValue(iso, "datum");
    return formatSwedishDate(new Date(`${String(iso)}T12:00:00Z`));
  });
  hb.registerHelper(
    "forandring",
    (
      figure: { totalt: number; foregaendeAr: number | null; forandringProcent: number | null },
      year: number,
    ) => {
      requireValue(figure, "forandring");
      return changePhrase(figure.totalt, figure.foregaendeAr, figure.forandringProcent, year);
    },
  );
  hb.registerHelper("anmaldaBrottTabell", (figures: AnmaldaBrottFigurer) => {
    requireValue(figures, "anmaldaBrottTabell");
    return anmaldaBrottTable(figures);
  });
  hb.registerHelper("gemener", (s: unknown) => String(s).toLowerCase());
  hb.registerHelper("versaler", (s: unknown) => String(s).toUpperCase());
  return hb;
}
