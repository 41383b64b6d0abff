import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { REPO_ROOT } from "./temp-data.js";

export const WORKFLOW_FILE = path.join(REPO_ROOT, ".github/workflows/utkast.yml");

export interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

interface Workflow {
  on: Record<string, { paths: string[] }>;
  jobs: { utkast: { "runs-on": string; steps: Step[] } };
}

export function workflowSteps(): { workflow: Workflow; steps: Step[] } {
  const workflow = parse(readFileSync(WORKFLOW_FILE, "utf8")) as Workflow;
  return { workflow, steps: workflow.jobs.utkast.steps };
}

/**
 * Fills in a step's `${{ … }}` expressions as GitHub would for the given context; an expression it
 * does not know is an error, so a new one in the workflow cannot slip through these tests untried.
 */
export function expand(
  text: string,
  context: { github: Record<string, string>; env: Record<string, string> },
) {
  return text.replace(/\$\{\{\s*([a-z_]+)\.([A-Za-z_]+)\s*\}\}/g, (whole, scope: string, key: string) => {
    const value = (context as unknown as Record<string, Record<string, string> | undefined>)[scope]?.[key];
    if (value === undefined) throw new Error(`Okänt uttryck i arbetsflödet: ${whole}`);
    return value;
  });
}

/** The lines `NAME=value` a step appended to $GITHUB_ENV, as the next steps' environment. */
export function readGithubEnv(file: string): Record<string, string> {
  let content = "";
  try {
    content = readFileSync(file, "utf8");
  } catch {
    return {};
  }
  return Object.fromEntries(
    content
      .split("\n")
      .filter((line) => line.includes("="))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}
