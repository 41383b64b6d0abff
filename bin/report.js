#!/usr/bin/env node
// Runs the compiled command line (dist/), which `npm ci` builds through the `prepare` script.
import { existsSync } from "node:fs";
import module from "node:module";

// Node 22.1 and later keep the compiled code of the modules on disk between runs (in the system's
// temporary folder, or NODE_COMPILE_CACHE), which spares a new process compiling the bundle again;
// Node 20 has no such cache and starts as before. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();

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
