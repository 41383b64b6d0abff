import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { stodprogram } from "../../src/sources/nationellt-stodprogram.js";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import { report2024 } from "../helpers/report-2024.js";
import { bodyText, pdfReadingText } from "../helpers/swedish-text.js";

const ready = requirePrerequisites(["pdftotext"]);

interface Siffror {
  statistikar: number;
  stodprogram: Record<string, number>;
  serier: {
    regionkoordinatorer: {
      ar: number;
      varden: { identifierade: number | null; vuxna: number | null; barn: number | null };
    }[];
  };
}

/**
 * What the built report says about figures that must agree: where the support programme's own
 * figures contradict each other, the text names each contradiction instead of presenting the figures
 * as if they added up; a comparison with earlier years is the one the series gives; and no note
 * about how the report was made stands in the reader's text.
 */
describe.skipIf(!ready)("siffror som ska gå ihop i den byggda rapporten", () => {
  let text: string;
  let siffror: Siffror;
  beforeAll(() => {
    const dir = report2024().dir;
    text = bodyText(pdfReadingText(path.join(dir, "rapport.pdf"))).replace(/\s+/g, " ");
    siffror = JSON.parse(readFileSync(path.join(dir, "siffror.json"), "utf8")) as Siffror;
  });

  it("stödprogrammets motsägelser i data står i texten, var och en med sina siffror", () => {
    const n = siffror.stodprogram;
    const contradictions: string[] = [];
    // Every sum the source's module declares, held against the figures in siffror.json: a sum added
    // to the module is checked here too.
    for (const { total, parts, avser } of stodprogram.sums) {
      const sum = parts.reduce((acc, key) => acc + n[key]!, 0);
      if (sum !== n[total])
        contradictions.push(
          `${avser.charAt(0).toUpperCase()}${avser.slice(1)}: summan anges till ${n[total]}, men delarna blir tillsammans ${sum}.`,
        );
    }
    if (n.nyaPersoner! > n.deltagareISverige!)
      contradictions.push(`De ${n.nyaPersoner} nya personerna är fler än de ${n.deltagareISverige}`);
    if (n.nyaMan! > n.omfattadeMan!)
      contradictions.push(`De ${n.nyaMan} nya männen är fler än de ${n.omfattadeMan} män`);
    // The 2023 data has contradictions; without them this test would prove nothing.
    expect(contradictions.length).toBeGreaterThan(2);
    expect(text).toContain("Uppgifterna om programmet går inte ihop");
    for (const c of contradictions) expect(text).toContain(c);
  });

  it("jämförelsen med tidigare år är den som serien ger, inte en påstådd", () => {
    const years = siffror.serier.regionkoordinatorer;
    const now = years.find((y) => y.ar === siffror.statistikar)!.varden.identifierade!;
    const before = years.find((y) => y.ar === siffror.statistikar - 1)!.varden.identifierade!;
    const earlier = years
      .filter((y) => y.ar < siffror.statistikar && y.varden.identifierade !== null)
      .map((y) => y.varden.identifierade!);
    const change = Math.round(((now - before) * 100) / before);
    const mean = Math.round(earlier.reduce((a, b) => a + b, 0) / earlier.length);
    expect(text).toContain(
      `Att koordinatorerna kände till ${now} personer är en ${change >= 0 ? "ökning" : "minskning"} med ${Math.abs(change)} procent jämfört med ${siffror.statistikar - 1}`,
    );
    expect(text).toContain(`är ${mean} personer per år`);
    expect(text).not.toMatch(/ungefär (detsamma|lika många)/);
    // "Higher than any earlier year" only when it is: a year that counted only adults and children,
    // each on its own, had at least as many as its larger part.
    const highest = Math.max(
      ...years
        .filter((y) => y.ar < siffror.statistikar)
        .flatMap((y) =>
          y.varden.identifierade !== null
            ? [y.varden.identifierade]
            : [y.varden.vuxna ?? 0, y.varden.barn ?? 0],
        ),
    );
    const claim = /Det är [^.]* och fler än något tidigare år/;
    if (now > highest) expect(text).toMatch(claim);
    else expect(text).not.toMatch(claim);
  });

  it("inga anteckningar om underlaget eller tabellernas uppbyggnad står i läsarens text", () => {
    expect(text).not.toMatch(
      /Underlaget har ingen tabell|Tabellen har ingen kolumn|Källorna för de enskilda åren/,
    );
  });

  it("polisens mått heter detsamma överallt: brott under handläggning, aldrig 'handlade'", () => {
    expect(text).toContain("under handläggning");
    expect(text).not.toMatch(/[Pp]olisen handlade/);
    expect(text).not.toMatch(/anmäldes \d[\d ]* fall av/);
  });
});
