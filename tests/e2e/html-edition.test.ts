import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser, Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser } from "../../src/print/browser.js";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import { report2024 } from "../helpers/report-2024.js";

const ready = requirePrerequisites([]);

/** A phone (390 px, an iPhone's CSS width) and a desktop window. */
const WIDTHS = [390, 1280] as const;

/**
 * The web edition, out/2024/rapport.html, opened from disk in Chromium at a phone's and a desktop's
 * width, as a reader would see it.
 */
describe.skipIf(!ready)("HTML-utgåvan är en läsbar och tillgänglig webbsida", () => {
  let browser: Browser;
  let file: string;

  beforeAll(async () => {
    file = path.join(report2024().dir, "rapport.html");
    const puppeteer = (await import("puppeteer")).default;
    browser = await puppeteer.launch({
      executablePath: findBrowser({ puppeteerCachePath: () => undefined }).executablePath,
      headless: true,
      pipe: true,
      args: [
        ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(width: number): Promise<Page> {
    const page = await browser.newPage();
    // The page's Content-Security-Policy forbids scripts; axe-core is the test's, not the page's.
    await page.setBypassCSP(true);
    await page.setViewport({ width, height: 900 });
    await page.goto(`file://${file}`, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page;
  }

  describe.each(WIDTHS)("%i px bred", (width) => {
    let page: Page;
    beforeAll(async () => {
      page = await open(width);
    });
    afterAll(async () => {
      await page?.close();
    });

    it("rullar inte i sidled", async () => {
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    });

    it("har högst 80 tecken per rad i brödtexten", async () => {
      // Lines are found from where each character lands; the longest line of the ten longest paragraphs.
      const longest = await page.evaluate(() => {
        const paragraphs = Array.from(document.querySelectorAll("main p"))
          .sort((a, b) => (b.textContent ?? "").length - (a.textContent ?? "").length)
          .slice(0, 10);
        let max = 0;
        for (const p of paragraphs) {
          const lines = new Map<number, number>();
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const range = document.createRange();
            for (let i = 0; i < (node.textContent ?? "").length; i++) {
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const rect = range.getClientRects()[0];
              if (!rect) continue;
              const top = Math.round(rect.top / 4);
              lines.set(top, (lines.get(top) ?? 0) + 1);
            }
          }
          max = Math.max(max, ...lines.values());
        }
        return max;
      });
      expect(longest).toBeGreaterThan(width < 600 ? 25 : 50);
      expect(longest).toBeLessThanOrEqual(80);
    });

    it("visar diagrammens text i minst 12 px på en telefon och i minst 11 px annars", async () => {
      const charts = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLImageElement>("figure.diagram img")).map((img) => ({
          src: img.currentSrc,
          shown: img.getBoundingClientRect().width,
        })),
      );
      expect(charts).toHaveLength(3);
      for (const chart of charts) {
        const svg = Buffer.from(chart.src.replace(/^data:image\/svg\+xml;base64,/, ""), "base64").toString(
          "utf8",
        );
        const drawn = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
        const sizes = [...svg.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));
        expect(sizes.length).toBeGreaterThan(0);
        const smallest = (Math.min(...sizes) * chart.shown) / drawn;
        expect(smallest, `diagram ${chart.shown} px brett, ritat ${drawn} px`).toBeGreaterThanOrEqual(
          width < 600 ? 12 : 11,
        );
      }
    });

    it("har en h1 (omslagets titel), kapitlen som h2 och inga överhoppade rubriknivåer", async () => {
      const headings = await page.evaluate(() => ({
        levels: Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6")).map((h) =>
          Number(h.tagName[1]),
        ),
        chapters: Array.from(document.querySelectorAll("section.kapitel")).map(
          (s) => s.querySelector("h1, h2, h3, h4, h5, h6")?.tagName,
        ),
      }));
      expect(headings.levels.filter((l) => l === 1)).toHaveLength(1);
      expect(headings.levels[0]).toBe(1);
      expect(headings.chapters.length).toBeGreaterThan(4);
      for (const tag of headings.chapters) expect(tag).toBe("H2");
      headings.levels.forEach((level, i) => {
        if (i > 0) expect(level, `rubrik ${i + 1}`).toBeLessThanOrEqual(headings.levels[i - 1]! + 1);
      });
    });

    it("ger varje fotnotshänvisning ett namn och håller den isär från en siffra före den", async () => {
      const calls = await page.evaluate(() =>
        Array.from(document.querySelectorAll("sup.footnote-ref a")).map((a) => ({
          text: a.textContent,
          name: a.getAttribute("aria-label"),
          before: a.parentElement!.previousSibling?.textContent?.slice(-1) ?? "",
        })),
      );
      expect(calls.length).toBeGreaterThan(50);
      for (const call of calls) {
        expect(call.name).toBe(`Fotnot ${call.text}`);
        expect(call.before, `fotnot ${call.text}`).not.toMatch(/\d/);
      }
      expect(calls.some((c) => c.before === "\u202f")).toBe(true);
    });

    it("låter '..' läsas som 'uppgift saknas' och förklarar tecknet under tabellen", async () => {
      const tables = await page.evaluate(() =>
        Array.from(document.querySelectorAll(".tabell")).map((region) => {
          const missing = Array.from(region.querySelectorAll("td, th")).filter(
            (c) => c.textContent!.trim() === "..",
          );
          return {
            missing: missing.length,
            named: missing.filter((c) => c.getAttribute("aria-label") === "uppgift saknas").length,
            key: region.querySelector(".teckenforklaring")?.textContent ?? null,
          };
        }),
      );
      expect(tables.some((t) => t.missing > 0)).toBe(true);
      for (const table of tables) {
        expect(table.named).toBe(table.missing);
        if (table.missing > 0) expect(table.key).toMatch(/\.\. uppgift saknas/);
        else expect(table.key).toBeNull();
      }
    });

    it("knyter varje källrad till sin tabell eller sitt diagram och namnger fotnoterna per kapitel", async () => {
      const found = await page.evaluate(() => ({
        lines: Array.from(document.querySelectorAll("p.kalla")).map(
          (p) => document.querySelectorAll(`[aria-describedby~="${p.id}"]`).length,
        ),
        figures: document.querySelectorAll("figure.diagram, .tabell[role=region]").length,
        notes: Array.from(document.querySelectorAll("section.fotnoter")).map((s) =>
          s.getAttribute("aria-label"),
        ),
        captionFirst: Array.from(document.querySelectorAll("figure.diagram")).every(
          (f) => f.firstElementChild?.tagName === "FIGCAPTION",
        ),
      }));
      expect(found.lines.length).toBeGreaterThan(3);
      for (const count of found.lines) expect(count).toBe(1);
      expect(found.notes.length).toBeGreaterThan(1);
      expect(new Set(found.notes).size).toBe(found.notes.length);
      expect(found.captionFirst).toBe(true);
    });

    it("har tabeller med <caption>, radrubriker och en rullningsruta som går att nå med tangentbordet", async () => {
      const tables = await page.evaluate(() =>
        Array.from(document.querySelectorAll("table")).map((table) => {
          const box = table.closest<HTMLElement>(".tabell")!;
          const hint = box.previousElementSibling?.classList.contains("tabell-tips")
            ? (box.previousElementSibling as HTMLElement)
            : undefined;
          return {
            caption: table.caption?.textContent ?? "",
            rowHeaders: Array.from(table.tBodies[0]!.rows).map((row) => {
              const first = row.cells[0]!;
              return `${first.tagName} ${first.getAttribute("scope")}`;
            }),
            overflows: box.scrollWidth > box.clientWidth,
            tabIndex: box.tabIndex,
            label: box.getAttribute("aria-labelledby"),
            scrolls: getComputedStyle(box).overflowX,
            hintVisible: hint ? hint.offsetHeight > 0 : false,
          };
        }),
      );
      expect(tables.length).toBeGreaterThanOrEqual(3);
      for (const table of tables) {
        expect(table.caption).toMatch(/^Tabell \d+\. \S/);
        expect(new Set(table.rowHeaders)).toEqual(new Set(["TH row"]));
        expect(table.tabIndex).toBe(0);
        expect(table.label).toMatch(/^tabell-\d+-rubrik$/);
        expect(table.scrolls).toBe("auto");
        // A table wider than the screen says so where it does.
        if (table.overflows) expect(table.hintVisible).toBe(true);
      }
      if (width < 600) expect(tables.some((t) => t.overflows)).toBe(true);
      else expect(tables.some((t) => t.overflows)).toBe(false);
    });

    it("har synliga länkar tillbaka från varje fotnot till dess hänvisning", async () => {
      const backLinks = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLAnchorElement>(".fotnoter-lista li")).map((li) => {
          const link = li.querySelector<HTMLAnchorElement>("a.footnote-backref");
          const rect = link?.getBoundingClientRect();
          return {
            id: li.id,
            href: link?.getAttribute("href"),
            visible:
              !!rect && rect.width > 0 && rect.height > 0 && getComputedStyle(link!).visibility === "visible",
            target: !!link && !!document.getElementById(link.getAttribute("href")!.slice(1)),
          };
        }),
      );
      expect(backLinks.length).toBeGreaterThan(20);
      for (const link of backLinks) {
        expect(link.href).toBe(`#fnref${link.id.slice(2)}`);
        expect(link.visible, link.id).toBe(true);
        expect(link.target, link.id).toBe(true);
      }
    });

    it("har omslaget som sidhuvud, inte som en tom sida", async () => {
      const cover = await page.evaluate(() => {
        const header = document.querySelector<HTMLElement>("header.omslag")!;
        return {
          height: header.getBoundingClientRect().height,
          title: header.querySelector("h1")?.textContent,
        };
      });
      expect(cover.title).toBe("Människohandel för sexuella och andra ändamål");
      expect(cover.height).toBeLessThan(450);
    });

    it("har inga fel enligt axe-core (WCAG 2.x A och AA)", async () => {
      const require = createRequire(import.meta.url);
      await page.addScriptTag({ content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
        const result = (await axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        })) as { violations: { id: string; nodes: { html: string; failureSummary: string }[] }[] };
        return result.violations.map((v) => ({
          id: v.id,
          count: v.nodes.length,
          first: `${v.nodes[0]?.html.slice(0, 160)} ${v.nodes[0]?.failureSummary}`,
        }));
      });
      expect(violations).toEqual([]);
    });
  });
});
