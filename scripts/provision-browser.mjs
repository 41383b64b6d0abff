#!/usr/bin/env node
// Makes sure `report build` has a Chrome or Chromium to print with. It looks where `report` looks
// (PUPPETEER_EXECUTABLE_PATH, a system browser, Puppeteer's cache) and, where it finds none, installs
// one: Puppeteer's own download where the network allows it, else Debian/Ubuntu's `chromium` package
// through apt-get (as root, or with password-less sudo). Otherwise it says exactly what to do.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const browserModule = new URL("../dist/print/browser.js", import.meta.url);
if (!existsSync(browserModule)) {
  console.error("report är inte kompilerat; kör `npm ci` först.");
  process.exit(1);
}
const { findBrowser, BrowserNotFoundError, NO_BROWSER_HELP } = await import(browserModule.href);

async function cachePath() {
  try {
    const puppeteer = (await import("puppeteer")).default;
    return puppeteer.executablePath();
  } catch {
    return undefined;
  }
}

async function locate() {
  const cached = await cachePath();
  try {
    return findBrowser({ puppeteerCachePath: () => cached });
  } catch (error) {
    if (error instanceof BrowserNotFoundError && !process.env.PUPPETEER_EXECUTABLE_PATH) return undefined;
    throw error;
  }
}

const run = (command, args, timeoutMs) => {
  console.log(`$ ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", timeout: timeoutMs });
  return result.status === 0;
};

const report = (found) => console.log(`Webbläsare för report: ${found.executablePath} (${found.source})`);

let found = await locate();
if (found) {
  report(found);
  process.exit(0);
}

console.log("Ingen Chrome/Chromium hittades. Försöker Puppeteers nedladdning …");
if (run("npx", ["--no-install", "puppeteer", "browsers", "install", "chrome"], 10 * 60_000)) {
  found = await locate();
  if (found) {
    report(found);
    process.exit(0);
  }
}

const hasCommand = (name) => spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
if (process.platform === "linux" && hasCommand("apt-get")) {
  const isRoot = process.getuid?.() === 0;
  const sudo =
    !isRoot && hasCommand("sudo") && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0;
  if (isRoot || sudo) {
    console.log("Nedladdningen gick inte. Installerar Debians paket chromium med apt-get …");
    const prefix = sudo ? ["sudo", "-n"] : [];
    const apt = (args) =>
      run(prefix[0] ?? "apt-get", [...prefix.slice(1), ...(sudo ? ["apt-get"] : []), ...args], 20 * 60_000);
    process.env.DEBIAN_FRONTEND = "noninteractive";
    if (apt(["update", "-qq"]) && apt(["install", "-y", "-qq", "chromium"])) {
      found = await locate();
      if (found) {
        report(found);
        process.exit(0);
      }
    }
  }
}

console.error(`\n${NO_BROWSER_HELP}`);
process.exit(1);
