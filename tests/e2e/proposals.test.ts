import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import { report2024 } from "../helpers/report-2024.js";
import { pdfReadingText } from "../helpers/swedish-text.js";

const ready = requirePrerequisites(["pdftotext"]);

/** Chapter 5 of the built PDF, from its heading (not the contents line) to the list of sources. */
function chapter5(text: string): string {
  const start = text.search(/^5 Förslag till åtgärder\n5\.1 /m);
  expect(start).toBeGreaterThan(0);
  return text.slice(start, text.indexOf("\nKällor\n", start));
}

/** The chapter's numbered sections (5.1, 5.2 …) with their text, page furniture included. */
function sections(chapter: string): { number: string; text: string }[] {
  const starts = [...chapter.matchAll(/^5\.(\d+) /gm)];
  return starts.map((m, i) => ({
    number: `5.${m[1]}`,
    text: chapter.slice(m.index, starts[i + 1]?.index ?? chapter.length),
  }));
}

/**
 * The paragraph that opens with `label` ("Förslag:"), its lines joined: pdftotext leaves no blank line
 * between paragraphs, so it runs to the section's end or the first footnote under it.
 */
function paragraphOpening(section: string, label: string): string | undefined {
  const start = section.search(new RegExp(`^${label} `, "m"));
  if (start < 0) return undefined;
  return section
    .slice(start)
    .split(/\n(?=\d+\. )/)[0]!
    .replace(/\n/g, " ");
}

/**
 * The 2024 edition's proposals as the printed edition has them: each section after the analysis (5.1)
 * and before the closing position states the national rapporteur's proposal, or a measure the
 * Police itself takes, and a proposal for someone else to act names who is to act.
 */
describe.skipIf(!ready)("kapitel 5 i den byggda PDF:en", () => {
  let text: string;
  let chapter: string;
  beforeAll(() => {
    text = pdfReadingText(path.join(report2024().dir, "rapport.pdf"));
    chapter = chapter5(text);
  });

  it("har analysen, åtta förslag eller åtgärder och ställningstagandet till Ut ur utsatthet", () => {
    const all = sections(chapter);
    expect(all.map((s) => s.number)).toEqual([
      "5.1",
      "5.2",
      "5.3",
      "5.4",
      "5.5",
      "5.6",
      "5.7",
      "5.8",
      "5.9",
      "5.10",
    ]);
    expect(all.at(-1)!.text.replace(/\s+/g, " ")).toMatch(
      /Polismyndigheten[^.]* bakom[^.]* övriga förslagen i Ut ur utsatthet/,
    );
  });

  it("låter rapportören lägga fram varje förslag, med vem som ska handla", () => {
    for (const section of sections(chapter).slice(1, -1)) {
      const proposal = paragraphOpening(section.text, "Förslag:");
      const measure = paragraphOpening(section.text, "Åtgärd:");
      expect(proposal ?? measure, section.number).toBeDefined();
      if (proposal) {
        expect(proposal, section.number).toMatch(
          /^Förslag: Polismyndigheten (föreslår|ställer sig), som nationell rapportör, /,
        );
        // A proposal that asks someone to act says who: the government, or the inquiry it backs.
        expect(proposal, section.number).toMatch(/\b(regeringen|utredningen|utredningens)\b/);
      } else {
        expect(measure, section.number).toMatch(
          /^Åtgärd: Polismyndigheten avser, som nationell rapportör, att /,
        );
      }
    }
  });

  it("citerar Ut ur utsatthet på de sidor som förslagen bygger på, och en gång i källförteckningen", () => {
    const notes = text.match(/^\d+\. Statens offentliga utredningar, Ut ur utsatthet \(SOU 2023:97\).*$/gm);
    expect(notes).toEqual(expect.arrayContaining([expect.stringMatching(/, s\. 334\.$/)]));
    expect(notes).toEqual(expect.arrayContaining([expect.stringMatching(/, s\. 368\.$/)]));
    const sources = text.slice(text.lastIndexOf("\nKällor\n"));
    expect(sources.match(/Ut ur utsatthet \(SOU 2023:97\)/g)).toHaveLength(1);
    // The printed note 72 has "SOU 2023:9"; the report cites the inquiry by its right number.
    expect(text).not.toMatch(/SOU 2023:9(?!\d)/);
  });
});
