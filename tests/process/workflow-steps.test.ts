import { execFileSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findBrowser } from "../../src/print/browser.js";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import { REPO_ROOT, type TempDir } from "../helpers/temp-data.js";
import { isRoot, runUnprivileged, writableTempDir, type Ran } from "../helpers/unprivileged.js";
import { expand, readGithubEnv, workflowSteps, type Step } from "../helpers/workflow.js";

const ready = requirePrerequisites([]);
const { steps } = workflowSteps();
const step = (name: string): Step => {
  const found = steps.find((s) => s.name === name);
  if (!found?.run) throw new Error(`Arbetsflödet har inget steg "${name}" med run.`);
  return found;
};

/**
 * A pull request's checkout as actions/checkout leaves it (fetch-depth 0): the project's files, the
 * base branch as origin/main, the pull request's commit checked out. node_modules and dist/ are the
 * ones this test run compiled (tests/setup/compiled-cli.ts), linked in place of `npm ci`.
 */
function pullRequestCheckout(change: (dir: string) => void): TempDir {
  const checkout = writableTempDir();
  const dir = checkout.dir;
  for (const name of ["data", "templates", "bin", "package.json"])
    cpSync(path.join(REPO_ROOT, name), path.join(dir, name), { recursive: true });
  for (const name of ["node_modules", "dist"]) symlinkSync(path.join(REPO_ROOT, name), path.join(dir, name));
  writeFileSync(path.join(dir, ".gitignore"), "node_modules\ndist\nout/\n");
  const git = (...args: string[]) =>
    execFileSync(
      "git",
      ["-c", "safe.directory=*", "-c", "user.name=CI", "-c", "user.email=ci@example.invalid", ...args],
      {
        cwd: dir,
        stdio: "pipe",
      },
    )
      .toString()
      .trim();
  git("init", "-q", "-b", "main");
  git("add", ".");
  git("commit", "-q", "-m", "basgrenen");
  git("update-ref", "refs/remotes/origin/main", "HEAD");
  git("checkout", "-q", "-b", "pull-request");
  change(dir);
  git("add", ".");
  git("commit", "-q", "--allow-empty", "-m", "pull requesten");
  // The runner's user owns its checkout (git refuses to work in a repository someone else owns).
  if (isRoot) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
      if (!entry.isSymbolicLink()) chownSync(path.join(entry.parentPath, entry.name), 65534, 65534);
  }
  return checkout;
}

/** A job on the runner: runs the workflow's steps in order, as a user who is not root. */
class Job {
  readonly githubEnv: string;
  readonly summary: string;
  constructor(
    readonly checkout: string,
    readonly home: string,
    readonly github: Record<string, string>,
    readonly searchPath: string = process.env.PATH ?? "",
  ) {
    this.githubEnv = path.join(home, "github-env");
    this.summary = path.join(home, "step-summary.md");
    writableFile(this.githubEnv);
    writableFile(this.summary);
  }

  env(): Record<string, string> {
    return readGithubEnv(this.githubEnv);
  }

  run(name: string): Promise<Ran> {
    const s = step(name);
    const context = { github: this.github, env: this.env() };
    const stepEnv = Object.fromEntries(Object.entries(s.env ?? {}).map(([k, v]) => [k, expand(v, context)]));
    // GitHub runs `run:` with bash -e and pipefail, the job's $GITHUB_ENV lines in its environment.
    return runUnprivileged(
      "bash",
      ["--noprofile", "--norc", "-eo", "pipefail", "-c", expand(s.run!, context)],
      {
        cwd: this.checkout,
        home: this.home,
        env: {
          PATH: this.searchPath,
          CI: "true",
          GITHUB_ACTIONS: "true",
          GITHUB_ENV: this.githubEnv,
          GITHUB_STEP_SUMMARY: this.summary,
          ...this.env(),
          ...stepEnv,
        },
      },
    );
  }
}

function writableFile(file: string) {
  writeFileSync(file, "");
  if (isRoot) chownSync(file, 65534, 65534);
}

/** Google Chrome as the runner image has it: here a stand-in that logs its arguments and runs Chromium. */
function googleChrome(dir: string, log: string): string {
  const file = path.join(dir, "google-chrome");
  writeFileSync(file, `#!/bin/sh\necho "$*" >> "${log}"\nexec "${findBrowser().executablePath}" "$@"\n`);
  chmodSync(file, 0o755);
  return file;
}

/** PATH without any Google Chrome, as on a machine without it. */
const pathWithoutChrome = () =>
  (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((dir) => !["google-chrome", "google-chrome-stable"].some((n) => existsSync(path.join(dir, n))))
    .join(path.delimiter);

describe.skipIf(!ready)("arbetsflödets steg, körda som på GitHub av en användare som inte är root", () => {
  const temps: TempDir[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

  it("en pull request som ändrar en siffra: väljer Chrome, kontrollerar, bygger med sandlåda och visar diffen", async () => {
    const checkout = pullRequestCheckout((dir) => {
      const table = path.join(dir, "data/2023/anmalda-brott.csv");
      const before = readFileSync(table, "utf8");
      const after = before.replace(";39;30;43;835;357;134;75;1 513", ";39;30;43;840;357;134;75;1 518");
      expect(after).not.toBe(before);
      writeFileSync(table, after);
    });
    const home = writableTempDir();
    const tools = writableTempDir();
    temps.push(checkout, home, tools);
    chmodSync(tools.dir, 0o755);
    const chromeLog = path.join(home.dir, "chrome-anrop.log");
    writableFile(chromeLog);
    const chrome = googleChrome(tools.dir, chromeLog);
    const job = new Job(
      checkout.dir,
      home.dir,
      { event_name: "pull_request", base_ref: "main", ref: "refs/pull/1/merge" },
      `${tools.dir}${path.delimiter}${pathWithoutChrome()}`,
    );

    const browser = await job.run("Välj webbläsare");
    expect(browser.code, browser.stderr).toBe(0);
    expect(job.env().PUPPETEER_EXECUTABLE_PATH).toBe(chrome);

    expect((await job.run("Vilket år")).code).toBe(0);
    expect(job.env().RAPPORTAR).toBe("2024");

    const check = await job.run("Kontrollera data");
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(
      /^::warning file=data\/2023\/anmalda-brott\.csv,line=12,col=11,title=W_SUMMA_AVVIKER::/m,
    );

    const build = await job.run("Bygg utkast");
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
    // Chrome did the printing, with its sandbox: the tool adds --no-sandbox only for root or on request.
    const calls = readFileSync(chromeLog, "utf8");
    expect(calls).toContain("--headless");
    expect(calls).not.toContain("--no-sandbox");
    const upload = steps.find((s) => s.uses?.startsWith("actions/upload-artifact"))!;
    const artifacts = expand(String(upload.with?.path), { github: job.github, env: job.env() })
      .split("\n")
      .filter((line) => line.trim() !== "");
    expect(artifacts).toHaveLength(4);
    for (const artifact of artifacts)
      expect(existsSync(path.join(checkout.dir, artifact)), artifact).toBe(true);

    const diff = await job.run("Ändringar mot basgrenen");
    expect(diff.code, diff.stderr).toBe(0);
    const summary = readFileSync(job.summary, "utf8");
    expect(summary).toContain("## Ändringar i rapporten 2024 mot main");
    expect(summary).toContain("anmaldaBrott.summa.totalt: 2175 → 2180");
  });

  it("årets första pull request, vars basgren saknar året: en notis i sammanfattningen, inget fel", async () => {
    const checkout = pullRequestCheckout((dir) => {
      cpSync(path.join(dir, "data/2023"), path.join(dir, "data/2024"), { recursive: true });
    });
    const home = writableTempDir();
    temps.push(checkout, home);
    const job = new Job(checkout.dir, home.dir, {
      event_name: "pull_request",
      base_ref: "main",
      ref: "refs/pull/2/merge",
    });
    expect((await job.run("Vilket år")).code).toBe(0);
    expect(job.env().RAPPORTAR).toBe("2025");
    const diff = await job.run("Ändringar mot basgrenen");
    expect(diff.code, diff.stderr).toBe(0);
    const summary = readFileSync(job.summary, "utf8");
    expect(summary).toContain("## Ändringar i rapporten 2025 mot main");
    expect(summary).toContain("Basgrenen har ännu inga data för statistikåret 2024");
    expect(summary).not.toContain("```");
  });

  it("utan Google Chrome letar steget efter en webbläsare med npm run browser", async () => {
    const checkout = pullRequestCheckout(() => {});
    const home = writableTempDir();
    temps.push(checkout, home);
    // npm run browser runs the project's script; link it into the checkout like the rest of the tool.
    symlinkSync(path.join(REPO_ROOT, "scripts"), path.join(checkout.dir, "scripts"));
    const job = new Job(
      checkout.dir,
      home.dir,
      { event_name: "push", base_ref: "", ref: "refs/heads/main" },
      pathWithoutChrome(),
    );
    const browser = await job.run("Välj webbläsare");
    expect(browser.code, browser.stderr).toBe(0);
    expect(browser.stdout).toContain("Webbläsare för report:");
    expect(job.env().PUPPETEER_EXECUTABLE_PATH).toBeUndefined();
  });
});
