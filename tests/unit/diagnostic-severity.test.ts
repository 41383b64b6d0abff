import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES } from "../../src/diagnostics/codes.js";
import { applyStrictness, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { DEFAULT_TEMPLATE_DIR, runCheck } from "../../src/pipeline/pipeline.js";
import { REPO_DATA } from "../helpers/temp-data.js";

describe("en diagnos har det slag som dess kod har i tabellen", () => {
  it("ett fel kan inte skrivas som en varning (typkontrollen avvisar det)", () => {
    // @ts-expect-error An E_ code is an error; `npm run typecheck` fails if this ever compiles.
    const wrong: Diagnostic = { code: "E_FIL_SAKNAS", severity: "varning", file: "x", message: "" };
    // A warning may be made an error (--strict).
    const strict: Diagnostic = { code: "W_DATASET_SAKNAS", severity: "fel", file: "x", message: "" };
    expect([wrong.code, strict.code]).toEqual(["E_FIL_SAKNAS", "W_DATASET_SAKNAS"]);
  });

  it("varje diagnos som check ger för 2024 har kodens slag, och --strict gör bara varningar till fel", async () => {
    const result = await runCheck({
      rapportar: 2024,
      dataDir: REPO_DATA,
      templateDir: DEFAULT_TEMPLATE_DIR,
      strict: false,
      log: () => {},
    });
    expect(result.diagnostics.length).toBeGreaterThan(0);
    for (const d of result.diagnostics)
      expect([d.code, d.severity]).toEqual([d.code, DIAGNOSTIC_CODES[d.code].severity]);
    for (const d of applyStrictness(result.diagnostics, true))
      expect([d.code, d.severity]).toEqual([d.code, "fel"]);
  });
});
