import { afterEach, describe, expect, it } from "vitest";
import { runCheck, runRender } from "../../src/pipeline/pipeline.js";
import { COUNTS_2024, COUNTS_2025, longCsv, wideCsv } from "../helpers/fixtures.js";
import { tempDataDir, type TempDir } from "../helpers/temp-data.js";
import { reference } from "../helpers/validate.js";

const groupOf = (code: string) => reference.brottskoder.find((b) => b.kod === code)!.grupp;
const options = (dataDir: string, rapportar: number) => ({
  rapportar,
  dataDir,
  outDir: "",
  strict: false,
  log: () => {},
});
const KALLOR_EXTRA = [
  "bra-anmalda-2024;Brottsförebyggande rådet (Brå);Anmälda brott 2024 (testkälla);2025;;;",
  "bra-anmalda-2025;Brottsförebyggande rådet (Brå);Anmälda brott 2025 (testkälla);2026;;;",
];

/** Per-year citations as data: data/<år>/datakallor.csv names the source of each table without one per row. */
describe("datakallor.csv: varje års tabell citeras med sitt års källa", { timeout: 60_000 }, () => {
  let temp: TempDir;
  afterEach(() => temp?.cleanup());

  const withSources = async (files: Record<string, string>) => {
    temp = tempDataDir(files);
    const { appendFileSync } = await import("node:fs");
    appendFileSync(`${temp.dir}/kallor.csv`, `${KALLOR_EXTRA.join("\n")}\n`);
    return temp.dir;
  };

  it("fotnoterna till Brås siffror hänvisar till statistikårets källa, inte till ett fast år", async () => {
    const dir = await withSources({
      "2024/anmalda-brott.csv": wideCsv(COUNTS_2024, groupOf),
      "2024/datakallor.csv": "dataset;källa\nanmalda-brott;bra-anmalda-2024\n",
      "2025/anmalda-brott.csv": longCsv({ 2025: COUNTS_2025 }),
      "2025/datakallor.csv": "dataset;källa\nanmalda-brott;bra-anmalda-2025\n",
    });
    const result = await runRender(options(dir, 2026));
    expect(result.diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
    expect(result.siffror!.anmaldaBrott).toMatchObject({
      kalla: "bra-anmalda-2025",
      kallaForegaendeAr: "bra-anmalda-2024",
    });
    if (!result.ok) throw new Error("bygget misslyckades");
    const text = result.chapters.map((c) => c.markdown).join("\n");
    const footnotes = text.split("\n").filter((l) => /^\[\^\d+\]:/.test(l));
    expect(footnotes.some((l) => l.includes("Anmälda brott 2025 (testkälla)"))).toBe(true);
    expect(footnotes.filter((l) => l.includes("Anmälda brott per polisregion 2023"))).toEqual([]);
  });

  it.each([
    ["statistikårets tabell utan rad i datakallor.csv", "2025", "dataset;källa\n"],
    ["statistikårets tabell med tom källa", "2025", "dataset;källa\nanmalda-brott;\n"],
    ["föregående års tabell utan källa", "2024", "dataset;källa\n"],
  ])("%s är ett fel i check som namnger filen och året", async (_what, year, content) => {
    const dir = await withSources({
      "2024/anmalda-brott.csv": wideCsv(COUNTS_2024, groupOf),
      "2025/anmalda-brott.csv": longCsv({ 2025: COUNTS_2025 }),
      [`${year}/datakallor.csv`]: content,
    });
    const result = await runCheck(options(dir, 2026));
    expect(result.ok).toBe(false);
    const error = result.diagnostics.find((d) => d.code === "E_KALLA_SAKNAS");
    expect(error).toMatchObject({ severity: "fel", found: "anmalda-brott" });
    expect(error!.file).toMatch(new RegExp(`${year}/datakallor\\.csv$`));
    expect(error!.message).toContain(`för ${year} saknar källa`);
  });

  it("en okänd källa och ett okänt dataset är fel med rad", async () => {
    const dir = await withSources({
      "2025/anmalda-brott.csv": longCsv({ 2025: COUNTS_2025 }),
      "2025/datakallor.csv": "dataset;källa\nanmalda-brott;bra-2099\nokant;bra-anmalda-2025\n",
    });
    const result = await runCheck(options(dir, 2026));
    const errors = result.diagnostics.filter((d) => d.severity === "fel").map((d) => [d.code, d.line]);
    expect(errors).toContainEqual(["E_OKAND_KALLA", 2]);
    expect(errors).toContainEqual(["E_OGILTIGT_VARDE", 3]);
  });
});
