#!/usr/bin/env node
// Child process of the benchmark: loads, validates and aggregates one data directory (report check's
// stages) and prints its time and its peak memory as JSON.
import { runCheck } from "../dist/pipeline/pipeline.js";

const [dataDir, rapportar] = [process.argv[2], Number(process.argv[3] ?? 2024)];
const started = performance.now();
const result = await runCheck({ rapportar, dataDir, outDir: "", strict: false, log: () => {} });
const ms = performance.now() - started;
const errors = result.diagnostics.filter((d) => d.severity === "fel");
process.stdout.write(
  JSON.stringify({
    ms,
    peakMb: process.resourceUsage().maxRSS / 1024,
    ok: result.ok,
    errors: errors.slice(0, 3),
    total: result.siffror?.anmaldaBrott.summa.totalt,
  }),
);
