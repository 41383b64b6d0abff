import { appendFileSync, cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE_DIR } from "../../src/pipeline/pipeline.js";
import { PreviewSession } from "../../src/preview/session.js";
import { diagnosticsPage, previewPolicy, reportPage } from "../../src/preview/page.js";
import { runCli } from "../helpers/cli.js";
import { REPO_DATA, tempDirWith, type TempDir } from "../helpers/temp-data.js";

// The warm half of `report preview`, in process: what a change redoes, and what it leaves alone.
describe("förhandsvisningens session", () => {
  let temp: TempDir;
  let session: PreviewSession;
  let data: string;
  let templates: string;

  beforeAll(async () => {
    temp = tempDirWith({});
    data = path.join(temp.dir, "data");
    templates = path.join(temp.dir, "mallar");
    cpSync(REPO_DATA, data, { recursive: true });
    cpSync(DEFAULT_TEMPLATE_DIR, templates, { recursive: true });
    session = new PreviewSession({
      rapportar: 2024,
      dataDir: data,
      outDir: path.join(temp.dir, "out"),
      templateDir: templates,
      // A store of its own: what it draws does not depend on what earlier runs left behind.
      chartCacheDir: path.join(temp.dir, "diagram"),
      strict: false,
      log: () => {},
    });
    expect(await session.update("allt")).toBe(true);
  }, 120_000);
  afterAll(() => temp?.cleanup());

  it("skiljer mallar och årstexter från data, och bortser från redigerarnas tillfälliga filer", () => {
    expect(session.classify(path.join(data, "2023/texter/forslag.md"))).toBe("mallar");
    expect(session.classify(path.join(templates, "rapport.css"))).toBe("mallar");
    expect(session.classify(path.join(templates, "kapitel/01-sammanfattning.md.hbs"))).toBe("mallar");
    expect(session.classify(path.join(data, "2023/anmalda-brott.csv"))).toBe("data");
    expect(session.classify(path.join(data, "serier/migrationsverket.csv"))).toBe("data");
    expect(session.classify(path.join(data, "2023/texter/.forslag.md.swp"))).toBeUndefined();
    expect(session.classify(path.join(data, "2023/texter/forslag.md~"))).toBeUndefined();
    expect(session.classify(path.join(temp.dir, "annat.txt"))).toBeUndefined();
  });

  it("en ändrad stilmall ger en ny version utan att diagrammen ritas om", async () => {
    const before = session.state.version;
    const drawn = session.cache.svgsDrawn;
    appendFileSync(path.join(templates, "rapport.css"), "\n.forhandsvisning-provmarkering { color: red; }\n");
    expect(await session.update(["mallar"])).toBe(true);
    expect(session.state.version).toBe(before + 1);
    expect(session.state.kind === "rapport" && session.state.html).toContain("forhandsvisning-provmarkering");
    expect(session.cache.svgsDrawn).toBe(drawn);
  });

  it("samma innehåll igen ger ingen ny version (sidan laddas inte om i onödan)", async () => {
    const before = session.state.version;
    expect(await session.update(["mallar"])).toBe(false);
    expect(session.state.version).toBe(before);
  });

  it("en ändrad siffra räknas om och ritar om bara diagrammet som visar den, i båda bredderna", async () => {
    const drawn = session.cache.svgsDrawn;
    const table = path.join(data, "2023/anmalda-brott.csv");
    writeFileSync(table, readFileSync(table, "utf8").replace(";39;30;43;835;", ";39;30;43;935;"));
    expect(await session.update(["data"])).toBe(true);
    const state = session.state;
    expect(state.kind).toBe("rapport");
    expect(state.kind === "rapport" && state.html.replace(/[\u00a0\u202f]/g, " ")).toContain("2 275");
    // Stockholm's count is in the chart of reported offences per region (drawn for print and for a
    // phone); the two series charts do not show it and are reused.
    expect(session.cache.svgsDrawn).toBe(drawn + 2);
  });

  it("ett fel i en mall visas som diagnos med filen, och sidan kommer tillbaka när det är rättat", async () => {
    const chapter = path.join(templates, "kapitel/02-uppdraget.md.hbs");
    const good = readFileSync(chapter, "utf8");
    writeFileSync(chapter, `${good}\n{{#if}}\n`);
    await session.update(["mallar"]);
    expect(session.state.kind).toBe("fel");
    const page = diagnosticsPage(session.state, "webb");
    expect(page).toMatch(/02-uppdraget\.md\.hbs(:\d+)? {2}fel {2}.*\(E_MALLFEL\)/);
    writeFileSync(chapter, good);
    await session.update(["mallar"]);
    expect(session.state.kind).toBe("rapport");
  });

  it("sidan får klientskriptet som fil, och sidans egen policy ger plats åt förhandsvisningens", () => {
    const state = session.state;
    if (state.kind !== "rapport") throw new Error("väntade rapporten");
    const hash = "'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='";
    const withPolicy = {
      ...state,
      html: state.html.replace(
        "<head>",
        `<head>\n<meta http-equiv="Content-Security-Policy" content="script-src ${hash}">`,
      ),
    };
    for (const view of ["webb", "sidor"] as const) {
      const html = reportPage(withPolicy, view);
      expect(html).toContain('<script src="/__forhandsvisning/klient.js" defer></script>');
      expect(html).not.toContain("Content-Security-Policy");
      expect(html).not.toMatch(/<script>/);
    }
    // The header keeps what the page's policy allowed and adds only this server.
    const policy = previewPolicy(withPolicy.html);
    expect(policy).toMatch(new RegExp(`script-src 'self' ${hash.replace(/[+/=]/g, "\\$&")}`));
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("default-src 'none'");
    expect(reportPage(state, "sidor")).toContain('<script src="/__forhandsvisning/paged.js"></script>');
  });

  it("diagnoser i sidan är text, aldrig HTML", () => {
    const page = diagnosticsPage(
      {
        kind: "fel",
        version: 1,
        diagnostics: [
          { code: "E_OGILTIGT_VARDE", severity: "fel", file: "data/x.csv", line: 2, message: "<img src=x>" },
        ],
      },
      "webb",
    );
    expect(page).toContain("data/x.csv:2  fel  &lt;img src=x&gt;  (E_OGILTIGT_VARDE)");
    expect(page).not.toContain("<img src=x>");
  });
});

describe("report preview på kommandoraden", () => {
  it("avvisar en port som inte är ett tal med slutkod 2", async () => {
    const result = await runCli("preview", "2024", "--port", "åtta");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("är ingen port");
  });
});
