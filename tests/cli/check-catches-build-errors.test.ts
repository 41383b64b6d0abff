import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCheck, runRender, type PipelineOptions } from "../../src/pipeline/pipeline.js";
import { buildTemplateContext } from "../../src/render/context.js";
import { createTemplateEnvironment } from "../../src/render/handlebars-env.js";
import { REPO_DATA, tempDirWith, type TempDir } from "../helpers/temp-data.js";

/** `check` fills in the chapters and the cover as `build` does, so it stops on what would stop `build`. */
describe("check fångar det som skulle stoppa build", { timeout: 60_000 }, () => {
  let temp: TempDir;
  afterEach(() => temp?.cleanup());

  const copyOfData = () => {
    temp = tempDirWith({});
    const dir = path.join(temp.dir, "data");
    cpSync(REPO_DATA, dir, { recursive: true });
    return dir;
  };
  const options = (dataDir: string, templateDir?: string): PipelineOptions => ({
    rapportar: 2024,
    dataDir,
    outDir: path.join(temp.dir, "out"),
    strict: false,
    log: () => {},
    ...(templateDir && { templateDir }),
  });

  it("ett ifyllt datum på omslaget skrivs ut i ord, i check och i bygget", async () => {
    const dir = copyOfData();
    const file = path.join(dir, "2023/rapport.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^datum;;/m, "datum;2024-12-10;"));
    const checked = await runCheck(options(dir));
    expect(checked.diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
    expect(checked.ok).toBe(true);
    const rendered = await runRender(options(dir));
    expect(rendered.ok).toBe(true);
    if (!rendered.ok) return;
    expect(rendered.html).toContain("<dt>Datum</dt><dd>10\u00a0december 2024</dd>");
  });

  it.each([
    ["en årstext", "data", "2023/texter/forslag.md", "Text med {{okandHjalp 3}}.\n"],
    ["omslaget", "templates", "rapport.html.hbs", "<html>{{tal lagesrapportSomInteFinns}}</html>\n"],
  ])(
    "ett mallfel i %s är ett fel i check med filen, inte en krasch i build",
    async (_what, root, file, text) => {
      const dir = copyOfData();
      const templates = path.join(temp.dir, "templates");
      cpSync(path.join(REPO_DATA, "../templates"), templates, { recursive: true });
      writeFileSync(path.join(root === "data" ? dir : templates, file), text);
      const checked = await runCheck(options(dir, templates));
      expect(checked.ok).toBe(false);
      const errors = checked.diagnostics.filter((d) => d.severity === "fel");
      expect(errors.map((d) => d.code)).toContain("E_MALLFEL");
      const rendered = await runRender(options(dir, templates));
      expect(rendered.ok).toBe(false);
      expect(rendered.diagnostics.map((d) => d.code)).toContain("E_MALLFEL");
    },
  );

  it("en årstext som bryter en skrivregel ger samma varning i check som i bygget", async () => {
    const dir = copyOfData();
    const file = path.join(dir, "2023/texter/forslag.md");
    writeFileSync(
      file,
      `${readFileSync(file, "utf8")}\nDet gäller alla. 2023 var ett år med fler ärenden.\n`,
    );
    const warnings = (diagnostics: readonly { code: string; file?: string; line?: number }[]) =>
      diagnostics.filter((d) => d.code === "W_SPRAKREGEL").map((d) => `${d.file}:${d.line}`);
    const rendered = await runRender(options(dir));
    const checked = await runCheck(options(dir));
    expect(warnings(rendered.diagnostics).length).toBeGreaterThan(0);
    expect(warnings(checked.diagnostics)).toEqual(warnings(rendered.diagnostics));
  });

  it("inget fält som mallar ser heter som en mallhjälp (då anropas hjälpen i stället för fältet)", async () => {
    const dir = copyOfData();
    const checked = await runCheck(options(dir));
    const helpers = new Set(Object.keys(createTemplateEnvironment().helpers));
    const chapterFields = Object.keys(buildTemplateContext(checked.siffror!, []));
    const coverFields = [
      "titel",
      "undertitel",
      "rapportar",
      "statistikar",
      "informationsklass",
      "lagesrapport",
      "diarienummer",
      "datum",
      "utkast",
    ];
    const layout = readFileSync(path.join(REPO_DATA, "../templates/rapport.html.hbs"), "utf8");
    // Fields the cover prints directly as {{name}} must not be helpers.
    const printedBare = [...layout.matchAll(/\{\{\s*([A-Za-z]\w*)\s*\}\}/g)].map((m) => m[1]!);
    expect(printedBare.filter((name) => helpers.has(name))).toEqual([]);
    expect(chapterFields.filter((name) => helpers.has(name))).toEqual([]);
    expect(coverFields.filter((name) => printedBare.includes(name) && helpers.has(name))).toEqual([]);
  });
});
