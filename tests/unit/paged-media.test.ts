import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  footnotesToPageFloats,
  pagedPolyfill,
  patchPaged,
  storedMinified,
  toPrintCopy,
  writeMinifiedPaged,
} from "../../src/print/paged-media.js";

const call = (n: number) => `<sup class="footnote-ref"><a href="#fn${n}" id="fnref${n}">${n}</a></sup>`;
const notes = `<section class="fotnoter"><ol><li id="fn1"><p>Källa ett. <a href="#fnref1" class="footnote-backref">↩</a></p></li><li id="fn2"><p>Källa två.</p></li></ol></section>\n`;
/** The word kept with each call, in order. */
const words = (html: string) =>
  [...footnotesToPageFloats(html + notes).matchAll(/<span class="fotnot-ord">([^<]*)<sup/g)].map((m) => m[1]);

describe("fotnoter som sidflöten i utskriften", () => {
  it.each([
    ["ordet före anropet", `<p>Det ökade med 20 procent${call(1)} i år.</p>`, ["procent"]],
    ["anropet först i elementet", `<p>${call(1)} text</p>`, [""]],
    ["två anrop i rad", `<p>år 2023${call(1)}${call(2)}.</p>`, ["2023", ""]],
    ["skiljetecken hör till ordet", `<p>(Brå, 2024)${call(2)}</p>`, ["2024)"]],
    [
      "ett ord längre än 60 tecken behåller bara sina sista 60",
      `<p>${"x".repeat(70)}${call(1)}</p>`,
      ["x".repeat(60)],
    ],
  ])("%s", (_, html, expected) => {
    expect(words(html)).toEqual(expected);
  });

  it("flyttar notens text till anropet och tar bort listan", () => {
    const out = footnotesToPageFloats(`<p>ord${call(1)}</p>` + notes);
    expect(out).toContain(
      '<span class="fotnot" data-fotnot="1"><span class="fotnot-nr">1.</span>Källa ett.</span>',
    );
    expect(out).not.toContain("fotnoter");
    expect(out).not.toContain("footnote-backref");
  });
});

describe("Paged.js som utskriften kör det", () => {
  it("bär ändringarna: nästa sida utan att vänta på en bildruta, och sidan mäts först när hälften av det som återstår är fyllt", async () => {
    const library = await pagedPolyfill();
    expect(library).toContain("global.PagedModule = {}");
    expect(library).toContain("this.tick = (next) => Promise.resolve().then(next);");
    expect(library).not.toContain("this.tick = requestAnimationFrame");
    expect(library).toMatch(
      /length = this\.maxChars - Math\.floor\(\(room \* wrapper\.textContent\.length\) \/ filled \/ 2\)/,
    );
  });

  it("använder den minifierade kopian bara om den gjordes ur samma ändrade text", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "paged-min-"));
    try {
      const file = path.join(dir, "paged.min.js");
      let given = "";
      await writeMinifiedPaged(async (code) => {
        given = code;
        return "/* minifierad */";
      }, file);
      expect(given).toBe(await pagedPolyfill()); // run from source: the patched readable build
      const stored = readFileSync(file, "utf8");
      const key = /ändringar ([0-9a-f]{64})/.exec(stored)?.[1] ?? "";
      expect(storedMinified(stored, key)).toBe("/* minifierad */");
      expect(storedMinified(stored, "0".repeat(64))).toBeUndefined();
      expect(storedMinified(undefined, key)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("vägrar en Paged.js vars text inte är den ändringarna gjordes för", () => {
    expect(() => patchPaged("(function(){ factory(global.Paged = {}); })")).toThrow(
      /Paged\.js är inte den version report är anpassad till/,
    );
  });

  it("lägger typsnitten och fotnotshöjden i en stil som Paged.js lämnar orörd", () => {
    const face = '@font-face { font-family: "X"; src: url(data:font/woff2;base64,AAAA) }\n';
    const page = `<html><head><title>t</title><style>${face}body { color: black; }</style></head><body><p>x</p></body></html>`;
    const copy = toPrintCopy(page);
    const untouched = /<style data-pagedjs-ignore>([\s\S]*?)<\/style>/.exec(copy)?.[1] ?? "";
    expect(untouched).toContain(face);
    expect(untouched).toMatch(/@property --pagedjs-footnotes-height \{[^}]*inherits: false/);
    // Moved, not copied, and placed before the page's own style so that the cascade is unchanged.
    expect(copy.split("@font-face")).toHaveLength(2);
    expect(copy.indexOf("data-pagedjs-ignore")).toBeLessThan(copy.indexOf("body { color: black; }"));
  });
});

describe("utskriftskopian", () => {
  it("tar bort skärmens hopplänk och id:t den leder till", () => {
    const page =
      '<html><head></head><body><a class="hopplank" href="#rapporttext">Hoppa till rapportens text</a>\n<main id="rapporttext"><p>x</p></main></body></html>';
    const copy = toPrintCopy(page);
    expect(copy).not.toContain("hopplank");
    expect(copy).not.toContain("rapporttext");
    expect(copy).toContain("<main><p>x</p></main>");
  });
});
