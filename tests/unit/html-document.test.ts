import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTemplates } from "../../src/load/templates.js";
import { renderHtmlDocument, type DocumentMeta } from "../../src/render/html-document.js";
import { REPO_ROOT } from "../helpers/temp-data.js";

const templates = {
  ...(await loadTemplates(path.join(REPO_ROOT, "templates"), path.join(REPO_ROOT, "data/2023/texter"))),
  fontFaces: "",
  chartFontFace: "",
};

const META: DocumentMeta = {
  titel: "Människohandel för sexuella och andra ändamål",
  undertitel: "Lägesrapport",
  rapportar: 2026,
  statistikar: 2025,
  informationsklass: "Öppen",
};

const chapter = (markdown: string) => [{ name: "04-test.md", markdown }] as never;

describe("HTML-sidan", () => {
  it("visar lägesrapportens nummer, datum och diarienummer på omslaget när de är ifyllda", () => {
    const { html } = renderHtmlDocument(chapter("# 1 Test\n"), templates, {
      ...META,
      lagesrapport: 27,
      datum: "2026-12-14",
      diarienummer: "A123.456/2026",
    });
    const cover = /<header class="omslag">[\s\S]*?<\/header>/.exec(html)![0];
    expect(cover).toContain("Lägesrapport 27 · 2026");
    expect(cover).toMatch(/<dt>Datum<\/dt><dd>14\u00a0december 2026<\/dd>/);
    expect(cover).toMatch(/<dt>Diarienummer<\/dt><dd>A123.456\/2026<\/dd>/);
    expect(cover).toMatch(/<dd class="omslag-informationsklass">Öppen<\/dd>/);
    expect(cover).not.toContain("UTKAST");
  });

  it("lämnar ut det som inte är ifyllt, och skriver UTKAST på ett utkasts omslag", () => {
    const { html } = renderHtmlDocument(chapter("# 1 Test\n"), templates, {
      ...META,
      utkast: "UTKAST · dataversion 0123456789ab",
    });
    const cover = /<header class="omslag">[\s\S]*?<\/header>/.exec(html)![0];
    expect(cover).not.toContain("Diarienummer");
    expect(cover).toContain("Lägesrapport · 2026");
    expect(cover).toContain('<p class="utkast-markering">UTKAST · dataversion 0123456789ab</p>');
  });

  it("gör tabellens rubrikrad till <caption>, första cellen till radrubrik och behåller tomma celler", () => {
    const { html } = renderHtmlDocument(
      chapter(
        "Tabell 1. Exempel\n\n| Brott | A | B |\n| --- | ---: | ---: |\n| **Grupp** |  |  |\n| Rad | 1 |  |\n",
      ),
      templates,
      META,
    );
    expect(html).toMatch(/<table>\n<caption id="tabell-1-rubrik">Tabell 1\. Exempel<\/caption>/);
    expect(html).not.toMatch(/<p>Tabell 1\./);
    expect(html).toContain('<th scope="row" colspan="3"><strong>Grupp</strong></th>');
    expect(html).toMatch(/<th scope="row">Rad<\/th>\n<td class="tal">1<\/td>\n<td class="tal">\u00a0<\/td>/);
    expect(html).toContain('aria-labelledby="tabell-1-rubrik"');
  });

  it("skriver inga värden ur data i stilmallen", () => {
    const { html } = renderHtmlDocument(chapter("# 1 Test\n"), templates, {
      ...META,
      informationsklass: 'Hemlig"; } body { display: none',
    });
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(css).not.toContain("Hemlig");
  });
});
