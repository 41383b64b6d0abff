import { describe, expect, it } from "vitest";
import { findTypedFigures } from "../../src/validate/template-figures.js";

describe("findTypedFigures", () => {
  it.each([
    ["Under {{ar statistikar}} anmäldes {{antal brott.[0419].totalt}} brott.", []],
    ["Enligt 14 § förordningen (2022:1718) ska rapporten lämnas.", []],
    ["Utredningen SOU 2023:97 föreslår ett exitprogram.", []],
    ["Sedan 2022 kan socialnämnder ansöka om betänketid.", []],
    ["## 4.2 Anmälda brott", []],
    ["Se avsnitt 4.2 och kapitel 5.", []],
    ["1. första punkten", []],
    ["| --- | ---: |", []],
    ["Under året anmäldes 1 513 köp av sexuell tjänst.", ["1 513"]],
    ["Totalt 74 fotnoter och 45 procent.", ["74", "45"]],
    ["Kampanjen visades 8 miljoner gånger.", ["8"]],
  ])("%j", (source, found) => {
    expect(findTypedFigures("mall.md.hbs", source).map((d) => d.found)).toEqual(found);
  });

  it("anger rad och kolumn för siffran", () => {
    const [d] = findTypedFigures("mall.md.hbs", "# Rubrik\n\nText med {{tal n}} och 42 brott.");
    expect(d).toMatchObject({
      code: "W_SIFFRA_I_MALL",
      severity: "varning",
      file: "mall.md.hbs",
      line: 3,
      column: 24,
      found: "42",
    });
  });
});
