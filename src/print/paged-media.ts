import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

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
  return withCallsAsFloats(html, definitions).replace(/<section class="fotnoter"[\s\S]*?<\/section>\n?/g, "");
}

const FOOTNOTE_CALL = /<sup class="footnote-ref"><a href="#fn(\d+)" id="fnref\d+"[^>]*>\d+<\/a><\/sup>/g;
const OUTSIDE_WORD = /[\s<>"]/;

/**
 * Each call is kept on one line with the word before it: laid out alone, Paged.js may push a call whose
 * note does not fit to the next page by itself, where it stands as a number on its own line. The word
 * (at most 60 characters) is found by looking back from each call, so the page is read once: a pattern
 * that tried a word at every position cost a build about 0.1 s over the long base64 runs of fonts and
 * images.
 */
function withCallsAsFloats(html: string, definitions: ReadonlyMap<string, string>): string {
  let out = "";
  let copied = 0;
  for (const call of html.matchAll(FOOTNOTE_CALL)) {
    const at = call.index;
    let word = at;
    while (word > copied && at - word < 60 && !OUTSIDE_WORD.test(html[word - 1]!)) word--;
    const n = call[1]!;
    out +=
      html.slice(copied, word) +
      `<span class="fotnot-ord">${html.slice(word, at)}<sup class="fotnotsiffra"><a href="#fotnot-${n}" aria-label="Fotnot ${n}">${n}</a></sup></span>` +
      `<span class="fotnot" data-fotnot="${n}"><span class="fotnot-nr">${n}.</span>${definitions.get(n) ?? ""}</span>`;
    copied = at + call[0].length;
  }
  return out + html.slice(copied);
}

/**
 * The page Chromium prints, made from the HTML edition:
 * - footnotes at the foot of the page (above);
 * - a chart is one Figure with its text alternative and a Caption (a <figure> around an <img> would be
 *   two nested Figures, the outer one without Alt), and only its wide drawing;
 * - the cover's title is a paragraph and every heading one level up ("Innehåll" and the chapters h1),
 *   so that the bookmarks start at the contents rather than hang under the cover;
 * - the screen's hints about scrolling tables are left out;
 * - each chart's image states its size, so that the layout can measure a figure before its image has
 *   loaded (see KeepFiguresInFlow);
 * - what Paged.js need not read goes in a style of its own that it leaves alone (see UNTOUCHED_CSS);
 * - the screen's skip link goes, and with it the id it leads to: in the PDF it would be a link nobody
 *   can follow past the cover and a named destination of its own.
 */
export function toPrintCopy(html: string): string {
  return (
    withUntouchedStyle(footnotesToPageFloats(withoutSkipLink(html)))
      // A global ARIA attribute would override role="none" (and make the figure a second Figure): the
      // source line is tied to the chart by the PDF's reading order instead.
      .replace(/(<figure class="diagram"[^>]*?) aria-describedby="[^"]*"/g, "$1")
      .replace(/<figure class="diagram"/g, '<figure role="none" class="diagram"')
      .replace(/<source media="[^"]*" srcset="[^"]*">/g, "")
      .replace(/<h1 class="omslag-titel">([\s\S]*?)<\/h1>/, '<p class="omslag-titel">$1</p>')
      .replace(
        /<(\/?)h([2-6])([ >])/g,
        (_tag, close: string, level: string, after: string) => `<${close}h${Number(level) - 1}${after}`,
      )
      .replace(/<img src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]{0,400})/g, withChartSize)
      .replace(/<p class="tabell-tips"[^>]*>[\s\S]*?<\/p>\n?/g, "")
  );
}

const SKIP_LINK = /<a class="hopplank" href="#([^"]+)">[\s\S]*?<\/a>\n?/;

function withoutSkipLink(html: string): string {
  const link = SKIP_LINK.exec(html);
  if (!link) return html;
  return html.replace(link[0], "").replace(` id="${link[1]}"`, "");
}

/**
 * CSS that Paged.js is not to read or rewrite (`data-pagedjs-ignore`), so the page keeps it as it is:
 * - the @font-face rules, some 0.55 MB of fonts as base64 that its CSS parser otherwise reads and
 *   writes back on every layout;
 * - the height Paged.js gives the footnotes of each page (`--pagedjs-footnotes-height`, set on the page
 *   area after every note it places), registered as not inherited: only the two boxes it sizes read it,
 *   and as an inherited property every change restyled all that the page held (about a fifth of the
 *   layout's style work).
 */
const UNTOUCHED_CSS = `@property --pagedjs-footnotes-height { syntax: "<length>"; inherits: false; initial-value: 0px; }
.pagedjs_area > .pagedjs_page_content, .pagedjs_area > .pagedjs_footnote_area { --pagedjs-footnotes-height: inherit; }
`;

const FONT_FACE = /@font-face\s*\{[^}]*\}\n?/g;

function withUntouchedStyle(html: string): string {
  const faces = html.match(FONT_FACE) ?? [];
  const head = html.indexOf("</head>");
  if (head < 0) return html;
  const style = `<style data-pagedjs-ignore>\n${faces.join("")}${UNTOUCHED_CSS}</style>\n`;
  const before = html.slice(0, head).replace(FONT_FACE, "");
  // First in the head, so that the cascade is as it was: the faces came first in the page's own style.
  const at = before.indexOf("<style");
  return at < 0
    ? `${before}${style}${html.slice(head)}`
    : `${before.slice(0, at)}${style}${before.slice(at)}${html.slice(head)}`;
}

/**
 * The body's content goes into the template Paged.js takes its source from (`pagedjs-content`, which
 * it otherwise makes itself by serialising the body and parsing it again). Inside a template the
 * content is inert: Chromium never lays out the unpaginated 22 pages before Paged.js does, which was
 * about 40% of the browser's time on setting the page.
 */
export function asPagedSource(html: string): string {
  const open = /<body[^>]*>/.exec(html);
  const close = html.lastIndexOf("</body>");
  if (!open || close < open.index) return html;
  const start = open.index + open[0].length;
  return `${html.slice(0, start)}<template data-ref="pagedjs-content">${html.slice(start, close)}</template>${html.slice(close)}`;
}

/** Adds the drawing's own width and height (from the opening of its SVG) to a chart's <img>. */
function withChartSize(img: string, head: string): string {
  const svg = Buffer.from(head.slice(0, head.length - (head.length % 4)), "base64").toString("latin1");
  const size = /^<svg[^>]*? width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg);
  return size ? img.replace("<img ", `<img width="${size[1]}" height="${size[2]}" `) : img;
}

export const PAGED_MEDIA_CSS = `
.fotnot { float: footnote; footnote-policy: line; display: block; padding-left: 6mm; text-indent: -6mm; font-size: 8pt; line-height: 1.3; font-style: normal; font-weight: normal; }
/* The number takes exactly the indent (no space after it), so a note's turnover lines align with its first. */
.fotnot-nr { display: inline-block; width: 6mm; text-indent: 0; }
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
      if (!header) continue;
      // The repeat is for the eye: hidden from assistive technology, it is left untagged (an Artifact
      // in the PDF), and the table's one header row stays the only TH row in the structure tree.
      const repeat = header.cloneNode(true);
      repeat.setAttribute("aria-hidden", "true");
      table.insertBefore(repeat, table.firstChild);
    }
  }
  afterPageLayout(pageElement, page, breakToken, chunker) {
    this.chunker = chunker;
  }
  afterRendered() {
    for (const box of document.querySelectorAll(".pagedjs_margin")) box.setAttribute("aria-hidden", "true");
    // The contents' page numbers, once every page is laid out (the print CSS shows data-sida). Paged.js's
    // own target-counter restyled the whole document for every entry as soon as its page existed.
    for (const entry of document.querySelectorAll(".innehall a[href^='#']")) {
      const target = document.getElementById(decodeURIComponent(entry.getAttribute("href").slice(1)));
      const page = target && target.closest(".pagedjs_page");
      if (page) entry.dataset.sida = page.dataset.pageNumber;
    }
    // Which printed tables continue one from the page before, in document order: Chromium tags each
    // part as a Table of its own, and the PDF's post-processing joins them (see accessible-pdf.ts).
    window.__tableContinuations = [...document.querySelectorAll(".pagedjs_page_content table")].map((t) =>
      t.hasAttribute("data-split-from"),
    );
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
// A chart that does not fit below the text before it would open the next page and leave the foot
// of this one empty. Before the text is laid out, the handler measures it and the chart together in
// the page being filled; if the text fits and the chart does not, the chart (with its source line)
// moves past the next paragraph, list or (whole) table in the source, so that they fill the page and the chart
// follows them. The next paragraph is measured the same way, so a chart moves only as far as the end
// of the page, and never past a heading or another chart: it stays in its section. One layout pass.
// Rows (list items) that stay together on either side of a page break: see KeepRowsTogether.
const MIN_BEFORE = 3;
const MIN_AFTER = 2;
// The longest group of table rows moved whole to the next page to keep it with its Delsumma.
const MAX_GROUP_MOVED = 8;
// A copy to measure: without its footnotes' text, which Paged.js moves to the foot of the page.
const measurable = (el) => {
  const copy = el.cloneNode(true);
  for (const note of copy.querySelectorAll(".fotnot")) note.remove();
  return copy;
};
// A table's note (Anm.) goes with it as its Källa line does.
const isSourceLine = (el) =>
  el.matches("p") && (/^\\s*Källa:/.test(el.textContent) || el.matches(".tabell-anm, .teckenforklaring"));
const movesPast = (el) => el.matches("p, ul, ol, .tabell") && !isSourceLine(el);
class KeepFiguresInFlow extends Paged.Handler {
  onPageLayout(wrapper, breakToken, layout) {
    this.wrapper = wrapper;
  }
  layoutNode(node) {
    const figure = node.nodeType === 1 ? node.nextElementSibling : null;
    if (!this.wrapper || !figure || !figure.matches("figure.diagram")) return;
    const group = [figure];
    let next = figure.nextElementSibling;
    while (next && isSourceLine(next)) {
      group.push(next);
      next = next.nextElementSibling;
    }
    if (!next || !movesPast(next)) return;
    const ref = node.parentElement && node.parentElement.dataset.ref;
    const parent = ref && this.wrapper.querySelector("[data-ref='" + ref + "']");
    if (!parent) return; // the text opens the page: the chart follows it there
    const notes = this.wrapper.closest(".pagedjs_area").querySelector(".pagedjs_footnote_area");
    // The page's content box (its height leaves room for the notes so far); the wrapper itself grows.
    const content = this.wrapper.parentElement.getBoundingClientRect();
    const noteTop = notes && notes.querySelector(".fotnot") ? notes.getBoundingClientRect().top : Infinity;
    const bottom = Math.min(content.bottom, noteTop);
    const clones = [node, ...group].map((el) => parent.appendChild(measurable(el)));
    // What does not fit flows into the next column of Paged.js's multi-column content box: to the
    // right, at the top again.
    const fits = (el) => {
      const box = el.getBoundingClientRect();
      return box.bottom <= bottom && box.right <= content.right + 1;
    };
    const leadFits = fits(clones[0]);
    const groupFits = fits(clones[clones.length - 1]);
    for (const clone of clones) clone.remove();
    if (!leadFits || groupFits) return;
    // A table the chart would pass must fit whole, or split as KeepRowsTogether allows: its caption,
    // header and MIN_BEFORE rows on this page, MIN_AFTER rows on the next. It is measured outside the
    // multi-column box, where Chromium would spread a table over columns.
    if (next.matches(".tabell")) {
      const lead = parent.appendChild(measurable(node));
      const room = bottom - lead.getBoundingClientRect().bottom - parseFloat(getComputedStyle(next).marginTop || "0");
      lead.remove();
      const box = document.createElement("div");
      box.style.cssText = "position: absolute; left: -10000px; top: 0; width: " + content.width + "px";
      const table = box.appendChild(measurable(next));
      const notes = box.appendChild(document.createElement("div"));
      document.body.appendChild(box);
      // Footnotes cited in the rows go to this page's foot and take room from it.
      const notesFor = (sourceRows) => {
        notes.replaceChildren(...sourceRows.flatMap((row) => [...row.querySelectorAll(".fotnot")].map((n) => n.cloneNode(true))));
        return notes.getBoundingClientRect().height;
      };
      const top = table.getBoundingClientRect().top;
      const rows = table.querySelectorAll("tbody > tr");
      const sourceRows = [...next.querySelectorAll("tbody > tr")];
      const whole = table.getBoundingClientRect().bottom - top + notesFor(sourceRows);
      const split =
        rows.length >= MIN_BEFORE + MIN_AFTER
          ? rows[MIN_BEFORE - 1].getBoundingClientRect().bottom - top + notesFor(sourceRows.slice(0, MIN_BEFORE))
          : Infinity;
      box.remove();
      if (Math.min(whole, split) > room) return;
    }
    // The chart goes after what it passes together with that block's own source line.
    let last = next;
    while (last.nextElementSibling && isSourceLine(last.nextElementSibling)) last = last.nextElementSibling;
    last.after(...group);
  }
}
// Paged.js breaks a table between any two rows and a list between any two items, and so can leave a
// lone row or item at the foot of a page or the head of the next. Where the page would end, the break
// moves up: at least MIN_BEFORE rows (items) stay before it and MIN_AFTER go after it, and a list of
// fewer than four items is never split; where that cannot be, the whole table or list goes to the next
// page (unless it already opens this one). Rows are counted in the table body, not its repeated header.
class KeepRowsTogether extends Paged.Handler {
  afterParsed(parsed) {
    this.parsed = parsed;
  }
  onOverflow(overflow, rendered) {
    if (!overflow || !this.parsed) return;
    const start = overflow.startContainer.nodeType === 1
      ? overflow.startContainer.childNodes[overflow.startOffset] || overflow.startContainer
      : overflow.startContainer.parentElement;
    const kept = keepSourceLineWithBlock(start, rendered);
    if (kept) {
      const range = document.createRange();
      range.setStartBefore(kept);
      range.setEnd(overflow.endContainer, overflow.endOffset);
      return range;
    }
    const opening = keepParagraphOpening(start, overflow, rendered);
    if (opening) {
      const range = document.createRange();
      range.setStartBefore(opening);
      range.setEnd(overflow.endContainer, overflow.endOffset);
      return range;
    }
    const item = start && start.closest && start.closest("tbody > tr, ul > li, ol > li");
    if (!item || !rendered.contains(item)) return;
    const group = item.parentElement;
    const block = group.matches("ul, ol") ? group : item.closest(".tabell") || item.closest("table");
    const rows = [...group.children];
    const before = rows.indexOf(item);
    const original = this.parsed.querySelector("[data-ref='" + item.dataset.ref + "']");
    const all = original ? [...original.parentElement.children] : rows;
    const after = original ? all.length - all.indexOf(original) : MIN_AFTER;
    const total = all.length;
    const isList = group.matches("ul, ol");
    let breakAt = before;
    if (isList && total < 4) breakAt = 0;
    else if (after < MIN_AFTER) breakAt = before - (MIN_AFTER - after);
    // A group's rows (marked i-grupp: each keeps with the next) are not parted from their Delsumma,
    // unless the group is too long to move whole.
    let groupStart = breakAt;
    while (groupStart > 0 && rows[groupStart - 1].classList.contains("i-grupp")) groupStart--;
    let groupEnd = original ? all.indexOf(original) : all.length;
    while (groupEnd < all.length && all[groupEnd].classList.contains("i-grupp")) groupEnd++;
    const groupRows = before - groupStart + (original ? groupEnd - all.indexOf(original) : MAX_GROUP_MOVED);
    if (groupStart < breakAt && groupRows <= MAX_GROUP_MOVED) breakAt = groupStart;
    // No row fits (before 0): the table goes whole, its caption with it, not left alone at the foot.
    if (breakAt === before) {
      if (before >= MIN_BEFORE) return;
      breakAt = 0;
    } else if (breakAt < MIN_BEFORE) breakAt = 0;
    const continued = block.matches("[data-split-from]") || group.matches("[data-split-from]");
    if (breakAt === 0 && (continued || !hasContentBefore(block, rendered))) return;
    const range = document.createRange();
    range.setStartBefore(breakAt === 0 ? block : rows[breakAt]);
    range.setEnd(overflow.endContainer, overflow.endOffset);
    return range;
  }
}
// A table's or chart's Källa line would open the next page alone where the block ends at the foot of
// this one: the break moves up so that the line goes with the table's last MIN_AFTER rows (the whole
// table when it is too short to split as above, unless it opens the page) or with the whole chart.
// Returns where the page should end instead, or nothing.
function keepSourceLineWithBlock(start, rendered) {
  const line = start && start.closest && start.closest("p");
  if (!line || !rendered.contains(line) || !isSourceLine(line)) return;
  // The sign key stands inside the table's box, after the table.
  let block = line.matches(".teckenforklaring") ? line.closest(".tabell") : line.previousElementSibling;
  while (block && isSourceLine(block)) block = block.previousElementSibling;
  if (!block) return;
  if (block.matches("figure.diagram")) return hasContentBefore(block, rendered) ? block : undefined;
  if (!block.matches(".tabell")) return;
  const rows = [...block.querySelectorAll("tbody > tr")];
  const continued = block.matches("[data-split-from]") || !!block.querySelector("[data-split-from]");
  if (rows.length >= (continued ? MIN_AFTER + 1 : MIN_BEFORE + MIN_AFTER)) return rows[rows.length - MIN_AFTER];
  return !continued && hasContentBefore(block, rendered) ? block : undefined;
}
// A heading keeps at least two lines of its text with it: where only one (or none) would follow it at the
// foot of the page, the heading goes to the next page with its paragraph (Paged.js honours neither
// orphans nor break-after: avoid here). Returns where the page should end instead, or nothing.
function keepParagraphOpening(start, overflow, rendered) {
  const p = start && start.closest && start.closest("p");
  if (!p || !rendered.contains(p) || p.closest("table, .fotnot, .omslag")) return;
  const lineHeight = parseFloat(getComputedStyle(p).lineHeight);
  if (!lineHeight) return;
  const rest = overflow.getBoundingClientRect();
  if (rest.height === 0) return;
  const lines = Math.round((rest.top - p.getBoundingClientRect().top) / lineHeight);
  if (lines < 0 || lines >= 2) return;
  const heading = p.previousElementSibling;
  if (!heading || !heading.matches("h1, h2, h3, h4")) return;
  return hasContentBefore(heading, rendered) ? heading : undefined;
}
function hasContentBefore(element, rendered) {
  for (let node = element; node && node !== rendered; node = node.parentElement)
    for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling)
      if (sibling.nodeType === 1 || (sibling.nodeType === 3 && sibling.textContent.trim() !== "")) return true;
  return false;
}
// Handlers are taken when the previewer is created, so register first, then lay out.
Paged.registerHandlers(RepeatTableHeaders, KeepFiguresInFlow, KeepRowsTogether);
// Every face is loaded before Paged.js measures anything. \`document.fonts.ready\` alone waits only for faces
// already in use; a face first used in a footnote or a chart would otherwise be measured in a fallback
// font while it loads, and on a busy machine the pages would break differently. The print awaits
// __pagedLayout, which says how the layout ended and which tables continue a table.
const faces = [];
document.fonts.forEach((face) => faces.push(face.load()));
window.__pagedLayout = Promise.all(faces)
  .then(() => new Paged.Previewer().preview())
  .then(
    () => {
      window.__pagedDone = true;
      return { tableContinuations: window.__tableContinuations || [] };
    },
    (error) => {
      window.__pagedError = String(error);
      return { error: String(error) };
    },
  );
`;

let polyfill: Promise<string> | undefined;

/**
 * Changes to Paged.js 0.4.3 (its readable library build, dist/paged.js), applied as it is read. Each must
 * match the library's text exactly once, or the build stops: a new Paged.js is looked at, not patched
 * blindly. None changes where a page breaks (the built report's text is the same page for page, and
 * the visual and golden tests hold); they change how often the page is measured.
 */
const PAGED_PATCHES: readonly { why: string; from: string; to: string }[] = [
  {
    why: "the library build's global, as the handlers (and earlier, the minified build) name it",
    from: "factory(global.Paged = {})",
    to: "factory(global.PagedModule = {})",
  },
  {
    // Paged.js checks for overflow once the page holds as many characters as the last pages did on
    // average, and then after every node it adds until the page overflows: on a page that holds more
    // than the average, that was a forced layout per node, about 750 for the 2024 report. After a check
    // that finds room, the next now waits until half that room is filled, at the density of the text so
    // far; near the foot of the page it is again every node. A check that comes later finds the same
    // first overflowing node (what follows it on the page does not move what precedes it), so the
    // pages are the same; what would have been laid out beyond the page is removed as before.
    why: "an overflow check after every node once a page holds the average number of characters",
    from: `					if (newBreakToken) {
						length = 0;
						this.rebuildTableFromBreakToken(newBreakToken, wrapper);
					}
`,
    to: `					if (newBreakToken) {
						length = 0;
						this.rebuildTableFromBreakToken(newBreakToken, wrapper);
					} else if (wrapper.lastElementChild) {
						const box = wrapper.getBoundingClientRect();
						const filled = wrapper.lastElementChild.getBoundingClientRect().bottom - box.top;
						const room = box.height - filled;
						if (filled > 0 && room > 0) {
							length = this.maxChars - Math.floor((room * wrapper.textContent.length) / filled / 2);
						}
					}
`,
  },
  {
    // Paged.js lays out each page in an animation frame of its own: every page waited for the next
    // frame, and every frame painted the pages so far (in a trace of the 2024 layout, about 0.1 s of
    // painting and as much of waiting). The queue now goes on as soon as a page is done. It also makes
    // the pages independent of the machine's pace: a page's ResizeObserver, which Paged.js would act on
    // while it is still laying out, now reports only once the layout is done, when Paged.js ignores it.
    why: "a page per animation frame",
    from: "\t\t\tthis.tick = requestAnimationFrame;\n",
    to: "\t\t\tthis.tick = (next) => Promise.resolve().then(next);\n",
  },
];

/**
 * Where `npm run build` keeps the patched Paged.js minified (scripts/minify-paged.mjs): `dist/paged.min.js`,
 * found from `dist/print/` and from the bundle in `dist/bundle/` alike. Run from source there is none.
 */
export const PAGED_MINIFIED = fileURLToPath(new URL("../paged.min.js", import.meta.url));

/** The patched readable build, and the key its minified copy is stored under (its SHA-256). */
async function patchedLibrary(): Promise<{ code: string; key: string }> {
  // The package's exports map does not list dist/; find the package from its entry point.
  const require = createRequire(import.meta.url);
  const packageDir = path.resolve(path.dirname(require.resolve("pagedjs")), "..");
  const code = patchPaged(await readFile(path.join(packageDir, "dist/paged.js"), "utf8"));
  return { code, key: createHash("sha256").update(code).digest("hex") };
}

const keyLine = (key: string) => `/* report: minifierad ur pagedjs/dist/paged.js med ändringar ${key} */\n`;

/**
 * Paged.js as the report runs it (see PAGED_PATCHES), shipped through npm and inlined: the copy `npm run
 * build` minified when it was made from the same patched text (half the size to hand to the page and
 * about 50 ms less to load there), otherwise the patched readable build itself.
 */
export async function pagedPolyfill(): Promise<string> {
  polyfill ??= (async () => {
    const [library, minified] = await Promise.all([
      patchedLibrary(),
      readFile(PAGED_MINIFIED, "utf8").catch(() => undefined),
    ]);
    return storedMinified(minified, library.key) ?? library.code;
  })();
  return polyfill;
}

/** The stored minified code if it was made from the text whose key is `key`, otherwise nothing. */
export function storedMinified(stored: string | undefined, key: string): string | undefined {
  const line = keyLine(key);
  return stored?.startsWith(line) ? stored.slice(line.length) : undefined;
}

/** Writes the minified copy (scripts/minify-paged.mjs, which brings the minifier: a build-time tool). */
export async function writeMinifiedPaged(
  minify: (code: string) => Promise<string>,
  file = PAGED_MINIFIED,
): Promise<void> {
  const library = await patchedLibrary();
  await writeFile(file, keyLine(library.key) + (await minify(library.code)));
}

/** Applies PAGED_PATCHES; a patch whose text is not found exactly once stops the build. */
export function patchPaged(library: string): string {
  let patched = library;
  for (const patch of PAGED_PATCHES) {
    const at = patched.indexOf(patch.from);
    if (at < 0 || patched.indexOf(patch.from, at + 1) >= 0)
      throw new Error(
        `Paged.js är inte den version report är anpassad till: ändringen för "${patch.why}" hittar inte sin plats i pagedjs/dist/paged.js.`,
      );
    patched = patched.slice(0, at) + patch.to + patched.slice(at + patch.from.length);
  }
  return patched;
}
