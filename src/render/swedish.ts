import { format as formatDate } from "date-fns";
// Only the Swedish locale: "date-fns/locale" would load every language on each start.
import { sv } from "date-fns/locale/sv";

/**
 * Figures as Swedish official text writes them (Myndigheternas skrivregler): thousands grouped by a
 * no-break space (`1 513`), decimal comma, a true minus sign. Years are not numbers in this sense and
 * are printed as they are (`2023`).
 */
const numberFormat = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

export const NBSP = "\u00a0";

export function formatNumber(n: number): string {
  return numberFormat.format(n).replace(/\u202f/g, NBSP);
}

/** A count in a table: digits, `..` where missing. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? ".." : formatNumber(n);
}

/** A change in a table: signed whole percent with `%` after a no-break space; `..` where none. */
export function formatChangeCell(percent: number | null): string {
  if (percent === null) return "..";
  const sign = percent > 0 ? "+" : "";
  return `${sign}${formatNumber(percent)}${NBSP}%`;
}

/** "15 december 2024", with a no-break space that keeps the day with its month on one line. */
export function formatSwedishDate(date: Date): string {
  return formatDate(date, `d'${NBSP}'MMMM yyyy`, { locale: sv });
}
