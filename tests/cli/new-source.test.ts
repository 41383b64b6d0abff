import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, assert, describe, expect, it } from "vitest";
import { z } from "zod";
import { initYear } from "../../src/init/init-year.js";
import { antal } from "../../src/model/key-figures.js";
import { DEFAULT_TEMPLATE_DIR, runCheck, runRender } from "../../src/pipeline/pipeline.js";
import { defineKeyFigureSource } from "../../src/sources/key-figure-source.js";
import { KEY_FIGURE_SOURCES } from "../../src/sources/registry.js";
import { REPO_DATA, tempDirWith, type TempDir } from "../helpers/temp-data.js";

/**
 * Adding a key-figure source is one module, its data and the text that uses it. The module below is
 * the whole of the tool's side (a made-up source); the pipeline reads, checks, reconciles, cites,
 * renders and prepares next year's file for it with no other change.
 */
const tolktjanst = defineKeyFigureSource({
  id: "tolktjanst",
  file: "tolktjanst.csv",
  beskrivning: "den påhittade tolktjänsten",
  schema: z.object({ samtal: antal, kvinnor: antal, man: antal }),
  sums: [{ total: "samtal", parts: ["kvinnor", "man"], avser: "samtal fördelade på kön" }],
  charts: [
    {
      id: "tolktjanst-kon",
      // The figures come typed from the schema: `kvinnor` and `man` are numbers, or null where marked `..`.
      draw: ({ kvinnor, man }, width, { colours, config, formatNumber }) =>
        kvinnor === null || man === null
          ? undefined
          : {
              caption: "Samtal till tolktjänsten efter kön",
              alt: `Stapeldiagram över samtalen: kvinnor ${formatNumber(kvinnor)}, män ${formatNumber(man)}.`,
              spec: {
                width,
                height: 120,
                data: {
                  values: [
                    { kon: "Kvinnor", antal: kvinnor },
                    { kon: "Män", antal: man },
                  ],
                },
                mark: { type: "bar", color: colours.primary },
                encoding: {
                  x: { field: "kon", type: "nominal", title: null },
                  y: { field: "antal", type: "quantitative", title: "Samtal" },
                },
                config,
              },
            },
    },
  ],
});
const registry = { ...KEY_FIGURE_SOURCES, tolktjanst };

const DATA = `nyckel;värde;källa;anmärkning
samtal;140;tolk-2023;
kvinnor;60;tolk-2023;
man;70;tolk-2023;Källan anger 140 samtal men bara 130 fördelade på kön.
`;
const SOURCE_ROW = "tolk-2023;Tolktjänsten;Samtal under 2023;2024;;;En påhittad källa för ett test.\n";
const TEXT = `
{{#if tolktjanst}}
Tolktjänsten tog emot {{tal tolktjanst.samtal}} samtal.{{fotnot tolktjanst.kallor.samtal}}

{{diagram "tolktjanst-kon"}}
{{else}}
{{saknas.tolktjanst}}
{{/if}}
`;

describe("en ny nyckeltalskälla är en modul, dess data och dess text", () => {
  const temps: TempDir[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));
  const setUp = () => {
    const temp = tempDirWith({});
    temps.push(temp);
    const data = path.join(temp.dir, "data");
    const templates = path.join(temp.dir, "templates");
    cpSync(REPO_DATA, data, { recursive: true });
    cpSync(DEFAULT_TEMPLATE_DIR, templates, { recursive: true });
    writeFileSync(path.join(data, "2023", "tolktjanst.csv"), DATA);
    appendFileSync(path.join(data, "kallor.csv"), SOURCE_ROW);
    appendFileSync(path.join(templates, "kapitel", "04-omfattningen-till-i-och-genom-sverige.md.hbs"), TEXT);
    const options = {
      rapportar: 2024,
      dataDir: data,
      templateDir: templates,
      strict: false,
      log: () => {},
      keyFigureSources: registry,
    };
    return { data, templates, options };
  };

  it("läses, kontrolleras, stäms av, hamnar i siffror.json och i kapitlet med fotnot", async () => {
    const { data, options } = setUp();
    const result = await runRender(options);
    assert(result.ok, JSON.stringify(result.diagnostics.filter((d) => d.severity === "fel")));
    const figures = (result.siffror as unknown as Record<string, unknown>).tolktjanst;
    expect(figures).toEqual({
      samtal: 140,
      kvinnor: 60,
      man: 70,
      kallor: { samtal: "tolk-2023", kvinnor: "tolk-2023", man: "tolk-2023" },
      saknas: [],
    });
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        code: "W_SUMMA_AVVIKER",
        file: path.join(data, "2023", "tolktjanst.csv"),
        line: 2,
        found: "140",
        expected: "130",
      }),
    );
    const chapter = result.chapters.find((c) => c.name.startsWith("04-"))!.markdown;
    expect(chapter).toMatch(/Tolktjänsten tog emot 140 samtal\.\[\^\d+\]/);
    const sources = result.chapters.find((c) => c.name.startsWith("06-"))!.markdown;
    expect(sources).toContain("Samtal under 2023");
  });

  it("ritar diagrammet som modulen deklarerar, med årets siffror i bild och text", async () => {
    const { options } = setUp();
    const result = await runRender(options);
    assert(result.ok, JSON.stringify(result.diagnostics.filter((d) => d.severity === "fel")));
    const chapter = result.chapters.find((c) => c.name.startsWith("04-"))!.markdown;
    expect(chapter).toContain("(diagram:tolktjanst-kon");
    expect(chapter).toContain("kvinnor 60, män 70");
    const image = /<img src="data:image\/svg\+xml;base64,([^"]+)" alt="([^"]*kvinnor 60, män 70[^"]*)">/.exec(
      result.html,
    );
    assert(image, "diagrammet finns inte i HTML-sidan");
    const svg = Buffer.from(image[1]!, "base64").toString("utf8");
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("Samtal");
    expect(result.html).toContain("Samtal till tolktjänsten efter kön");
  });

  it("en okänd nyckel och en okänd källa är fel med rad, som för varje annan källa", async () => {
    const { data, options } = setUp();
    writeFileSync(path.join(data, "2023", "tolktjanst.csv"), `${DATA}minuter;5;ingen-sadan;\n`);
    const result = await runCheck(options);
    const file = path.join(data, "2023", "tolktjanst.csv");
    expect(
      result.diagnostics.filter((d) => d.file === file && d.severity === "fel").map((d) => [d.code, d.line]),
    ).toEqual([["E_OKAND_NYCKEL", 5]]);
    expect(result.ok).toBe(false);
  });

  it("saknas filen varnar check, och siffrorna är null", async () => {
    const { data, options } = setUp();
    rmSync(path.join(data, "2023", "tolktjanst.csv"));
    const result = await runCheck(options);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ code: "W_DATASET_SAKNAS", file: path.join(data, "2023", "tolktjanst.csv") }),
    );
    assert(result.ok, JSON.stringify(result.diagnostics.filter((d) => d.severity === "fel")));
    expect((result.siffror as unknown as Record<string, unknown>).tolktjanst).toBeNull();
    const rendered = await runRender(options);
    assert(rendered.ok);
    const chapter = rendered.chapters.find((c) => c.name.startsWith("04-"))!.markdown;
    expect(chapter).toContain("den påhittade tolktjänsten");
  });

  it("init förbereder nästa års fil med nycklarna och .. (inte kända) som värden", async () => {
    const { data } = setUp();
    const result = await initYear(data, 2025, registry);
    const created = path.join(data, "2024", "tolktjanst.csv");
    expect(result.created).toContain(created);
    expect(readFileSync(created, "utf8").split("\n").slice(0, 3)).toEqual([
      "nyckel;värde;källa;anmärkning",
      "samtal;..;;",
      "kvinnor;..;;",
    ]);
    expect(result.checklist.join("\n")).toContain("den påhittade tolktjänsten");
  });
});
