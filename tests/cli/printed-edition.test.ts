import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/pipeline/pipeline.js";
import { REPO_DATA } from "../helpers/temp-data.js";

/** What the printed 2024 edition states, held against its own table (data/2023/tryckt-utgava.csv). */
describe("den tryckta utgåvan 2024 mot sin egen tabell", async () => {
  const result = await runCheck({
    rapportar: 2024,
    dataDir: REPO_DATA,
    outDir: "",
    strict: false,
    log: () => {},
  });
  const printed = result.diagnostics.filter((d) => d.code.startsWith("W_TRYCKT"));

  it("ser att '101 … av dem nio minderåriga' motsäger tabellens 101 vuxna och 9 barn", () => {
    expect(printed).toContainEqual(
      expect.objectContaining({ code: "W_TRYCKT_AVVIKER", line: 2, found: "101", expected: "110" }),
    );
  });

  it("ser att 184 koppleribrott är handlagda, inte de 204 anmälda", () => {
    expect(printed).toContainEqual(
      expect.objectContaining({ code: "W_TRYCKT_AVVIKER", found: "184", expected: "204" }),
    );
  });

  it("säger att diagrammet Utvecklingen över tid saknar data och utelämnas", () => {
    const missing = printed.filter((d) => d.code === "W_TRYCKT_UTAN_DATA");
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toMatch(
      /Utvecklingen över tid.*utelämnar det i stället för att hitta på värden/,
    );
  });
});
