/**
 * Key figures the rapporteur marked `..` (not yet known). `siffror.json` holds them as `null` and lists
 * them under `saknas`; the templates see a `SaknadUppgift` in their place, which every figure helper
 * turns into a marker. No helper can word a sentence around a figure it does not have ("uppgift saknas
 * ökade …", "erbjöds uppgift saknas nya personer"), so this pass, run on each filled chapter before the
 * writing rules, replaces each sentence that holds a marker by one that says what is missing, keeping
 * the sentence's footnote calls so that the numbering stays whole. In a table cell the marker is `..`.
 */

const OPEN = "\uE002";
const CLOSE = "\uE003";
const MARKER = /\uE002([^\uE003]*)\uE003/g;

/** A key figure marked `..`, as the templates see it; `beskrivning` is its source's ("Migrationsverket"). */
export class SaknadUppgift {
  constructor(readonly beskrivning: string) {}
  /** What a template that prints the value directly shows. */
  toString(): string {
    return "uppgift saknas";
  }
}

export const isMissingFigure = (value: unknown): value is SaknadUppgift => value instanceof SaknadUppgift;

/** The marker a figure helper leaves for a missing figure. */
export const missingMarker = (figure: SaknadUppgift): string => `${OPEN}${figure.beskrivning}${CLOSE}`;

/** The sentence that stands where one depending on missing figures would have: "Uppgift saknas …". */
export function missingSentence(sources: readonly string[], statistikar: number): string {
  const unique = [...new Set(sources)];
  const named = unique.length === 1 ? unique[0]! : `${unique.slice(0, -1).join(", ")} och ${unique.at(-1)!}`;
  return `Uppgift saknas för ${statistikar} från ${named}.`;
}

// A sentence ends at . ! or ? (with any footnote calls after it) before a space and an upper-case
// letter, a digit or a marker; abbreviations in the templates ("bl.a.") are followed by lower case.
const SENTENCE_END = /(?<=[.!?](?:\[\^[^\]]+\])*)\s+(?=[\p{Lu}\d\uE000\uE002*])/u;

/** Replaces each sentence holding a missing-figure marker; unchanged text where there is none. */
export function resolveMissingFigures(markdown: string, statistikar: number): string {
  if (!markdown.includes(OPEN)) return markdown;
  return markdown
    .split("\n")
    .map((line) => {
      if (!line.includes(OPEN)) return line;
      if (line.trimStart().startsWith("|")) return line.replace(MARKER, "..");
      const sentences = line.split(SENTENCE_END);
      const out: string[] = [];
      for (const sentence of sentences) {
        const sources = [...sentence.matchAll(MARKER)].map((m) => m[1]!);
        if (sources.length === 0) {
          out.push(sentence);
          continue;
        }
        const notes = (sentence.match(/\[\^[^\]]+\]/g) ?? []).join("");
        const replacement = missingSentence(sources, statistikar);
        // Several sentences in a row on the same missing source say it once.
        const previous = out.at(-1);
        if (previous !== undefined && previous.startsWith(replacement))
          out[out.length - 1] = previous + notes;
        else out.push(replacement + notes);
      }
      return out.join(" ");
    })
    .join("\n");
}
