import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { report2024 } from "../helpers/report-2024.js";

/**
 * "Utgivare, <em>Titel</em> (år)", the year only where the source gives one: how a footnote and an
 * entry in the list of sources both begin.
 */
const REFERENCE = /^(.*?<\/em>(?: \(\d{4}\))?)/;
/** A page after the reference, as a footnote may give it: "…</em> (2023), s. 334". */
const PAGE = /<\/em>(?: \(\d{4}\))?, s\. \d/;

/**
 * The list of sources in the built report: every source a footnote cites stands in it once, whole
 * (without the page a note points to), in Swedish alphabetical order, and nothing else does.
 */
describe("källförteckningen i den byggda rapporten", () => {
  let notes: string[];
  let entries: string[];
  beforeAll(() => {
    const html = readFileSync(path.join(report2024().dir, "rapport.html"), "utf8");
    const notesHtml = [...html.matchAll(/<li id="fn\d+"[^>]*class="fotnot"><p>(.*?) <a href="#fnref/g)];
    notes = notesHtml.map((m) => m[1]!);
    const start = html.indexOf('<h2 id="kallor">');
    const list = html.slice(start, html.indexOf("</ul>", start));
    entries = [...list.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!);
  });

  it("har en post för varje källa som en fotnot citerar, och ingen annan", () => {
    expect(notes.length).toBeGreaterThan(50);
    const cited = new Set(notes.map((n) => REFERENCE.exec(n)?.[1]));
    expect(cited.has(undefined)).toBe(false);
    const listed = entries.map((e) => REFERENCE.exec(e)?.[1]);
    expect(new Set(listed).size).toBe(listed.length);
    expect(new Set(listed)).toEqual(cited);
  });

  it("nämner inte de sidor som fotnoterna pekar på", () => {
    const paged = notes.filter((n) => PAGE.test(n));
    expect(paged.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry).not.toMatch(PAGE);
  });

  it("skriver datum på ett sätt: 6 augusti 2024, aldrig 2024-08-06", () => {
    const text = entries.map((e) => e.replace(/<a [^>]*>.*?<\/a>/g, "")).join("\n");
    expect(text).toMatch(
      // The day keeps its month on its line (a no-break space, as after every count).
      /\(hämtad \d{1,2}\s(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) \d{4}\)/,
    );
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\b/);
  });

  it("upprepar inte året efter en titel som slutar med sin beteckning, som (SOU 2023:8)", () => {
    const designated = [...entries, ...notes].filter((e) => /\((SOU|RiR|Ds) \d{4}:\d+\)<\/em>/.test(e));
    expect(designated.length).toBeGreaterThan(0);
    for (const e of [...entries, ...notes]) {
      const m = /\(([^()]*?\b(\d{4})\b[^()]*)\)<\/em> \((\d{4})\)/.exec(e);
      if (m) expect(m[3], e).not.toBe(m[2]);
    }
  });

  it("står i svensk alfabetisk ordning efter utgivare och titel", () => {
    // Sorted as the printed list is read: publisher first, then title.
    const keys = entries.map((e) => {
      const [, publisher, title] = /^(.*?), <em>(.*?)<\/em>/.exec(e) ?? [];
      return { publisher: publisher!, title: title! };
    });
    const sorted = [...keys].sort(
      (a, b) => a.publisher.localeCompare(b.publisher, "sv") || a.title.localeCompare(b.title, "sv"),
    );
    expect(keys).toEqual(sorted);
  });
});
