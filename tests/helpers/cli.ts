import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { main } from "../../src/cli.js";
import { REPO_ROOT } from "./temp-data.js";

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
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin/report.js"), ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `bin/report.js` as a background process, for tests that signal or kill it while it runs. */
export function spawnReport(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [path.join(REPO_ROOT, "bin/report.js"), ...args], { cwd: REPO_ROOT });
}
