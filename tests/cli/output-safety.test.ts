import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { HEADER, tempDataDir, tempDirWith, type TempDir } from "../helpers/temp-data.js";

describe("report build med fel i data", () => {
  const temps: TempDir[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

  it("skriver ingenting och lämnar tidigare utdata orörd", async () => {
    const data = tempDataDir({
      "2023/anmalda-brott.csv": `${HEADER}\nÖvrigt;;Köp av sexuell tjänst;1;1;1;1;1;1;x;7\n`,
    });
    const out = tempDirWith({
      "2024/rapport.pdf": "tidigare PDF",
      "2024/siffror.json": "{}",
      "2024/manifest.json": JSON.stringify({
        summa: "x",
        utdata: { "rapport.pdf": "x", "siffror.json": "x" },
      }),
    });
    temps.push(data, out);
    const { code, stdout } = await runCli("build", "2024", "--data", data.dir, "--out", out.dir);
    expect(code).toBe(1);
    expect(stdout).toContain("(E_ANTAL_EJ_HELTAL)");
    expect(stdout).toContain("Inget skrevs; tidigare utdata är orörd.");
    expect(readFileSync(path.join(out.dir, "2024/rapport.pdf"), "utf8")).toBe("tidigare PDF");
    expect(readFileSync(path.join(out.dir, "2024/siffror.json"), "utf8")).toBe("{}");
  });
});
