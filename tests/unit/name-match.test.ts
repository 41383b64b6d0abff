import { describe, expect, it } from "vitest";
import { matchName } from "../../src/validate/name-match.js";

const entries = [
  { name: "Koppleri, inkl. grovt" },
  { name: "Köp av sexuell tjänst" },
  { name: "Utnyttjande av barn genom köp av sexuell handling" },
  { name: "Människohandel för sexuella ändamål med barn under 18 år" },
  { name: "Människohandel för sexuella ändamål med person 18 år eller äldre" },
  { name: "Människohandel för organhandel med barn under 18 år" },
];

describe("matchName", () => {
  it.each([
    ["Koppleri inkl. grovt", "Koppleri, inkl. grovt", "exact"],
    ["KOPPLERI, INKL GROVT", "Koppleri, inkl. grovt", "exact"],
    [
      "Utnyttjande av barn under 18 år genom köp av sexuell handling",
      "Utnyttjande av barn genom köp av sexuell handling",
      "close",
    ],
    [
      "Människohandel för sexuella ändamål med person 18 år eller äldre",
      "Människohandel för sexuella ändamål med person 18 år eller äldre",
      "exact",
    ],
  ])("%j → %j", (name, expected, kind) => {
    const match = matchName(name, entries);
    expect(match.kind).toBe(kind);
    expect(match.kind === "exact" || match.kind === "close" ? match.entry.name : undefined).toBe(expected);
  });

  it("föreslår de närmaste namnen när inget passar", () => {
    const match = matchName("Människohandel för organhandel med vuxen", entries);
    expect(match.kind).toBe("none");
    expect(match.kind === "none" && match.closest[0]?.name).toBe(
      "Människohandel för organhandel med barn under 18 år",
    );
  });

  it("godtar inte ett ord som bara delvis liknar ett namn", () => {
    expect(matchName("Människohandel", entries).kind).toBe("none");
  });
});
