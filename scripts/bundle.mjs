#!/usr/bin/env node
// One file per entry for the command line (dist/bundle/), so that a cold `report build` loads a few
// files instead of some thousand modules: Node's module resolution and loading were a tenth of a cold
// build's CPU time. Built from the compiled dist/ after tsc, by `npm run build` (and so `npm ci`).
// Reproducible: a pinned esbuild, no timestamps, no minification (stack traces stay readable).
// Puppeteer and ExcelJS stay outside: they load files of their own at run time.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Handlebars' code generator builds each compiled template through source-map's SourceNode when that
 * package can be loaded, and through a plain string otherwise (as in its browser build). The report
 * never asks for a template's source map, and the text is the same either way; the string is several
 * times faster and spares loading source-map, which was about a tenth of `report check` compiling the
 * year's texts. So within the bundle Handlebars finds no source-map.
 */
const withoutSourceMapsForHandlebars = {
  name: "handlebars-utan-source-map",
  setup(build) {
    build.onResolve({ filter: /^source-map$/ }, (args) =>
      /[\\/]node_modules[\\/]handlebars[\\/]/.test(args.importer)
        ? { path: "source-map", namespace: "ingen-source-map" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "ingen-source-map" }, () => ({
      contents: "module.exports = {};",
      loader: "js",
    }));
  },
};

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
  plugins: [withoutSourceMapsForHandlebars],
  chunkNames: "[name]-[hash]",
  legalComments: "linked",
  logLevel: "warning",
});
