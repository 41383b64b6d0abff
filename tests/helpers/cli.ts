import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { main } from "../../src/cli.js";
import { sourceDigest } from "../setup/compiled-cli.js";
import { REPO_ROOT } from "./temp-data.js";

let checkedCompiled = false;

/**
 * The process helpers run the compiled CLI; one compiled from other source than what is here would
 * test stale code. tests/setup/compiled-cli.ts compiles it for the `process` and `e2e` projects; this
 * refuses to run where that did not happen.
 */
function requireFreshCompiledCli(): void {
  if (checkedCompiled) return;
  const digestFile = path.join(REPO_ROOT, "dist/.source-digest");
  if (!existsSync(digestFile) || readFileSync(digestFile, "utf8") !== sourceDigest())
    throw new Error(
      "dist/ är inte kompilerat från src/ som den ser ut nu; kör testet i projektet process eller e2e " +
        "(deras globalSetup kompilerar), inte i fast.",
    );
  checkedCompiled = true;
}

/** Runs the command line in-process, capturing what it prints. */
export async function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "report", ...args], {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

/** Runs the compiled `bin/report.js` as a real process (exit codes as a shell sees them). */
export function runBin(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  requireFreshCompiledCli();
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin/report.js"), ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the compiled `bin/report.js` as a real process without blocking the test's event loop (so its
 * timeout still works). `timeoutMs` is generous: a busy shared machine may be many times slower.
 */
export function runBinAsync(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  requireFreshCompiledCli();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, "bin/report.js"), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 10 * 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts `bin/report.js` as a background process, for tests that signal or kill it while it runs. */
export function spawnReport(args: string[]): ChildProcessWithoutNullStreams {
  requireFreshCompiledCli();
  return spawn(process.execPath, [path.join(REPO_ROOT, "bin/report.js"), ...args], { cwd: REPO_ROOT });
}
