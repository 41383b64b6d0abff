import { cpSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import type { BuiltReport } from "../setup/report-2024.js";
import { tempDirWith, type TempDir } from "./temp-data.js";

/**
 * The 2024 report built once for the whole e2e run (tests/setup/report-2024.ts). Read it; never change
 * it: copy it with `copyReport2024` first.
 */
export function report2024(): BuiltReport {
  const built = inject("report2024");
  if (!built)
    throw new Error("Det delade bygget saknas: kör testet i projektet e2e (vitest run --project e2e).");
  if (built.code !== 0)
    throw new Error(`report build 2024 slutade med ${built.code}:\n${built.stdout}\n${built.stderr}`);
  return built;
}

/** A private copy of the shared build, `<dir>/2024`, for a test that rebuilds or changes it. */
export function copyReport2024(): TempDir {
  const copy = tempDirWith({});
  cpSync(report2024().dir, path.join(copy.dir, "2024"), { recursive: true });
  return copy;
}
