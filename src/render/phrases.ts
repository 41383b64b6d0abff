import { numberInWords } from "./number-words.js";
import { formatNumber } from "./swedish.js";

/** Options of the running-text rules, with their defaults. */
export interface TextRules {
  /** Counts up to this are written in words in running text (Myndigheternas skrivregler). Default 12. */
  wordsUpTo: number;
  /** Below this earlier figure a change reads "från tre till fem" instead of a percentage. Default 20. */
  smallBase: number;
}

export const DEFAULT_TEXT_RULES: TextRules = { wordsUpTo: 12, smallBase: 20 };

/** A count in running text: "nio", "tolv", "13", "1 513". */
export function countInText(n: number, rules: TextRules = DEFAULT_TEXT_RULES, neuter = false): string {
  return n >= 0 && n <= rules.wordsUpTo && Number.isInteger(n) ? numberInWords(n, neuter) : formatNumber(n);
}

/** A share in running text: "44 procent". */
export function percentInText(p: number): string {
  return `${formatNumber(p)} procent`;
}

/** A difference between two shares: "3 procentenheter" (never "procent"). */
export function percentagePointsInText(d: number): string {
  return `${formatNumber(d)} ${Math.abs(d) === 1 ? "procentenhet" : "procentenheter"}`;
}

/**
 * The change between two years in running text: "en ökning med 20 procent jämfört med 2022",
 * "en minskning med 36 procent jämfört med 2022", "oförändrat jämfört med 2022"; on a small base
 * "från tre till fem jämfört med 2022"; where there is no earlier figure, a clause saying so.
 */
export function changePhrase(
  now: number,
  before: number | null,
  percent: number | null,
  year: number,
  rules: TextRules = DEFAULT_TEXT_RULES,
): string {
  if (before === null) return `jämförbar uppgift för ${year} saknas`;
  if (now === before) return `oförändrat jämfört med ${year}`;
  if (before < rules.smallBase || percent === null) {
    // Both figures in words or both in digits: "från tre till fem", "från 14 till 9".
    const words = Math.max(now, before) <= rules.wordsUpTo;
    const show = (n: number) => (words ? countInText(n, rules) : formatNumber(n));
    return `från ${show(before)} år ${year} till ${show(now)}`;
  }
  const direction = now > before ? "en ökning" : "en minskning";
  return `${direction} med ${formatNumber(Math.abs(percent))} procent jämfört med ${year}`;
}

/** A published change without the underlying figures: "en ökning med 38 procent jämfört med 2022". */
export function publishedChangePhrase(percent: number, year: number): string {
  if (percent === 0) return `oförändrat jämfört med ${year}`;
  return `${percent > 0 ? "en ökning" : "en minskning"} med ${formatNumber(Math.abs(percent))} procent jämfört med ${year}`;
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
