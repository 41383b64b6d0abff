import type { Reporter, SerializedError, TestModule, TestRunEndReason } from "vitest/node";

/**
 * Prints one plain closing line, `Tests: N passed, N failed, N skipped`, after vitest's own summary,
 * so that CI systems that read a run's last line see the counts in a common form.
 *
 * A file whose setup failed (a `beforeAll` that threw, an import error) marks its tests skipped, not
 * failed; such a file counts as one failure here, and so does every unhandled error, so that the line
 * never says "0 failed" of a run that failed.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      let failedInModule = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") failedInModule++;
        else counts.skipped++;
      }
      if (failedInModule === 0 && module.state() === "failed") failedInModule = 1;
      counts.failed += failedInModule;
    }
    counts.failed += unhandledErrors.length;
    if (reason === "failed" && counts.failed === 0) counts.failed = 1;
    process.stdout.write(
      `\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
    );
  }
}
