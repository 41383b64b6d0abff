import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { runCheck, runRender } from "../../src/pipeline/pipeline.js";
import { HEADER, pipelineOptions, REPO_DATA, tempDirWith, type TempDir } from "../helpers/temp-data.js";

const temps: TempDir[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

/** A copy of the project's data; `barn.md` gets `added` after its existing lines. */
function dataWithYearText(added: string): { dir: string; file: string; firstLine: number } {
  const temp = tempDirWith({});
  temps.push(temp);
  cpSync(REPO_DATA, temp.dir, { recursive: true });
  const file = path.join(temp.dir, "2023/texter/barn.md");
  const before = readFileSync(file, "utf8").replace(/\n*$/, "\n");
  writeFileSync(file, `${before}${added}`);
  return { dir: temp.dir, file, firstLine: before.split("\n").length };
}

const errors = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === "fel");

describe("fel i årets texter anges i årstexten, med rad och kolumn, av check och build lika", () => {
  // Each case: what is written into the year text, where the mistake is (line offset, column), and
  // what the message must say. `check` must stop on exactly what stops `build`.
  const cases: { name: string; text: string; line: number; column?: number; says: RegExp }[] = [
    {
      name: "ett felstavat namn är ett fel som visar namnen som finns, närmast först",
      text: "Koordinatorerna mötte {{antal regionkoordinatorer.identiferade}} personer.\n",
      line: 0,
      column: 31,
      says: /Okänt namn "regionkoordinatorer\.identiferade".*Namnen som finns i regionkoordinatorer: identifierade,/,
    },
    {
      name: "ett okänt namn på översta nivån",
      text: "\nText {{regionkordinatorer}} här.\n",
      line: 1,
      column: 8,
      says: /Okänt namn "regionkordinatorer".*Namnen som finns: regionkoordinatorer,/,
    },
    {
      name: "en mallhjälp utan argument säger det, utan att skriva ut sammanhanget",
      text: "Det var {{tal}} fall.\n",
      line: 0,
      column: 9,
      says: /^Mallhjälpen "tal" väntade ett tal men fick inget argument\.$/,
    },
    {
      name: "en mallhjälp med en hel tabell som argument citerar bara början",
      text: "Det var {{tal regionkoordinatorer}} fall.\n",
      line: 0,
      column: 9,
      says: /^Mallhjälpen "tal" väntade ett tal men fick \{"identifierade".{0,60}\.$/,
    },
    {
      name: "ett block som aldrig stängs",
      text: "\n\n{{#if regionkoordinatorer}}\nText utan slut.\n",
      line: 4,
      says: /stängs aldrig/,
    },
    {
      name: "ett block som stängs med fel namn",
      text: "{{#if regionkoordinatorer}}Text{{/each}}\n",
      line: 0,
      says: /blocket \{\{#if\}\} stängs med \{\{\/each\}\}/,
    },
    {
      name: "en okänd mallhjälp",
      text: "Det var {{antl regionkoordinatorer.identifierade}} fall.\n",
      line: 0,
      column: 11,
      says: /Okänd mallhjälp "antl"\. Närmast bland dem som finns: antal,/,
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const { dir, file, firstLine } = dataWithYearText(c.text);
      const checked = errors((await runCheck(pipelineOptions(dir))).diagnostics);
      const built = await runRender(pipelineOptions(dir));
      expect(built.ok).toBe(false);
      expect(errors(built.diagnostics)).toEqual(checked);
      expect(checked).toHaveLength(1);
      const [error] = checked;
      expect(error).toMatchObject({ code: "E_MALLFEL", line: firstLine + c.line });
      if (c.column !== undefined) expect(error!.column).toBe(c.column);
      expect(path.resolve(error!.file)).toBe(file);
      expect(error!.message).toMatch(c.says);
      // Never a dump of the figures: a message a person reads in one glance.
      expect(error!.message.length).toBeLessThan(400);
    });
  }

  it("ett syntaxfel i en årstext rapporteras av check också när data har fel", async () => {
    const { dir, file } = dataWithYearText("{{#if regionkoordinatorer}}\n");
    writeFileSync(
      path.join(dir, "2023/anmalda-brott.csv"),
      `${HEADER}\nÖvrigt;;Köp av sexuell tjänst;1;1;1;1;1;1;x;7\n`,
    );
    const checked = errors((await runCheck(pipelineOptions(dir))).diagnostics);
    expect(checked.map((d) => d.code).sort()).toEqual(["E_ANTAL_EJ_HELTAL", "E_MALLFEL"]);
    expect(path.resolve(checked.find((d) => d.code === "E_MALLFEL")!.file)).toBe(file);
  });

  it("ett namn i en gren som årets siffror inte tar är inget fel (som när mallen fylls i)", async () => {
    const { dir } = dataWithYearText(
      "{{#if saknas.regionkoordinatorer}}{{regionkoordinatorer.finnsInte}}{{/if}}\n",
    );
    expect(errors((await runCheck(pipelineOptions(dir))).diagnostics)).toEqual([]);
  });

  it("ett felstavat villkor om en saknad källa är ett fel", async () => {
    const { dir } = dataWithYearText("{{#if saknas.regionkordinatorer}}x{{/if}}{{saknas.stodprogrm}}\n");
    const checked = errors((await runCheck(pipelineOptions(dir))).diagnostics);
    expect(checked).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/"saknas\.stodprogrm".*stodprogram/) }),
    ]);
  });
});

describe("värden ur data blir text, inte Markdown", () => {
  it("en länk, kursiv, kod och HTML i en cell står som de skrevs i kapitlet och sidan", async () => {
    const temp = tempDirWith({});
    temps.push(temp);
    cpSync(REPO_DATA, temp.dir, { recursive: true });
    const hostile = "[klicka](http://127.0.0.1:9/x) *kursiv* `kod` <b>fet</b>";
    const rk = path.join(temp.dir, "2023/regionkoordinatorer.csv");
    writeFileSync(rk, readFileSync(rk, "utf8").replace(/^ursprungslander;/m, `ursprungslander;${hostile}, `));
    const kallor = path.join(temp.dir, "kallor.csv");
    writeFileSync(
      kallor,
      readFileSync(kallor, "utf8").replace(
        /^(bra-anmalda-2023;[^;]*;)/m,
        "$1[Titel](http://127.0.0.1:9/y) **fet** ",
      ),
    );
    const result = await runRender(pipelineOptions(temp.dir));
    expect(errors(result.diagnostics)).toEqual([]);
    if (!result.ok) throw new Error("bygget misslyckades");
    const html = result.html;
    expect(html).not.toMatch(/href="http:\/\/127\.0\.0\.1:9/);
    expect(html).not.toMatch(/<(em|strong|code|b)>(kursiv|fet|kod|Titel)/);
    expect(html).toContain("[klicka](http://127.0.0.1:9/x) *kursiv* `kod` &lt;b&gt;fet&lt;/b&gt;,");
    expect(html).toContain("[Titel](http://127.0.0.1:9/y) **fet**");
    const chapters = result.chapters.map((c) => c.markdown).join("\n");
    expect(chapters).toContain("\\[klicka\\](http://127.0.0.1:9/x) \\*kursiv\\*");
  });
});
