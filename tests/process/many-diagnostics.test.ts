import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runBin, runCli } from "../helpers/cli.js";
import { HEADER, REPO_DATA, tempDataDir, tempDirWith, type TempDir } from "../helpers/temp-data.js";

const temps: TempDir[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

/** Hundreds of thousands of diagnostics: the tool reports them, capped, instead of overflowing the stack. */
describe("många diagnoser", () => {
  it.each([
    [
      "150 000 felaktiga rader i den breda tabellen",
      () => {
        const t = tempDataDir({
          "2023/anmalda-brott.csv": `${HEADER}\n${"Övrigt;;Köp av sexuell tjänst;1;1;1;1;1;1;x;7\n".repeat(150_000)}`,
        });
        return { dir: t.dir, temp: t, code: 1, counted: "E_ANTAL_EJ_HELTAL" };
      },
    ],
    [
      "en lång export på 300 000 rader med felaktigt år",
      () => {
        const t = tempDataDir({
          "2023/anmalda-brott.csv": `år;brottskod;polisregion;antal\n${"20x3;4024;Syd;1\n".repeat(300_000)}`,
        });
        return { dir: t.dir, temp: t, code: 1, counted: "E_AR_OGILTIGT" };
      },
    ],
    [
      "en årstext med 200 000 inskrivna tal",
      () => {
        const t = tempDirWith({});
        cpSync(REPO_DATA, t.dir, { recursive: true });
        writeFileSync(path.join(t.dir, "2023", "texter", "analys.md"), "17 och ".repeat(200_000));
        return { dir: t.dir, temp: t, code: 0, counted: "W_SIFFRA_I_MALL" };
      },
    ],
  ])(
    "%s: ingen krasch, högst 50 rader per kod och sedan en räkning",
    async (_, make) => {
      const { dir, temp, code, counted } = make();
      temps.push(temp);
      // The compiled tool in its own process, as a user runs it (and faster than in-process here).
      const { code: exit, stdout, stderr } = runBin(["check", "2024", "--data", dir]);
      expect(stderr).not.toMatch(/Internt fel|RangeError/);
      expect(exit).toBe(code);
      expect(stdout.split("\n").filter((l) => l.includes(`(${counted})`))).toHaveLength(50);
      expect(stdout).toMatch(new RegExp(`… och [\\d\\s]+ till med ${counted} \\(visas inte`));
      expect(stdout.split("\n").length).toBeLessThan(400);
    },
    60_000,
  );
});

describe("styrtecken i data når aldrig terminalen", () => {
  it("visas som \\x1B i diagnosen", async () => {
    const t = tempDataDir({
      "2023/anmalda-brott.csv": `${HEADER}\nÖvrigt;;Köp av sexuell tjänst;1;1;1;1;1;1;\u001b[2J\u001b]0;x\u0007;7\n`,
    });
    temps.push(t);
    const { stdout } = await runCli("check", "2024", "--data", t.dir);
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(stdout).toContain("\\x1B[2J");
  });
});
