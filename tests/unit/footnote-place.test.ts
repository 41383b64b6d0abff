import { describe, expect, it } from "vitest";
import { FootnoteRegistry } from "../../src/render/footnotes.js";
import { createTemplateEnvironment } from "../../src/render/handlebars-env.js";
import type { Kalla } from "../../src/model/kalla.js";

const SOU: Kalla = {
  id: "sou",
  utgivare: "Statens offentliga utredningar",
  titel: "Ut ur utsatthet (SOU 2023:97)",
  ar: "2023",
  url: "",
  hamtad: "",
  anmarkning: "",
};

/** Renders a year text's footnotes as the chapter's Markdown ends them. */
function notes(template: string): string {
  const footnotes = new FootnoteRegistry(new Map([[SOU.id, SOU]]));
  const text = createTemplateEnvironment({ footnotes, markdown: true }).compile(template)({});
  return `${text}\n${footnotes.takeDefinitions()}`;
}

describe("fotnot med plats i källan", () => {
  it("anger sidan efter referensen, och samma källa kan citeras på olika sidor", () => {
    expect(notes('A.{{fotnot "sou" sida=334}} B.{{fotnot "sou" sida="368–369"}} C.{{fotnot "sou"}}')).toBe(
      [
        "A.[^1] B.[^2] C.[^3]",
        "[^1]: Statens offentliga utredningar, *Ut ur utsatthet (SOU 2023:97)*, s. 334.",
        "[^2]: Statens offentliga utredningar, *Ut ur utsatthet (SOU 2023:97)*, s. 368–369.",
        "[^3]: Statens offentliga utredningar, *Ut ur utsatthet (SOU 2023:97)*.",
      ].join("\n"),
    );
  });

  it("anger en annan plats, som ett lagrum, som den står", () => {
    expect(notes('A.{{fotnot "sou" plats="5 kap. 15 § andra stycket"}}')).toContain(
      "(SOU 2023:97)*, 5 kap. 15 § andra stycket.",
    );
  });

  it.each([
    ['{{fotnot "sou" sida=3 plats="kap. 1"}}', /sida eller plats, inte båda/],
    ['{{fotnot "sou" sida=""}}', /sidnummer i sida/],
    ['{{fotnot "sou" plats=4}}', /en text i plats/],
  ])("stoppar %s med ett begripligt fel", (template, message) => {
    expect(() => notes(template)).toThrow(message);
  });
});
