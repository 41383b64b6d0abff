/**
 * Rules of the report's calendar and of the code catalog, stated once.
 */
import type { Brottskod } from "./types.js";

/**
 * The last day the report for `rapportar` is due: 15 December of the report year (14 §
 * förordningen (2022:1718) med instruktion för Polismyndigheten), as an ISO date.
 */
export const redovisningsdag = (rapportar: number): string => `${rapportar}-12-15`;

/** Whether a crime code is valid in a statistics year (`första_år`/`sista_år` in brottskoder.csv). */
export const isValidIn = (code: Pick<Brottskod, "forstaAr" | "sistaAr">, statistikar: number): boolean =>
  (code.forstaAr === null || code.forstaAr <= statistikar) &&
  (code.sistaAr === null || code.sistaAr >= statistikar);
