import { describe, expect, it } from "vitest";
import { createTemplateEnvironment } from "../../src/render/handlebars-env.js";
import { numberInWords } from "../../src/render/number-words.js";
import {
  countInText,
  listInText,
  percentInText,
  percentagePointsInText,
  publishedChangePhrase,
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

describe("countInText (löptext)", () => {
  it.each([
    [0, "noll"],
    [1, "en"],
    [12, "tolv"],
    [13, "13"],
    [999, "999"],
    [1000, `1${NBSP}000`],
    [1_000_000, `1${NBSP}000${NBSP}000`],
  ])("%j → %j", (n, text) => {
    expect(countInText(n)).toBe(text);
  });

  it("följer en inställd gräns för ord", () => {
    expect(countInText(9, { wordsUpTo: 5, smallBase: 20 })).toBe("9");
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

describe("publishedChangePhrase och listInText", () => {
  it.each([
    [38, "en ökning med 38 procent jämfört med 2022"],
    [-36, "en minskning med 36 procent jämfört med 2022"],
    [0, "oförändrat jämfört med 2022"],
  ])("%j", (p, text) => expect(publishedChangePhrase(p, 2022)).toBe(text));

  it.each([
    [[], ""],
    [["Thailand"], "Thailand"],
    [["Thailand", "Rumänien"], "Thailand och Rumänien"],
    [["Thailand", "Rumänien", "Ukraina"], "Thailand, Rumänien och Ukraina"],
  ])("%j", (items, text) => expect(listInText(items)).toBe(text));
});

describe("mallhjälparna", () => {
  const render = (template: string, context: object = {}) =>
    createTemplateEnvironment().compile(template)(context);

  it.each([
    ["{{tal n}}", { n: 1513 }, `1${NBSP}513`],
    ["{{antal n}}", { n: 9 }, "nio"],
    ["{{antal n}}", { n: 13 }, "13"],
    ["{{antalEtt n}} ärende", { n: 1 }, "ett ärende"],
    ["{{Antal n}} ärenden gällde barn.", { n: 35 }, "Trettiofem ärenden gällde barn."],
    ["{{procent p}}", { p: 92 }, "92 procent"],
    ["{{andel a b}}", { a: 11, b: 44 }, "25 procent"],
    ["{{cell n}}", { n: null }, ".."],
    ["{{forandringCell p}}", { p: -36 }, `−36${NBSP}%`],
    ["{{ar y}}", { y: 2023 }, "2023"],
    ["{{datum d}}", { d: "2024-12-15" }, "15 december 2024"],
    ["{{lista xs}}", { xs: ["A", "B", "C"] }, "A, B och C"],
    ["{{tabell 'Första'}} {{tabell 'Andra'}}", {}, "Tabell 1. Första Tabell 2. Andra"],
  ])("%s", (template, context, text) => {
    expect(render(template, context)).toBe(text);
  });

  it("använder Brås publicerade förändring när föregående års tabell saknas, och säger att den är Brås", () => {
    const figure = {
      totalt: 1513,
      foregaendeAr: null,
      forandringProcent: null,
      publiceradForandringProcent: 20,
      publiceradJamfortMed: 2022,
    };
    expect(render("{{forandring f 2022}}", { f: figure })).toBe(
      "en ökning med 20 procent jämfört med 2022 enligt Brå",
    );
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
