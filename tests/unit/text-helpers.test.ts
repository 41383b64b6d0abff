import { describe, expect, it } from "vitest";
import { createTemplateEnvironment } from "../../src/render/handlebars-env.js";
import { applyWritingRules } from "../../src/render/skrivregler.js";
import { numberInWords } from "../../src/render/number-words.js";
import {
  listInText,
  percentInText,
  percentagePointsInText,
  shareInPercent,
} from "../../src/render/phrases.js";

const NBSP = "\u00a0";

describe("numberInWords", () => {
  it.each([
    [0, "noll"],
    [1, "en"],
    [2, "två"],
    [9, "nio"],
    [12, "tolv"],
    [13, "tretton"],
    [20, "tjugo"],
    [35, "trettiofem"],
    [89, "åttionio"],
    [100, "etthundra"],
    [414, "fyrahundrafjorton"],
    [999, "niohundranittionio"],
    [1000, "ettusen"],
    [1513, "ettusen femhundratretton"],
    [21_000, "tjugoentusen"],
    [1_000_000, "en miljon"],
    [8_000_000, "åtta miljoner"],
  ])("%j → %j", (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });

  it("skriver ett för neutrum", () => {
    expect(numberInWords(1, true)).toBe("ett");
  });

  it.each([-1, 1.5, 1e9])("vägrar %j", (n) => {
    expect(() => numberInWords(n)).toThrow(RangeError);
  });
});

describe("procent och procentenheter hålls isär", () => {
  it.each([
    [44, "44 procent"],
    [0, "0 procent"],
    [100, "100 procent"],
  ])("procent %j", (p, text) => expect(percentInText(p)).toBe(text));

  it.each([
    [3, "3 procentenheter"],
    [1, "1 procentenhet"],
    [-2, "−2 procentenheter"],
  ])("procentenheter %j", (d, text) => expect(percentagePointsInText(d)).toBe(text));

  it.each([
    [44, 100, 44],
    [1, 3, 33],
    [2, 3, 67],
    [0, 5, 0],
    [5, 0, null],
  ])("andel %j av %j → %j", (part, whole, share) => expect(shareInPercent(part, whole)).toBe(share));
});

describe("listInText", () => {
  it.each([
    [[], ""],
    [["Thailand"], "Thailand"],
    [["Thailand", "Rumänien"], "Thailand och Rumänien"],
    [["Thailand", "Rumänien", "Ukraina"], "Thailand, Rumänien och Ukraina"],
  ])("%j", (items, text) => expect(listInText(items)).toBe(text));
});

describe("mallhjälparna", () => {
  const render = (template: string, context: object = {}) =>
    applyWritingRules(createTemplateEnvironment().compile(template)(context)).text;

  it.each([
    ["{{tal n}}", { n: 1513 }, `1${NBSP}513`],
    ["i {{antal n}}", { n: 9 }, "i nio"],
    ["i {{antal n}}", { n: 13 }, "i 13"],
    ["i {{antalEtt n}}", { n: 1 }, "i ett"],
    ["i {{antal n}} ärenden", { n: 1 }, "i ett ärende"],
    ["{{Antal n}} ärenden gällde barn.", { n: 9 }, "Nio ärenden gällde barn."],
    ["{{Antal n}} ärenden gällde barn.", { n: 35 }, "Sammanlagt 35 ärenden gällde barn."],
    ["{{tal n}} gånger", { n: 8_000_000 }, "8 miljoner gånger"],
    ["i {{andel a b}}", { a: 3, b: 14 }, "i 3 av 14"],
    ["{{procent p}}", { p: 92 }, "92 procent"],
    ["{{andel a b}}", { a: 11, b: 44 }, "25 procent"],
    ["{{cell n}}", { n: null }, ".."],
    ["{{forandringCell p}}", { p: -36 }, `−36${NBSP}%`],
    ["{{ar y}}", { y: 2023 }, "2023"],
    ["{{datum d}}", { d: "2024-12-15" }, "15\u00a0december 2024"],
    ["{{lista xs}}", { xs: ["A", "B", "C"] }, "A, B och C"],
    ["{{tabell 'Första'}} {{tabell 'Andra'}}", {}, "Tabell 1. Första Tabell 2. Andra"],
  ])("%s", (template, context, text) => {
    expect(render(template, context)).toBe(text);
  });

  it("använder Brås publicerade förändring när föregående års tabell saknas; källan står i fotnoten", () => {
    const figure = {
      totalt: 1513,
      foregaendeAr: null,
      forandringProcent: null,
      publiceradForandringProcent: 20,
      publiceradJamfortMed: 2022,
    };
    expect(render("{{forandring f 2022}}", { f: figure })).toBe("en ökning med 20 procent jämfört med 2022");
    expect(
      render("{{#if (harForandring f)}}ja{{else}}nej{{/if}}", {
        f: { ...figure, publiceradForandringProcent: null },
      }),
    ).toBe("nej");
  });

  it("räknar själv när föregående års siffra finns", () => {
    const figure = { totalt: 120, foregaendeAr: 100, forandringProcent: 20 };
    expect(render("{{forandring f 2022}}", { f: figure })).toBe("en ökning med 20 procent jämfört med 2022");
  });

  it("stoppar en mall som frågar efter ett namn som inte finns, i stället för att skriva tomt", () => {
    expect(() => render("{{antal saknas}}")).toThrow(/väntade ett tal/);
  });
});
