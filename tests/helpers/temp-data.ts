import iconv from "iconv-lite";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PipelineOptions } from "../../src/pipeline/pipeline.js";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const REPO_DATA = path.join(REPO_ROOT, "data");

export interface TempDir {
  dir: string;
  cleanup: () => void;
}

/** A temporary directory holding the given files (path → content; strings are written as UTF-8). */
export function tempDirWith(files: Record<string, string | Uint8Array>): TempDir {
  const dir = mkdtempSync(path.join(tmpdir(), "report-test-"));
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A data directory with the project's reference tables (regions, codes, sources) and the given
 * year files, so a test states only what it is about.
 */
export function tempDataDir(files: Record<string, string | Uint8Array>): TempDir {
  // Each year's table cites its source (data/<år>/datakallor.csv), unless the test is about that file.
  const citations: Record<string, string> = {};
  for (const relative of Object.keys(files)) {
    const year = /^(\d{4})\/anmalda-brott\.(csv|txt|xlsx)$/.exec(relative)?.[1];
    if (year && !(`${year}/datakallor.csv` in files))
      citations[`${year}/datakallor.csv`] = "dataset;källa\nanmalda-brott;bra-anmalda-2023\n";
  }
  const temp = tempDirWith({ ...citations, ...files });
  for (const name of ["polisregioner.csv", "brottskoder.csv", "brottskoder-jamforelser.csv", "kallor.csv"]) {
    cpSync(path.join(REPO_DATA, name), path.join(temp.dir, name));
  }
  return temp;
}

/** The 2024 report from `dataDir`, quietly, not strict, its output beside the data in `../ut`. */
export const pipelineOptions = (dataDir: string): PipelineOptions => ({
  rapportar: 2024,
  dataDir,
  outDir: path.join(dataDir, "..", "ut"),
  strict: false,
  log: () => {},
});

/** Text encoded as Windows-1252, what Swedish Excel writes (å, ä, ö, – …). */
export function windows1252(text: string): Uint8Array {
  return iconv.encode(text, "windows-1252");
}

export const HEADER =
  "Brottskodsgrupp;Ändamål;Brottskodstext;Bergslagen;Mitt;Nord;Sthlm;Syd;Väst;Öst;Totalsumma";

/** A digest of every file under a directory, to prove that it did not change. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = createHash("sha256").update(readFileSync(file)).digest("hex");
  }
  return out;
}
