import { formatNumber } from "./swedish.js";

/** Options of the running-text rules, with their defaults. */
export interface TextRules {
  /** Counts up to this are written in words in running text (Myndigheternas skrivregler). Default 12. */
  wordsUpTo: number;
  /** Below this earlier figure a change reads "från tre till fem" instead of a percentage. Default 20. */
  smallBase: number;
}

export const DEFAULT_TEXT_RULES: TextRules = { wordsUpTo: 12, smallBase: 20 };

/** A share in running text: "44 procent". */
export function percentInText(p: number): string {
  return `${formatNumber(p)} procent`;
}

/** A difference between two shares: "3 procentenheter" (never "procent"). */
export function percentagePointsInText(d: number): string {
  return `${formatNumber(d)} ${Math.abs(d) === 1 ? "procentenhet" : "procentenheter"}`;
}

/** A share of a whole in whole percent, for "44 procent av …". */
export function shareInPercent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part * 100) / whole);
}

/** A list in running text: "Thailand, Rumänien och Ukraina". */
export function listInText(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items.at(-1)}`;
}
