import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES, codeTableMarkdown } from "../../src/diagnostics/codes.js";
import { codesInSource } from "../helpers/diagnostic-triggers.js";
import { REPO_ROOT } from "../helpers/temp-data.js";

const START = "<!-- diagnoskoder: genereras ur src/diagnostics/codes.ts med npm run readme:codes -->";
const END = "<!-- /diagnoskoder -->";

describe("diagnoskoderna", () => {
  it("README:s tabell är den som genereras ur src/diagnostics/codes.ts", () => {
    const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    expect(readme.slice(start + START.length, end).trim()).toBe(codeTableMarkdown());
  });

  it("varje kod i tabellen används i källkoden, och slaget följer prefixet", () => {
    const used = codesInSource();
    const declared = Object.keys(DIAGNOSTIC_CODES);
    expect(declared.filter((c) => !used.has(c))).toEqual([]);
    expect([...used].filter((c) => !declared.includes(c))).toEqual([]);
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES))
      expect([code, info.severity]).toEqual([code, code.startsWith("E_") ? "fel" : "varning"]);
  });
});
