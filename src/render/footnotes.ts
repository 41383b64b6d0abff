import type { Kalla } from "../model/types.js";
import { markdownText } from "./markdown-text.js";
import { formatSwedishDate } from "./swedish.js";

/**
 * Footnotes numbered through the whole report, in the order templates cite sources. Each citation
 * gets its own number (as printed reports do); the definition is the source's full reference.
 */
export class FootnoteRegistry {
  private readonly notes: { number: number; kalla: Kalla; place: string | undefined }[] = [];
  private flushed = 0;
  readonly cited = new Set<string>();

  constructor(private readonly sources: ReadonlyMap<string, Kalla>) {}

  /** The source an id names, for text built from citations (a table's *Källa:* line). */
  source(id: string): Kalla | undefined {
    return this.sources.get(id);
  }

  /**
   * Registers a citation and returns its Markdown reference (`[^7]`). `place` says where in the
   * source ("s. 334"); the note gives it after the reference, the list of sources does not.
   */
  cite(id: string, place?: string): string {
    const kalla = this.sources.get(id);
    if (!kalla) throw new Error(`källan "${id}" finns inte i data/kallor.csv`);
    const number = this.notes.length + 1;
    this.notes.push({ number, kalla, place });
    this.cited.add(id);
    return `[^${number}]`;
  }

  /** Definitions of the footnotes cited since the last call, for the end of a chapter's Markdown. */
  takeDefinitions(): string {
    const fresh = this.notes.slice(this.flushed);
    this.flushed = this.notes.length;
    return fresh.map((n) => `[^${n.number}]: ${formatShortReference(n.kalla, n.place)}`).join("\n");
  }

  get count(): number {
    return this.notes.length;
  }
}

/**
 * A footnote's text: publisher, title, year (where the source gives one) and, when the citation
 * says, where in the source ("…(2023), s. 334."); the full reference stands in the list of sources.
 */
export function formatShortReference(kalla: Kalla, place?: string): string {
  // A source whose own text gives no year (an undated web page) is cited without one, never a guess;
  // nor is the year repeated after a title that ends with its number in a series ("(SOU 2023:8)").
  const year = kalla.ar && !titleEndsWithYear(kalla.titel, kalla.ar) ? ` (${kalla.ar})` : "";
  const where = place ? `, ${markdownText(place)}` : "";
  return `${markdownText(kalla.utgivare)}, *${markdownText(kalla.titel)}*${year}${where}.`;
}

/** Whether a title ends with a designation in parentheses that holds the year: "(SOU 2023:8)", "(2005:716)". */
function titleEndsWithYear(titel: string, ar: string | number): boolean {
  const designation = /\(([^()]*)\)\s*$/.exec(titel)?.[1];
  return designation !== undefined && new RegExp(`(^|\\D)${ar}(\\D|$)`).test(designation);
}

/** "Migrationsverket, *Årsredovisning 2023* (2024). Sidan 111. https://… (hämtad 6 augusti 2024)." */
export function formatReference(kalla: Kalla): string {
  const parts = [formatShortReference(kalla)];
  if (kalla.anmarkning) {
    const note = markdownText(kalla.anmarkning);
    parts.push(note.endsWith(".") ? note : `${note}.`);
  }
  if (kalla.url) {
    const retrieved = kalla.hamtad
      ? ` (hämtad ${formatSwedishDate(new Date(`${kalla.hamtad}T12:00:00Z`))})`
      : "";
    // Only a plain web address becomes a link; anything else is shown as the text it is.
    const link = /^https?:\/\/[^\s<>\\]+$/.test(kalla.url) ? `<${kalla.url}>` : markdownText(kalla.url);
    parts.push(`${link}${retrieved}.`);
  }
  return parts.join(" ");
}
