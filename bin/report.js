#!/usr/bin/env node
// Runs the compiled command line (dist/), which `npm ci` builds through the `prepare` script.
import { existsSync } from "node:fs";

// The bundle (scripts/bundle.mjs) loads faster; the plain compiled modules are the fallback.
const bundled = new URL("../dist/bundle/cli.js", import.meta.url);
const cli = existsSync(bundled) ? bundled : new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    "report är inte kompilerat ännu. Kör `npm ci` (eller `npm run build`) i projektmappen först.\n",
  );
  process.exit(2);
}
// A reader that stops early (`report check 2024 | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv);
