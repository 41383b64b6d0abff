import { appendFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCheck, runRender } from "../../src/pipeline/pipeline.js";
import { REPO_DATA, tempDataDir, type TempDir } from "../helpers/temp-data.js";
import { reference } from "../helpers/validate.js";

/**
 * The 2026 edition (statistics year 2025, Brå's new codes 9512–9551) built from synthetic data, with
 * every sentence that carries a figure, a group, a purpose, a direction, a source or a date checked
 * against values this test computes itself from the counts below — not from the tool's figures.
 */
type Counts = Record<string, number>;

/** 2024 under the old codes. */
const OLD_2024: Counts = {
  "0418": 10,
  "0419": 60,
  "0470": 4,
  "0471": 30,
  "0472": 2,
  "0473": 3,
  "0477": 20,
  "0478": 5,
  "0479": 40,
  "0493": 6,
  "0494": 90,
  "0495": 2,
  "0496": 8,
  "0610": 100,
  "4024": 1000,
  "0609": 200,
};
/** 2025 under the new codes, split by the victim's sex and age; codes not listed had no reports. */
const NEW_2025: Counts = {
  "9512": 8,
  "9513": 4,
  "9514": 70,
  "9515": 10,
  "9516": 6,
  "9517": 7,
  "9518": 15,
  "9519": 25,
  "9520": 1,
  "9521": 2,
  "9522": 2,
  "9523": 3,
  "9530": 12,
  "9531": 14,
  "9532": 3,
  "9533": 4,
  "9534": 10,
  "9535": 15,
  "9538": 1,
  "9540": 2,
  "9542": 6,
  "9548": 13,
  "9550": 9,
  "9551": 11,
  "0493": 7,
  "0494": 110,
  "0495": 1,
  "0496": 9,
  "0610": 120,
  "4024": 900,
  "0609": 230,
};

/** The comparison groups as data/brottskoder-jamforelser.csv states them (read here, not through the tool). */
const GROUPS = readFileSync(path.join(REPO_DATA, "brottskoder-jamforelser.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [id, , codes] = line.split(";");
    const all = codes!.split(" ");
    return {
      id: id!,
      old: all.filter((c) => c.startsWith("04")),
      fresh: all.filter((c) => c.startsWith("95")),
    };
  });
const sum = (counts: Counts, codes: readonly string[]) => codes.reduce((a, c) => a + (counts[c] ?? 0), 0);
const groupOf = (code: string) => reference.brottskoder.find((b) => b.kod === code)!.grupp;
const andamalOf = (code: string) => reference.brottskoder.find((b) => b.kod === code)!.andamal;
const validIn = (year: number) =>
  reference.brottskoder
    .filter((b) => (b.forstaAr ?? 0) <= year && (b.sistaAr ?? 9999) >= year)
    .map((b) => b.kod);
const percent = (now: number, before: number) => {
  const exact = ((now - before) * 100) / before;
  return Math.sign(exact) * Math.round(Math.abs(exact));
};
/** "en ökning med 34 procent" / "en minskning med 25 procent", as the report words a change under 100 %. */
const changeWords = (now: number, before: number) => {
  const p = percent(now, before);
  return p > 0 ? `en ökning med ${p} procent` : `en minskning med ${-p} procent`;
};
const groupTotal = (counts: Counts, grupp: string) =>
  sum(
    counts,
    Object.keys(counts).filter((c) => groupOf(c) === grupp),
  );

/** The same year the other way round: last year's counts become this year's, so every change turns sign. */
function flipped(): { old: Counts; fresh: Counts } {
  const old: Counts = {};
  const fresh: Counts = {};
  for (const g of GROUPS) {
    old[g.old[0]!] = sum(NEW_2025, g.fresh);
    fresh[g.fresh[0]!] = sum(OLD_2024, g.old);
  }
  for (const code of ["0493", "0494", "0495", "0496", "0610", "4024", "0609"]) {
    old[code] = NEW_2025[code]!;
    fresh[code] = OLD_2024[code]!;
  }
  return { old, fresh };
}

/** Brå's long export: one row per code and region that had reports (here all in Stockholm); absent = none. */
const longCsv = (year: number, counts: Counts) =>
  [
    "år;brottskod;polisregion;antal",
    ...Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([c, n]) => `${year};${c};Stockholm;${n}`),
  ].join("\n") + "\n";
/** The wide table with a row for every code valid in the year, zeros written out, in catalogue order. */
const wideCsv = (year: number, counts: Counts) =>
  [
    "Brottskodsgrupp;Ändamål;Brottskodstext;Bergslagen;Mitt;Nord;Sthlm;Syd;Väst;Öst",
    ...validIn(year).map((c) => `${groupOf(c)};;${c} enligt Brås kodlista;0;0;0;${counts[c] ?? 0};0;0;0`),
  ].join("\n") + "\n";

const COMMON = {
  "2025/rapport.csv":
    "nyckel;värde;anmärkning\nlagesrapport;26;\ndiarienummer;A123.456/2026;\ndatum;2026-12-10;\ninformationsklass;Öppen;\n",
  "2024/datakallor.csv": "dataset;källa\nanmalda-brott;syntetisk-bra-2024\n",
  "2025/datakallor.csv": "dataset;källa\nanmalda-brott;syntetisk-bra-2025\n",
  "serier/migrationsverket.csv":
    "år;misstänkta_fall;anmärkning;källa\n2024;500;;syntetisk-mv\n2025;520;;syntetisk-mv\n2026;999;Redan känt, efter statistikåret.;syntetisk-mv\n",
};
const SOURCES = [
  "syntetisk-bra-2024;Brottsförebyggande rådet (Brå);Anmälda brott 2024 (syntetisk);2025;;;",
  "syntetisk-bra-2025;Brottsförebyggande rådet (Brå);Anmälda brott 2025 (syntetisk);2026;;;",
  "syntetisk-mv;Migrationsverket;Misstänkt människohandel per år (syntetisk);2026;;;",
];

const options = (dataDir: string, utkast = false) => ({
  rapportar: 2026,
  dataDir,
  outDir: "",
  strict: false,
  log: () => {},
  utkast,
});

describe(
  "2026 års rapport ur syntetiska data för 2025 och 2024 med de nya koderna",
  { timeout: 120_000 },
  () => {
    const temps: TempDir[] = [];
    afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));
    const data = (files: Record<string, string>) => {
      const t = tempDataDir({ ...COMMON, ...files });
      appendFileSync(path.join(t.dir, "kallor.csv"), `${SOURCES.join("\n")}\n`);
      temps.push(t);
      return t.dir;
    };
    const build = async (old: Counts, fresh: Counts) => {
      const dir = data({
        "2024/anmalda-brott.csv": longCsv(2024, old),
        "2025/anmalda-brott.csv": longCsv(2025, fresh),
      });
      const result = await runRender(options(dir));
      expect(result.diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
      if (!result.ok) throw new Error("bygget misslyckades");
      const chapter = (prefix: string) => result.chapters.find((c) => c.name.startsWith(prefix))!.markdown;
      return { result, chapter, text: result.chapters.map((c) => c.markdown).join("\n") };
    };

    it("den långa exporten och den breda tabellen med samma siffror ger samma siffror.json", async () => {
      const long = data({
        "2024/anmalda-brott.csv": longCsv(2024, OLD_2024),
        "2025/anmalda-brott.csv": longCsv(2025, NEW_2025),
      });
      const wide = data({
        "2024/anmalda-brott.csv": wideCsv(2024, OLD_2024),
        "2025/anmalda-brott.csv": wideCsv(2025, NEW_2025),
      });
      const [a, b] = await Promise.all([runCheck(options(long)), runCheck(options(wide))]);
      expect(a.diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
      expect(JSON.stringify(b.siffror, null, 2)).toBe(JSON.stringify(a.siffror, null, 2));
      // Every code valid in 2025 is listed, those without reports as zero, and none of the old ones.
      const rows = a.siffror!.anmaldaBrott.rader;
      expect(rows.map((r) => r.brottskod).sort()).toEqual(validIn(2025).sort());
      expect(rows.find((r) => r.brottskod === "9524")).toMatchObject({ totalt: 0 });
      // No row-level change between codes that do not mean the same: a boys-only code against 0472.
      expect(rows.find((r) => r.brottskod === "9521")).toMatchObject({
        foregaendeAr: null,
        forandringProcent: null,
      });
      for (const g of a.siffror!.anmaldaBrott.jamforbaraGrupper)
        expect(g.koder).toEqual(GROUPS.find((x) => x.id === g.id)!.fresh);
      // Nothing after the statistics year.
      expect(a.siffror!.serier.migrationsverket!.map((y) => y.ar)).toEqual([2024, 2025]);
      // A year with no row in a series is a missing year, shown as a gap, and check asks for the row.
      const gap = data({
        "2024/anmalda-brott.csv": longCsv(2024, OLD_2024),
        "2025/anmalda-brott.csv": longCsv(2025, NEW_2025),
        "serier/migrationsverket.csv":
          "år;misstänkta_fall;anmärkning;källa\n2023;480;;syntetisk-mv\n2025;520;;syntetisk-mv\n",
      });
      const withGap = await runRender(options(gap));
      if (!withGap.ok) throw new Error("bygget misslyckades");
      expect(withGap.siffror.serier.migrationsverket).toEqual([
        expect.objectContaining({ ar: 2023, varden: { misstanktaFall: 480 } }),
        { ar: 2024, varden: { misstanktaFall: null }, anmarkning: "", kalla: "" },
        expect.objectContaining({ ar: 2025, varden: { misstanktaFall: 520 } }),
      ]);
      expect(withGap.diagnostics).toContainEqual(
        expect.objectContaining({
          code: "W_AR_UTAN_FORKLARING",
          file: path.join(gap, "serier/migrationsverket.csv"),
        }),
      );
      const chapter4 = withGap.chapters.find((c) => c.name.startsWith("04-"))!.markdown;
      expect(chapter4).toContain("För 2024 saknas uppgift, och diagrammet har där en lucka.");
      expect(chapter4).toMatch(/\| 2024 \| \.\. \|/);
    });

    it("meningarna om grupper, ändamål, riktningar, källor och datum stämmer med siffrorna", async () => {
      const { result, chapter, text } = await build(OLD_2024, NEW_2025);

      // Dates: the cover's filled-in date and the day the report is due.
      expect(result.html).toContain("<dt>Datum</dt><dd>10\u00a0december 2026</dd>");
      expect(chapter("02-")).toContain("senast den 15\u00a0december 2026");

      // Groups, in the summary largest first, and in Tabell 2 in the publication's order.
      const groups = ["Människohandel", "Människoexploatering", "Övrigt"]
        .map((g) => ({ g, now: groupTotal(NEW_2025, g), before: groupTotal(OLD_2024, g) }))
        .sort((x, y) => y.now - x.now);
      const spaced = (t: string) => t.replace(/[\s\u00a0\u202f]/g, " ");
      expect(spaced(chapter("01-"))).toContain(
        `Av dem hörde ${groups
          .map((x) => `${spaced(x.now.toLocaleString("sv-SE"))} till gruppen ${x.g}`)
          .join(", ")
          .replace(/, (?=[^,]*$)/, " och ")}`,
      );
      const table = chapter("04-");
      const at = (s: string) => table.indexOf(s);
      expect(at("| **Människohandel** |")).toBeGreaterThan(-1);
      expect(at("| **Människohandel** |")).toBeLessThan(at("| **Människoexploatering** |"));
      expect(at("| **Människoexploatering** |")).toBeLessThan(at("| **Övrigt** |"));

      // Directions: the trafficking group as a whole is among the largest changes in the summary.
      const trafficking = groups.find((x) => x.g === "Människohandel")!;
      const largest =
        chapter("01-")
          .split("\n")
          .find((l) => l.startsWith("De största förändringarna mot 2024")) ?? "";
      expect(largest).toContain(
        `brottskodsgruppen människohandel i sin helhet (${changeWords(trafficking.now, trafficking.before)}`,
      );

      // Purposes: forced labour for adults and children; övriga ändamål as the 2025 codes define it
      // (9548–9551), and the comparison group named as a group.
      const labour = (age: string) =>
        sum(NEW_2025, GROUPS.find((g) => g.id === `tvangsarbete-${age}`)!.fresh);
      expect(table).toContain(
        `${labour("vuxna") + labour("barn")} om människohandel för tvångsarbete, ${labour("vuxna")} mot vuxna och ${labour("barn")} mot barn`,
      );
      const ovrigaOwn = ["9548", "9549", "9550", "9551"];
      expect(table).toContain(
        `anmäldes ${sum(NEW_2025, ovrigaOwn)} brott om människohandel för övriga ändamål, ${sum(NEW_2025, ["9550", "9551"])} mot vuxna och ${sum(NEW_2025, ["9548", "9549"])} mot barn`,
      );
      const ovrigaGroup = GROUPS.filter((g) => g.id.startsWith("ovriga-"));
      const groupNow = sum(
        NEW_2025,
        ovrigaGroup.flatMap((g) => g.fresh),
      );
      const groupBefore = sum(
        OLD_2024,
        ovrigaGroup.flatMap((g) => g.old),
      );
      const ownPurposes = [...new Set(ovrigaGroup.flatMap((g) => g.fresh).map(andamalOf))]
        .filter((a) => a !== "För övriga ändamål")
        .map((a) => a.replace(/^För /, ""));
      expect(ownPurposes).toEqual([
        "brottslig verksamhet",
        "surrogatmoderskap",
        "tvångsäktenskap",
        "illegal adoption",
      ]);
      expect(table).toContain(
        `har ${ownPurposes.slice(0, -1).join(", ")} och ${ownPurposes.at(-1)} egna brottskoder`,
      );
      expect(table).toMatch(
        new RegExp(`I gruppen som helhet anmäldes ${groupNow} brott, (mer än )?en (ökning|fördubbling)`),
      );
      expect(groupNow).toBeGreaterThan(groupBefore);

      // Sources: every Brå figure cites 2025's table, none the 2023 one; the series cites its own.
      const notes = text.split("\n").filter((l) => /^\[\^\d+\]:/.test(l));
      expect(notes.some((l) => l.includes("Anmälda brott 2025 (syntetisk)"))).toBe(true);
      // The changes come from 2024's table, and it is cited too.
      expect(notes.some((l) => l.includes("Anmälda brott 2024 (syntetisk)"))).toBe(true);
      expect(notes.filter((l) => /2023/.test(l))).toEqual([]);
      expect(text).not.toContain("| 2026");
      // No year text was written: the report marks where each goes, and tells no other year's story.
      expect(text).toContain("Årets text saknas");
      expect(text).not.toMatch(/Rumänien|Empact|Look again|bärplockning/);
    });

    it("ett nyckeltal som inte är känt (..) blir null i siffror.json, en varning och meningar som säger att uppgiften saknas", async () => {
      // The support programme with two figures not yet known; Migrationsverket with none known.
      const nsp: Record<string, string> = {
        nyaPersoner: "40",
        nyaKvinnor: "15",
        nyaMan: "13",
        nyaFlickor: "7",
        nyaPojkar: "5",
        nyaPersonerForegaendeAr: "..",
        deltagareISverige: "30",
        deltagareVuxna: "20",
        deltagareBarn: "10",
        barnIHemlandet: "4",
        omfattadeTotalt: "34",
        omfattadeKvinnor: "14",
        omfattadeKvinnorSexuellExploateringProcent: "50",
        omfattadeMan: "..",
        omfattadeBarn: "14",
        arbetskraftsexploatering: "25",
        sexuellExploatering: "15",
        jordbrukOchBarplockning: "3",
        franThailand: "6",
      };
      const nspCsv = [
        "nyckel;värde;källa;anmärkning",
        ...Object.entries(nsp).map(([k, v]) => `${k};${v};${v === ".." ? "" : "syntetisk-nsp"};`),
      ].join("\n");
      const mvKeys = readFileSync(path.join(REPO_DATA, "2023/migrationsverket.csv"), "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((l) => l.split(";")[0]!);
      const dir = data({
        "2024/anmalda-brott.csv": longCsv(2024, OLD_2024),
        "2025/anmalda-brott.csv": longCsv(2025, NEW_2025),
        "2025/nationellt-stodprogram.csv": `${nspCsv}\n`,
        "2025/migrationsverket.csv": `nyckel;värde;källa;anmärkning\n${mvKeys.map((k) => `${k};..;;`).join("\n")}\n`,
      });
      appendFileSync(
        path.join(dir, "kallor.csv"),
        "syntetisk-nsp;Jämställdhetsmyndigheten;Stödprogrammet 2025 (syntetiskt);2026;;;\n",
      );
      const result = await runRender(options(dir));
      expect(result.diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
      if (!result.ok) throw new Error("bygget misslyckades");

      // siffror.json: null, not zero, and the keys listed as not known.
      const siffror = result.siffror;
      expect(siffror.stodprogram).toMatchObject({
        nyaPersoner: 40,
        nyaPersonerForegaendeAr: null,
        omfattadeMan: null,
        saknas: ["nyaPersonerForegaendeAr", "omfattadeMan"],
      });
      // check: one warning per file, naming each missing key and its line.
      const warning = result.diagnostics.find(
        (d) => d.code === "W_NYCKELTAL_SAKNAS" && d.file.endsWith("nationellt-stodprogram.csv"),
      );
      const lineOf = (key: string) => Object.keys(nsp).indexOf(key) + 2;
      expect(warning?.line).toBe(lineOf("nyaPersonerForegaendeAr"));
      expect(warning?.message).toContain(
        `nyaPersonerForegaendeAr (rad ${lineOf("nyaPersonerForegaendeAr")})`,
      );
      expect(warning?.message).toContain(`omfattadeMan (rad ${lineOf("omfattadeMan")})`);

      const text = result.chapters.map((c) => c.markdown).join("\n");
      const spaced = text.replace(/[\u00a0\u202f]/g, " ");
      // The known figures are printed; each sentence that needed an unknown one says so instead.
      expect(spaced).toContain(
        `Under 2025 erbjöds ${nsp.nyaPersoner} nya personer stöd: ${nsp.nyaKvinnor} kvinnor, ${nsp.nyaMan} män, ${nsp.nyaFlickor} flickor och ${nsp.nyaPojkar} pojkar.`,
      );
      expect(text).toContain("Uppgift saknas för 2025 från det nationella stödprogrammet.");
      // No change is computed from an unknown figure, and no figure word is left standing in for it.
      const programme = text.slice(text.indexOf("### Det nationella stödprogrammet"));
      const section = programme.slice(0, programme.indexOf("\n#"));
      expect(section).not.toMatch(/ökning|minskning|oförändrat|fördubbling|halvering/);
      expect(text).not.toMatch(/uppgift saknas (ökade|minskade|nya|personer|män)/i);
      expect(text).not.toMatch(/[\uE000-\uE003]/);
      // A source with no figure known reads like a source whose file is missing.
      expect(text).toContain("Uppgifter från Migrationsverket för 2025 finns inte i underlaget");
      expect(siffror.migrationsverket).toMatchObject({ saknas: mvKeys, [mvKeys[0]!]: null });
      expect(result.html).toContain("Uppgift saknas för 2025 från det nationella stödprogrammet.");
    });

    it("två källor som anger samma siffra för samma år och skiljer sig ger en varning som nämner båda ställena", async () => {
      const keysOf = (file: string) =>
        readFileSync(path.join(REPO_DATA, "2023", file), "utf8")
          .trim()
          .split("\n")
          .slice(1)
          .map((l) => l.split(";")[0]!);
      const keyFile = (file: string, known: Record<string, string>, kalla: string) =>
        [
          "nyckel;värde;källa;anmärkning",
          ...keysOf(file).map((k) => (k in known ? `${k};${known[k]};${kalla};` : `${k};..;;`)),
        ].join("\n") + "\n";
      // (a) This year's long export also holds 2024, and says 91 for 0494 where data/2024 says 90.
      const own2024 = longCsv(2024, OLD_2024);
      const exported2024 = { ...OLD_2024, "0494": OLD_2024["0494"]! + 1 };
      const export2025 = [
        ...longCsv(2025, NEW_2025).trimEnd().split("\n"),
        ...longCsv(2024, exported2024).trimEnd().split("\n").slice(1),
      ].join("\n");
      const lineIn = (csv: string, start: string) =>
        csv.split("\n").findIndex((l) => l.startsWith(start)) + 1;
      // (b) identifierade 455 in the key figures, 452 in the series for the same year.
      // (c) begging offences against adults in 2024: 5 in the police's figures, OLD_2024's 0496 in Brå's table.
      const dir = data({
        "2024/anmalda-brott.csv": own2024,
        "2025/anmalda-brott.csv": `${export2025}\n`,
        "2025/regionkoordinatorer.csv": keyFile(
          "regionkoordinatorer.csv",
          { identifierade: "455" },
          "syntetisk-rk",
        ),
        "2025/polisens-arenden.csv": keyFile(
          "polisens-arenden.csv",
          { "tiggeri.exploateringForegaendeAr": "5" },
          "syntetisk-rk",
        ),
        "serier/regionkoordinatorer.csv":
          "år;identifierade;vuxna;barn;anmärkning;källa\n2024;430;..;..;;syntetisk-rk\n2025;452;..;..;;syntetisk-rk\n",
      });
      appendFileSync(
        path.join(dir, "kallor.csv"),
        "syntetisk-rk;Jämställdhetsmyndigheten;Regionkoordinatorerna 2025 (syntetiskt);2026;;;\n",
      );
      const result = await runRender(options(dir));
      expect(result.diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
      if (!result.ok) throw new Error("bygget misslyckades");
      const warning = (code: string) => result.diagnostics.filter((d) => d.code === code);
      const rel = (file: string) => path.join(dir, file);

      const [a, ...moreA] = warning("W_KONFLIKT_FOREGAENDE_AR");
      expect(moreA).toEqual([]);
      expect(a).toMatchObject({
        file: rel("2025/anmalda-brott.csv"),
        line: lineIn(export2025, "2024;0494;"),
      });
      expect(a!.message).toContain(`${rel("2025/anmalda-brott.csv")}:${lineIn(export2025, "2024;0494;")}`);
      expect(a!.message).toContain(`${rel("2024/anmalda-brott.csv")}:${lineIn(own2024, "2024;0494;")}`);
      // The report compares with the year's own table.
      expect(result.siffror.anmaldaBrott.rader.find((r) => r.brottskod === "0494")?.foregaendeAr).toBe(
        OLD_2024["0494"],
      );

      const [b, ...moreB] = warning("W_KONFLIKT_SERIE");
      expect(moreB).toEqual([]);
      const rkLine = keysOf("regionkoordinatorer.csv").indexOf("identifierade") + 2;
      expect(b).toMatchObject({
        file: rel("2025/regionkoordinatorer.csv"),
        line: rkLine,
        found: "455",
        expected: "452",
      });
      expect(b!.message).toContain(`${rel("2025/regionkoordinatorer.csv")}:${rkLine}`);
      expect(b!.message).toContain(`${rel("serier/regionkoordinatorer.csv")}:3`);

      const [c, ...moreC] = warning("W_KONFLIKT_BRA");
      expect(moreC).toEqual([]);
      const tiggeriLine = keysOf("polisens-arenden.csv").indexOf("tiggeri.exploateringForegaendeAr") + 2;
      expect(c).toMatchObject({
        file: rel("2025/polisens-arenden.csv"),
        line: tiggeriLine,
        found: "5",
        expected: String(OLD_2024["0496"]),
      });
      expect(c!.message).toContain(`${rel("2025/polisens-arenden.csv")}:${tiggeriLine}`);
      expect(c!.message).toContain(`${rel("2024/anmalda-brott.csv")}:${lineIn(own2024, "2024;0496;")}`);
      // The report follows the table: the begging sentence compares with Brå's 2024 figure, not the 5.
      const begging = result.chapters
        .map((ch) => ch.markdown)
        .join("\n")
        .split("\n")
        .find((l) => l.startsWith("För människoexploatering i tiggeri "));
      expect(begging).toBeDefined();
      const words = [
        "noll",
        "en",
        "två",
        "tre",
        "fyra",
        "fem",
        "sex",
        "sju",
        "åtta",
        "nio",
        "tio",
        "elva",
        "tolv",
      ];
      expect(OLD_2024["0496"]!).toBeLessThan(20); // a small base reads as counts, "från åtta … till nio"
      expect(begging).toContain(
        `en ${NEW_2025["0496"]! > OLD_2024["0496"]! ? "ökning" : "minskning"} från ${words[OLD_2024["0496"]!]} år 2024 till ${words[NEW_2025["0496"]!]}`,
      );
      // Both counts are Brå's, cited to the tables; not to the police's figure the report did not use.
      const notes = result.chapters.map((ch) => ch.markdown).join("\n");
      const calls = [...begging!.matchAll(/\[\^(\d+)\]/g)].map((m) => m[1]);
      for (const n of calls)
        expect(notes).not.toMatch(new RegExp(`\\[\\^${n}\\]:.*Regionkoordinatorerna 2025`));
    });

    it.each([
      {
        arbete: 180,
        sexuellt: 150,
        phrase: "Fler var utsatta för arbetskraftsexploatering (180) än för sexuell exploatering (150).",
      },
      {
        arbete: 100,
        sexuellt: 150,
        phrase: "Sexuell exploatering (150) var vanligare än arbetskraftsexploatering (100).",
      },
      {
        arbete: 150,
        sexuellt: 150,
        phrase: "Lika många var utsatta för arbetskraftsexploatering som för sexuell exploatering (150).",
      },
    ])(
      "jämförelsen mellan två nyckeltal följer siffrorna, också när de är lika ($arbete mot $sexuellt)",
      async ({ arbete, sexuellt, phrase }) => {
        const keys = readFileSync(path.join(REPO_DATA, "2023/regionkoordinatorer.csv"), "utf8")
          .trim()
          .split("\n")
          .slice(1)
          .map((l) => l.split(";")[0]!);
        const values: Record<string, number> = {
          arbetskraftsexploatering: arbete,
          sexuellExploatering: sexuellt,
        };
        const file = [
          "nyckel;värde;källa;anmärkning",
          ...keys.map((k) => (k in values ? `${k};${values[k]};syntetisk-mv;` : `${k};..;;`)),
        ].join("\n");
        const dir = data({
          "2024/anmalda-brott.csv": longCsv(2024, OLD_2024),
          "2025/anmalda-brott.csv": longCsv(2025, NEW_2025),
          "2025/regionkoordinatorer.csv": `${file}\n`,
        });
        const result = await runRender(options(dir));
        if (!result.ok) throw new Error("bygget misslyckades");
        const text = result.chapters.map((c) => c.markdown).join("\n");
        expect(text).toContain(phrase);
        const summary = result.chapters.find((c) => c.name.startsWith("01-"))!.markdown;
        if (arbete === sexuellt) expect(summary).not.toMatch(/Fler av dem|vanligare/);
        else
          expect(summary).toContain(
            arbete > sexuellt
              ? "Fler av dem hade utnyttjats som arbetskraft"
              : "Sexuell exploatering (150) var vanligare",
          );
      },
    );

    it("ett år där varje förändring har motsatt tecken läses rätt", async () => {
      const { old, fresh } = flipped();
      const { chapter } = await build(old, fresh);
      const trafficking = {
        now: groupTotal(fresh, "Människohandel"),
        before: groupTotal(old, "Människohandel"),
      };
      expect(trafficking.now).toBeLessThan(trafficking.before);
      const largest =
        chapter("01-")
          .split("\n")
          .find((l) => l.startsWith("De största förändringarna mot 2024")) ?? "";
      expect(largest).toContain(
        `brottskodsgruppen människohandel i sin helhet (${changeWords(trafficking.now, trafficking.before)}`,
      );
      expect(largest).not.toContain("ökning");
      const table = chapter("04-");
      const sexAdults = GROUPS.find((g) => g.id === "sexuella-vuxna")!;
      const now = sum(fresh, sexAdults.fresh);
      const before = sum(old, sexAdults.old);
      expect(now).toBeLessThan(before);
      expect(table).toMatch(
        new RegExp(
          `\\| ${sexAdults.fresh.join(", ")} \\| ${now} \\| ${sexAdults.old.join(", ")} \\| ${before} \\| −${-percent(now, before)}\\u00a0% \\|`,
        ),
      );
      // Köp av sexuell tjänst went the other way too: from a fall to a rise.
      expect(fresh["4024"]!).toBeGreaterThan(old["4024"]!);
      expect(table).toContain(`köp av sexuell tjänst, ${changeWords(fresh["4024"]!, old["4024"]!)}`);
    });
  },
);
