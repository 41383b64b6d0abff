import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHeader,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  ParseSpeeds,
  decodePDFRawStream,
  type PDFObject,
} from "@cantoo/pdf-lib";
import { deflateSync, inflateSync } from "node:zlib";
import { markUntaggedAsArtifacts } from "./content-stream.js";

/**
 * What Chromium's tagged PDF lacks for PDF/UA-1 and cannot be asked for from the page, added after
 * printing with pdf-lib (the maintained fork @cantoo/pdf-lib; MIT). Everything that can be said in the
 * HTML is said there (captions, row headers, alt text, one Figure per chart, language); this module
 * does only what Chromium has no input for:
 *
 * - content outside the tag tree (running heads, page numbers, rules) becomes `/Artifact` (§7.1);
 * - XMP metadata with `dc:title` and `pdfuaid:part` 1, `/Metadata` in the catalog, `/Author`, our own
 *   Creator and Producer, PDF 1.7 (§5, §7.1);
 * - footnotes become `Note` elements with an `/ID` (§7.9; Chromium has no Note: `<aside>`, which the
 *   print copy uses for footnotes only, comes out as the PDF 2.0 type `Aside`);
 * - the PDF 2.0 types Chromium writes for emphasis (`Em`, `Strong`) are role-mapped to `Span` in the
 *   structure tree's RoleMap: a PDF 1.7 file may use only ISO 32000-1's standard types or types mapped
 *   to them (§7.1, ISO 32000-1 14.8.4);
 * - every link annotation gets `/Contents` (§7.18.5), every page with annotations `/Tabs /S` (§7.18.3);
 * - bookmark titles are the headings' own text (Chromium builds them from the laid-out lines and
 *   drops the space where a heading wraps).
 *
 * The fonts need nothing here: the print copy embeds static cuts named after their own style
 * (see print-fonts.ts).
 */
export interface PdfDescription {
  /** The document's title (`<title>`), for the Info dictionary and `dc:title`. */
  title: string;
  author: string;
  /** BCP 47, as in `<html lang>`. */
  language: string;
  /** What made the document, for `/Creator` and `xmp:CreatorTool`. */
  creator: string;
  /** Stamped as creation and modification date (a build's fixed date, for reproducible output). */
  date: Date;
  /** Every heading of the printed page in document order, as the bookmarks should read. */
  headings: readonly string[];
  /** What each link says, by its target: `#id` for a place in the document, or the address itself. */
  links: ReadonlyMap<string, string>;
  /**
   * For each printed table in document order, whether it continues the one before it on the previous
   * page. Default: none does.
   */
  tableContinuations?: readonly boolean[];
}

// PDFName.of runs a regular expression over the name on every call; the walks below ask thousands of times.
const names = new Map<string, PDFName>();
const name = (n: string) => {
  let pdfName = names.get(n);
  if (!pdfName) names.set(n, (pdfName = PDFName.of(n)));
  return pdfName;
};

/** `D:YYYYMMDDHHmmSS+00'00'`, the form Chromium writes and makeReproducible replaces in place. */
export function pdfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00'`
  );
}

const xmlEscape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** XMP packet (ISO 16684-1) with Dublin Core, XMP basic, Adobe PDF and the PDF/UA identification. */
export function xmpMetadata(description: PdfDescription, producer: string): string {
  const iso = description.date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(description.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${xmlEscape(description.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:language><rdf:Bag><rdf:li>${xmlEscape(description.language)}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreatorTool>${xmlEscape(description.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>${iso}</xmp:CreateDate>
   <xmp:ModifyDate>${iso}</xmp:ModifyDate>
   <xmp:MetadataDate>${iso}</xmp:MetadataDate>
   <pdf:Producer>${xmlEscape(producer)}</pdf:Producer>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

const textOf = (value: PDFObject | undefined): string | undefined =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

const squeeze = (text: string) => text.replace(/\s+/g, "");

/** The decoded bytes of a page's content, however many streams it is split into. */
function pageContent(doc: PDFDocument, contents: PDFObject | undefined): Uint8Array {
  const streams: PDFStream[] = [];
  const resolved = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  if (resolved instanceof PDFArray) {
    for (let i = 0; i < resolved.size(); i++) streams.push(resolved.lookup(i, PDFStream));
  } else if (resolved instanceof PDFStream) streams.push(resolved);
  const parts = streams.map((s) => (s instanceof PDFRawStream ? decodeStream(s) : s.getContents()));
  // Streams of one page are read as one (ISO 32000-1, 7.8.2); a newline keeps tokens apart.
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    joined[offset + part.length] = 0x0a;
    offset += part.length + 1;
  }
  return joined;
}

/**
 * A stream's bytes. Chromium compresses every page with Flate alone, which Node's zlib inflates in a
 * fraction of the time pdf-lib's decoder in JavaScript takes; any other filter goes through pdf-lib.
 */
function decodeStream(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(name("Filter"));
  const flateOnly = filter === name("FlateDecode") && !stream.dict.has(name("DecodeParms"));
  return flateOnly ? inflateSync(stream.getContents()) : decodePDFRawStream(stream).decode();
}

function markArtifacts(doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    const content = pageContent(doc, page.node.get(name("Contents")));
    const marked = markUntaggedAsArtifacts(content);
    if (!marked) continue;
    // Compressed by Node's zlib (native) rather than pdf-lib's flateStream (fflate, in JavaScript):
    // the same Flate stream, and the largest single cost of this module before. (zlib on libuv's
    // threads, every page at once, measured slower here: more CPU and wall time on two busy cores.)
    const stream = doc.context.stream(deflateSync(marked), { Filter: "FlateDecode" });
    page.node.set(name("Contents"), doc.context.register(stream));
  }
}

/**
 * The structure tree read once for the steps that change it: its elements in document order, and the
 * reference of every indirect dictionary (an element's kids and parent name it by reference).
 */
interface Structure {
  elements: PDFDict[];
  refs: Map<PDFDict, PDFRef>;
}

function readStructure(doc: PDFDocument): Structure {
  const elements: PDFDict[] = [];
  const refs = new Map<PDFDict, PDFRef>();
  const root = doc.catalog.lookupMaybe(name("StructTreeRoot"), PDFDict);
  if (!root) return { elements, refs };
  for (const [ref, object] of doc.context.enumerateIndirectObjects())
    if (object instanceof PDFDict) refs.set(object, ref);
  const seen = new Set<PDFDict>();
  const walk = (node: PDFObject | undefined) => {
    const value = node instanceof PDFRef ? doc.context.lookup(node) : node;
    if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) walk(value.get(i));
      return;
    }
    if (!(value instanceof PDFDict) || seen.has(value)) return;
    seen.add(value);
    if (value.get(name("S"))) elements.push(value);
    // Marked-content and object references (MCR, OBJR) have no kids to walk.
    if (value.get(name("Type")) === name("MCR") || value.get(name("Type")) === name("OBJR")) return;
    walk(value.get(name("K")));
  };
  walk(root.get(name("K")));
  return { elements, refs };
}

/** PDF 2.0 structure types Chromium writes, and the ISO 32000-1 type each is role-mapped to. */
const PDF2_TYPES: Record<string, string> = { Em: "Span", Strong: "Span" };

/** Role-maps every PDF 2.0 type the tree uses (PDF2_TYPES) to its PDF 1.7 standard type. */
function mapPdf2Types(doc: PDFDocument, { elements }: Structure): void {
  const root = doc.catalog.lookupMaybe(name("StructTreeRoot"), PDFDict);
  if (!root) return;
  const used = new Set(elements.map((element) => element.get(name("S"))).filter((s) => s instanceof PDFName));
  const roleMap = root.lookupMaybe(name("RoleMap"), PDFDict) ?? doc.context.obj({});
  for (const [type, standard] of Object.entries(PDF2_TYPES))
    if (used.has(name(type)) && !roleMap.has(name(type))) roleMap.set(name(type), name(standard));
  if (roleMap.keys().length > 0) root.set(name("RoleMap"), roleMap);
}

/**
 * A table the layout split over pages is one Table (PDF/UA-1 §7.5: a table's structure is that of
 * the table, not of its pages). Chromium tags each part as a Table of its own; the rows of every
 * continuation move into the table it continues, each keeping its own page (/Pg), and the empty part
 * leaves the tree. The repeated header rows on continuations were never tagged (see paged-media.ts).
 * Nothing is joined unless the tree has exactly one Table per printed table.
 */
function joinSplitTables(
  doc: PDFDocument,
  { elements, refs }: Structure,
  continuations: readonly boolean[],
): void {
  if (!continuations.includes(true)) return;
  const tables = elements.filter((element) => element.get(name("S")) === name("Table"));
  if (tables.length !== continuations.length) return;
  let target: PDFDict | undefined;
  tables.forEach((table, i) => {
    if (!continuations[i] || !target) {
      target = table;
      return;
    }
    const targetRef = refs.get(target);
    const ref = refs.get(table);
    const arrayOf = (value: PDFObject | undefined) => {
      const resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
      return resolved instanceof PDFArray ? resolved : undefined;
    };
    const targetKids = arrayOf(target.get(name("K")));
    const kids = table.get(name("K"));
    const moved = arrayOf(kids)?.asArray() ?? (kids ? [kids] : []);
    if (!targetRef || !ref || !targetKids) return;
    const page = table.get(name("Pg"));
    for (const kid of moved) {
      if (kid instanceof PDFNumber && page instanceof PDFRef) {
        // Content marked on the part itself (its rules): a reference to it on its own page, whose
        // parent in the parent tree becomes the joined table.
        const mcr = doc.context.obj({ Type: "MCR", Pg: page, MCID: kid });
        targetKids.push(mcr);
        setMarkedContentParent(doc, page, kid.asNumber(), targetRef);
        continue;
      }
      const row = kid instanceof PDFRef ? doc.context.lookupMaybe(kid, PDFDict) : undefined;
      if (!row) continue;
      row.set(name("P"), targetRef);
      if (!row.get(name("Pg")) && page) row.set(name("Pg"), page);
      targetKids.push(kid);
    }
    const parent = table.lookupMaybe(name("P"), PDFDict);
    const siblings = arrayOf(parent?.get(name("K")));
    const index = siblings?.asArray().findIndex((k) => k === ref) ?? -1;
    if (siblings && index >= 0) siblings.remove(index);
    else if (parent && parent.get(name("K")) === ref) parent.set(name("K"), doc.context.obj([]));
  });
}

/** Makes `parent` the structure element of marked content `mcid` on `page` in the parent tree. */
function setMarkedContentParent(doc: PDFDocument, page: PDFRef, mcid: number, parent: PDFRef): void {
  const key = doc.context.lookup(page, PDFDict).get(name("StructParents"));
  const root = doc.catalog.lookupMaybe(name("StructTreeRoot"), PDFDict);
  if (!(key instanceof PDFNumber) || !root) return;
  const visit = (node: PDFDict | undefined): boolean => {
    if (!node) return false;
    const nums = node.lookupMaybe(name("Nums"), PDFArray);
    for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
      const k = nums.get(i);
      if (!(k instanceof PDFNumber) || k.asNumber() !== key.asNumber()) continue;
      const value = nums.get(i + 1);
      const parents = value instanceof PDFRef ? doc.context.lookup(value) : value;
      if (parents instanceof PDFArray && mcid < parents.size()) parents.set(mcid, parent);
      return true;
    }
    const kids = node.lookupMaybe(name("Kids"), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) if (visit(kids.lookupMaybe(i, PDFDict))) return true;
    return false;
  };
  visit(root.lookupMaybe(name("ParentTree"), PDFDict));
}

/** Footnotes as Note elements, each with an ID in the structure tree's ID tree. */
function markNotes(doc: PDFDocument, { elements, refs }: Structure): number {
  const root = doc.catalog.lookupMaybe(name("StructTreeRoot"), PDFDict);
  if (!root) return 0;
  const notes: PDFRef[] = [];
  for (const element of elements) {
    if (element.get(name("S")) !== name("Aside")) continue;
    element.set(name("S"), name("Note"));
    const ref = refs.get(element);
    if (ref) notes.push(ref);
  }
  if (notes.length === 0) return 0;
  // The ID tree is a name tree; it is written back as one sorted leaf holding every entry.
  const entries = new Map<string, PDFObject>();
  const collect = (node: PDFDict | undefined) => {
    if (!node) return;
    const names = node.lookupMaybe(name("Names"), PDFArray);
    if (names)
      for (let i = 0; i + 1 < names.size(); i += 2) {
        const key = textOf(names.lookup(i));
        if (key !== undefined) entries.set(key, names.get(i + 1));
      }
    const kids = node.lookupMaybe(name("Kids"), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) collect(kids.lookupMaybe(i, PDFDict));
  };
  collect(root.lookupMaybe(name("IDTree"), PDFDict));
  notes.forEach((ref, i) => {
    const id = `fotnot-${String(i + 1).padStart(4, "0")}`;
    doc.context.lookup(ref, PDFDict).set(name("ID"), PDFString.of(id));
    entries.set(id, ref);
  });
  const keys = [...entries.keys()].sort();
  const names = doc.context.obj([]);
  for (const key of keys) {
    names.push(PDFString.of(key));
    names.push(entries.get(key)!);
  }
  const tree = doc.context.obj({});
  tree.set(name("Names"), names);
  root.set(name("IDTree"), doc.context.register(tree));
  return notes.length;
}

/** `/Contents` for every link, and tab order by structure on every page that has annotations. */
function describeLinks(doc: PDFDocument, links: ReadonlyMap<string, string>): void {
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(name("Annots"), PDFArray);
    if (!annots || annots.size() === 0) continue;
    page.node.set(name("Tabs"), name("S"));
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookupMaybe(i, PDFDict);
      if (!annot || annot.get(name("Subtype")) !== name("Link")) continue;
      const action = annot.lookupMaybe(name("A"), PDFDict);
      const uri = action ? textOf(action.lookup(name("URI"))) : undefined;
      const dest = annot.get(name("Dest"));
      const target = uri ?? (dest instanceof PDFName ? `#${dest.decodeText()}` : textOf(dest));
      const text = target ? (links.get(target) ?? links.get(target.replace(/\/$/, ""))) : undefined;
      const contents = uri
        ? `Länk till ${text && squeeze(text) !== squeeze(uri) ? `${text}: ` : ""}${uri}`
        : `Gå till ${text ?? "avsnittet"}`;
      annot.set(name("Contents"), PDFHexString.fromText(contents));
    }
  }
}

/** Bookmarks read as their headings do (Chromium loses the space where a heading wraps). */
function fixBookmarkTitles(doc: PDFDocument, headings: readonly string[]): void {
  const bySqueezed = new Map(headings.map((h) => [squeeze(h), h]));
  const outlines = doc.catalog.lookupMaybe(name("Outlines"), PDFDict);
  const visit = (item: PDFDict | undefined) => {
    for (let node = item; node; node = node.lookupMaybe(name("Next"), PDFDict)) {
      const title = textOf(node.lookup(name("Title")));
      const heading = title === undefined ? undefined : bySqueezed.get(squeeze(title));
      if (heading !== undefined) node.set(name("Title"), PDFHexString.fromText(heading));
      visit(node.lookupMaybe(name("First"), PDFDict));
    }
  };
  visit(outlines?.lookupMaybe(name("First"), PDFDict));
}

/** Adds what PDF/UA-1 needs and Chromium does not write (see PdfDescription). */
export async function makeAccessible(pdf: Uint8Array, description: PdfDescription): Promise<Uint8Array> {
  // Parsed and saved in one go: by default pdf-lib yields to the event loop every 100 objects read
  // and every 50 written, and the report's some 3 000 objects then wait on as many timer turns.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const chromiumProducer = doc.getProducer() ?? "Skia/PDF";
  const producer = `${chromiumProducer}; @cantoo/pdf-lib`;
  markArtifacts(doc);
  // Read once for both steps: marking notes renames elements but moves none, so the tables that
  // joinSplitTables looks for are the same as in a walk after it.
  const structure = readStructure(doc);
  markNotes(doc, structure);
  mapPdf2Types(doc, structure);
  joinSplitTables(doc, structure, description.tableContinuations ?? []);
  describeLinks(doc, description.links);
  fixBookmarkTitles(doc, description.headings);

  const infoRef = doc.context.trailerInfo.Info;
  const info = infoRef ? doc.context.lookup(infoRef, PDFDict) : doc.context.obj({});
  if (!infoRef) doc.context.trailerInfo.Info = doc.context.register(info);
  info.set(name("Title"), PDFHexString.fromText(description.title));
  info.set(name("Author"), PDFHexString.fromText(description.author));
  info.set(name("Creator"), PDFHexString.fromText(description.creator));
  info.set(name("Producer"), PDFHexString.fromText(producer));
  info.set(name("CreationDate"), PDFString.of(pdfDate(description.date)));
  info.set(name("ModDate"), PDFString.of(pdfDate(description.date)));
  const metadata = doc.context.stream(new TextEncoder().encode(xmpMetadata(description, producer)), {
    Type: "Metadata",
    Subtype: "XML",
  });
  doc.catalog.set(name("Metadata"), doc.context.register(metadata));
  doc.catalog.set(name("Lang"), PDFString.of(description.language));
  doc.context.header = PDFHeader.forVersion(1, 7);
  // Objects stay uncompressed, as Chromium wrote them: makeReproducible reads the structure ids.
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Text of an HTML fragment: tags dropped, entities decoded, white space collapsed. */
export function htmlText(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, body: string) => {
      if (body.startsWith("#x") || body.startsWith("#X"))
        return String.fromCodePoint(parseInt(body.slice(2), 16));
      if (body.startsWith("#")) return String.fromCodePoint(Number(body.slice(1)));
      return ENTITIES[body] ?? entity;
    })
    .replace(/\s+/g, " ")
    .trim();
}

/** The headings, links and title of the printed page, which the PDF's own text cannot give reliably. */
export function describePage(
  html: string,
): Pick<PdfDescription, "title" | "headings" | "links" | "language"> {
  const title = htmlText(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? "");
  const language = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? "sv";
  const headings = [...html.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g)].map((m) => htmlText(m[1]!));
  const links = new Map<string, string>();
  for (const m of html.matchAll(/<a\s[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)) {
    const href = htmlText(m[1]!);
    const label = /aria-label="([^"]*)"/.exec(m[0])?.[1];
    const text = label ? htmlText(label) : htmlText(m[2]!);
    if (text && !links.has(href)) links.set(href, text);
  }
  return { title, headings, links, language };
}
