import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../helpers/cli.js";
import { REPO_ROOT } from "../helpers/temp-data.js";

const FILE = path.join(REPO_ROOT, ".github/workflows/utkast.yml");
const content = readFileSync(FILE, "utf8");

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
}
const workflow = parse(content) as {
  on: Record<string, { paths: string[] }>;
  jobs: { utkast: { steps: Step[] } };
};
const steps = workflow.jobs.utkast.steps;
const run = (name: string) => steps.find((s) => s.name === name)?.run ?? "";

describe("arbetsflödet i .github/workflows/utkast.yml", () => {
  it("godkänns av GitHubs egen tolkare av arbetsflöden (schemat)", () => {
    const result = parseWorkflow({ name: "utkast.yml", content }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(result.value).toBeDefined();
  });

  it("körs vid push och pull request som rör data eller mallar", () => {
    for (const event of ["push", "pull_request"])
      expect(workflow.on[event]?.paths).toEqual(["data/**", "templates/**"]);
  });

  it("kontrollerar med annoteringar, bygger utkast, laddar upp det och skriver diffen i sammanfattningen", () => {
    expect(run("Kontrollera data")).toBe('npx report check "$RAPPORTAR" --format github');
    expect(run("Bygg utkast")).toBe('npx report build "$RAPPORTAR" --utkast');
    const upload = steps.find((s) => s.uses?.startsWith("actions/upload-artifact"));
    expect(String(upload?.with?.path)).toMatch(/rapport\.pdf[\s\S]*rapport\.html[\s\S]*kapitel/);
    const diff = steps.find((s) => s.name === "Ändringar mot basgrenen")!;
    expect(diff.if).toBe("github.event_name == 'pull_request'");
    expect(diff.run).toContain(
      'npx report diff "origin/${{ github.base_ref }}" HEAD --year "$RAPPORTAR" || [ $? -eq 1 ]',
    );
    expect(diff.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
  });

  it("räknar ut rapportåret ur data/ som steget gör", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "report-wf-"));
    try {
      const env = path.join(dir, "env");
      execFileSync("bash", ["-c", run("Vilket år")], {
        cwd: REPO_ROOT,
        env: { ...process.env, GITHUB_ENV: env },
      });
      expect(readFileSync(env, "utf8")).toBe("RAPPORTAR=2024\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("kontrollsteget ger GitHub-annoteringar och slutkod 0 för projektets data", async () => {
    const args = run("Kontrollera data")
      .replace("npx report ", "")
      .replace('"$RAPPORTAR"', "2024")
      .split(" ");
    const { code, stdout } = await runCli(...args, "--data", path.join(REPO_ROOT, "data"));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^::warning file=.*anmalda-brott\.csv,line=12,col=11,title=W_SUMMA_AVVIKER::/m);
  });
});
