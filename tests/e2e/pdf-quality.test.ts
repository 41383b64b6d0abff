import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import { report2024 } from "../helpers/report-2024.js";
import { wideCsv } from "../helpers/fixtures.js";
import { REPO_DATA, tempDataDir, tempDirWith } from "../helpers/temp-data.js";
import { reference } from "../helpers/validate.js";
import { PdfObjects, allElements, structureTree } from "../helpers/pdf-structure.js";

const ready = requirePrerequisites(["pdftotext", "pdffonts", "qpdf"]);

/** The text of each page, no-break spaces as spaces. */
function pageTexts(pdf: string): string[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString())![1]);
  return Array.from({ length: pages }, (_, i) =>
    execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"])
      .toString()
      .replace(/\u00a0/g, " "),
  );
}

interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}

describe.skipIf(!ready)("PDF:en som trycksak och tillgänglig handling", () => {
  let dir: string;
  let pdf: string;
  let pages: string[];

  beforeAll(() => {
    dir = report2024().dir;
    pdf = path.join(dir, "rapport.pdf");
    pages = pageTexts(pdf);
  });

  it("innehållsförteckningens sidnummer är de sidor rubrikerna står på", () => {
    const toc = pages[1]!;
    const entries = [...toc.matchAll(/^\s*(\d+(?:\.\d+)? [^\n]*?|Källor)\s{2,}(\d+)\s*$/gm)].map((m) => ({
      title: m[1]!.trim(),
      page: Number(m[2]),
    }));
    expect(entries.length).toBeGreaterThan(20);
    for (const { title, page } of entries) {
      const lines = pages[page - 1]!.split("\n").map((l) => l.trim().replace(/\s+/g, " "));
      const head = title.replace(/\s+/g, " ");
      expect(
        lines.some((l) => l.startsWith(head) || (head.startsWith(l) && l.length > 8)),
        `${title} på sidan ${page}`,
      ).toBe(true);
    }
  });

  it("har löpande sidhuvud med kapitlets namn, sidnummer och informationsklass på varje sida efter omslaget", () => {
    expect(pages[0]).not.toContain("MÄNNISKOHANDEL FÖR SEXUELLA OCH ANDRA ÄNDAMÅL");
    // The chapters and the pages they start on, from the contents (level-one entries: "3 Omfattningen …").
    const chapters = [...pages[1]!.matchAll(/^\s*(\d+ [^\n]*?|Källor)\s{2,}(\d+)\s*$/gm)].map((m) => ({
      title: m[1]!.trim().replace(/\s+/g, " "),
      page: Number(m[2]),
    }));
    expect(chapters.length).toBeGreaterThanOrEqual(5);
    pages.slice(1).forEach((text, i) => {
      const page = i + 2;
      const lines = text.split("\n").filter((l) => l.trim() !== "");
      const chapter = chapters.filter((c) => c.page <= page).at(-1)?.title;
      const head = lines[0]!.trim().split(/\s{2,}/);
      expect(head[0], `sida ${page}`).toBe("MÄNNISKOHANDEL FÖR SEXUELLA OCH ANDRA ÄNDAMÅL");
      // The contents page precedes every chapter and names none.
      expect(head[1]?.replace(/\s+/g, " "), `sida ${page}`).toBe(chapter);
      expect(lines.at(-1), `sida ${page}`).toMatch(
        new RegExp(`^\\s*Informationsklass Öppen\\s+${page}\\s*$`),
      );
    });
  });

  it("upprepar tabellhuvudet när tabellen bryts över en sida, och delar inga rader", async () => {
    // Statistics year 2025 with every code valid that year: a table too long for one page.
    const codes = reference.brottskoder.filter(
      (b) => (b.forstaAr ?? 0) <= 2025 && (b.sistaAr ?? 9999) >= 2025,
    );
    const counts = Object.fromEntries(codes.map((b, i) => [b.kod, [i % 3, 1, 2, i % 5, 3, 1, 0]]));
    const data = tempDataDir({
      "2025/anmalda-brott.csv": wideCsv(counts, (c) => codes.find((b) => b.kod === c)!.grupp),
    });
    // No year texts: 2023's tell of datasets this synthetic year does not have.
    const out = tempDirWith({});
    try {
      // Output outside the data folder (report refuses to write into its input).
      const result = await runCli("build", "2026", "--data", data.dir, "--out", path.join(out.dir, "ut"));
      expect(result.code).toBe(0);
      const long = pageTexts(path.join(out.dir, "ut/2026/rapport.pdf"));
      const withHeader = long.filter((t) =>
        /Brottskodsgrupp \/ brott\s+Bergslagen\s+Mitt\s+Nord\s+Stockholm/.test(t),
      );
      expect(withHeader.length).toBeGreaterThanOrEqual(2);
      // Every page the table continues on starts with its header row.
      for (const text of withHeader.slice(1)) {
        // The first lines under the running head (a wrapped header cell may stand on its own line).
        const top = text
          .split("\n")
          .filter((l) => l.trim() !== "")
          .slice(1, 3)
          .join(" ");
        expect(top).toMatch(/Brottskodsgrupp \/ brott/);
      }
      // A row is never split: the words of every offence name stand in order on one page, read in
      // content order (figures of the row's cells may stand between the lines of a wrapped name).
      const pdfPath = path.join(out.dir, "ut/2026/rapport.pdf");
      const raw = long.map((_, i) =>
        execFileSync("pdftotext", ["-raw", "-f", String(i + 1), "-l", String(i + 1), pdfPath, "-"])
          .toString()
          .replace(/\s+/g, " "),
      );
      // Whether a row's name stands whole in a page's text (figures of its cells may stand between
      // the lines of a wrapped name); the page it stands on, or -1.
      const rowOn = (name: string, text: string) => {
        const words = name.split(" ").map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
        return new RegExp(words.join("(?:\\s+\\S*[\\d.]\\S*)*\\s+")).test(text);
      };
      const pageOf = (name: string) => raw.findIndex((t) => rowOn(name, t));
      for (const code of codes) expect(pageOf(code.benamning), code.kod).toBeGreaterThanOrEqual(0);
      // No row stands alone at a break: at least three rows of the table before it, two after it.
      // Counted on the pages the table is on (a name may also occur in the running text before it).
      const tablePages = new Set(
        long.flatMap((t, i) => (/Brottskodsgrupp \/ brott\s+Bergslagen/.test(t) ? [i] : [])),
      );
      const rowsPerPage = new Map<number, number>();
      for (const code of codes) {
        const page = raw.findIndex((t, i) => tablePages.has(i) && rowOn(code.benamning, t));
        rowsPerPage.set(page, (rowsPerPage.get(page) ?? 0) + 1);
      }
      const counts = [...rowsPerPage.entries()].sort(([a], [b]) => a - b).map(([, n]) => n);
      expect(counts.length, "tabellen bryts").toBeGreaterThanOrEqual(2);
      expect(counts[0]).toBeGreaterThanOrEqual(3);
      for (const n of counts.slice(1)) expect(n).toBeGreaterThanOrEqual(2);
      // In the structure tree the split table is one Table, with one row of column headers: the
      // header repeated on each continuation is not tagged as TH again.
      const tagged = new PdfObjects(pdfPath);
      const tables = [...allElements(structureTree(tagged))].filter((e) => e.role === "Table");
      const offences = tables.filter((t) => t.kids.some((k) => k.role === "Caption"));
      expect(tables.length).toBe(offences.length);
      const [table] = offences;
      const rows = table!.kids.filter((k) => k.role === "TR");
      const headerRows = rows.filter((r) => r.kids.length > 1 && r.kids.every((c) => c.role === "TH"));
      expect(headerRows).toHaveLength(1);
      expect(rows.length).toBeGreaterThanOrEqual(codes.length);
    } finally {
      out.cleanup();
      data.cleanup();
    }
  });

  it("lämnar ingen rubrik ensam längst ned på en sida", () => {
    const headings = new Set(
      [...pages[1]!.matchAll(/^\s*(\d+(?:\.\d+)? [^\n]*?)\s{2,}\d+\s*$/gm)].map((m) =>
        m[1]!.trim().replace(/\s+/g, " "),
      ),
    );
    pages.slice(2).forEach((text, i) => {
      const body = text
        .split("\n")
        .map((l) => l.trim().replace(/\s+/g, " "))
        .filter((l) => l !== "");
      const last = body.at(-2) ?? ""; // the line above the footer
      expect(headings.has(last), `sida ${i + 3} slutar med rubriken "${last}"`).toBe(false);
    });
  });

  it("har varje fotnot längst ned på den sida som hänvisar till den, numrerade genom hela rapporten", async () => {
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await getDocument({ data: new Uint8Array(readFileSync(pdf)), isEvalSupported: false })
      .promise;
    const allCalls: number[] = [];
    const allNotes: number[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const items = (await page.getTextContent()).items.filter((it) => "str" in it) as unknown as {
        str: string;
        height: number;
        transform: number[];
      }[];
      // A call is a raised number at 70 % of the 10.5 pt body text (7.35 pt), or of a table's 8 pt
      // text (5.6 pt: a series table cites each year's source in its row; table figures themselves are
      // 8 pt and chart labels 6.75 pt), or of a Källa line's 8.5 pt (5.95 pt); a note starts with its
      // number and a full stop, at the left margin.
      const calls = items
        .filter(
          (it) =>
            /^\d+$/.test(it.str.trim()) && [7.35, 5.6, 5.95].some((size) => Math.abs(it.height - size) < 0.1),
        )
        .map((it) => Number(it.str));
      const notes = items
        .filter(
          (it) => /^\d+\.$/.test(it.str.trim()) && Math.abs(it.height - 8) < 0.1 && it.transform[4]! < 90,
        )
        .map((it) => Number(it.str.trim().slice(0, -1)));
      expect(new Set(notes), `sida ${i}`).toEqual(new Set(calls));
      allCalls.push(...calls);
      allNotes.push(...notes);
    }
    await doc.destroy();
    expect(allNotes.length).toBeGreaterThan(20);
    expect(allNotes).toEqual(Array.from({ length: allNotes.length }, (_, i) => i + 1));
    expect(allCalls).toEqual(allNotes);
  });

  it("är märkt (tagged) med språk, MarkInfo, strukturträd, bokmärken och titeln i fönstret", () => {
    const json = JSON.parse(execFileSync("qpdf", ["--json=2", "--json-key=qpdf", pdf]).toString());
    const objects = json.qpdf[1] as Record<string, { value: Record<string, unknown> }>;
    const root = objects[`obj:${objects.trailer!.value["/Root"]}`]!.value;
    expect(root["/Lang"]).toBe("u:sv");
    expect(root["/MarkInfo"]).toMatchObject({ "/Marked": true });
    expect(root["/StructTreeRoot"]).toBeDefined();
    expect(root["/Outlines"]).toBeDefined();
    expect(root["/ViewerPreferences"]).toMatchObject({ "/DisplayDocTitle": true });
    const info = objects[`obj:${objects.trailer!.value["/Info"]}`]!.value;
    expect(info["/Title"]).toBe("u:Människohandel för sexuella och andra ändamål – Lägesrapport 2024");
  });

  it("bäddar in alla typsnitt", () => {
    const fonts = execFileSync("pdffonts", [pdf])
      .toString()
      .split("\n")
      .slice(2)
      .filter((l) => l.trim() !== "");
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line, line).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    expect(fonts.some((l) => l.includes("SourceSans3"))).toBe(true);
  });

  it("har rubriker, tabellhuvuden och diagram med textalternativ i strukturträdet", async () => {
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await getDocument({ data: new Uint8Array(readFileSync(pdf)), isEvalSupported: false })
      .promise;
    const roles = new Map<string, number>();
    const alts: string[] = [];
    const walk = (node: StructNode | null) => {
      if (!node) return;
      if (node.role) roles.set(node.role, (roles.get(node.role) ?? 0) + 1);
      if (node.role === "Figure" && node.alt) alts.push(node.alt);
      node.children?.forEach(walk);
    };
    for (let i = 1; i <= doc.numPages; i++)
      walk((await (await doc.getPage(i)).getStructTree()) as StructNode);
    await doc.destroy();
    for (const role of ["H1", "H2", "P", "Table", "TH", "TD", "Figure", "L", "LI"])
      expect(roles.get(role) ?? 0, role).toBeGreaterThan(0);
    expect(alts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Stapeldiagram över antalet personer .*2020: uppgift saknas/),
        expect.stringMatching(/^Linjediagram/),
        expect.stringMatching(/^Liggande stapeldiagram/),
      ]),
    );
  });

  it("skriver UTKAST och dataversionen på varje sida av ett utkast", async () => {
    const draft = tempDirWith({});
    try {
      expect((await runCli("build", "2024", "--utkast", "--data", REPO_DATA, "--out", draft.dir)).code).toBe(
        0,
      );
      const texts = pageTexts(path.join(draft.dir, "2024/rapport.pdf"));
      expect(texts.length).toBeGreaterThan(10);
      texts.forEach((text, i) => expect(text, `sida ${i + 1}`).toMatch(/UTKAST · dataversion [0-9a-f]{12}/));
      // The cover says so in the page itself too, not only in its margin.
      expect(texts[0]!.split("\n").filter((l) => l.includes("UTKAST")).length).toBeGreaterThanOrEqual(1);
      expect(pages.join("\n")).not.toContain("UTKAST");
    } finally {
      draft.cleanup();
    }
  });

  it("HTML-utgåvan är fristående, med innehållsförteckning, riktiga tabeller, textalternativ och fotnotslänkar", () => {
    const html = readFileSync(path.join(dir, "rapport.html"), "utf8");
    expect(html).toMatch(/<html lang="sv">/);
    // Nothing is loaded from outside (links to sources for the reader are fine).
    expect(html).not.toMatch(/src="https?:/);
    expect(html).not.toMatch(/<link[^>]+href="https?:/);
    expect(html).not.toMatch(/@import|url\(["']?https?:/);
    expect(html).toMatch(
      /<nav class="innehall"[^>]*>[\s\S]*<a href="#avsnitt-4-2-anmalda-brott-enligt-brottsforebyggande-radet">/,
    );
    expect(html).toMatch(/<th scope="col"[^>]*>Bergslagen<\/th>/);
    expect(html).toMatch(/<img src="data:image\/svg\+xml;base64,[^"]+" alt="Stapeldiagram/);
    expect(html).toMatch(/<a href="#fn1" id="fnref1" aria-label="Fotnot 1">1<\/a>/);
    expect(html).toMatch(/<li id="fn1"[^>]*>/);
    expect(
      spawnSync("grep", ["-c", "<script", path.join(dir, "rapport.html")])
        .stdout.toString()
        .trim(),
    ).toBe("0");
  });
});
