import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIGEST_FILE = path.join(ROOT, "dist/.source-digest");

/** A digest of everything `tsc -p tsconfig.build.json` compiles from: src/, the configs, the compiler. */
export function sourceDigest(): string {
  const hash = createHash("sha256");
  const files = readdirSync(path.join(ROOT, "src"), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const file of [
    ...files,
    path.join(ROOT, "tsconfig.json"),
    path.join(ROOT, "tsconfig.build.json"),
    path.join(ROOT, "node_modules/typescript/package.json"),
  ]) {
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
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.build.json")], {
    cwd: ROOT,
    stdio: "inherit",
    timeout: 10 * 60_000,
  });
  // bin/report.js runs the bundle built from dist/ when there is one (npm run build makes it).
  execFileSync(process.execPath, [path.join(ROOT, "scripts/bundle.mjs")], { cwd: ROOT, stdio: "inherit" });
  writeFileSync(DIGEST_FILE, digest);
}
