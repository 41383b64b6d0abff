import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { compiledTemplate } from "../../src/render/compiled-templates.js";

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
