import { describe, expect, it } from "vitest";
import { compareVersions, flatten } from "../../src/diff/compare.js";

describe("compareVersions", () => {
  it("matchar rader på brottskod, inte på plats i listan", () => {
    const a = {
      siffror: {
        rader: [
          { brottskod: "0418", totalt: 9 },
          { brottskod: "4024", totalt: 1513 },
        ],
      },
      kapitel: new Map(),
    };
    const b = {
      siffror: {
        rader: [
          { brottskod: "4024", totalt: 1520 },
          { brottskod: "0418", totalt: 9 },
        ],
      },
      kapitel: new Map(),
    };
    expect(compareVersions(a, b).siffror).toEqual([
      { sokvag: "rader[4024].totalt", fore: 1513, efter: 1520 },
    ]);
  });

  it("ger ord för ord vad som tagits bort och lagts till i ett kapitel", () => {
    const a = { siffror: {}, kapitel: new Map([["01.md", "Under året anmäldes 101 brott."]]) };
    const b = {
      siffror: {},
      kapitel: new Map([
        ["01.md", "Under året anmäldes 110 brott."],
        ["02.md", "Nytt."],
      ]),
    };
    const diff = compareVersions(a, b);
    expect(diff.identisk).toBe(false);
    expect(diff.kapitel[0]?.delar.filter((d) => d.typ !== "lika")).toEqual([
      { typ: "borttaget", text: "101" },
      { typ: "tillagt", text: "110" },
    ]);
    expect(diff.kapitel[1]).toMatchObject({ kapitel: "02.md", status: "tillagt" });
  });

  it("plattar ut JSON till läsbara sökvägar", () => {
    expect([...flatten({ a: { b: [1, 2] }, c: [{ id: "x", v: 1 }] })]).toEqual([
      ["a.b", [1, 2]],
      ["c[x].id", "x"],
      ["c[x].v", 1],
    ]);
  });
});
