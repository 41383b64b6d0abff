import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { runBinAsync } from "../helpers/cli.js";
import { missingPrerequisite } from "../helpers/prerequisites.js";
import { REPO_DATA, snapshot } from "../helpers/temp-data.js";

/** The 2024 report as the e2e tests share it: built once per test run, read by many test files. */
export interface BuiltReport {
  /** The folder given to `--out`; the report is in `<outDir>/2024`. */
  outDir: string;
  /** `<outDir>/2024`. */
  dir: string;
  code: number | null;
  stdout: string;
  stderr: string;
  /** Digests of every file under data/ before and after the build. */
  dataBefore: Record<string, string>;
  dataAfter: Record<string, string>;
  /** Digests of every file the build wrote, to check that no test changed the shared copy. */
  files: Record<string, string>;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** `null` where the browser tests cannot run (no browser; they skip, or fail in CI). */
    report2024: BuiltReport | null;
  }
}

/**
 * Builds `report build 2024` from the project's data once, with the compiled command line (run
 * tests/setup/compiled-cli.ts first), into a temporary folder that is removed after the run. Test files
 * read it through `inject("report2024")` (see tests/helpers/report-2024.ts) and copy it before
 * changing anything; the teardown fails the run if the shared copy was changed.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  if (missingPrerequisite([])) {
    project.provide("report2024", null);
    return () => {};
  }
  const outDir = mkdtempSync(path.join(tmpdir(), "report-e2e-2024-"));
  const dataBefore = snapshot(REPO_DATA);
  const result = await runBinAsync(["build", "2024", "--data", REPO_DATA, "--out", outDir]);
  const dir = path.join(outDir, "2024");
  const built: BuiltReport = {
    outDir,
    dir,
    ...result,
    dataBefore,
    dataAfter: snapshot(REPO_DATA),
    files: result.code === 0 ? snapshot(dir) : {},
  };
  project.provide("report2024", built);
  return () => {
    try {
      if (result.code === 0 && JSON.stringify(snapshot(dir)) !== JSON.stringify(built.files))
        throw new Error(
          `En test ändrade det delade bygget i ${dir}; kopiera det (copyReport2024) innan något ändras.`,
        );
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  };
}
