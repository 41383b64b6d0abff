import { z } from "zod";
import { antal, lista, procent } from "../model/key-figures.js";
import { defineKeyFigureSource } from "./key-figure-source.js";

/** Plattformen civila Sverige mot människohandel (§ 4.12). */
export const civilsamhallet = defineKeyFigureSource({
  id: "civilsamhallet",
  file: "civilsamhallet.csv",
  beskrivning: "Plattformen civila Sverige mot människohandel",
  schema: z.object({
    mottaPersoner: antal,
    ejIdentifieradeProcent: procent,
    uppgiftSaknasEllerIngenSocialtjanstProcent: procent,
    kontaktMedSocialtjanstProcent: procent,
    enbartSocialsekreterareProcent: procent,
    forsorjningsstodProcent: procent,
    boendeProcent: procent,
    formodatUtsatta: antal,
    varavBarn: antal,
    barnIndirektUtsatta: antal,
    ursprungslander: lista,
  }),
  sums: [],
});
