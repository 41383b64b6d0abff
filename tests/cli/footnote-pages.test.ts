import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCheck, runRender } from "../../src/pipeline/pipeline.js";
import { pipelineOptions, REPO_DATA, tempDirWith, type TempDir } from "../helpers/temp-data.js";

/**
 * Footnotes as the built chapters print them: the page a citation points to, no year where the
 * source gives none, and every source that the printed 2024 edition cites in chapters 1–3.
 */
const temps: TempDir[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

/** data/kallor.csv read here as plain text, not through the tool: id → [utgivare, titel, år]. */
const KALLOR = new Map(
  readFileSync(path.join(REPO_DATA, "kallor.csv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(";"))
    .map(([id, utgivare, titel, ar]) => [id!, { utgivare: utgivare!, titel: titel!, ar: ar! }]),
);

/**
 * The sources the printed 2024 edition cites in chapters 1–3 (its footnotes 1–31), as ids in
 * kallor.csv, with the page where the printed footnote gives one.
 */
const PRINTED_CHAPTERS_1_TO_3: [id: string, sida?: string][] = [
  ["bra-anmalda-2023"],
  ["jamy-prostitution-manniskohandel"],
  ["unodc-glotip-2022", "19"],
  ["mv-uppgifter-2023"],
  ["polisen-lagesrapport-24"],
  ["unodc-ukraina-2022"],
  ["polisen-statistik-2023"],
  ["jamy-ukrainaflyktingar"],
  ["sou-2023-8", "137"],
  ["dom-lycksele-b583-23"],
  ["jamy-rk-2023"],
  ["samverkan-arbetslivskriminalitet"],
  ["sla-industrin-2023"],
  ["riksrevisionen-2020-27"],
  ["av-utstationerade-2023"],
  ["sou-2023-8", "128"],
  ["annons-bottniska-viken"],
  ["osce-affarsmodell-2010"],
  ["project-payday-handbok"],
  ["project-payday-handbok", "52"],
  ["jamy-kunskapsstod-sexuell-exploatering"],
  ["myria-2015", "23"],
  ["vero-skenbart-egenforetagande"],
  ["jamy-stark-2023", "30"],
  ["eu-kommissionen-sverige"],
  ["polisen-lagesrapport-21"],
  ["bra-unga-natverk-2023"],
  ["vart-goteborg-tjejer"],
  ["dom-solna-b1648-23"],
  ["dom-hovratten-skane-b4669-23"],
];

/**
 * A footnote as a reader sees it, built here from the row: "Utgivare, *Titel* (år), s. 52.", with no
 * year after a title that ends with its number in a series holding it ("*… (SOU 2023:8)*, s. 137.").
 */
const footnote = (id: string, sida?: string) => {
  const k = KALLOR.get(id);
  if (!k) throw new Error(`${id} saknas i kallor.csv`);
  const numbered = new RegExp(`\\([^()]*\\b${k.ar}\\b[^()]*\\)$`).test(k.titel);
  return `${k.utgivare}, *${k.titel}*${k.ar && !numbered ? ` (${k.ar})` : ""}${sida ? `, s. ${sida}` : ""}.`;
};

describe("fotnoterna i kapitel 1–3 av 2024 års rapport", async () => {
  const built = await runRender(pipelineOptions(REPO_DATA));
  const chapters = built.ok ? built.chapters : [];
  const notes = chapters
    .filter((c) => /^0[1-3]-/.test(c.name))
    .flatMap((c) => c.markdown.split("\n"))
    .filter((l) => /^\[\^\d+\]: /.test(l))
    .map((l) => l.replace(/^\[\^\d+\]: /, "").replace(/\\/g, ""));

  it.each(PRINTED_CHAPTERS_1_TO_3)("den tryckta utgåvans källa %s (sida %s) har en fotnot", (id, sida) => {
    expect(notes).toContain(footnote(id, sida));
  });

  it("en källa utan årtal får inget år i fotnoten eller källförteckningen", () => {
    const undated = [...KALLOR].filter(([, k]) => k.ar === "").map(([id]) => id);
    expect(undated).toEqual(expect.arrayContaining(["myria-2015", "vero-skenbart-egenforetagande"]));
    const list = chapters.find((c) => c.name.startsWith("06-"))!.markdown;
    for (const id of undated) {
      const { utgivare, titel } = KALLOR.get(id)!;
      const start = `${utgivare}, *${titel}*`;
      for (const line of [...notes, ...list.split("\n")].filter((l) => l.includes(start)))
        expect(line.replace(/\\/g, "")).not.toMatch(/\*\s*\(\d{4}\)/);
    }
  });
});

describe("en tom sida är ett fel i årstexten", () => {
  it("check och build anger fil och rad", async () => {
    const temp = tempDirWith({});
    temps.push(temp);
    cpSync(REPO_DATA, temp.dir, { recursive: true });
    const file = path.join(temp.dir, "2023/texter/paverkansfaktorer.md");
    const before = readFileSync(file, "utf8").replace(/\n*$/, "\n");
    writeFileSync(file, `${before}Se utredningen.{{fotnot "sou-2023-8" sida=""}}\n`);
    const line = before.split("\n").length;

    const checked = (await runCheck(pipelineOptions(temp.dir))).diagnostics.filter(
      (d) => d.severity === "fel",
    );
    const rendered = await runRender(pipelineOptions(temp.dir));
    expect(rendered.ok).toBe(false);
    expect(rendered.diagnostics.filter((d) => d.severity === "fel")).toEqual(checked);
    expect(checked).toEqual([
      expect.objectContaining({
        code: "E_MALLFEL",
        line,
        message: expect.stringMatching(/Mallhjälpen "fotnot" väntade ett sidnummer i sida/),
      }),
    ]);
    expect(path.resolve(checked[0]!.file)).toBe(file);
  });
});
