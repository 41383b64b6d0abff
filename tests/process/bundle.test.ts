import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTemplates } from "../../src/load/templates.js";
import type { PrecompiledTemplates } from "../../src/render/compiled-templates.js";
import { runBin } from "../helpers/cli.js";
import { REPO_DATA, REPO_ROOT } from "../helpers/temp-data.js";

const dist = (...parts: string[]) => path.join(REPO_ROOT, "dist", ...parts);
/** Timings differ from run to run; everything else `check` prints must not. */
const withoutTimings = (text: string) => text.replace(/\d+ ms/g, "… ms");

// What `npm run build` makes for a fast start, as a user's `npm ci` makes it.
describe("det byggda verktyget (dist/)", () => {
  it("har varje medföljande mall kompilerad, med de val den fylls i med", async () => {
    const stored = JSON.parse(
      readFileSync(dist("precompiled-templates.json"), "utf8"),
    ) as PrecompiledTemplates;
    const templates = await loadTemplates(
      path.join(REPO_ROOT, "templates"),
      path.join(REPO_ROOT, "inga-texter"),
    );
    const expected = [
      ...templates.chapters.map((c) => `kapitel ${c.template.source}`),
      ...[...templates.partials.values()].map((p) => `kapitel ${p.source}`),
      `layout ${templates.layout.source}`,
      `stilmall ${templates.stylesheet.source}`,
    ];
    expect(stored.templates.map((t) => `${t.kind} ${t.source}`).sort()).toEqual(expected.sort());
    expect(stored.handlebars).toBe((await import("handlebars")).default.VERSION);
  });

  it("buntar Handlebars utan source-map, och buntens check säger detsamma som de okompakterade modulerna", () => {
    const bundle = readdirSync(dist("bundle"))
      .filter((n) => n.endsWith(".js"))
      .map((n) => readFileSync(dist("bundle", n), "utf8"))
      .join("\n");
    expect(bundle).toContain("SourceNode.prototype = {"); // Handlebars' own string builder
    expect(bundle).not.toContain("SourceNode_toStringWithSourceMap"); // source-map's
    const bundled = runBin(["check", "2024", "--data", REPO_DATA, "--verbose"]);
    const plain = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const { main } = await import(${JSON.stringify(dist("cli.js"))}); process.exitCode = await main(process.argv);`,
        "report",
        "check",
        "2024",
        "--data",
        REPO_DATA,
        "--verbose",
      ],
      { cwd: REPO_ROOT, encoding: "utf8" },
    );
    expect(plain.status).toBe(0);
    expect(bundled.code).toBe(0);
    expect(withoutTimings(bundled.stdout)).toBe(withoutTimings(plain.stdout));
    expect(bundled.stdout).toContain("0 fel");
  });
});
