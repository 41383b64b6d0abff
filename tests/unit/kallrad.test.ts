import { describe, expect, it } from "vitest";
import type { Kalla } from "../../src/model/types.js";
import { sourceLine } from "../../src/render/kallrad.js";

const kalla = (id: string, utgivare: string): Kalla => ({
  id,
  utgivare,
  titel: `Titel ${id}`,
  ar: "2024",
  url: "",
  hamtad: "",
  anmarkning: "",
});
const sources = new Map(
  [
    kalla("nmt-a", "NMT"),
    kalla("jamy-a", "Jämställdhetsmyndigheten"),
    kalla("jamy-b", "Jämställdhetsmyndigheten"),
  ].map((k) => [k.id, k]),
);
const lookUp = (id: string) => sources.get(id);

describe("Källa-raden under en tabell eller ett diagram", () => {
  const series = [
    { ar: 2016, kalla: "nmt-a" },
    { ar: 2017, kalla: "nmt-a" },
    { ar: 2018, kalla: "jamy-a" },
    { ar: 2019, kalla: "" },
    { ar: 2020, kalla: "jamy-b" },
    { ar: 2021, kalla: "jamy-b" },
    { ar: 2022, kalla: "jamy-b" },
  ];

  it("citerar varje källa en gång, i läsordning, med de år den gäller", () => {
    const cited: string[] = [];
    const cite = (id: string) => {
      cited.push(id);
      return `[^${cited.length}]`;
    };
    expect(sourceLine(series, lookUp, cite)).toBe(
      "*Källa:* NMT, 2016–2017[^1]; Jämställdhetsmyndigheten, 2018[^2] och 2020–2022.[^3]",
    );
    expect(cited).toEqual(["nmt-a", "jamy-a", "jamy-b"]);
  });

  it("nämner utgivarna utan fotnoter under ett diagram", () => {
    expect(sourceLine(series, lookUp)).toBe(
      "*Källa:* NMT, 2016–2017; Jämställdhetsmyndigheten, 2018 och 2020–2022.",
    );
  });

  it("ger en hel tabells källa efter utgivarens namn", () => {
    expect(sourceLine("nmt-a", lookUp, () => "[^7]")).toBe("*Källa:* NMT.[^7]");
  });

  it("är tom när ingen rad har en källa, och felar på en okänd", () => {
    expect(sourceLine([{ ar: 2020, kalla: "" }], lookUp)).toBe("");
    expect(() => sourceLine("okand", lookUp)).toThrow(/okand/);
  });
});
