import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCheck } from "../../src/pipeline/pipeline.js";
import { REPO_DATA, REPO_ROOT, tempDirWith, type TempDir } from "../helpers/temp-data.js";

describe("report check och mallarna", () => {
  let temp: TempDir | undefined;
  afterEach(() => temp?.cleanup());

  it("hittar inga inskrivna siffror i projektets mallar och årstexter", async () => {
    const result = await runCheck({
      rapportar: 2024,
      dataDir: REPO_DATA,
      outDir: "",
      strict: false,
      log: () => {},
    });
    expect(result.diagnostics.filter((d) => d.code === "W_SIFFRA_I_MALL")).toEqual([]);
  });

  it("varnar för en siffra som skrivits in i en mall i stället för att komma ur data", async () => {
    temp = tempDirWith({});
    cpSync(path.join(REPO_ROOT, "templates"), temp.dir, { recursive: true });
    const file = path.join(temp.dir, "kapitel/02-uppdraget.md.hbs");
    writeFileSync(file, "# 2 Uppdraget\n\nUnder året anmäldes 1 513 köp av sexuell tjänst.\n");
    const result = await runCheck({
      rapportar: 2024,
      dataDir: REPO_DATA,
      outDir: "",
      templateDir: temp.dir,
      strict: false,
      log: () => {},
    });
    const typed = result.diagnostics.filter((d) => d.code === "W_SIFFRA_I_MALL");
    expect(typed).toEqual([
      expect.objectContaining({ line: 3, column: 21, found: "1 513", severity: "varning" }),
    ]);
    expect(typed[0]?.file).toMatch(/kapitel\/02-uppdraget\.md\.hbs$/);
  });
});
