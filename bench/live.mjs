// The editor's loops, measured from saving a file to seeing the result: `report preview` (the open page
// shows the new text) and `report build --watch` (a new PDF is written). Used by bench/run.mjs.
import { spawn } from "node:child_process";
import { cpSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { clearInterval, clearTimeout, setInterval, setTimeout } from "node:timers";
import puppeteer from "puppeteer-core";
import { findBrowser } from "../dist/print/browser.js";

/* global document -- in functions that run in the page */

/** Starts `bin/report.js` with `args` and returns a way to wait for what it prints. */
function start(bin, args, cwd) {
  const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stderr += c));
  const exited = new Promise((resolve) => child.on("exit", resolve));
  /** Resolves with the match once `pattern` appears in what was printed after offset `from`. */
  const waitFor = (pattern, from = 0, timeoutMs = 120_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        clearInterval(poll);
        reject(new Error(`väntade på ${pattern}; fick:\n${stdout}\n${stderr}`));
      }, timeoutMs);
      const poll = setInterval(() => {
        const m = pattern.exec(stdout.slice(from));
        if (m) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(m);
        }
      }, 2);
    });
  return { child, exited, waitFor, output: () => stdout };
}

const yearTextOf = (data) => {
  const dir = path.join(data, "2023/texter");
  return path.join(
    dir,
    readdirSync(dir)
      .filter((n) => n.endsWith(".md"))
      .sort()[0],
  );
};
const ROW = /;39;30;43;(\d+);/; // Köp av sexuell tjänst: Bergslagen, Mitt, Nord, Sthlm

/**
 * `report build --watch`: the time from saving a year text to the new PDF's path being printed, `runs`
 * times, after the first build (which starts the browser) has finished.
 */
export async function measureWatch({ bin, root, data, tmp, runs }) {
  const copy = path.join(tmp, "watch-data");
  cpSync(data, copy, { recursive: true });
  const report = start(
    bin,
    ["build", "2024", "--watch", "--data", copy, "--out", path.join(tmp, "watch-out")],
    root,
  );
  await report.waitFor(/Bevakar/);
  const yearText = yearTextOf(copy);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const from = report.output().length;
    const started = performance.now();
    writeFileSync(yearText, `${readFileSync(yearText, "utf8")}\nMätmening nummer ${i} för bevakningen.\n`);
    await report.waitFor(/Ändrat: [^\n]*\n[\s\S]*?rapport\.pdf\n/, from);
    times.push(performance.now() - started);
  }
  report.child.kill("SIGINT");
  await report.exited;
  return times;
}

/**
 * `report preview`: the time from saving a file to the open page (in Chromium, reloaded by the
 * preview's own event stream) showing the new text, for a year text and for a count in Brå's table.
 */
export async function measurePreview({ bin, root, data, tmp, runs }) {
  const copy = path.join(tmp, "preview-data");
  cpSync(data, copy, { recursive: true });
  const report = start(bin, ["preview", "2024", "--data", copy, "--port", "0"], root);
  const url = (await report.waitFor(/Förhandsvisningen: (http:\/\/127\.0\.0\.1:\d+\/)/))[1];
  await report.waitFor(/Ctrl-C avslutar/);
  // A plain browser, as an editor's: the build's own is contained and may not reach even 127.0.0.1.
  const browser = await puppeteer.launch({
    executablePath: findBrowser().executablePath,
    headless: true,
    args: process.getuid?.() === 0 || process.env.REPORT_NO_SANDBOX === "1" ? ["--no-sandbox"] : [],
  });
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => document.documentElement.dataset.forhandsvisning !== undefined);
  const shows = (text) =>
    page.waitForFunction(
      (t) => document.body.innerText.replace(/[\u00a0\u202f]/g, " ").includes(t),
      { polling: "raf", timeout: 60_000 },
      text,
    );
  const yearText = yearTextOf(copy);
  const table = path.join(copy, "2023/anmalda-brott.csv");
  const text = [];
  const count = [];
  for (let i = 0; i < runs; i++) {
    const sentence = `Mätmening nummer ${i} för förhandsvisningen.`;
    let started = performance.now();
    writeFileSync(yearText, `${readFileSync(yearText, "utf8")}\n${sentence}\n`);
    await shows(sentence);
    text.push(performance.now() - started);

    // Stockholm's count of sexköp becomes 7 000, 7 001, …: a number the page shows nowhere else.
    const source = readFileSync(table, "utf8");
    started = performance.now();
    writeFileSync(table, source.replace(ROW, `;39;30;43;${7000 + i};`));
    await shows(`7 ${String(i).padStart(3, "0")}`);
    count.push(performance.now() - started);
  }
  await browser.close();
  report.child.kill("SIGINT");
  await report.exited;
  return { text, count };
}
