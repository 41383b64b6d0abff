import { describe, expect, it } from "vitest";
import { changePhrase } from "../../src/render/skrivregler.js";
import { formatChangeCell, formatCount, formatNumber, formatSwedishDate } from "../../src/render/swedish.js";

describe("svensk sifferformatering", () => {
  it.each([
    [0, "0"],
    [1, "1"],
    [12, "12"],
    [999, "999"],
    [1000, "1\u00a0000"],
    [1513, "1\u00a0513"],
    [1_000_000, "1\u00a0000\u00a0000"],
    [-36, "−36"],
    [2.5, "2,5"],
  ])("%j → %j", (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });

  it("skriver saknade antal som ..", () => {
    expect(formatCount(null)).toBe("..");
    expect(formatCount(2175)).toBe("2\u00a0175");
  });

  it.each([
    [20, "+20\u00a0%"],
    [-36, "−36\u00a0%"],
    [0, "0\u00a0%"],
    [null, ".."],
  ])("förändringscell %j → %j", (p, text) => {
    expect(formatChangeCell(p)).toBe(text);
  });

  it("skriver datum med svenska månadsnamn", () => {
    expect(formatSwedishDate(new Date("2024-12-15T12:00:00Z"))).toBe("15\u00a0december 2024");
  });
});

describe("changePhrase", () => {
  it.each([
    [1513, 1261, 20, "en ökning med 20 procent jämfört med 2022"],
    [64, 100, -36, "en minskning med 36 procent jämfört med 2022"],
    [5, 5, 0, "oförändrat jämfört med 2022"],
    [5, null, null, "jämförbar uppgift för 2022 saknas"],
    [5, 3, 67, "en ökning från tre år 2022 till fem"],
    [9, 14, -36, "en minskning från 14 år 2022 till 9"],
    [5, 0, null, "en ökning från noll år 2022 till fem"],
    [0, 12, -100, "en minskning från tolv år 2022 till noll"],
    [25, 20, 25, "en ökning med 25 procent jämfört med 2022"],
    [40, 20, 100, "en fördubbling jämfört med 2022"],
    [61, 30, 103, "mer än en fördubbling jämfört med 2022"],
    [60, 20, 200, "en tredubbling jämfört med 2022"],
    [20, 40, -50, "en halvering jämfört med 2022"],
    [0, null, 38, "en ökning med 38 procent jämfört med 2022"],
    [0, null, -36, "en minskning med 36 procent jämfört med 2022"],
    [0, null, 0, "oförändrat jämfört med 2022"],
  ])("%j mot %j", (now, before, percent, phrase) => {
    expect(changePhrase({ now, before, percent, year: 2022 })).toBe(phrase);
  });

  it("låter gränsen för liten bas ställas in", () => {
    expect(
      changePhrase({ now: 9, before: 14, percent: -36, year: 2022 }, { wordsUpTo: 12, smallBase: 10 }),
    ).toBe("en minskning med 36 procent jämfört med 2022");
  });
});
