import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser, Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser } from "../../src/print/browser.js";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import { report2024 } from "../helpers/report-2024.js";

const ready = requirePrerequisites([]);

/**
 * A phone (390 px, an iPhone's CSS width), the narrowest window that gets the charts' print drawing
 * (just over 40em), a small laptop, a desktop window and a wide screen.
 */
const WIDTHS = [390, 641, 1024, 1280, 1920] as const;
/** From this width the contents list stands beside the text (rapport.css, 75em). */
const SIDE_CONTENTS = 1200;

/**
 * The characters on each line of the ten longest paragraphs matching `selector`, paragraph by paragraph
 * and line by line: lines are found from where each character lands.
 */
function lineLengths(page: Page, selector: string): Promise<number[][]> {
  return page.evaluate((selector) => {
    const paragraphs = Array.from(document.querySelectorAll(selector))
      .sort((a, b) => (b.textContent ?? "").length - (a.textContent ?? "").length)
      .slice(0, 10);
    return paragraphs.map((p) => {
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
      return [...lines.values()];
    });
  }, selector);
}

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
      const longest = Math.max(...(await lineLengths(page, "main p")).flat());
      expect(longest).toBeGreaterThan(width < 600 ? 25 : 50);
      expect(longest).toBeLessThanOrEqual(80);
    });

    it("visar diagrammens text i minst 12 px", async () => {
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
        expect(smallest, `diagram ${chart.shown} px brett, ritat ${drawn} px`).toBeGreaterThanOrEqual(12);
      }
      // The image still carries the chart in words.
      const alts = await page.$$eval("figure.diagram img", (imgs) => imgs.map((img) => img.alt));
      for (const alt of alts) expect(alt.length).toBeGreaterThan(40);
    });

    it("har en textspalt på omkring 65–75 tecken mitt i fönstret", async () => {
      // The column is the paragraphs' boxes (not the phone's hint above a wide table, hidden on a
      // desktop); its measure is the median of the full lines (every line but a paragraph's last).
      const text = ".kapitel > p:not(.kalla, .tabell-tips)";
      const lines = (await lineLengths(page, text)).flatMap((paragraph) => paragraph.slice(0, -1));
      lines.sort((x, y) => x - y);
      const median = lines[Math.floor(lines.length / 2)]!;
      const column = await page.evaluate((selector) => {
        const boxes = Array.from(document.querySelectorAll(selector)).map((p) => p.getBoundingClientRect());
        return {
          left: Math.min(...boxes.map((b) => b.left)),
          right: Math.max(...boxes.map((b) => b.right)),
          lefts: new Set(boxes.map((b) => Math.round(b.left))).size,
          viewport: document.documentElement.clientWidth,
        };
      }, text);
      // One column: every paragraph starts at the same place, and the column's middle is the window's.
      expect(column.lefts).toBe(1);
      const middle = (column.left + column.right) / 2;
      expect(
        Math.abs(middle - column.viewport / 2),
        `spalten ${column.left}–${column.right} px`,
      ).toBeLessThanOrEqual(column.viewport * 0.01);
      if (width < 600) expect(median).toBeGreaterThan(25);
      else {
        expect(median).toBeGreaterThanOrEqual(62);
        expect(median).toBeLessThanOrEqual(78);
      }
    });

    it("låter tabeller och diagram ta mer plats än texten utan att gå utanför fönstret", async () => {
      const wide = await page.evaluate(() => {
        const text = document.querySelector(".kapitel > p")!.getBoundingClientRect();
        return {
          text: { left: text.left, right: text.right },
          boxes: Array.from(document.querySelectorAll<HTMLElement>(".tabell, figure.diagram")).map((box) => {
            const rect = box.getBoundingClientRect();
            return { id: box.id, left: rect.left, right: rect.right, width: rect.width };
          }),
          viewport: document.documentElement.clientWidth,
        };
      });
      expect(wide.boxes.length).toBeGreaterThanOrEqual(6);
      for (const box of wide.boxes) {
        expect(box.left, box.id).toBeGreaterThanOrEqual(0);
        expect(box.right, box.id).toBeLessThanOrEqual(wide.viewport);
      }
      // On a desktop the widest table is wider than the text, and no table or chart is narrower.
      if (width >= 1000) {
        const textWidth = wide.text.right - wide.text.left;
        expect(Math.max(...wide.boxes.map((b) => b.width))).toBeGreaterThan(textWidth * 1.4);
        for (const box of wide.boxes) expect(box.width, box.id).toBeGreaterThanOrEqual(textWidth - 1);
      }
    });

    it("har innehållsförteckningen där den hittas, och tangentbordet når den och kan hoppa förbi den", async () => {
      const place = await page.evaluate(() => {
        const nav = document.querySelector("nav.innehall")!.getBoundingClientRect();
        const text = document.querySelector(".kapitel > p")!.getBoundingClientRect();
        const main = document.querySelector("main")!.getBoundingClientRect();
        return {
          nav: { left: nav.left, right: nav.right, bottom: nav.bottom },
          textLeft: text.left,
          mainTop: main.top,
        };
      });
      if (width >= SIDE_CONTENTS) {
        // Beside the text, and still in view halfway through the report.
        expect(place.nav.right).toBeLessThanOrEqual(place.textLeft);
        const inView = await page.evaluate(async () => {
          window.scrollTo(0, document.documentElement.scrollHeight / 2);
          await new Promise(requestAnimationFrame);
          const nav = document.querySelector("nav.innehall")!.getBoundingClientRect();
          const shown = { top: nav.top, bottom: nav.bottom, height: window.innerHeight };
          window.scrollTo(0, 0);
          return shown;
        });
        expect(inView.top).toBeGreaterThanOrEqual(0);
        expect(inView.bottom).toBeLessThanOrEqual(inView.height);
      } else {
        expect(place.nav.bottom).toBeLessThanOrEqual(place.mainTop);
      }

      // The keyboard: first the skip link (visible when it has focus), then every entry of the contents
      // in order, then the report; the skip link goes straight to the report.
      const focused = async () =>
        page.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          const rect = element.getBoundingClientRect();
          return {
            href: element.getAttribute("href"),
            where: element.closest("nav") ? "nav" : element.closest("main") ? "main" : "annat",
            // Chromium scrolls a focused element just into view, sometimes a fraction of a pixel short.
            visible:
              rect.width > 0 && rect.height > 0 && rect.top > -1 && rect.bottom < window.innerHeight + 1,
          };
        });
      const entries = await page.$$eval("nav.innehall a", (links) =>
        links.map((a) => a.getAttribute("href")),
      );
      await page.goto(`file://${file}`, { waitUntil: "load" });
      await page.keyboard.press("Tab");
      const skip = await focused();
      expect(skip.visible).toBe(true);
      expect(skip.href).toBe("#rapporttext");
      for (const entry of entries) {
        await page.keyboard.press("Tab");
        const now = await focused();
        expect(now.href).toBe(entry);
        expect(now.visible, entry!).toBe(true);
      }
      await page.keyboard.press("Tab");
      expect((await focused()).where).toBe("main");

      await page.goto(`file://${file}`, { waitUntil: "load" });
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      expect((await focused()).where).toBe("main");
      await page.goto(`file://${file}`, { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
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
            // What a screen reader reads as the table's description: nothing hidden on this screen.
            describedByHidden: (box.getAttribute("aria-describedby") ?? "")
              .split(" ")
              .filter(Boolean)
              .filter((id) => {
                const el = document.getElementById(id);
                return !el || el.getClientRects().length === 0;
              }),
            // Scrolled to its far end, the table still shows each row's header at the box's left edge.
            rowHeaderInView: (() => {
              box.scrollLeft = box.scrollWidth;
              const th = Array.from(table.tBodies[0]!.rows)
                .map((row) => row.cells[0]!)
                .find((cell) => cell.colSpan === 1)!;
              const inView = Math.abs(th.getBoundingClientRect().left - box.getBoundingClientRect().left) < 2;
              box.scrollLeft = 0;
              return inView;
            })(),
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
        expect(table.describedByHidden).toEqual([]);
        expect(table.rowHeaderInView).toBe(true);
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
