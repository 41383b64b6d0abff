import type { Kalla } from "../model/types.js";
import { markdownText } from "./markdown-text.js";
import { listInText } from "./phrases.js";

/** A row that names its source: one year of a series (`{ ar, kalla }`). */
interface CitingRow {
  ar: number;
  kalla: string | null;
}

/** "2016–2017", "2019", "2021–2023": consecutive years as one range. */
function yearRanges(years: readonly number[]): string[] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const ranges: string[] = [];
  let start = sorted[0];
  for (let i = 0; i < sorted.length; i++) {
    const year = sorted[i]!;
    const next = sorted[i + 1];
    if (next === year + 1) continue;
    ranges.push(start === year ? String(year) : `${start}–${year}`);
    start = next;
  }
  return ranges;
}

/**
 * The *Källa:* line under a table or chart, built from the citations in the data, never typed in a
 * template: one publisher after another, each with the years its publications cover and, where
 * `cite` is given, one footnote per publication, so that a source several rows share is cited once.
 *
 *   Källa: Jämställdhetsmyndigheten, 2018[^9] och 2021–2023[^11]; Migrationsverket, 2017[^3].
 *
 * `rows` is a series (each year with its source) or a single source id for a whole table.
 * Years without a source (a missing year, `..`) are left out; with no source at all the line is empty.
 */
export function sourceLine(
  rows: readonly CitingRow[] | string,
  lookUp: (id: string) => Kalla | undefined,
  cite?: (id: string) => string,
): string {
  const citing = typeof rows === "string" ? [{ ar: Number.NaN, kalla: rows }] : rows;
  const yearsBySource = new Map<string, number[]>();
  for (const row of citing) {
    if (!row.kalla) continue;
    yearsBySource.set(row.kalla, [...(yearsBySource.get(row.kalla) ?? []), row.ar]);
  }
  if (yearsBySource.size === 0) return "";
  const byPublisher = new Map<string, { id: string; years: number[] }[]>();
  for (const [id, years] of yearsBySource) {
    const kalla = lookUp(id);
    if (!kalla) throw new Error(`källan "${id}" finns inte i data/kallor.csv`);
    const utgivare = markdownText(kalla.utgivare);
    byPublisher.set(utgivare, [...(byPublisher.get(utgivare) ?? []), { id, years }]);
  }
  // Footnotes are numbered in reading order, so each is cited where it is written.
  const publishers = [...byPublisher].map(([utgivare, sources]) => {
    const spans = sources.map(({ id, years }) => {
      const span = years.some(Number.isNaN) ? "" : listInText(yearRanges(years));
      return `${span}${cite ? cite(id) : ""}`;
    });
    const named = spans.filter((p) => p !== "");
    if (named.length === 0) return utgivare;
    // A single source for a whole table: the footnote follows the publisher's name.
    if (named.every((p) => p.startsWith("[^"))) return `${utgivare}${named.join("")}`;
    return `${utgivare}, ${listInText(named)}`;
  });
  const text = publishers.join("; ");
  // The footnote of the last publication goes after the full stop, like every other footnote mark.
  const trailing = /((?:\[\^\d+\])+)$/.exec(text);
  return trailing ? `*Källa:* ${text.slice(0, -trailing[1]!.length)}.${trailing[1]}` : `*Källa:* ${text}.`;
}
