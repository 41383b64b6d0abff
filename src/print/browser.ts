import { accessSync, constants } from "node:fs";
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
