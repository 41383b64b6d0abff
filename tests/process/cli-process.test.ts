import { describe, expect, it } from "vitest";
import { runBin } from "../helpers/cli.js";
import { REPO_DATA } from "../helpers/temp-data.js";

describe("bin/report.js som en riktig process", () => {
  it("ger samma slutkoder som anropet i processen, utan stackspår", () => {
    expect(runBin(["check", "2024", "--data", REPO_DATA]).code).toBe(0);
    expect(runBin(["check", "2024", "--data", REPO_DATA, "--strict"]).code).toBe(1);
    const usage = runBin(["build", "abc"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
