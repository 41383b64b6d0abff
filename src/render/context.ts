import { DEFAULT_TEXT_RULES } from "./phrases.js";
import type { GruppFigur, JamforbarGrupp, RadFigur } from "../aggregate/anmalda-brott.js";
import type { Siffror } from "../aggregate/index.js";
import { percentChange } from "../aggregate/percent-change.js";
import type { KeyFigureSource } from "../sources/key-figure-source.js";
import { redovisningsdag } from "../model/report-year.js";
import type { Avstamning } from "../aggregate/reconcile.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { hasChangeColumn } from "./anmalda-brott-table.js";
import { KEY_FIGURE_SOURCES, SERIES_SOURCES } from "../sources/registry.js";
import type { SeriesSource } from "../sources/series-source.js";
import { SaknadUppgift } from "./missing-figures.js";
import { capitalise } from "./number-words.js";
import type { SerieAr } from "../model/types.js";

const isNode = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
/** The values of nested key figures (`{ koppleri: { atal: 18 } }` → `[18]`). */
const leaves = (node: Record<string, unknown>): unknown[] =>
  Object.values(node).flatMap((v) => (isNode(v) ? leaves(v) : [v]));

const stodprogramBeskrivning = KEY_FIGURE_SOURCES.stodprogram.beskrivning;

/**
 * Key figures as the templates see them: a figure marked `..` becomes a SaknadUppgift (the helpers
 * print "uppgift saknas" for it), and a source with every figure marked `..` reads like a source
 * whose file is missing (`{{#if stodprogram}}` is false; `saknas.stodprogram` says so).
 */
function withMissingFigures(
  siffror: Siffror,
  missingFiles: readonly KeyFigureSource[],
): { figures: Record<string, unknown>; absent: Pick<KeyFigureSource, "id" | "beskrivning">[] } {
  const absent: Pick<KeyFigureSource, "id" | "beskrivning">[] = [...missingFiles];
  const figures: Record<string, unknown> = {};
  const registry: Record<string, Pick<KeyFigureSource, "beskrivning">> = KEY_FIGURE_SOURCES;
  for (const [id, value] of Object.entries(siffror)) {
    const source = value as { saknas?: unknown; kallor?: unknown } | null;
    if (!source || !Array.isArray(source.saknas) || source.kallor === undefined) continue;
    if (source.saknas.length === 0) continue;
    const beskrivning = registry[id]?.beskrivning ?? id;
    const replace = (node: Record<string, unknown>): Record<string, unknown> =>
      Object.fromEntries(
        Object.entries(node).map(([key, v]) => [
          key,
          v === null ? new SaknadUppgift(beskrivning) : isNode(v) ? replace(v) : v,
        ]),
      );
    const { kallor, saknas, ...values } = source as Record<string, unknown>;
    if (leaves(values).every((v) => v === null)) {
      figures[id] = null;
      absent.push({ id, beskrivning });
    } else figures[id] = { ...replace(values), kallor, saknas };
  }
  return { figures, absent };
}

/** What a draft's review appendix lists (drafts only; the published report leaves it out). */
export interface Granskning {
  /** Every stated sum against the computed one. */
  avstamningar: Avstamning[];
  /** The warnings `report check` gives, one line each. */
  varningar: { plats: string; meddelande: string; kod: string }[];
}

/** A figure with its comparison, shaped for the `forandring` helper. */
export interface Comparison {
  totalt: number;
  foregaendeAr: number | null;
  forandringProcent: number | null;
  /** The source of `foregaendeAr` where it is not the table the sentence already cites. */
  kallaForegaendeAr?: string | null;
}

/** What chapter templates see: the figures, plus look-ups and selections made from them for the text. */
export interface TemplateContext extends Siffror {
  jamforelseAr: number;
  /** The last day of the report year the report is due (14 § förordningen 2022:1718), ISO date. */
  redovisningsdag: string;
  /** Offence rows by crime code: `brott.[0419].totalt`. */
  brott: Record<string, RadFigur>;
  /** Comparison groups by id, the same under old and new codes: `jamforbar.[sexuella-vuxna].totalt`. */
  jamforbar: Record<string, JamforbarGrupp>;
  /** Groups by name: `grupp.Människohandel.totalt`. */
  grupp: Record<string, GruppFigur>;
  /** The offence rows with the most reports, largest first (for the summary). */
  storstaBrott: RadFigur[];
  /** The police region with the most reported offences, and the offence reported most there. */
  storstaRegion: { region: string; totalt: number; storstaBrott: { brottskodstext: string; totalt: number } };
  /** Groups, largest first. */
  grupperStorstForst: GruppFigur[];
  /**
   * The largest changes against the previous year (on a base of at least 20), largest first, among
   * everything that compares: rows whose code continues, comparison groups across a recoding (where
   * the rows cannot), brottskodsgrupper and the total.
   */
  storstaForandringar: Forandring[];
  /** Per purpose of trafficking (`För tvångsarbete` …) as this year's codes divide them: totals by victim age. */
  andamal: AndamalFigur[];
  /**
   * Övriga ändamål as this year's codes define it, and the comparison group across the recoding
   * (övriga ändamål together with the purposes that were counted there before they got codes of their own).
   */
  ovriga: {
    egen: AndamalFigur | null;
    /** Purposes in the comparison group besides övriga ändamål itself (empty before the recoding). */
    delar: AndamalFigur[];
    jamforelsegrupp: Comparison;
  };
  /** Reported trafficking offences per purpose, children and adults together (from the comparison groups). */
  summor: Record<string, number>;
  /** Comparisons the text makes from several datasets; a SaknadUppgift where a figure is marked `..`. */
  jamforelser: Record<string, Comparison | SaknadUppgift>;
  /** Per optional dataset id: a sentence saying its figures are missing, null where present. */
  saknas: Record<string, string | null>;
  /** This year's value of a series against the earlier years in it, computed (never asserted in prose). */
  serieJamforelser: Record<string, SerieJamforelse>;
  /**
   * Per key-figure source: the sums its module declares that its figures do not add up to, as the
   * aggregate stage found them (empty where every sum agrees or the source is missing).
   */
  summaAvvikelser: Record<string, SummaAvvikelse[]>;
  /**
   * The support programme's women who had been exploited sexually, from their number and share
   * (rounded); null where either is unknown or the dataset is missing. The template holds it against
   * the agency's count of people exploited sexually.
   */
  stodprogramKvinnorSexuellt: number | null;
  /** The stated sums in Brå's table that differ from the computed ones (not other datasets'). */
  avvikelserAnmaldaBrott: Siffror["avvikelser"];
  /** Per series: the years with no figure at all (the chart shows a gap there). */
  saknadeAr: Record<string, string[]>;
  /** Whether Brå's table has a change column (not when every change is `..`). */
  forandringskolumn: boolean;
  /** The review appendix's content; only in a draft (`--utkast`). */
  granskning: Granskning | null;
}

/** One series column's value for the statistics year set against the series' earlier years. */
export interface SerieJamforelse extends Comparison {
  /** The first and last earlier year with a value, and how many earlier years have one. */
  forstaAr: number | null;
  sistaAr: number | null;
  tidigareAr: number;
  /** The mean over the earlier years with a value, rounded to a whole number. */
  medelvarde: number | null;
  /** The highest and lowest earlier value (the template compares them with `gt`). */
  hogstTidigare: number | null;
  lagstTidigare: number | null;
}

/** A sum a key-figure source declares that its own figures do not add up to. */
export interface SummaAvvikelse {
  /** What the sum is of, in the module's words, with a capital first letter to open a list item. */
  avser: string;
  /** The total the source states, and what its parts add up to. */
  angivet: number;
  beraknat: number;
}

/** A change the summary may name: what it concerns (in running text) and the figures. */
export interface Forandring extends Comparison {
  namn: string;
}

export interface AndamalFigur {
  /** As in the catalogue: "För tvångsarbete". */
  andamal: string;
  /** In running text: "tvångsarbete". */
  namn: string;
  totalt: number;
  barn: number;
  vuxna: number;
}

const CHILD = new Set(["barn", "flicka", "pojke"]);

/** Trafficking purposes as this year's rows divide them, in the table's order. */
function purposes(rows: readonly RadFigur[], offergrupp: (kod: string) => string): AndamalFigur[] {
  const out = new Map<string, AndamalFigur>();
  for (const row of rows) {
    if (row.grupp !== "Människohandel") continue;
    const figure = out.get(row.andamal) ?? {
      andamal: row.andamal,
      namn: row.andamal.replace(/^För /i, ""),
      totalt: 0,
      barn: 0,
      vuxna: 0,
    };
    figure.totalt += row.totalt;
    if (CHILD.has(offergrupp(row.brottskod))) figure.barn += row.totalt;
    else figure.vuxna += row.totalt;
    out.set(row.andamal, figure);
  }
  return [...out.values()];
}

const sumComparison = (groups: readonly JamforbarGrupp[]): Comparison => {
  const totalt = groups.reduce((a, g) => a + g.totalt, 0);
  const known = groups.every((g) => g.foregaendeAr !== null) && groups.length > 0;
  const foregaendeAr = known ? groups.reduce((a, g) => a + g.foregaendeAr!, 0) : null;
  return { totalt, foregaendeAr, forandringProcent: percentChange(totalt, foregaendeAr) };
};

export function buildTemplateContext(
  siffror: Siffror,
  missing: readonly KeyFigureSource[],
  review: { avstamningar: Avstamning[]; diagnostics: Diagnostic[] } | null = null,
): TemplateContext {
  const byTotal = <T extends { totalt: number }>(items: readonly T[]) =>
    [...items].sort((a, b) => b.totalt - a.totalt);
  const rows = siffror.anmaldaBrott.rader;
  const brott = Object.fromEntries(rows.map((r) => [r.brottskod, r]));
  const grupp = Object.fromEntries(siffror.anmaldaBrott.grupper.map((g) => [g.grupp, g]));

  const keyFigures = withMissingFigures(siffror, missing);
  const jamforelser: TemplateContext["jamforelser"] = {};
  const nsp = siffror.stodprogram;
  if (nsp) {
    const { nyaPersoner, nyaPersonerForegaendeAr } = nsp;
    jamforelser.nyaIStodprogrammet =
      nyaPersoner === null || nyaPersonerForegaendeAr === null
        ? new SaknadUppgift(stodprogramBeskrivning)
        : {
            totalt: nyaPersoner,
            foregaendeAr: nyaPersonerForegaendeAr,
            forandringProcent: percentChange(nyaPersoner, nyaPersonerForegaendeAr),
          };
  }
  // Människoexploatering in begging kept its codes (0495 children, 0496 adults) across the recoding.
  const tiggeri = siffror.polisensArenden?.tiggeri;
  if (tiggeri && brott["0496"] && brott["0495"]) {
    const adult = brott["0496"].totalt;
    const child = brott["0495"].totalt;
    // Brå's table for the year before, where the report has it, counts the same offences as the
    // key figure; the table wins (a difference is W_KONFLIKT_BRA in check).
    const fromTable = brott["0496"].foregaendeAr !== null && brott["0495"].foregaendeAr !== null;
    const beforeAdult = fromTable ? brott["0496"].foregaendeAr : (tiggeri.exploateringForegaendeAr ?? null);
    const beforeChild = fromTable
      ? brott["0495"].foregaendeAr
      : (tiggeri.exploateringBarnForegaendeAr ?? null);
    jamforelser.exploateringITiggeri = {
      totalt: adult,
      foregaendeAr: beforeAdult,
      forandringProcent: percentChange(adult, beforeAdult),
      // Last year's figure is cited to last year's table, or to the police where the table is not there
      // (not twice where one export holds both years).
      kallaForegaendeAr: fromTable
        ? siffror.anmaldaBrott.kallaForegaendeAr === siffror.anmaldaBrott.kalla
          ? null
          : siffror.anmaldaBrott.kallaForegaendeAr
        : (siffror.polisensArenden?.kallor.tiggeri.exploateringForegaendeAr ?? null),
    };
    jamforelser.exploateringITiggeriBarn = {
      totalt: child,
      foregaendeAr: beforeChild,
      forandringProcent: percentChange(child, beforeChild),
    };
  }

  const offergrupp = (kod: string) =>
    siffror.anmaldaBrott.jamforbaraGrupper.some((g) => g.id.endsWith("-barn") && g.koder.includes(kod))
      ? "barn"
      : "vuxen";
  const andamal = purposes(rows, offergrupp);
  const ovrigaGroups = siffror.anmaldaBrott.jamforbaraGrupper.filter((g) => g.id.startsWith("ovriga-"));
  const ovrigaCodes = new Set(ovrigaGroups.flatMap((g) => g.koder));

  return {
    ...siffror,
    ...keyFigures.figures,
    jamforelseAr: siffror.statistikar - 1,
    redovisningsdag: redovisningsdag(siffror.rapportar),
    brott,
    jamforbar: Object.fromEntries(siffror.anmaldaBrott.jamforbaraGrupper.map((g) => [g.id, g])),
    grupp,
    storstaBrott: byTotal(rows).slice(0, 3),
    grupperStorstForst: byTotal(siffror.anmaldaBrott.grupper),
    storstaRegion: largestRegion(siffror),
    storstaForandringar: largestChanges(siffror),
    andamal,
    ovriga: {
      egen: andamal.find((a) => a.andamal === "För övriga ändamål") ?? null,
      delar: andamal.filter(
        (a) =>
          a.andamal !== "För övriga ändamål" &&
          rows.some((r) => r.andamal === a.andamal && ovrigaCodes.has(r.brottskod)),
      ),
      jamforelsegrupp: sumComparison(ovrigaGroups),
    },
    summor: Object.fromEntries(
      ["sexuella", "tvangsarbete", "tiggeri", "organhandel", "krigstjanst", "ovriga"].map((purpose) => [
        purpose,
        siffror.anmaldaBrott.jamforbaraGrupper
          .filter((g) => g.id.startsWith(`${purpose}-`))
          .reduce((acc, g) => acc + g.totalt, 0),
      ]),
    ),
    jamforelser,
    serieJamforelser: {
      regionkoordinatorer: seriesComparison(siffror, "regionkoordinatorer", "identifierade"),
      migrationsverket: seriesComparison(siffror, "migrationsverket", "misstanktaFall"),
    },
    summaAvvikelser: declaredSumConflicts(siffror),
    stodprogramKvinnorSexuellt: nsp ? womenExploitedSexually(nsp) : null,
    forandringskolumn: hasChangeColumn(siffror.anmaldaBrott),
    granskning: review && {
      avstamningar: review.avstamningar,
      varningar: review.diagnostics
        .filter((d) => d.severity === "varning")
        .map((d) => ({
          plats: [d.file, d.line].filter((x) => x !== undefined).join(":"),
          meddelande: d.message,
          kod: d.code,
        })),
    },
    // The differences no key-figure module declares are those in Brå's table.
    avvikelserAnmaldaBrott: siffror.avvikelser.filter((a) => a.deklarerad === null),
    saknadeAr: Object.fromEntries(
      Object.entries(siffror.serier).map(([id, series]) => [
        id,
        (series ?? [])
          .filter((y) => Object.values(y.varden).every((v) => v === null))
          .map((y) => String(y.ar)),
      ]),
    ),
    // Every optional dataset has its key (null when present), so that a misspelt one is an unknown name.
    saknas: Object.fromEntries([
      ...Object.keys(KEY_FIGURE_SOURCES).map((id) => [id, null]),
      ...keyFigures.absent.map((d) => [
        d.id,
        `Uppgifter från ${d.beskrivning} för ${siffror.statistikar} finns inte i underlaget för den här rapporten.`,
      ]),
    ]),
  };
}

function seriesComparison(siffror: Siffror, id: string, column: string): SerieJamforelse {
  const years = (siffror.serier as Record<string, readonly SerieAr[] | undefined>)[id] ?? [];
  const value = (y: SerieAr | undefined) => y?.varden[column] ?? null;
  const totalt = value(years.find((y) => y.ar === siffror.statistikar));
  const earlier = years.filter((y) => y.ar < siffror.statistikar && value(y) !== null);
  const values = earlier.map((y) => value(y)!);
  // An earlier year that gives only the parts of this column had a whole at least its largest part.
  const parts: readonly string[] =
    (SERIES_SOURCES as Record<string, SeriesSource | undefined>)[id]?.parts?.[column] ?? [];
  const atLeast = years
    .filter((y) => y.ar < siffror.statistikar && value(y) === null)
    .flatMap((y) => parts.map((part) => y.varden[part] ?? null))
    .filter((v): v is number => v !== null);
  const foregaendeAr = value(years.find((y) => y.ar === siffror.statistikar - 1));
  return {
    totalt: totalt ?? 0,
    foregaendeAr: totalt === null ? null : foregaendeAr,
    forandringProcent: totalt === null ? null : percentChange(totalt, foregaendeAr),
    forstaAr: earlier[0]?.ar ?? null,
    sistaAr: earlier.at(-1)?.ar ?? null,
    tidigareAr: earlier.length,
    medelvarde: values.length ? Math.round(values.reduce((a, b) => a + b, 0) / values.length) : null,
    hogstTidigare: values.length ? Math.max(...values, ...atLeast) : null,
    lagstTidigare: values.length ? Math.min(...values) : null,
  };
}

/**
 * The differences the aggregate stage found between a source's stated totals and their parts, per
 * source: every sum its module declares, so a sum added to the module is listed without a change here.
 */
function declaredSumConflicts(siffror: Siffror): Record<string, SummaAvvikelse[]> {
  const out: Record<string, SummaAvvikelse[]> = Object.fromEntries(
    Object.keys(KEY_FIGURE_SOURCES).map((id) => [id, []]),
  );
  for (const { deklarerad, angivet, beraknat } of siffror.avvikelser) {
    if (!deklarerad) continue;
    (out[deklarerad.dataset] ??= []).push({ avser: capitalise(deklarerad.avser), angivet, beraknat });
  }
  return out;
}

function womenExploitedSexually(nsp: NonNullable<Siffror["stodprogram"]>): number | null {
  const { omfattadeKvinnor: women, omfattadeKvinnorSexuellExploateringProcent: share } = nsp;
  return women === null || share === null ? null : Math.round((women * share) / 100);
}

function largestRegion(siffror: Siffror): TemplateContext["storstaRegion"] {
  const { regioner, summa, rader } = siffror.anmaldaBrott;
  let region = regioner[0] ?? "";
  for (const r of regioner) if ((summa.perRegion[r] ?? 0) > (summa.perRegion[region] ?? 0)) region = r;
  let top = rader[0];
  for (const row of rader) if ((row.perRegion[region] ?? 0) > (top?.perRegion[region] ?? 0)) top = row;
  return {
    region,
    totalt: summa.perRegion[region] ?? 0,
    storstaBrott: { brottskodstext: top?.brottskodstext ?? "", totalt: top?.perRegion[region] ?? 0 },
  };
}

/**
 * The changes worth naming in the summary. In a year of new codes no trafficking row compares with
 * its own code, but the comparison groups and the group total do: leaving them out would name none of
 * the news.
 */
function largestChanges(siffror: Siffror): Forandring[] {
  const { rader, jamforbaraGrupper, grupper, summa } = siffror.anmaldaBrott;
  const candidates: Forandring[] = [
    ...rader
      .filter((r) => r.jamforelsegrupp === null)
      .map((r) => ({ ...pick(r), namn: r.brottskodstext.toLowerCase() })),
    ...jamforbaraGrupper
      .filter((g) => g.omkodad)
      .map((g) => ({ ...pick(g), namn: comparisonGroupName(g, rader) })),
    ...grupper.map((g) => ({ ...pick(g), namn: `brottskodsgruppen ${g.grupp.toLowerCase()} i sin helhet` })),
    { ...pick(summa), namn: "alla anmälda brott som rapporten följer" },
  ];
  return (
    candidates
      // A percentage on a small base says little; the summary names changes on a meaningful base.
      .filter((c) => c.forandringProcent !== null && (c.foregaendeAr ?? 0) >= DEFAULT_TEXT_RULES.smallBase)
      .sort((a, b) => Math.abs(b.forandringProcent!) - Math.abs(a.forandringProcent!))
      .slice(0, 3)
  );
}

const pick = (c: Comparison): Comparison => ({
  totalt: c.totalt,
  foregaendeAr: c.foregaendeAr,
  forandringProcent: c.forandringProcent,
});

/**
 * A comparison group in running text. The catalogue's description of a group that gathers several of
 * this year's purposes (övriga ändamål and those counted there before the recoding) is too long for a
 * sentence: "människohandel för övriga ändamål, med de ändamål som räknades dit före omkodningen,
 * person 18 år eller äldre".
 */
function comparisonGroupName(group: JamforbarGrupp, rows: readonly RadFigur[]): string {
  const lower = (text: string) => text.replace(/^\p{Lu}/u, (c) => c.toLowerCase());
  const purposesNow = new Set(rows.filter((r) => group.koder.includes(r.brottskod)).map((r) => r.andamal));
  if (purposesNow.size <= 1) return lower(group.benamning);
  const head = group.benamning.split(" (")[0]!;
  const victims = group.benamning.slice(group.benamning.lastIndexOf(", "));
  return `${lower(head)}, med de ändamål som räknades dit före omkodningen${victims}`;
}
