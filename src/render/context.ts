import type { Siffror } from "../aggregate/index.js";
import type { OptionalDataset } from "../datasets.js";

/** What chapter templates see: the figures, plus a few selections made from them for the text. */
export interface TemplateContext extends Siffror {
  jamforelseAr: number;
  /** The last day of the report year the report is due (14 § förordningen 2022:1718), ISO date. */
  redovisningsdag: string;
  /** The offence rows with the most reports, largest first (for the summary). */
  storstaBrott: Siffror["anmaldaBrott"]["rader"];
  /** Groups, largest first. */
  grupperStorstForst: Siffror["anmaldaBrott"]["grupper"];
  /** Per optional dataset id: a sentence saying its figures are missing, or absent where present. */
  saknas: Record<string, string>;
}

export function buildTemplateContext(siffror: Siffror, missing: readonly OptionalDataset[]): TemplateContext {
  const byTotal = <T extends { totalt: number }>(items: readonly T[]) =>
    [...items].sort((a, b) => b.totalt - a.totalt);
  return {
    ...siffror,
    jamforelseAr: siffror.statistikar - 1,
    redovisningsdag: `${siffror.rapportar}-12-15`,
    storstaBrott: byTotal(siffror.anmaldaBrott.rader).slice(0, 3),
    grupperStorstForst: byTotal(siffror.anmaldaBrott.grupper),
    saknas: Object.fromEntries(
      missing.map((d) => [
        d.id,
        `Uppgifter från ${d.beskrivning} för ${siffror.statistikar} finns inte i underlaget för den här rapporten.`,
      ]),
    ),
  };
}
