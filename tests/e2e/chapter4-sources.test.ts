import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import { report2024 } from "../helpers/report-2024.js";
import { pdfReadingText } from "../helpers/swedish-text.js";
import { REPO_DATA, REPO_ROOT } from "../helpers/temp-data.js";

const ready = requirePrerequisites(["pdftotext"]);
const TEMPLATES = path.join(REPO_ROOT, "templates/kapitel");
const TEXTS = path.join(REPO_DATA, "2023/texter");

/** Chapter 4 of the built PDF, from its heading (not the contents line) to chapter 5, lines joined. */
function chapter4(text: string): string {
  // The heading is followed by the chapter's text; the contents line and running heads by a page number or nothing.
  const start = text.search(/^4 Omfattningen av människohandel till, i och genom\s+Sverige\n[A-ZÅÄÖ]/m);
  const end = text.search(/^5 Förslag till åtgärder\n5\.1 /m);
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return text.slice(start, end).replace(/\s+/g, " ");
}

/** The sources (id → "utgivare, titel") that chapter 4's year texts cite by id. */
function citedByYearTexts(): Map<string, string> {
  const kallor = new Map(
    readFileSync(path.join(REPO_DATA, "kallor.csv"), "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.split(";"))
      .map(([id, utgivare, titel]) => [id!, `${utgivare}, ${titel}`] as const),
  );
  // Every year text that no other chapter includes is chapter 4's, so a dropped include fails here too.
  const otherChapters = readdirSync(TEMPLATES)
    .filter((f) => !f.startsWith("04-"))
    .flatMap((f) => [...readFileSync(path.join(TEMPLATES, f), "utf8").matchAll(/\{\{>\s*arstext\/([\w-]+)/g)])
    .map((m) => m[1]!);
  const names = readdirSync(TEXTS)
    .map((f) => f.replace(/\.md$/, ""))
    .filter((name) => !otherChapters.includes(name));
  const cited = new Map<string, string>();
  for (const name of names) {
    const text = readFileSync(path.join(TEXTS, `${name}.md`), "utf8");
    for (const m of text.matchAll(/\{\{fotnot "([^"]+)"/g)) cited.set(m[1]!, kallor.get(m[1]!) ?? m[1]!);
  }
  return cited;
}

/**
 * Every named judgment, inquiry, report and campaign that chapter 4's year texts cite is a footnote in
 * the built PDF: a fact carried over from the printed edition keeps its source where the reader sees it.
 */
describe.skipIf(!ready)(
  "kapitel 4 i den byggda PDF:en har en fotnot för varje källa som årstexterna citerar",
  () => {
    let chapter: string;
    beforeAll(() => {
      chapter = chapter4(pdfReadingText(path.join(report2024().dir, "rapport.pdf")));
    });

    it("årstexterna citerar källor (annars prövar testet ingenting)", () => {
      expect(citedByYearTexts().size).toBeGreaterThan(10);
    });

    it.each([...citedByYearTexts()])("%s", (_id, reference) => {
      expect(chapter).toContain(reference.replace(/\s+/g, " "));
    });
  },
);
