import { HEADER } from "./temp-data.js";

export const REGIONS = ["Bergslagen", "Mitt", "Nord", "Stockholm", "Syd", "Väst", "Öst"] as const;

/** Counts per code and region (region order as REGIONS). */
export type Counts = Record<string, readonly number[]>;

/** A 2024 table with the old trafficking codes. */
export const COUNTS_2024: Counts = {
  "0418": [1, 0, 1, 2, 2, 0, 1],
  "0419": [2, 3, 6, 30, 20, 15, 9],
  "0470": [0, 0, 0, 1, 0, 0, 0],
  "0473": [0, 0, 0, 0, 1, 1, 0],
  "0478": [0, 0, 1, 4, 2, 1, 0],
  "0479": [1, 2, 5, 10, 15, 8, 3],
  "0494": [2, 6, 10, 40, 15, 15, 3],
  "0610": [8, 3, 7, 25, 20, 18, 9],
  "4024": [35, 28, 40, 800, 340, 120, 70],
  "0609": [12, 3, 6, 80, 45, 25, 10],
};

/** A 2025 table with the new codes, split by sex and age. */
export const COUNTS_2025: Counts = {
  "9512": [1, 0, 0, 1, 1, 0, 0],
  "9513": [0, 0, 1, 0, 0, 0, 0],
  "9514": [2, 3, 7, 33, 25, 18, 10],
  "9515": [0, 0, 0, 2, 1, 1, 0],
  "9517": [0, 0, 0, 1, 0, 0, 0],
  "9523": [0, 0, 0, 1, 0, 0, 0],
  "9533": [0, 0, 1, 2, 0, 0, 0],
  "9534": [0, 1, 2, 3, 4, 2, 1],
  "9542": [0, 0, 0, 1, 1, 0, 0],
  "9550": [1, 1, 2, 4, 6, 3, 1],
  "0494": [3, 7, 12, 44, 18, 16, 4],
  "0610": [9, 2, 8, 27, 22, 17, 8],
  "4024": [38, 31, 41, 850, 360, 130, 72],
  "0609": [14, 2, 7, 85, 47, 28, 11],
};

const total = (counts: readonly number[]) => counts.reduce((a, b) => a + b, 0);

/** The wide table, the code first in each row's text as Brå's lists write it ("0609 Koppleri"). */
export function wideCsv(counts: Counts, groupOf: (code: string) => string): string {
  const lines = [HEADER];
  let group = "";
  for (const [code, values] of Object.entries(counts)) {
    const g = groupOf(code);
    lines.push(`${g === group ? "" : g};;${code} enligt Brås kodlista;${values.join(";")};${total(values)}`);
    group = g;
  }
  return lines.join("\n") + "\n";
}

/** Brå's long export: one row per code and region, zero cells left out, optionally several years. */
export function longCsv(years: Record<number, Counts>, withYear = true): string {
  const lines = [withYear ? "år;brottskod;polisregion;antal" : "brottskod;polisregion;antal"];
  for (const [year, counts] of Object.entries(years)) {
    for (const [code, values] of Object.entries(counts)) {
      let wrote = false;
      values.forEach((n, i) => {
        if (n === 0 && (wrote || i < values.length - 1)) return; // absent means zero; keep the code present
        wrote = true;
        lines.push(`${withYear ? `${year};` : ""}${code};${REGIONS[i]};${n}`);
      });
    }
  }
  return lines.join("\r\n") + "\r\n";
}
