import { spawn } from "node:child_process";
import { chownSync, readdirSync } from "node:fs";
import path from "node:path";
import { tempDirWith, type TempDir } from "./temp-data.js";

/** `nobody`: on Debian and Ubuntu uid and gid 65534, a user with no rights beyond those of others. */
const NOBODY = 65534;

export const isRoot = process.getuid?.() === 0;

/**
 * A temporary directory the unprivileged user may write to (its HOME, an --out folder …). As root it
 * is handed to `nobody`; otherwise this process is already the unprivileged user.
 */
export function writableTempDir(files: Record<string, string> = {}): TempDir {
  const temp = tempDirWith(files);
  if (isRoot) {
    chownSync(temp.dir, NOBODY, NOBODY);
    for (const entry of readdirSync(temp.dir, { recursive: true, withFileTypes: true }))
      chownSync(path.join(entry.parentPath, entry.name), NOBODY, NOBODY);
  }
  return temp;
}

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command as a user who is not root, as GitHub's runner user and most people run the tool:
 * as root (this machine, containers) through `setpriv` as `nobody` with a private HOME, otherwise as
 * this process's own user. The environment is exactly `env` plus HOME and PATH.
 */
export function runUnprivileged(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; home: string; timeoutMs?: number },
): Promise<Ran> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: options.home,
    // npm and npx keep their cache under HOME; keep them off root's.
    npm_config_cache: path.join(options.home, ".npm"),
    npm_config_update_notifier: "false",
    ...options.env,
  };
  const [file, argv] = isRoot
    ? ["setpriv", [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", "--", command, ...args]]
    : [command, [...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv as string[], { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 10 * 60_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
