import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const COMMANDS = ["build", "check", "init", "preview", "diff"] as const;

describe("report --help och beskeden", () => {
  it("namnger alla kommandona när kommandot är okänt, och föreslår det närmaste", async () => {
    const { code, stderr } = await runCli("bild", "2024");
    expect(code).toBe(2);
    expect(stderr).toContain(
      `fel: okänt kommando 'bild' (menade du build?); kommandona är ${COMMANDS.slice(0, -1).join(", ")} och ${COMMANDS.at(-1)}`,
    );
  });

  it.each([[], ...COMMANDS.map((c) => [c])])(
    "%j --help: svenska, exemplen en gång var",
    async (...command) => {
      const { code, stdout } = await runCli(...command, "--help");
      expect(code).toBe(0);
      expect(stdout.match(/^Exempel:$/gm)).toHaveLength(1);
      const examples = stdout.split("\n").filter((line) => line.trimStart().startsWith("$ report"));
      expect(examples.length).toBeGreaterThan(0);
      expect(new Set(examples).size).toBe(examples.length);
      // Commander's English annotations and headings are replaced, not left half-translated.
      expect(stdout).not.toMatch(/default:|choices:|Usage:|Options:|Arguments:|Commands:|\[options\]/);
    },
  );

  it("skriver val och standardvärde på svenska", async () => {
    const { stdout } = await runCli("check", "--help");
    expect(stdout.replace(/\s+/g, " ")).toContain('(val: "text", "json", "github"; standard: "text")');
    expect(stdout.replace(/\s+/g, " ")).toContain('mappen med datafiler (standard: "data")');
  });

  it("erbjuder --out bara där något skrivs", async () => {
    expect((await runCli("check", "--help")).stdout).not.toContain("--out");
    expect((await runCli("build", "--help")).stdout).toContain("--out <mapp>");
    const { code, stderr } = await runCli("check", "2024", "--out", "x");
    expect(code).toBe(2);
    expect(stderr).toContain("okänd flagga '--out'");
  });
});
