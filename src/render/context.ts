import { DEFAULT_TEXT_RULES } from "./phrases.js";
import type { GruppFigur, JamforbarGrupp, RadFigur } from "../aggregate/anmalda-brott.js";
import type { Siffror } from "../aggregate/index.js";
import { percentChange } from "../aggregate/percent-change.js";
import type { OptionalDataset } from "../sources/files.js";

/** A figure with its comparison, shaped for the `forandring` helper. */
export interface Comparison {
  totalt: number;
  foregaendeAr: number | null;
  forandringProcent: number | null;
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
  /** The police region with the most reported offences. */
  storstaRegion: { region: string; totalt: number };
  /** Groups, largest first. */
  grupperStorstForst: GruppFigur[];
  /** Rows whose change against the previous year is known (on a base of at least 20), largest first. */
  storstaForandringar: RadFigur[];
  /** Reported trafficking offences per purpose, children and adults together (from the comparison groups). */
  summor: Record<string, number>;
  /** Comparisons the text makes from several datasets. */
  jamforelser: Record<string, Comparison>;
  /** Per optional dataset id: a sentence saying its figures are missing, absent where present. */
  saknas: Record<string, string>;
  /** The stated sums in Brå's table that differ from the computed ones (not other datasets'). */
  avvikelserAnmaldaBrott: Siffror["avvikelser"];
  /** Per series: the years with no figure at all (the chart shows a gap there). */
  saknadeAr: Record<string, string[]>;
}

export function buildTemplateContext(siffror: Siffror, missing: readonly OptionalDataset[]): TemplateContext {
  const byTotal = <T extends { totalt: number }>(items: readonly T[]) =>
    [...items].sort((a, b) => b.totalt - a.totalt);
  const rows = siffror.anmaldaBrott.rader;
  const brott = Object.fromEntries(rows.map((r) => [r.brottskod, r]));
  const grupp = Object.fromEntries(siffror.anmaldaBrott.grupper.map((g) => [g.grupp, g]));

  const jamforelser: Record<string, Comparison> = {};
  const nsp = siffror.stodprogram as { nyaPersoner?: number; nyaPersonerForegaendeAr?: number } | null;
  if (nsp?.nyaPersoner !== undefined && nsp.nyaPersonerForegaendeAr !== undefined) {
    jamforelser.nyaIStodprogrammet = {
      totalt: nsp.nyaPersoner,
      foregaendeAr: nsp.nyaPersonerForegaendeAr,
      forandringProcent: percentChange(nsp.nyaPersoner, nsp.nyaPersonerForegaendeAr),
    };
  }
  // Människoexploatering in begging kept its codes (0495 children, 0496 adults) across the recoding.
  const tiggeri = (siffror.polisensArenden as { tiggeri?: Record<string, number> } | null)?.tiggeri;
  if (tiggeri && brott["0496"] && brott["0495"]) {
    const adult = brott["0496"].totalt;
    const child = brott["0495"].totalt;
    const beforeAdult = tiggeri.exploateringForegaendeAr ?? null;
    const beforeChild = tiggeri.exploateringBarnForegaendeAr ?? null;
    jamforelser.exploateringITiggeri = {
      totalt: adult,
      foregaendeAr: beforeAdult,
      forandringProcent: percentChange(adult, beforeAdult),
    };
    jamforelser.exploateringITiggeriBarn = {
      totalt: child,
      foregaendeAr: beforeChild,
      forandringProcent: percentChange(child, beforeChild),
    };
  }

  return {
    ...siffror,
    jamforelseAr: siffror.statistikar - 1,
    redovisningsdag: `${siffror.rapportar}-12-15`,
    brott,
    jamforbar: Object.fromEntries(siffror.anmaldaBrott.jamforbaraGrupper.map((g) => [g.id, g])),
    grupp,
    storstaBrott: byTotal(rows).slice(0, 3),
    grupperStorstForst: byTotal(siffror.anmaldaBrott.grupper),
    storstaRegion: byTotal(
      siffror.anmaldaBrott.regioner.map((region) => ({
        region,
        totalt: siffror.anmaldaBrott.summa.perRegion[region] ?? 0,
      })),
    )[0] ?? { region: "", totalt: 0 },
    storstaForandringar: rows
      // A percentage on a small base says little; the summary names changes on a meaningful base.
      .filter((r) => r.forandringProcent !== null && (r.foregaendeAr ?? 0) >= DEFAULT_TEXT_RULES.smallBase)
      .sort((a, b) => Math.abs(b.forandringProcent!) - Math.abs(a.forandringProcent!))
      .slice(0, 3),
    summor: Object.fromEntries(
      ["sexuella", "tvangsarbete", "tiggeri", "organhandel", "krigstjanst", "ovriga"].map((purpose) => [
        purpose,
        siffror.anmaldaBrott.jamforbaraGrupper
          .filter((g) => g.id.startsWith(`${purpose}-`))
          .reduce((acc, g) => acc + g.totalt, 0),
      ]),
    ),
    jamforelser,
    avvikelserAnmaldaBrott: siffror.avvikelser.filter((a) => /anmalda-brott\.[a-z]+$/.test(a.fil)),
    saknadeAr: Object.fromEntries(
      Object.entries(siffror.serier).map(([id, series]) => [
        id,
        (series ?? [])
          .filter((y) => Object.values(y.varden).every((v) => v === null))
          .map((y) => String(y.ar)),
      ]),
    ),
    saknas: Object.fromEntries(
      missing.map((d) => [
        d.id,
        `Uppgifter från ${d.beskrivning} för ${siffror.statistikar} finns inte i underlaget för den här rapporten.`,
      ]),
    ),
  };
}
