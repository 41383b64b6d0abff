import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import { report2024 } from "../helpers/report-2024.js";
import {
  PdfObjects,
  allElements,
  structureTree,
  text,
  type Dict,
  type StructElement,
  type Value,
} from "../helpers/pdf-structure.js";

const ready = requirePrerequisites(["qpdf", "pdffonts", "pdfinfo"]);

/** The attribute dictionaries of an element, whether /A is one dictionary or an array of them. */
function attributes(pdf: PdfObjects, element: StructElement): Dict[] {
  const a = element.dict["/A"];
  return (Array.isArray(a) ? a : a === undefined ? [] : [a]).map((v) => pdf.dict(v));
}

/** The Windows (or Unicode) English names of a TrueType font program, by name ID. */
function trueTypeNames(font: Buffer): Map<number, string> {
  const tables = font.readUInt16BE(4);
  let offset = -1;
  for (let i = 0; i < tables; i++) {
    const record = 12 + i * 16;
    if (font.toString("latin1", record, record + 4) === "name") offset = font.readUInt32BE(record + 8);
  }
  const names = new Map<number, string>();
  if (offset < 0) return names;
  const count = font.readUInt16BE(offset + 2);
  const strings = offset + font.readUInt16BE(offset + 4);
  for (let i = 0; i < count; i++) {
    const r = offset + 6 + i * 12;
    const [platform, , language, id, length, at] = [0, 2, 4, 6, 8, 10].map((o) => font.readUInt16BE(r + o));
    if (!((platform === 3 && language === 0x409) || platform === 0)) continue;
    const bytes = font.subarray(strings + at!, strings + at! + length!);
    // UTF-16BE: swap to little-endian for Node's decoder.
    names.set(id!, Buffer.from(bytes).swap16().toString("utf16le"));
  }
  return names;
}

/** WCAG 2.1 contrast ratio between two "#rrggbb" colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/**
 * The points of PDF/UA-1 that issue #15 lists, checked on the built 2024 report. There is no veraPDF
 * here; each check reads the file with qpdf, pdf.js or poppler, not with the code that wrote it.
 */
describe.skipIf(!ready)("PDF:en uppfyller PDF/UA-1:s krav", () => {
  let file: string;
  let html: string;
  let pdf: PdfObjects;
  let tree: StructElement[];
  let elements: StructElement[];

  beforeAll(() => {
    const dir = report2024().dir;
    file = path.join(dir, "rapport.pdf");
    html = readFileSync(path.join(dir, "rapport.html"), "utf8");
    pdf = new PdfObjects(file);
    tree = structureTree(pdf);
    elements = [...allElements(tree)];
  });

  it("lägger sidhuvud, sidnummer och informationsklass som artefakter på varje sida, och allt annat i taggträdet", async () => {
    const { getDocument, OPS } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false })
      .promise;
    const painting = new Set<number>([
      OPS.showText,
      OPS.showSpacedText,
      OPS.nextLineShowText,
      OPS.nextLineSetSpacingShowText,
      OPS.stroke,
      OPS.closeStroke,
      OPS.fill,
      OPS.eoFill,
      OPS.fillStroke,
      OPS.eoFillStroke,
      OPS.closeFillStroke,
      OPS.closeEOFillStroke,
      OPS.shadingFill,
      OPS.paintImageXObject,
      OPS.paintFormXObjectBegin,
    ]);
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { fnArray, argsArray } = await page.getOperatorList();
      let depth = 0;
      let unmarked = 0;
      fnArray.forEach((fn, i) => {
        if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) depth++;
        else if (fn === OPS.endMarkedContent) depth--;
        // pdf.js folds a path into one operation whose first argument is how it ends: a clip path
        // ends without painting (endPath).
        const paints =
          painting.has(fn) || (fn === OPS.constructPath && painting.has((argsArray[i] as number[])[0]!));
        if (depth === 0 && paints) unmarked++;
      });
      expect(unmarked, `sida ${n}: innehåll utanför märkt innehåll`).toBe(0);
      // The margin texts stand inside Artifact sequences.
      const content = await page.getTextContent({ includeMarkedContent: true });
      const artifactText: string[] = [];
      const stack: string[] = [];
      for (const item of content.items as { type?: string; tag?: string; str?: string }[]) {
        if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps")
          stack.push(item.tag ?? "");
        else if (item.type === "endMarkedContent") stack.pop();
        else if (item.str !== undefined && stack.includes("Artifact")) artifactText.push(item.str);
      }
      const margins = artifactText.join(" ").replace(/\s+/g, " ");
      if (n > 1) {
        expect(margins, `sida ${n}`).toContain("Informationsklass");
        expect(margins, `sida ${n}`).toMatch(/MÄNNISKOHANDEL FÖR SEXUELLA/i);
        expect(
          artifactText.map((s) => s.trim()),
          `sida ${n}`,
        ).toContain(String(n));
      }
    }
    await doc.destroy();
  });

  it("har XMP-metadata med dc:title och pdfuaid:part 1, författare, eget Creator och Producer och PDF 1.7", () => {
    const metadataRef = pdf.catalog["/Metadata"];
    expect(metadataRef).toBeDefined();
    const xmp = pdf.streamText(metadataRef);
    const info = pdf.dict(pdf.trailer["/Info"]);
    const title = text(info["/Title"]);
    expect(title).toBe("Människohandel för sexuella och andra ändamål – Lägesrapport 2024");
    expect(xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(xmp).toContain('xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"');
    expect(/<dc:title>[\s\S]*?<rdf:li xml:lang="x-default">([^<]*)<\/rdf:li>/.exec(xmp)?.[1]).toBe(title);
    expect(text(info["/Author"])).toBe("Polismyndigheten");
    expect(xmp).toContain("<rdf:li>Polismyndigheten</rdf:li>");
    expect(text(info["/Creator"])).toMatch(/^report \d+\.\d+\.\d+/);
    expect(text(info["/Creator"])).not.toMatch(/Mozilla|Chrome/);
    expect(text(info["/Producer"])).toMatch(/pdf-lib/);
    const pdfinfo = execFileSync("pdfinfo", [file]).toString();
    expect(pdfinfo).toMatch(/PDF version:\s+1\.7/);
    expect(pdfinfo).toMatch(/Metadata Stream:\s+yes/);
    expect(pdf.dict(pdf.catalog["/ViewerPreferences"])["/DisplayDocTitle"]).toBe(true);
    expect(text(pdf.catalog["/Lang"])).toBe("sv");
  });

  it("använder bara PDF 1.7:s standardtyper i taggträdet, eller typer som RoleMap för till en standardtyp", () => {
    // ISO 32000-1, 14.8.4: the standard structure types of PDF 1.7.
    const standard = new Set(
      (
        "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 " +
        "L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot " +
        "Ruby RB RT RP Warichu WT WP Figure Formula Form"
      ).split(" "),
    );
    const roleMap = pdf.dict(pdf.dict(pdf.catalog["/StructTreeRoot"])["/RoleMap"]);
    const mapped = (role: string) => {
      const to = roleMap[`/${role}`];
      return typeof to === "string" && standard.has(to.slice(1));
    };
    const roles = new Set(elements.map((e) => e.role));
    expect([...roles].filter((role) => !standard.has(role) && !mapped(role))).toEqual([]);
    // Chromium writes PDF 2.0's Em and Strong for emphasis; the report has both.
    expect(roles.has("Em") && mapped("Em")).toBe(true);
    const struct = execFileSync("pdfinfo", ["-struct", file], { maxBuffer: 64 * 1024 * 1024 }).toString();
    expect(struct).not.toMatch(/wrong type/i);
  });

  it("har ett Figure med textalternativ per diagram, och inget Figure utan", () => {
    const figures = elements.filter((e) => e.role === "Figure");
    const charts = [...html.matchAll(/<figure class="diagram"/g)].length;
    expect(charts).toBe(3);
    expect(figures).toHaveLength(charts);
    for (const figure of figures) {
      expect(text(figure.dict["/Alt"]).length, figure.ref).toBeGreaterThan(40);
      expect(figure.kids.some((k) => k.role === "Figure")).toBe(false);
      for (let p = figure.parent; p; p = p.parent) expect(p.role).not.toBe("Figure");
    }
    // Each chart's caption follows its figure as a Caption.
    expect(elements.filter((e) => e.role === "Caption" && e.parent?.role !== "Table")).toHaveLength(charts);
  });

  it("taggar fotnoterna som Note med ID, och varje hänvisning länkar till sin fotnot på samma sida", () => {
    const notes = elements.filter((e) => e.role === "Note");
    const footnotes = [...html.matchAll(/<li id="fn\d+"/g)].length;
    expect(footnotes).toBeGreaterThan(20);
    expect(notes).toHaveLength(footnotes);
    const ids = notes.map((n) => text(n.dict["/ID"]));
    expect(new Set(ids).size).toBe(notes.length);
    for (const id of ids) expect(id).toMatch(/\S/);
    expect(elements.some((e) => e.role === "Aside")).toBe(false);
    // The ID tree resolves each note's ID to the note.
    const idTree = pdf.dict(pdf.dict(pdf.catalog["/StructTreeRoot"])["/IDTree"]);
    const names = (idTree["/Names"] ?? []) as Value[];
    const byId = new Map<string, Value>();
    for (let i = 0; i + 1 < names.length; i += 2) byId.set(text(names[i]), names[i + 1]!);
    notes.forEach((note, i) => expect(byId.get(ids[i]!)).toBe(note.ref));
    // Calls: a link on the page to a destination on the same page.
    const pages = pdf.dict(pdf.catalog["/Pages"]);
    const pageRefs: string[] = [];
    const collectPages = (node: Dict, ref: string) => {
      if (node["/Type"] === "/Page") pageRefs.push(ref);
      for (const kid of (node["/Kids"] ?? []) as string[]) collectPages(pdf.dict(kid), kid);
    };
    collectPages(pages, String(pdf.catalog["/Pages"]));
    const dests = pdf.dict(pdf.catalog["/Dests"]);
    let calls = 0;
    pageRefs.forEach((pageRef, n) => {
      for (const annotRef of (pdf.dict(pageRef)["/Annots"] ?? []) as string[]) {
        const dest = pdf.dict(annotRef)["/Dest"];
        if (typeof dest !== "string" || !dest.startsWith("/fotnot-")) continue;
        calls++;
        const target = pdf.resolve(dests[dest]) as Value[] | Dict | undefined;
        const array = Array.isArray(target) ? target : ((target as Dict | undefined)?.["/D"] as Value[]);
        expect(array?.[0], `hänvisningen ${dest} på sidan ${n + 1}`).toBe(pageRef);
      }
    });
    expect(calls).toBe(footnotes);
  });

  it("ger varje länk en /Contents och varje sida med länkar tabbordning efter strukturen", () => {
    let links = 0;
    for (const [, object] of Object.entries(pdf.objects)) {
      const dict = object.value;
      if (!dict || typeof dict !== "object" || Array.isArray(dict)) continue;
      if (dict["/Subtype"] === "/Link") {
        links++;
        expect(
          text(dict["/Contents"]).trim().length,
          JSON.stringify(dict["/Dest"] ?? dict["/A"]),
        ).toBeGreaterThan(3);
      }
      if (dict["/Type"] === "/Page" && dict["/Annots"]) expect(dict["/Tabs"]).toBe("/S");
    }
    expect(links).toBeGreaterThan(30);
  });

  it("har tabellens rubrik som Caption i Table, radrubriker som TH med Scope Row och lika långa rader", () => {
    const tables = elements.filter((e) => e.role === "Table");
    // A table that Paged.js splits over two pages is two Table elements; the continuation starts with
    // its repeated header row instead of the caption.
    const captioned = tables.filter((t) => t.kids[0]?.role === "Caption");
    expect(captioned.length).toBe([...html.matchAll(/<table>/g)].length);
    for (const table of tables) {
      const rows = [...allElements(table.kids)].filter((e) => e.role === "TR");
      if (table.kids[0]?.role !== "Caption") {
        expect(
          rows[0]!.kids.every((c) => c.role === "TH"),
          `${table.ref}: fortsättning utan huvud`,
        ).toBe(true);
      }
      expect(elements.some((e) => e.role === "P" && e.parent === table)).toBe(false);
      const width = (row: StructElement) =>
        row.kids
          .filter((c) => c.role === "TH" || c.role === "TD")
          .reduce((n, c) => n + Number(attributes(pdf, c).find((a) => a["/ColSpan"])?.["/ColSpan"] ?? 1), 0);
      const columns = width(rows[0]!);
      for (const row of rows) expect(width(row), `${table.ref}: ${row.ref}`).toBe(columns);
      for (const row of rows.slice(1)) {
        const first = row.kids[0]!;
        expect(first.role, row.ref).toBe("TH");
        expect(attributes(pdf, first).some((a) => a["/Scope"] === "/Row")).toBe(true);
      }
    }
  });

  it("har bokmärken som lyder som rubrikerna, med innehållsförteckningen först och inte under omslagets titel", () => {
    const headings = new Set(
      [...html.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g)].map((m) =>
        m[1]!
          .replace(/<[^>]*>/g, "")
          .replace(/&amp;/g, "&")
          .trim(),
      ),
    );
    const titles: { title: string; level: number }[] = [];
    const walk = (ref: Value | undefined, level: number) => {
      for (let node = pdf.dict(ref); Object.keys(node).length > 0; node = pdf.dict(node["/Next"])) {
        titles.push({ title: text(node["/Title"]), level });
        walk(node["/First"], level + 1);
        if (!node["/Next"]) break;
      }
    };
    walk(pdf.dict(pdf.catalog["/Outlines"])["/First"], 1);
    expect(titles.length).toBeGreaterThan(30);
    for (const { title } of titles) expect(headings, title).toContain(title);
    expect(titles[0]).toEqual({ title: "Innehåll", level: 1 });
    expect(titles.filter((t) => t.level === 1).map((t) => t.title)).toContain(
      "4 Omfattningen av människohandel till, i och genom Sverige",
    );
  });

  it("bäddar inte in några Type 3-typsnitt och namnger typsnitten efter sin stil, också inuti typsnittsprogrammen", () => {
    const fonts = execFileSync("pdffonts", [file])
      .toString()
      .split("\n")
      .slice(2)
      .filter((l) => l.trim());
    expect(fonts.length).toBeGreaterThan(3);
    for (const line of fonts) {
      expect(line).not.toMatch(/Type 3/);
      expect(line).toMatch(/^[A-Z]{6}\+SourceSans3-(Regular|It|Semibold|Bold)\s/);
    }
    // Each embedded program's own PostScript and full names (name IDs 6 and 4) are those of its style,
    // not the name of the variable font's default instance it was cut from.
    const descriptors = Object.keys(pdf.objects)
      .map((key) => pdf.dict(key.replace(/^obj:/, "")))
      .filter((d) => d["/Type"] === "/FontDescriptor");
    expect(descriptors.length).toBe(fonts.length);
    for (const descriptor of descriptors) {
      const baseName = String(descriptor["/FontName"]).replace(/^\/[A-Z]{6}\+/, "");
      const program = pdf.objects[`obj:${String(descriptor["/FontFile2"])}`]?.stream?.data;
      expect(program, baseName).toBeDefined();
      const names = trueTypeNames(Buffer.from(program!, "base64"));
      expect(names.get(6), baseName).toBe(baseName);
      expect(names.get(4), baseName).not.toMatch(/ExtraLight/);
      expect(names.get(4)!.replace(/\s+/g, ""), baseName).toBe(
        baseName
          .replace(/-Regular$/, "")
          .replace(/-It$/, "Italic")
          .replace("-", ""),
      );
    }
  });

  it("ritar diagrammen med färger som når 3:1 mot vitt och text som blir minst 8 punkter i tryck", () => {
    const svgs = [...html.matchAll(/<img src="data:image\/svg\+xml;base64,([^"]+)"/g)].map((m) =>
      Buffer.from(m[1]!, "base64").toString("utf8"),
    );
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) {
      // Data marks: the fills of bars and symbols, the strokes of lines (the grid and the white ground
      // are no data).
      const marks = [...svg.matchAll(/<path[^>]*?(?:fill|stroke)="(#[0-9a-f]{6})"[^>]*>/gi)]
        .filter((m) => !/role-grid|class="background"/.test(m[0]))
        .map((m) => m[1]!.toLowerCase())
        .filter((c) => c !== "#ffffff" && c !== "#e3e7ee");
      expect(marks.length).toBeGreaterThan(0);
      for (const colour of marks) expect(contrast(colour, "#ffffff"), colour).toBeGreaterThanOrEqual(3);
      // Printed at its own size (it is narrower than the 163 mm text column): 1 px = 0.75 pt.
      const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
      expect(width).toBeLessThanOrEqual(616);
      const sizes = [...svg.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));
      expect(sizes.length).toBeGreaterThan(0);
      expect(Math.min(...sizes) * 0.75).toBeGreaterThanOrEqual(8);
    }
  });
});
