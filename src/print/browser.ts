import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface FoundBrowser {
  executablePath: string;
  /** How it was found, for the command's account of what it used. */
  source: "PUPPETEER_EXECUTABLE_PATH" | "system" | "puppeteer-cache";
}

/** Raised when the browser could not start or stopped while printing; the CLI exits with code 3. */
export class PrintFailedError extends Error {
  override name = "PrintFailedError";
}

/** Raised when no browser can be found; the CLI prints its message and exits with code 3. */
export class BrowserNotFoundError extends Error {
  override name = "BrowserNotFoundError";
}

const SYSTEM_BROWSERS: Record<string, string[]> = {
  linux: [
    "chromium",
    "chromium-browser",
    "google-chrome-stable",
    "google-chrome",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/snap/bin/chromium",
  ],
  darwin: [
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
  ],
  win32: [
    "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
  ],
};

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Resolves a bare command name through PATH, as a shell would. */
function onPath(name: string, envPath: string | undefined): string | undefined {
  if (path.isAbsolute(name)) return isExecutable(name) ? name : undefined;
  for (const dir of (envPath ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export interface BrowserSearch {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Puppeteer's own cached browser, where installed; injected so tests need not load Puppeteer. */
  puppeteerCachePath?: () => string | undefined;
}

export const NO_BROWSER_HELP =
  "Ingen webbläsare hittades för att skriva ut PDF:en. Gör något av följande:\n" +
  "  npm run browser                              (installerar Chromium: Puppeteers nedladdning, annars systemets pakethanterare)\n" +
  "  sudo apt-get install chromium                (Debian/Ubuntu)\n" +
  "  PUPPETEER_EXECUTABLE_PATH=/sökväg/till/chrome report build <år>   (en Chrome eller Chromium du redan har)";

/**
 * Finds a Chrome or Chromium, in this order: `PUPPETEER_EXECUTABLE_PATH`, a system browser, Puppeteer's
 * cache. An explicitly named browser that does not exist is an error rather than silently skipped.
 */
export function findBrowser(search: BrowserSearch = {}): FoundBrowser {
  const env = search.env ?? process.env;
  const explicit = env.PUPPETEER_EXECUTABLE_PATH;
  if (explicit) {
    if (isExecutable(explicit)) return { executablePath: explicit, source: "PUPPETEER_EXECUTABLE_PATH" };
    throw new BrowserNotFoundError(
      `PUPPETEER_EXECUTABLE_PATH pekar på "${explicit}", som inte finns eller inte är körbar. ` +
        "Rätta sökvägen eller ta bort variabeln så letar report själv efter en webbläsare.",
    );
  }
  for (const name of SYSTEM_BROWSERS[search.platform ?? process.platform] ?? []) {
    const found = onPath(name, env.PATH);
    if (found) return { executablePath: found, source: "system" };
  }
  const cached = search.puppeteerCachePath?.();
  if (cached && isExecutable(cached)) return { executablePath: cached, source: "puppeteer-cache" };
  throw new BrowserNotFoundError(NO_BROWSER_HELP);
}

/**
 * The environment variable that lets Chromium run without its sandbox, for machines that cannot give
 * it one (see SANDBOX_HELP). Off unless set to something other than "", "0", "false" or "nej".
 */
export const NO_SANDBOX_VARIABLE = "REPORT_NO_SANDBOX";

/** Whether the user has asked for Chromium without its sandbox (default: no). */
export function sandboxDisabledByUser(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env[NO_SANDBOX_VARIABLE] ?? "").trim().toLowerCase();
  return value !== "" && !["0", "false", "nej"].includes(value);
}

/**
 * What Chromium prints when it cannot build its sandbox: no user namespaces for this user (AppArmor on
 * Ubuntu 23.10+ and GitHub's ubuntu-24.04 runners, a container without them) and no usable setuid helper.
 */
const SANDBOX_FAILURE =
  /No usable sandbox|SUID sandbox helper binary|Failed to move to new namespace|without --no-sandbox is not supported|apparmor-userns-restrictions/i;

export const isSandboxFailure = (output: string): boolean => SANDBOX_FAILURE.test(output);

export const sandboxHelp = (executablePath: string): string => {
  const remedy = (command: string, why: string) => `  ${command.padEnd(70)} (${why})`;
  return [
    `Webbläsaren ${executablePath} kunde inte starta sin sandlåda ("No usable sandbox!"). Det händer när ` +
      "systemet inte låter vanliga användare skapa användarnamnrymder, som Ubuntu 23.10 och senare (AppArmor) " +
      "och GitHubs ubuntu-24.04-maskiner. Gör något av följande:",
    remedy(
      "PUPPETEER_EXECUTABLE_PATH=/usr/bin/google-chrome report build <år>",
      "Google Chrome har en AppArmor-profil som tillåter sandlådan",
    ),
    remedy(
      "sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0",
      "tillåter användarnamnrymder tills datorn startas om",
    ),
    remedy(
      `${NO_SANDBOX_VARIABLE}=1 report build <år>`,
      "kör Chromium utan sandlåda; bara med data och mallar du litar på",
    ),
  ].join("\n");
};

/**
 * Puppeteer talks to the browser over a pipe and keeps nothing of what it printed, so when the browser
 * died at start its own words are lost. Ask it once more, with the same flags, what it says.
 */
function startupOutput(executablePath: string, args: readonly string[]): string {
  const profile = mkdtempSync(path.join(tmpdir(), "report-chromium-"));
  try {
    const result = spawnSync(
      executablePath,
      [...args, "--headless", `--user-data-dir=${profile}`, "--dump-dom", "about:blank"],
      { encoding: "utf8", timeout: 30_000, stdio: ["ignore", "pipe", "pipe"] },
    );
    return `${result.stderr ?? ""}${result.stdout ?? ""}`;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The message for a browser that did not start: what to do about a sandbox failure, else its first line. */
export function launchFailureMessage(
  executablePath: string,
  args: readonly string[],
  cause: unknown,
): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (isSandboxFailure(message) || isSandboxFailure(startupOutput(executablePath, args)))
    return sandboxHelp(executablePath);
  return `Webbläsaren ${executablePath} kunde inte startas: ${message.split("\n")[0]}`;
}
