import { z } from "zod";
import { antal, procent } from "../model/key-figures.js";
import { defineKeyFigureSource } from "./key-figure-source.js";

/** The national support programme (NSP) for return and reintegration (§§ 4.1, 4.12). */
export const stodprogram = defineKeyFigureSource({
  id: "stodprogram",
  file: "nationellt-stodprogram.csv",
  beskrivning: "det nationella stödprogrammet",
  schema: z.object({
    nyaPersoner: antal,
    nyaKvinnor: antal,
    nyaMan: antal,
    nyaFlickor: antal,
    nyaPojkar: antal,
    nyaPersonerForegaendeAr: antal,
    deltagareISverige: antal,
    deltagareVuxna: antal,
    deltagareBarn: antal,
    barnIHemlandet: antal,
    omfattadeTotalt: antal,
    omfattadeKvinnor: antal,
    omfattadeKvinnorSexuellExploateringProcent: procent,
    omfattadeMan: antal,
    omfattadeBarn: antal,
    arbetskraftsexploatering: antal,
    sexuellExploatering: antal,
    jordbrukOchBarplockning: antal,
    franThailand: antal,
  }),
  sums: [
    {
      total: "nyaPersoner",
      parts: ["nyaKvinnor", "nyaMan", "nyaFlickor", "nyaPojkar"],
      avser: "nya personer fördelade på kön och ålder",
    },
    {
      total: "deltagareISverige",
      parts: ["deltagareVuxna", "deltagareBarn"],
      avser: "deltagare i Sverige fördelade på vuxna och barn",
    },
    {
      total: "omfattadeTotalt",
      parts: ["deltagareISverige", "barnIHemlandet"],
      avser: "omfattade personer fördelade på deltagare i Sverige och barn i hemlandet",
    },
    {
      total: "omfattadeTotalt",
      parts: ["omfattadeKvinnor", "omfattadeMan", "omfattadeBarn"],
      avser: "omfattade personer fördelade på kvinnor, män och barn",
    },
    {
      total: "omfattadeBarn",
      parts: ["deltagareBarn", "barnIHemlandet"],
      avser: "omfattade barn i Sverige och i hemlandet",
    },
  ],
});
