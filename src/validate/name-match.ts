/**
 * Matches offence names in pasted tables to the catalog's official names. Real tables differ in
 * punctuation and in small additions ("Koppleri inkl. grovt" for "Koppleri, inkl. grovt";
 * "Utnyttjande av barn under 18 år genom köp …" for "Utnyttjande av barn genom köp …"), so names are
 * compared as sets of words rather than as strings.
 */

export function nameTokens(name: string): string[] {
  return name
    .normalize("NFC")
    .toLowerCase()
    .replace(/\u00ad/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== "");
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n;
}

export interface NamedEntry {
  name: string;
}

export type NameMatch<T> =
  | { kind: "exact"; entry: T }
  | { kind: "close"; entry: T }
  | { kind: "ambiguous"; candidates: T[] }
  | { kind: "none"; closest: T[] };

/** Share of the larger name's words found in the other: 1 for identical word sets. */
function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = overlap(a, b);
  return shared / (a.size + b.size - shared);
}

/**
 * The catalog's names as words, split once per catalog: a table of 150 000 rows matches each row
 * against the same few dozen names.
 */
const catalogWords = new WeakMap<readonly NamedEntry[], { key: string; set: Set<string> }[]>();
function entryWords(entries: readonly NamedEntry[]): { key: string; set: Set<string> }[] {
  let words = catalogWords.get(entries);
  if (!words) {
    words = entries.map((e) => {
      const tokens = nameTokens(e.name);
      return { key: tokens.join(" "), set: new Set(tokens) };
    });
    catalogWords.set(entries, words);
  }
  return words;
}

/**
 * Finds the entry a name stands for. Identical word sequences match exactly. Otherwise the words of
 * one name must all occur in the other and make up at least 60 % of it, and one entry must fit
 * strictly better than every other; anything else is reported with the closest names.
 */
export function matchName<T extends NamedEntry>(name: string, entries: readonly T[]): NameMatch<T> {
  const tokens = nameTokens(name);
  const key = tokens.join(" ");
  const words = entryWords(entries);
  const exact = entries.filter((_, i) => words[i]!.key === key);
  if (exact.length === 1) return { kind: "exact", entry: exact[0]! };
  if (exact.length > 1) return { kind: "ambiguous", candidates: exact };

  const set = new Set(tokens);
  const scored = entries.map((entry, i) => {
    const other = words[i]!.set;
    const contained = overlap(set, other) === Math.min(set.size, other.size);
    return { entry, score: jaccard(set, other), contained };
  });
  const fitting = scored.filter((s) => s.contained && s.score >= 0.6).sort((a, b) => b.score - a.score);
  if (fitting.length === 1 || (fitting.length > 1 && fitting[0]!.score > fitting[1]!.score)) {
    return { kind: "close", entry: fitting[0]!.entry };
  }
  if (fitting.length > 1) {
    return {
      kind: "ambiguous",
      candidates: fitting.filter((f) => f.score === fitting[0]!.score).map((f) => f.entry),
    };
  }
  const closest = scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((s) => s.entry);
  return { kind: "none", closest };
}
