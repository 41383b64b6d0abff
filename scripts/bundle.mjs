#!/usr/bin/env node
// One file per entry for the command line (dist/bundle/), so that a cold `report build` loads a few
// files instead of some thousand modules: Node's module resolution and loading were a tenth of a cold
// build's CPU time. Built from the compiled dist/ after tsc, by `npm run build` (and so `npm ci`).
// Reproducible: a pinned esbuild, no timestamps, no minification (stack traces stay readable).
// Puppeteer and ExcelJS stay outside: they load files of their own at run time.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ["dist/cli.js"],
  outdir,
  bundle: true,
  splitting: true, // lazily imported stages (rendering, printing, diff, preview) stay lazy
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["puppeteer", "puppeteer-core", "exceljs"],
  // Bundled CommonJS packages (Handlebars, Vega's dependencies) call require for Node's built-ins.
  banner: {
    js: 'import { createRequire as __bundleRequire } from "node:module";\nconst require = __bundleRequire(import.meta.url);',
  },
  chunkNames: "[name]-[hash]",
  legalComments: "linked",
  logLevel: "warning",
});
