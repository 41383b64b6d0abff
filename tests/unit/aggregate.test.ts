import { describe, expect, it } from "vitest";
import { aggregateAnmaldaBrott } from "../../src/aggregate/anmalda-brott.js";
import { percentChange } from "../../src/aggregate/percent-change.js";
import { reconcileAnmaldaBrott } from "../../src/aggregate/reconcile.js";
import { HEADER } from "../helpers/temp-data.js";
import { validateTable } from "../helpers/validate.js";

describe("percentChange", () => {
  it.each([
    [101, 73, 38],
    [1513, 1261, 20],
    [9, 14, -36],
    [5, 5, 0],
    [0, 5, -100],
    [3, 2, 50],
    [1, 8, -88],
    [3, 8, -63], // −62,5 rounds away from zero
    [13, 8, 63], // +62,5 likewise
    [5, 0, null],
    [5, null, null],
    [null, 5, null],
  ])("%j mot %j → %j", (now, before, expected) => {
    expect(percentChange(now, before)).toBe(expected);
  });
});

const table = (rows: string[], year = 2023) => {
  const { value, diagnostics } = validateTable([HEADER, ...rows].join("\n"), year);
  expect(diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
  return value!;
};

const THIS_YEAR = [
  "Människohandel;För sexuella ändamål;Människohandel för sexuella ändamål med barn under 18 år;1;1;2;2;3;0;0;9",
  ";;Människohandel för sexuella ändamål med person 18 år eller äldre;1;3;7;33;26;20;11;101",
  "Delsumma;;;2;4;9;35;29;20;11;111",
  "Övrigt;Koppleri;Koppleri inkl. grovt;15;2;7;89;49;30;12;204",
  "Totalsumma;;;17;6;16;124;78;50;23;314",
];

describe("aggregateAnmaldaBrott", () => {
  it("summerar per rad, per grupp och region och totalt, utan att använda angivna summor", () => {
    const figures = aggregateAnmaldaBrott(table(THIS_YEAR), undefined);
    expect(figures.rader.map((r) => [r.brottskod, r.totalt])).toEqual([
      ["0418", 9],
      ["0419", 101],
      ["0609", 204],
    ]);
    expect(figures.grupper.map((g) => [g.grupp, g.totalt, g.angivetTotalt])).toEqual([
      ["Människohandel", 110, 111],
      ["Övrigt", 204, null],
    ]);
    expect(figures.grupper[0]?.perRegion).toEqual({
      Bergslagen: 2,
      Mitt: 4,
      Nord: 9,
      Stockholm: 35,
      Syd: 29,
      Väst: 20,
      Öst: 11,
    });
    expect(figures.summa).toMatchObject({ totalt: 314, angivetTotalt: 314, ofullstandig: false });
    expect(figures.summa.perRegion.Stockholm).toBe(124);
    expect(figures.jamforelseTillganglig).toBe(false);
    expect(figures.rader.every((r) => r.foregaendeAr === null && r.forandringProcent === null)).toBe(true);
  });

  it("räknar förändringen mot föregående år per rad, grupp och totalt", () => {
    const previous = table(
      [
        "Människohandel;;Människohandel för sexuella ändamål med barn under 18 år;2;2;2;2;2;2;2;14",
        ";;Människohandel för sexuella ändamål med person 18 år eller äldre;10;10;10;13;10;10;10;73",
        "Övrigt;;Koppleri inkl. grovt;0;0;0;0;0;0;0;0",
      ],
      2022,
    );
    const figures = aggregateAnmaldaBrott(table(THIS_YEAR), previous);
    expect(figures.rader.map((r) => [r.brottskod, r.foregaendeAr, r.forandringProcent])).toEqual([
      ["0418", 14, -36],
      ["0419", 73, 38],
      ["0609", 0, null],
    ]);
    expect(figures.grupper.map((g) => [g.foregaendeAr, g.forandringProcent])).toEqual([
      [87, 26],
      [0, null],
    ]);
    expect(figures.summa).toMatchObject({ foregaendeAr: 87, forandringProcent: 261 });
  });

  it("jämför inte ett brott som saknas i föregående års tabell (saknas är inte noll)", () => {
    const previous = table(["Övrigt;;Koppleri inkl. grovt;1;1;1;1;1;1;1;7"], 2022);
    const figures = aggregateAnmaldaBrott(table(THIS_YEAR), previous);
    expect(figures.rader[0]).toMatchObject({
      brottskod: "0418",
      foregaendeAr: null,
      forandringProcent: null,
    });
    expect(figures.grupper[0]).toMatchObject({ grupp: "Människohandel", foregaendeAr: null });
  });

  it("markerar summor med en saknad uppgift som ofullständiga i stället för att räkna den som noll", () => {
    const figures = aggregateAnmaldaBrott(
      table(["Övrigt;;Koppleri inkl. grovt;..;1;1;1;1;1;1;", ";;Köp av sexuell tjänst;2;2;2;2;2;2;2;14"]),
      table(
        ["Övrigt;;Koppleri inkl. grovt;1;1;1;1;1;1;1;7", ";;Köp av sexuell tjänst;2;2;2;2;2;2;2;14"],
        2022,
      ),
    );
    expect(figures.rader[0]).toMatchObject({
      totalt: 6,
      ofullstandig: true,
      foregaendeAr: 7,
      forandringProcent: null,
    });
    expect(figures.grupper[0]).toMatchObject({
      totalt: 20,
      ofullstandig: true,
      ofullstandigaRegioner: ["Bergslagen"],
    });
    expect(figures.summa).toMatchObject({ ofullstandig: true, forandringProcent: null });
  });
});

describe("reconcileAnmaldaBrott", () => {
  it("hittar varje angiven summa som avviker, med rad, kolumn, angivet och beräknat värde", () => {
    const { avvikelser, avstamningar } = reconcileAnmaldaBrott(table(THIS_YEAR));
    // Stated: three row totals, and per region + total for the Delsumma and the Totalsumma row.
    expect(avstamningar).toHaveLength(3 + 8 + 8);
    expect(avvikelser).toEqual([
      expect.objectContaining({ rad: 4, kolumn: 11, kolumnnamn: "Totalsumma", angivet: 111, beraknat: 110 }),
    ]);
    expect(avvikelser[0]?.meddelande).toContain("Delsumma för Människohandel");
  });

  it("ser en avvikelse i en enskild region och i en rads totalsumma", () => {
    const { avvikelser } = reconcileAnmaldaBrott(
      table(["Övrigt;;Koppleri inkl. grovt;15;2;7;89;49;30;12;205", "Delsumma;;;15;2;7;88;49;30;12;204"]),
    );
    expect(avvikelser.map((a) => [a.rad, a.kolumnnamn, a.angivet, a.beraknat])).toEqual([
      [2, "Totalsumma", 205, 204],
      [3, "Sthlm", 88, 89],
    ]);
  });

  it("godtar en angiven summa som är minst de kända delarna när en del saknas, men inte en mindre", () => {
    const rows = (stated: number) => [
      "Övrigt;;Koppleri inkl. grovt;..;1;1;1;1;1;1;",
      `Delsumma;;;;;;;;;;${stated}`,
    ];
    expect(reconcileAnmaldaBrott(table(rows(9))).avvikelser).toEqual([]);
    expect(reconcileAnmaldaBrott(table(rows(5))).avvikelser).toHaveLength(1);
  });
});
