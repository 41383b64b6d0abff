import { describe, expect, it, vi } from "vitest";
import type { TestModule } from "vitest/node";
import SummaryReporter from "../helpers/summary-reporter.js";

// Stand-ins for vitest's TestModule with only what the reporter reads.
function module(state: string, tests: string[]): TestModule {
  return {
    state: () => state,
    children: { allTests: () => tests.map((s) => ({ result: () => ({ state: s }) })) },
  } as unknown as TestModule;
}

function closingLine(...args: Parameters<SummaryReporter["onTestRunEnd"]>): string {
  const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    new SummaryReporter().onTestRunEnd(...args);
    return String(write.mock.calls[0]![0]).trim();
  } finally {
    write.mockRestore();
  }
}

describe("den avslutande raden Tests: …", () => {
  it("räknar godkända, underkända och överhoppade tester", () => {
    const line = closingLine([module("failed", ["passed", "failed", "skipped"])], [], "failed");
    expect(line).toBe("Tests: 1 passed, 1 failed, 1 skipped");
  });

  it("räknar en fil vars förberedelse misslyckades som ett fel, inte som noll", () => {
    const line = closingLine([module("failed", ["skipped", "skipped"])], [], "failed");
    expect(line).toBe("Tests: 0 passed, 1 failed, 2 skipped");
  });

  it("räknar ohanterade fel", () => {
    const line = closingLine([module("passed", ["passed"])], [{ message: "x" }], "failed");
    expect(line).toBe("Tests: 1 passed, 1 failed, 0 skipped");
  });
});
