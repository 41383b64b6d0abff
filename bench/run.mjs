#!/usr/bin/env node
// npm run bench: where the time goes, measured on this machine, against the project's targets.
// Writes bench/results.json, and README's performance table from it (bench/readme-table.mjs).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync, cpSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runBuild } from "../dist/pipeline/pipeline.js";
import { findBrowser } from "../dist/print/browser.js";
import { measurePreview, measureWatch } from "./live.mjs";
import { updateReadme } from "./readme-table.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const tmp = mkdtempSync(path.join(os.tmpdir(), "report-bench-"));
const bin = path.join(ROOT, "bin/report.js");
const data = path.join(ROOT, "data");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const summary = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length });
/** Wall time of a whole command, start-up included, in milliseconds. */
const wall = (cmd, args) => {
  const started = performance.now();
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: "ignore" });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} slutade med ${result.status}`);
  return ms;
};
const times = (n, f) => Array.from({ length: n }, (_, i) => f(i));

console.log(`Mäter med ${RUNS} körningar per mått …`);
// The machine's load before and after: on a shared machine the absolute figures depend on it.
const loadBefore = os.loadavg()[0];

// 1. Each stage of report build 2024, in process.
const stages = {};
const printParts = { start: [], layout: [], pdf: [] };
for (let i = 0; i < RUNS; i++) {
  const result = await runBuild({
    rapportar: 2024,
    dataDir: data,
    outDir: path.join(tmp, "stages"),
    strict: false,
    force: true,
    log: () => {},
    onStage: (stage, ms) => (stages[stage] ??= []).push(ms),
  });
  for (const [part, ms] of Object.entries(result.printTimings ?? {})) printParts[part].push(ms);
}

// 2. The whole build, cold (a new process each time), and 3. Chromium alone printing the build's final
// HTML with a warm profile (one profile, used once before measuring), measured in turns so that both see
// the same machine load.
const out = path.join(tmp, "out");
const browser = findBrowser().executablePath;
const html = path.join(out, "2024/rapport.html");
const profile = path.join(tmp, "profil");
const chromiumArgs = (i) => [
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--no-pdf-header-footer",
  ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
  `--user-data-dir=${profile}`,
  `--print-to-pdf=${path.join(tmp, `chromium-${i}.pdf`)}`,
  `file://${html}`,
];
const coldBuild = () =>
  wall(process.execPath, [bin, "build", "2024", "--force", "--data", data, "--out", out]);
coldBuild();
wall(browser, chromiumArgs("uppvärmning"));
const build = [];
const chromium = [];
for (let i = 0; i < RUNS; i++) {
  build.push(coldBuild());
  chromium.push(wall(browser, chromiumArgs(i)));
}

// 4. report check, 5. a rebuild with nothing changed.
const check = times(RUNS, () => wall(process.execPath, [bin, "check", "2024", "--data", data]));
const noop = times(RUNS, () => wall(process.execPath, [bin, "build", "2024", "--data", data, "--out", out]));

// 6. Brå's long export: 250 000, 500 000 and 1 000 000 rows, loaded, validated and aggregated.
const exportRun = (rows) => {
  const dir = path.join(tmp, `export-${rows}`);
  mkdirSync(path.join(dir, "2023"), { recursive: true });
  for (const f of ["polisregioner.csv", "brottskoder.csv", "brottskoder-jamforelser.csv", "kallor.csv"])
    cpSync(path.join(data, f), path.join(dir, f));
  // The year's citation of Brå's table (datakallor.csv), which check requires.
  const citations = path.join(data, "2023/datakallor.csv");
  if (existsSync(citations)) cpSync(citations, path.join(dir, "2023/datakallor.csv"));
  execFileSync(process.execPath, [
    path.join(ROOT, "bench/generate-export.mjs"),
    String(rows),
    path.join(dir, "2023/anmalda-brott.csv"),
  ]);
  const runs = times(Math.min(RUNS, 3), () =>
    JSON.parse(
      execFileSync(process.execPath, [path.join(ROOT, "bench/load-export.mjs"), dir, "2024"]).toString(),
    ),
  );
  if (!runs.every((r) => r.ok))
    throw new Error(`exporten med ${rows} rader gav fel: ${JSON.stringify(runs[0].errors)}`);
  return { ms: summary(runs.map((r) => r.ms)), peakMb: Math.max(...runs.map((r) => r.peakMb)) };
};
const exports = Object.fromEntries([250_000, 500_000, 1_000_000].map((rows) => [rows, exportRun(rows)]));
const million = exports[1_000_000];

// 7. The editor's loops: report preview (save → the open page shows it) and build --watch (save → PDF).
const live = { bin, root: ROOT, data, tmp, runs: RUNS };
const watchRebuild = await measureWatch(live);
const preview = await measurePreview(live);

const ratio = median(build) / median(chromium);
const figures = [
  ...Object.entries(stages).map(([stage, xs]) => ({ namn: `steg: ${stage}`, enhet: "ms", ...summary(xs) })),
  { namn: "  utskrift: starta Chromium", enhet: "ms", ...summary(printParts.start) },
  { namn: "  utskrift: sidlayout (sidan + Paged.js)", enhet: "ms", ...summary(printParts.layout) },
  { namn: "  utskrift: PDF", enhet: "ms", ...summary(printParts.pdf) },
  { namn: "report build 2024, kallt, hela", enhet: "ms", ...summary(build) },
  { namn: "Chromium ensam skriver ut slutliga HTML", enhet: "ms", ...summary(chromium) },
  { namn: "kvot bygge / Chromium", enhet: "×", median: ratio, mal: 1.3, uppfyllt: ratio <= 1.3 },
  {
    namn: "förhandsvisning: sparad årstext till sidan med texten",
    enhet: "ms",
    ...summary(preview.text),
    mal: 300,
    uppfyllt: median(preview.text) < 300,
  },
  {
    namn: "förhandsvisning: ändrad siffra till sidan med summorna",
    enhet: "ms",
    ...summary(preview.count),
    mal: 300,
    uppfyllt: median(preview.count) < 300,
  },
  {
    namn: "--watch: sparad årstext till ny PDF",
    enhet: "ms",
    ...summary(watchRebuild),
    mal: 1500,
    uppfyllt: median(watchRebuild) < 1500,
  },
  { namn: "report check 2024", enhet: "ms", ...summary(check), mal: 500, uppfyllt: median(check) < 500 },
  { namn: "bygge utan ändringar", enhet: "ms", ...summary(noop), mal: 500, uppfyllt: median(noop) < 500 },
  {
    namn: "1 000 000 rader: läsa, kontrollera, beräkna",
    enhet: "ms",
    ...million.ms,
    mal: 3000,
    uppfyllt: million.ms.median < 3000,
  },
  {
    namn: "1 000 000 rader: rader per sekund",
    enhet: "rader/s",
    median: 1_000_000 / (million.ms.median / 1000),
  },
  {
    namn: "1 000 000 rader: högsta minne",
    enhet: "MB",
    median: million.peakMb,
    mal: 300,
    uppfyllt: million.peakMb < 300,
  },
  ...Object.entries(exports).map(([rows, r]) => ({
    namn: `högsta minne vid ${Number(rows).toLocaleString("sv-SE")} rader`,
    enhet: "MB",
    median: r.peakMb,
  })),
  {
    namn: "minnet växer inte med raderna (1 000 000 mot 250 000)",
    enhet: "×",
    median: million.peakMb / exports[250_000].peakMb,
    mal: 1.25,
    uppfyllt: million.peakMb / exports[250_000].peakMb <= 1.25,
  },
];

const machine = {
  cpu: os.cpus()[0]?.model ?? "okänd",
  karnor: os.cpus().length,
  minneGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  chromium: spawnSync(browser, ["--version"], { encoding: "utf8" }).stdout.trim(),
  belastning: { fore: Math.round(loadBefore * 10) / 10, efter: Math.round(os.loadavg()[0] * 10) / 10 },
};
writeFileSync(
  path.join(ROOT, "bench/results.json"),
  `${JSON.stringify({ datum: new Date().toISOString().slice(0, 10), maskin: machine, korningar: RUNS, matt: figures }, null, 2)}\n`,
);

const fmt = (n) => (n >= 100 ? Math.round(n).toLocaleString("sv-SE") : n.toFixed(2).replace(".", ","));
console.log(
  `\nMaskin: ${machine.cpu}, ${machine.karnor} kärnor, ${machine.minneGiB} GiB, Node ${machine.node}, ${machine.chromium}\n`,
);
for (const f of figures) {
  const spread = f.min !== undefined ? ` (${fmt(f.min)}–${fmt(f.max)})` : "";
  const target =
    f.mal !== undefined
      ? `  mål ${f.enhet === "×" ? "≤" : "<"} ${fmt(f.mal)} ${f.enhet}: ${f.uppfyllt ? "uppfyllt" : `MISSAT med ${fmt(f.median / f.mal)}×`}`
      : "";
  console.log(`${f.namn.padEnd(52)} ${fmt(f.median).padStart(10)} ${f.enhet}${spread}${target}`);
}
console.log(`\nSkrev ${path.join("bench", "results.json")}`);
await updateReadme(ROOT);
console.log("Uppdaterade tabellen i README.md");
rmSync(tmp, { recursive: true, force: true });
if (!existsSync(tmp)) process.exitCode = 0;
