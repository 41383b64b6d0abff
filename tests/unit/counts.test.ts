import { describe, expect, it } from "vitest";
import { parseCount } from "../../src/model/counts.js";

describe("parseCount", () => {
  it.each([
    ["0", 0],
    ["7", 7],
    ["1513", 1513],
    ["1 513", 1513],
    ["1\u00a0513", 1513],
    ["1\u202f513", 1513],
    ["1 000 000", 1_000_000],
    ["  42 ", 42],
    ["–", 0],
    ["-", 0],
    ["..", null],
  ])("%j → %j", (cell, value) => {
    expect(parseCount(cell)).toEqual({ ok: true, value });
  });

  it.each(["-3", "1,5", "1.5", "12 34", "1 5130", "abc", "3 st", "…", "1e3"])("vägrar %j", (cell) => {
    expect(parseCount(cell).ok).toBe(false);
  });
});
