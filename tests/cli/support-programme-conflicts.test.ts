import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, assert, describe, expect, it } from "vitest";
import { runRender, type PipelineOptions } from "../../src/pipeline/pipeline.js";
import { stodprogram } from "../../src/sources/nationellt-stodprogram.js";
import { KEY_FIGURE_SOURCES } from "../../src/sources/registry.js";
import { REPO_DATA, pipelineOptions, tempDirWith } from "../helpers/temp-data.js";

const temps: { cleanup: () => void }[] = [];
afterAll(() => temps.forEach((t) => t.cleanup()));

/** A copy of the project's data, with the support programme's figures replaced where given. */
function dataWith(figures: Record<string, number> = {}): string {
  const temp = tempDirWith({});
  temps.push(temp);
  cpSync(REPO_DATA, temp.dir, { recursive: true });
  if (Object.keys(figures).length === 0) return temp.dir;
  const rows = Object.entries(figures).map(([key, value]) => `${key};${value};nsp-2023;`);
  writeFileSync(
    path.join(temp.dir, "2023/nationellt-stodprogram.csv"),
    ["nyckel;värde;källa;anmärkning", ...rows, ""].join("\n"),
  );
  return temp.dir;
}

/** The support programme's part of chapter 4, as rendered (up to the next section). */
async function supportProgrammeText(options: PipelineOptions): Promise<string> {
  const result = await runRender(options);
  assert(result.ok, JSON.stringify(result.diagnostics.filter((d) => d.severity === "fel")));
  const chapter = result.chapters.find((c) => c.name.startsWith("04-"))!.markdown;
  const start = chapter.indexOf("### Det nationella stödprogrammet");
  return chapter.slice(start, chapter.indexOf("\n## ", start));
}

/** Figures that agree with each other under every sum the module declares and every comparison the text makes. */
const CONSISTENT = {
  nyaPersoner: 30,
  nyaKvinnor: 20,
  nyaMan: 5,
  nyaFlickor: 2,
  nyaPojkar: 3,
  nyaPersonerForegaendeAr: 25,
  deltagareISverige: 59,
  deltagareVuxna: 43,
  deltagareBarn: 16,
  barnIHemlandet: 9,
  omfattadeTotalt: 68,
  omfattadeKvinnor: 33,
  omfattadeKvinnorSexuellExploateringProcent: 30,
  omfattadeMan: 10,
  omfattadeBarn: 25,
  arbetskraftsexploatering: 39,
  sexuellExploatering: 12,
  jordbrukOchBarplockning: 37,
  franThailand: 34,
};

describe("stödprogrammets motsägelser kommer ur modulens deklarerade summor", () => {
  it("en summa som läggs till i modulen står i rapporten utan någon annan ändring", async () => {
    // Made up for the test: 59 participants in Sweden against 21 new women and 33 new men (54).
    const made = {
      total: "deltagareISverige",
      parts: ["nyaKvinnor", "nyaMan"],
      avser: "en påhittad summa",
    } as const;
    const registry = {
      ...KEY_FIGURE_SOURCES,
      stodprogram: { ...stodprogram, sums: [...stodprogram.sums, made] },
    };
    const text = await supportProgrammeText({ ...pipelineOptions(dataWith()), keyFigureSources: registry });
    expect(text).toContain("- En påhittad summa: summan anges till 59, men delarna blir tillsammans 54.");
    // Without it in the module, the same data gives no such line.
    expect(await supportProgrammeText(pipelineOptions(dataWith()))).not.toContain("påhittad");
  });

  it("där alla uppgifter går ihop står ingen lista; där en uppgift inte går ihop med sina summor står bara de summorna", async () => {
    const agreeing = await supportProgrammeText(pipelineOptions(dataWith(CONSISTENT)));
    expect(agreeing).toContain("erbjöds 30 nya personer stöd");
    expect(agreeing).not.toContain("går inte ihop");
    const text = await supportProgrammeText(pipelineOptions(dataWith({ ...CONSISTENT, omfattadeBarn: 27 })));
    const items = text.slice(text.indexOf("går inte ihop")).match(/^- .*$/gm);
    // 27 children against 16 + 9, and so women, men and children 70 against the stated 68.
    expect(items).toEqual([
      "- Omfattade personer fördelade på kvinnor, män och barn: summan anges till 68, men delarna blir tillsammans 70.",
      "- Omfattade barn i Sverige och i hemlandet: summan anges till 27, men delarna blir tillsammans 25.",
    ]);
  });
});
