import { readFileSync } from "node:fs";
import path from "node:path";
import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/temp-data.js";
import { workflowSteps, WORKFLOW_FILE } from "../helpers/workflow.js";

// The workflow as a document; its steps are run as on GitHub in tests/process/workflow-steps.test.ts.
const content = readFileSync(WORKFLOW_FILE, "utf8");
const { workflow, steps } = workflowSteps();

describe("arbetsflödet i .github/workflows/utkast.yml", () => {
  it("godkänns av GitHubs egen tolkare av arbetsflöden (schemat)", () => {
    const result = parseWorkflow({ name: "utkast.yml", content }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(result.value).toBeDefined();
  });

  it("körs vid push och pull request som rör data, mallar, verktyget eller dess beroenden", () => {
    for (const event of ["push", "pull_request"])
      expect(workflow.on[event]?.paths).toEqual(
        expect.arrayContaining(["data/**", "templates/**", "src/**", "package.json", "package-lock.json"]),
      );
  });

  it("körs på ubuntu-24.04, den avbild som valet av webbläsare gäller", () => {
    expect(workflow.jobs.utkast["runs-on"]).toBe("ubuntu-24.04");
  });

  it("väljer webbläsare innan något byggs, och laddar upp det som byggts", () => {
    const names = steps.map((s) => s.name);
    expect(names.indexOf("Välj webbläsare")).toBeGreaterThan(names.indexOf("Installera"));
    expect(names.indexOf("Välj webbläsare")).toBeLessThan(names.indexOf("Bygg utkast"));
    const upload = steps.find((s) => s.uses?.startsWith("actions/upload-artifact"));
    expect(String(upload?.with?.path)).toMatch(/rapport\.pdf[\s\S]*rapport\.html[\s\S]*kapitel/);
    const diff = steps.find((s) => s.name === "Ändringar mot basgrenen")!;
    expect(diff.if).toBe("github.event_name == 'pull_request'");
  });

  it("sökvägarna i arbetsflödet finns i projektet", () => {
    for (const file of ["package.json", "package-lock.json", ".github/workflows/utkast.yml"])
      expect(readFileSync(path.join(REPO_ROOT, file)).length).toBeGreaterThan(0);
  });
});
