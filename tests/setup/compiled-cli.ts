import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIGEST_FILE = path.join(ROOT, "dist/.source-digest");

/** A digest of everything `npm run build` compiles dist/ from: src/, the configs, the bundler, the compilers. */
export function sourceDigest(): string {
  const hash = createHash("sha256");
  // The templates too: the build compiles them (dist/precompiled-templates.json).
  const files = ["src", "templates"]
    .flatMap((dir) => readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const inputs = [
    ...files,
    // What `npm run build` runs and with which tools: the configs, the bundler script, the compilers.
    "tsconfig.json",
    "tsconfig.build.json",
    "package.json",
    "scripts/bundle.mjs",
    "scripts/precompile-templates.mjs",
    "node_modules/typescript/package.json",
    "node_modules/esbuild/package.json",
  ].map((file) => path.resolve(ROOT, file));
  for (const file of inputs.filter((f) => existsSync(f))) {
    hash.update(path.relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/**
 * Process tests run the compiled command line (bin/report.js → dist/), as a user does. A `dist/` left
 * over from older source would make them test stale code and pass, so before they run, dist/ is
 * compiled afresh unless it was compiled from exactly the source that is here now.
 */
export default function setup(): void {
  const digest = sourceDigest();
  if (existsSync(DIGEST_FILE) && readFileSync(DIGEST_FILE, "utf8") === digest) return;
  // Files of modules that were moved or deleted would linger and could still be imported.
  rmSync(path.join(ROOT, "dist"), { recursive: true, force: true });
  // The project's own build (tsc, then the bundle bin/report.js prefers), so tests run what users run.
  execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "--silent", "build"], {
    cwd: ROOT,
    stdio: "inherit",
    timeout: 10 * 60_000,
  });
  writeFileSync(DIGEST_FILE, digest);
}
