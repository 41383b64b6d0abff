import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import { report2024 } from "../helpers/report-2024.js";

const ready = requirePrerequisites(["pdftotext"]);

/** The printed report's text as a reader copies it (pdftotext, reading order). */
describe.skipIf(!ready)("den tryckta rapportens text håller isär tecken och tal", () => {
  let text: string;
  let html: string;
  beforeAll(() => {
    const dir = report2024().dir;
    text = execFileSync("pdftotext", [path.join(dir, "rapport.pdf"), "-"], { encoding: "utf8" });
    html = readFileSync(path.join(dir, "rapport.html"), "utf8");
  });

  it("läser inget årtal ihop med fotnoten efter det i källraderna", () => {
    const lines = text.split("\n").filter((l) => l.startsWith("Källa:"));
    expect(lines.length).toBeGreaterThan(3);
    // A footnote number right after a year would read as one number ("202249").
    for (const line of lines) expect(line).not.toMatch(/\b(19|20)\d{2}\d{1,3}\b/);
    expect(lines.some((l) => /\b20\d{2}\s\d{1,3}\b/.test(l))).toBe(true);
  });

  it("ger omslaget ett datum: rapportens, eller för ett utkast den dag den ska lämnas", () => {
    const cover = text.split("\f")[0]!;
    expect(cover).toMatch(
      /Datum\s+(\d{1,2}\s\p{Ll}+ \d{4}|Ej fastställd – lämnas senast 15\sdecember \d{4})/u,
    );
  });

  it("har en teckenförklaring under varje tabell som har '..', också på papper", () => {
    const inHtml = html.match(/<p class="teckenforklaring">/g)?.length ?? 0;
    expect(inHtml).toBeGreaterThan(0);
    expect(text.match(/Teckenförklaring: \.\. uppgift saknas/g)?.length).toBe(inHtml);
  });
});
