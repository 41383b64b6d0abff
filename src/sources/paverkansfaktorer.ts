import { z } from "zod";
import { antal, procent } from "../model/key-figures.js";
import { defineKeyFigureSource } from "./key-figure-source.js";

/**
 * The figures behind chapter 3's drivers (§ 3.1): posted workers, the war in Ukraine, the rise in
 * reported människoexploatering, the ages of children drawn into criminal networks. They come from several publishers, so each row cites its own source.
 */
export const paverkansfaktorer = defineKeyFigureSource({
  id: "paverkansfaktorer",
  file: "paverkansfaktorer.csv",
  beskrivning: "uppgifter om påverkansfaktorer (Arbetsmiljöverket, Brå, Polismyndigheten m.fl.)",
  schema: z.object({
    /** Posted workers in the statistics year, at least (Arbetsmiljöverket's estimate). */
    "utstationerade.antalMinst": antal,
    /** An earlier year to compare the number of posted workers with, and the number that year. */
    "utstationerade.tidigareAr": antal,
    "utstationerade.tidigareAntal": antal,
    "utstationerade.byggProcent": procent,
    "utstationerade.tillverkningProcent": procent,
    /** Workers suspected of working illegally at one joint inspection of building sites. */
    "utstationerade.insatsArbetstagare": antal,
    /** Rise in reported människoexploatering since the year before, as published. */
    "manniskoexploatering.okningProcent": antal,
    /** Reports of trafficking or procuring with Ukrainian victims. */
    "ukraina.anmalningar": antal,
    /** The largest share of the earnings that agencies take from Ukrainian women in prostitution. */
    "ukraina.agenturAndelProcentHogst": procent,
    /** The usual ages (from–to) of children recruited into criminal networks, and of those who recruit them. */
    "natverk.rekryteradeAlderFran": antal,
    "natverk.rekryteradeAlderTill": antal,
    "natverk.rekryterareAlderFran": antal,
    "natverk.rekryterareAlderTill": antal,
  }),
  sums: [],
});
