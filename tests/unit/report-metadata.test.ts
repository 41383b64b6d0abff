import { describe, expect, it } from "vitest";
import { validateReportMetadata } from "../../src/validate/report-metadata.js";
import { tableFrom } from "../helpers/validate.js";

const read = (rows: string[]) => {
  const { table, sink } = tableFrom(["nyckel;värde;anmärkning", ...rows].join("\n"), "rapport.csv");
  return { value: validateReportMetadata(table!, sink), diagnostics: sink.items };
};

describe("rapportens uppgifter för omslaget", () => {
  it("läser nummer, diarienummer, datum och informationsklass", () => {
    const { value, diagnostics } = read([
      "lagesrapport;25;",
      "diarienummer;A123.456/2024;",
      "datum;2024-12-13;",
      "informationsklass;Öppen;",
    ]);
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      lagesrapport: 25,
      diarienummer: "A123.456/2024",
      datum: "2024-12-13",
      informationsklass: "Öppen",
    });
  });

  it("varnar för varje uppgift som inte är ifylld, och utgår från informationsklass Öppen", () => {
    const { value, diagnostics } = read(["lagesrapport;;", "datum;;"]);
    expect(value?.informationsklass).toBe("Öppen");
    expect(diagnostics.map((d) => [d.code, d.found, d.severity])).toEqual([
      ["W_METADATA_SAKNAS", "lagesrapport", "varning"],
      ["W_METADATA_SAKNAS", "diarienummer", "varning"],
      ["W_METADATA_SAKNAS", "datum", "varning"],
    ]);
    expect(diagnostics[1]?.message).toContain("raden saknas");
  });

  it.each([
    ["datum;13 december 2024;", "E_OGILTIGT_VARDE", 2],
    ["lagesrapport;tjugofem;", "E_OGILTIGT_VARDE", 2],
    ["nummer;25;", "E_OKAND_NYCKEL", 1],
  ])("vägrar %j", (row, code, column) => {
    const { diagnostics } = read([row]);
    expect(diagnostics.find((d) => d.severity === "fel")).toMatchObject({ code, line: 2, column });
  });
});
