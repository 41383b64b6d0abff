import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import { report2024 } from "../helpers/report-2024.js";
import { bodyText, pdfReadingText } from "../helpers/swedish-text.js";

const ready = requirePrerequisites(["pdftotext"]);

/**
 * Every table and chart of the built report names its source in a *Källa:* line under it, made from
 * the data's citations; a source several rows of a series share is cited by one footnote.
 */
describe.skipIf(!ready)("Källa-rader under tabeller och diagram", () => {
  let html: string;
  let text: string;
  beforeAll(() => {
    html = readFileSync(path.join(report2024().dir, "rapport.html"), "utf8");
    text = bodyText(pdfReadingText(path.join(report2024().dir, "rapport.pdf")));
  });

  it("har en Källa-rad direkt efter varje tabell och varje diagram i HTML-utgåvan", () => {
    const ends = [...html.matchAll(/<\/table><\/div>|<\/figure>/g)];
    expect(ends.length).toBeGreaterThanOrEqual(5);
    for (const end of ends) {
      const next = html.slice(end.index + end[0].length).trimStart();
      // A table's note (Anm.) may stand between it and its source line.
      expect(next.replace(/^<p class="tabell-anm"[^>]*>Anm\. [^<]*<\/p>\s*/, "").slice(0, 80)).toMatch(
        /^<p class="kalla" id="kalla-\d+"><em>Källa:<\/em> \S/,
      );
    }
  });

  it("har lika många Källa-rader i PDF:en som tabeller och diagram", () => {
    const captions = text.match(/^(Tabell|Diagram) \d+\. /gm) ?? [];
    const sources = text.match(/^Källa: /gm) ?? [];
    expect(captions.length).toBeGreaterThanOrEqual(5);
    expect(sources.length).toBe(captions.length);
  });

  it("citerar en källa som flera år i en tidsserie delar med en enda fotnot", () => {
    // Migrationsverket's press release of 2024 gives 2021, 2022 and 2023: one range, one note.
    expect(text).toMatch(/Migrationsverket, 2017,\d+ 2018,\d+ 2019,\d+ 2020\s\d+ och 2021–2023\.\d+/);
    const notes = text.match(
      /^(\d+\. +)?Migrationsverket, Pressmeddelande om upptäckta fall av misstänkt människohandel 2021–2023 \(2024\)\.$/gm,
    );
    expect(notes).toHaveLength(1);
  });
});
