import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Footnotes at the foot of the page that cites them, which Chromium does not do by itself
 * (`float: footnote` is not implemented). The print copy of the page is laid out by Paged.js: each
 * footnote's text moves from the chapter's list to its reference, marked `float: footnote`, and
 * Paged.js places it at the foot of whichever page the reference falls on. The numbers are the
 * report's own (Paged.js's footnote counter misnumbers), so its call and marker are switched off.
 * The HTML edition keeps its footnotes as links to the lists.
 */
export function footnotesToPageFloats(html: string): string {
  const definitions = new Map<string, string>();
  for (const m of html.matchAll(/<li id="fn(\d+)"[^>]*>([\s\S]*?)<\/li>/g)) {
    const text = m[2]!
      .replace(/<a href="#fnref[^"]*" class="footnote-backref">[^<]*<\/a>/g, "")
      .replace(/<\/?p>/g, "")
      .trim();
    definitions.set(m[1]!, text);
  }
  return html
    .replace(
      /<sup class="footnote-ref"><a href="#fn(\d+)" id="fnref\d+">\d+<\/a><\/sup>/g,
      (_, n: string) =>
        `<sup class="fotnotsiffra">${n}</sup><span class="fotnot"><span class="fotnot-nr">${n}.</span> ${definitions.get(n) ?? ""}</span>`,
    )
    .replace(/<section class="fotnoter"[\s\S]*?<\/section>\n?/g, "");
}

export const PAGED_MEDIA_CSS = `
.fotnot { float: footnote; font-size: 8pt; line-height: 1.3; font-style: normal; font-weight: normal; }
.fotnot-nr { display: inline-block; min-width: 4mm; }
::footnote-call { content: none; }
::footnote-marker { content: none; }
.fotnotsiffra { font-size: 70%; line-height: 0; vertical-align: super; }
@page { @footnote { border-top: 0.5pt solid #8a94a6; margin-top: 3mm; padding-top: 1.5mm; } }
`;

/**
 * Runs in the page after Paged.js is loaded. A table Paged.js splits over pages gets its header row
 * again on each continuation (Paged.js does not repeat <thead> by itself). The running heads and
 * page numbers Paged.js draws as ordinary elements are hidden from assistive technology, so the
 * tagged PDF keeps them out of the reading order as it does Chromium's own margin boxes.
 */
export const PAGED_MEDIA_HANDLERS = `
const Paged = window.PagedModule;
// Chromium has already requested (and the build blocked) any @import when the page was set; Paged.js
// would fetch it again and wait for it forever.
for (const style of document.querySelectorAll("style")) style.textContent = style.textContent.replace(/@import[^;]*;/g, "");
class RepeatTableHeaders extends Paged.Handler {
  // In the layout hook, before Paged.js measures overflow, so the repeated header is counted in the
  // page's height (inserting it after layout shifted where the next page resumed and lost rows).
  layout(rendered) {
    for (const table of rendered.querySelectorAll("table[data-split-from]")) {
      if (table.querySelector("thead")) continue;
      const source = this.chunker.source.querySelector("[data-ref='" + table.dataset.ref + "']");
      const header = source && source.querySelector("thead");
      if (header) table.insertBefore(header.cloneNode(true), table.firstChild);
    }
  }
  afterPageLayout(pageElement, page, breakToken, chunker) {
    this.chunker = chunker;
  }
  afterRendered() {
    for (const box of document.querySelectorAll(".pagedjs_margin")) box.setAttribute("aria-hidden", "true");
    // Paged.js names footnotes with random ids, which Chromium writes into the PDF; number them in
    // document order instead so that two builds give the same bytes.
    const renamed = new Map();
    document.querySelectorAll("[id^='note-']").forEach((element, i) => {
      renamed.set(element.id, "fotnotstext-" + (i + 1));
      element.id = "fotnotstext-" + (i + 1);
    });
    for (const link of document.querySelectorAll("a[href^='#note-']")) {
      const target = renamed.get(link.getAttribute("href").slice(1));
      if (target) link.setAttribute("href", "#" + target);
    }
  }
}
// Handlers are taken when the previewer is created, so register first, then lay out.
Paged.registerHandlers(RepeatTableHeaders);
new Paged.Previewer().preview().then(() => { window.__pagedDone = true; }, (error) => { window.__pagedError = String(error); });
`;

let polyfill: string | undefined;

/** Paged.js (the library build, which does not start by itself), shipped through npm and inlined. */
export async function pagedPolyfill(): Promise<string> {
  if (!polyfill) {
    // The package's exports map does not list dist/; find the package from its entry point.
    const require = createRequire(import.meta.url);
    const packageDir = path.resolve(path.dirname(require.resolve("pagedjs")), "..");
    polyfill = await readFile(path.join(packageDir, "dist/paged.min.js"), "utf8");
  }
  return polyfill;
}
