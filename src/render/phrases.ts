import { formatNumber } from "./swedish.js";

/**
 * The change between two years in running text: "en ökning med 20 procent jämfört med 2022",
 * "en minskning med 36 procent jämfört med 2022", "oförändrat jämfört med 2022", and where there is
 * no earlier figure, a clause saying that no comparison is available.
 */
export function changePhrase(
  now: number,
  before: number | null,
  percent: number | null,
  year: number,
): string {
  if (before === null) return `jämförbar uppgift för ${year} saknas`;
  if (now === before) return `oförändrat jämfört med ${year}`;
  if (percent === null) return `från ${formatNumber(before)} år ${year}`;
  const direction = now > before ? "en ökning" : "en minskning";
  return `${direction} med ${formatNumber(Math.abs(percent))} procent jämfört med ${year}`;
}
