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
      .replace(/\s*<a href="#fnref[^"]*" class="footnote-backref"[^>]*>[^<]*<\/a>/g, "")
      .replace(/<\/?p>/g, "")
      .trim();
    definitions.set(m[1]!, text);
  }
  // The call links to its note (PDF/UA: the reference is linked to the Note it refers to).
  return (
    html
      // The call is kept on one line with the word before it: laid out alone, Paged.js may push a call
      // whose note does not fit to the next page by itself, where it stands as a number on its own line.
      // The word is bounded so the scan stays linear over the long base64 runs of fonts and images.
      .replace(
        /([^\s<>"]{0,60})<sup class="footnote-ref"><a href="#fn(\d+)" id="fnref\d+">\d+<\/a><\/sup>/g,
        (_, word: string, n: string) =>
          `<span class="fotnot-ord">${word}<sup class="fotnotsiffra"><a href="#fotnot-${n}" aria-label="Fotnot ${n}">${n}</a></sup></span>` +
          `<span class="fotnot" data-fotnot="${n}"><span class="fotnot-nr">${n}.</span> ${definitions.get(n) ?? ""}</span>`,
      )
      .replace(/<section class="fotnoter"[\s\S]*?<\/section>\n?/g, "")
  );
}

/**
 * The page Chromium prints, made from the HTML edition:
 * - footnotes at the foot of the page (above);
 * - a chart is one Figure with its text alternative and a Caption (a <figure> around an <img> would be
 *   two nested Figures, the outer one without Alt), and only its wide drawing;
 * - the cover's title is a paragraph and "Innehåll" the first heading, so that the bookmarks start at
 *   the contents rather than hang under the cover;
 * - the screen's hints about scrolling tables are left out.
 */
export function toPrintCopy(html: string): string {
  return footnotesToPageFloats(html)
    .replace(/<figure class="diagram"/g, '<figure role="none" class="diagram"')
    .replace(/<source media="[^"]*" srcset="[^"]*">/g, "")
    .replace(/<h1 class="omslag-titel">([\s\S]*?)<\/h1>/, '<p class="omslag-titel">$1</p>')
    .replace(
      /<h2 id="innehall-rubrik" class="innehall-rubrik">([\s\S]*?)<\/h2>/,
      '<h1 id="innehall-rubrik" class="innehall-rubrik">$1</h1>',
    )
    .replace(/<p class="tabell-tips"[^>]*>[\s\S]*?<\/p>\n?/g, "")
    .replace(/ aria-describedby="tabell-\d+-tips"/g, "");
}

export const PAGED_MEDIA_CSS = `
.fotnot { float: footnote; footnote-policy: line; display: block; padding-left: 5mm; text-indent: -5mm; font-size: 8pt; line-height: 1.3; font-style: normal; font-weight: normal; }
.fotnot-nr { display: inline-block; min-width: 5mm; text-indent: 0; }
.fotnotsiffra a { color: inherit; text-decoration: none; }
.fotnot-ord { white-space: nowrap; }
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
    // A footnote is an <aside> at the foot of its page, which Chromium tags as Aside; the PDF's
    // post-processing renames it Note (see accessible-pdf.ts). It stays a <span> while Paged.js lays
    // it out, because in the paragraph that cites it an <aside> would end the paragraph.
    for (const note of document.querySelectorAll(".pagedjs_footnote_area .fotnot")) {
      const aside = document.createElement("aside");
      for (const attribute of note.attributes) aside.setAttribute(attribute.name, attribute.value);
      aside.replaceChildren(...note.childNodes);
      note.replaceWith(aside);
    }
    // Paged.js gives each note an id of its own (random, which Chromium would write into the PDF) and
    // an empty link to it where it was cited. The report's own call already links to the note: the
    // note takes back its number as id, and Paged.js's empty links go.
    for (const note of document.querySelectorAll(".pagedjs_footnote_area [data-fotnot]"))
      note.id = "fotnot-" + note.dataset.fotnot;
    for (const call of document.querySelectorAll("a[data-footnote-call]")) call.remove();
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
