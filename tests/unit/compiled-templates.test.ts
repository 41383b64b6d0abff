import Handlebars from "handlebars";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { LoadedTemplates } from "../../src/model/templates.js";
import { DEFAULT_TEMPLATE_DIR } from "../../src/pipeline/pipeline.js";
import { compiledTemplate } from "../../src/render/compiled-templates.js";
import { REPO_DATA, tempDirWith } from "../helpers/temp-data.js";

const environment = (mark: string) => {
  const hb = Handlebars.create();
  hb.registerHelper("markera", (text: unknown) => `${mark}${String(text)}${mark}`);
  hb.registerPartial("del", "[{{markera namn}}]");
  return hb;
};

describe("mallar kompileras en gång per process", () => {
  it("fyller samma källa i med varje miljös egna hjälpare och delmallar, som Handlebars.compile", () => {
    const source = "{{markera namn}} {{> del}} {{#each lista}}{{this}},{{/each}} {{namn}}";
    const context = { namn: "<Malmö>", lista: [1, 2] };
    for (const mark of ["*", "_"]) {
      const hb = environment(mark);
      expect(compiledTemplate(hb, source)(context)).toBe(hb.compile(source)(context));
      expect(compiledTemplate(hb, source)(context)).toContain(`${mark}&lt;Malmö&gt;${mark}`);
    }
  });

  it("ett fel i mallen kastas när den fylls i, inte när den hämtas", () => {
    const hb = environment("*");
    const template = compiledTemplate(hb, "{{#each}}x{{/each}}");
    expect(() => template({})).toThrow();
  });
});

describe("mallarna kompileras när verktyget byggs (dist/precompiled-templates.json)", () => {
  /** Renders the 2024 report's chapters and page in fresh modules, with or without a precompiled file. */
  const render = async (precompiled: string | undefined, edit = (t: LoadedTemplates) => t) => {
    vi.resetModules();
    const pipeline = await import("../../src/pipeline/pipeline.js");
    const store = await import("../../src/pipeline/precompiled-templates.js");
    const compiled = await import("../../src/render/compiled-templates.js");
    const { renderChapters } = await import("../../src/render/chapters.js");
    const { buildTemplateContext } = await import("../../src/render/context.js");
    const { renderHtmlDocument } = await import("../../src/render/html-document.js");
    const used = precompiled ? await store.usePrecompiledTemplateFile(precompiled) : 0;
    const options = { rapportar: 2024, dataDir: REPO_DATA, strict: false, log: () => {} };
    const data = await pipeline.checkData(options);
    const templates = edit((await pipeline.checkTemplates(options)).templates);
    const rendered = renderChapters(templates, buildTemplateContext(data.siffror!, data.missing));
    const page = renderHtmlDocument(
      rendered.chapters,
      { ...templates, fontFaces: "", chartFontFace: "" },
      {
        titel: "Titel",
        undertitel: "Lägesrapport",
        rapportar: 2024,
        statistikar: 2023,
        informationsklass: "Öppen",
      },
    );
    return { used, rendered, page, templates, compiledAtRunTime: compiled.runTimeCompilations() };
  };

  it("ger samma kapitel och samma sida som mallar kompilerade vid körningen, och kompilerar då bara årstexterna", async () => {
    const temp = tempDirWith({});
    try {
      const file = path.join(temp.dir, "precompiled-templates.json");
      const { writePrecompiledTemplateFile } = await import("../../src/pipeline/precompiled-templates.js");
      const written = await writePrecompiledTemplateFile(DEFAULT_TEMPLATE_DIR, file);
      const fresh = await render(undefined);
      const stored = await render(file);
      expect(stored.used).toBe(written);
      expect(written).toBe(fresh.templates.chapters.length + fresh.templates.partials.size + 2);
      expect(stored.rendered.diagnostics).toEqual(fresh.rendered.diagnostics);
      expect(stored.rendered.chapters).toEqual(fresh.rendered.chapters);
      expect(stored.page).toEqual(fresh.page);
      expect(stored.page.html).toMatch(/2[\s\u00a0\u202f]175/);
      // Every template but the year's texts came from the file; without it, everything was compiled.
      expect(stored.compiledAtRunTime).toBe(stored.templates.yearTexts.size);
      expect(fresh.compiledAtRunTime).toBe(written + fresh.templates.yearTexts.size);

      // A template edited after the tool was built is compiled from its new source, not taken stale.
      const edited = await render(file, (t) => ({
        ...t,
        chapters: t.chapters.map((c, i) =>
          i === 0
            ? { ...c, template: { ...c.template, source: `${c.template.source}\nRedigerad mening.\n` } }
            : c,
        ),
      }));
      expect(edited.rendered.chapters[0]!.markdown).toContain("Redigerad mening.");
      expect(edited.compiledAtRunTime).toBe(edited.templates.yearTexts.size + 1);
    } finally {
      temp.cleanup();
    }
  });

  it("en fil från en annan Handlebars används inte", async () => {
    const { usePrecompiledTemplates } = await import("../../src/render/compiled-templates.js");
    expect(usePrecompiledTemplates({ handlebars: "0.0.1", templates: [] })).toBe(0);
  });
});
