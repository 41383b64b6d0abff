import { spawnSync } from "node:child_process";
import { findBrowser } from "../../src/print/browser.js";

async function puppeteerCache(): Promise<string | undefined> {
  try {
    return (await import("puppeteer")).default.executablePath();
  } catch {
    return undefined;
  }
}

const cached = await puppeteerCache();

/** Why the browser tests cannot run here, or `undefined` when they can. */
export function missingPrerequisite(tools: readonly string[] = ["pdftotext"]): string | undefined {
  try {
    findBrowser({ puppeteerCachePath: () => cached });
  } catch {
    return "ingen Chrome/Chromium (kör `npm run browser`)";
  }
  for (const tool of tools) {
    if (spawnSync(tool, ["-v"], { stdio: "ignore" }).error)
      return `${tool} saknas (apt-get install poppler-utils qpdf)`;
  }
  return undefined;
}

/**
 * Browser tests skip with a reason on a developer machine that lacks the tools, but in CI a missing
 * tool is a failure: a skipped check must never pass for a passing one.
 */
export function requirePrerequisites(tools?: readonly string[]): boolean {
  const missing = missingPrerequisite(tools);
  if (!missing) return true;
  if (process.env.CI) throw new Error(`CI: webbläsartesterna kan inte köras: ${missing}`);
  console.warn(`Hoppar över webbläsartesterna: ${missing}`);
  return false;
}

export function pdfText(file: string): string {
  const result = spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`pdftotext misslyckades: ${result.stderr}`);
  return result.stdout.replace(/[\u00a0\u202f]/g, " ");
}
