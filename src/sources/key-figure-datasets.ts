import { z } from "zod";
import { antal, lista, procent, type KeyFigureDataset } from "../model/key-figures.js";

/** Jämställdhetsmyndighetens regionkoordinatorer: persons identified during the year (§ 4.1). */
export const regionkoordinatorer = {
  id: "regionkoordinatorer",
  schema: z.object({
    identifierade: antal,
    kvinnorEllerFlickor: antal,
    manEllerPojkar: antal,
    okantKon: antal,
    minderariga: antal,
    okandAlder: antal,
    arbetskraftsexploatering: antal,
    sexuellExploatering: antal,
    manSexuellExploatering: antal,
    ursprungslander: lista,
  }),
  sums: [
    {
      total: "identifierade",
      parts: ["kvinnorEllerFlickor", "manEllerPojkar", "okantKon"],
      avser: "identifierade personer fördelade på kön",
    },
  ],
} satisfies KeyFigureDataset<z.ZodObject>;

/** Migrationsverket: residence permits for victims as witnesses, and children identified (§ 4.3). */
export const migrationsverket = {
  id: "migrationsverket",
  schema: z.object({
    individerMedUppehallstillstand: antal,
    uppehallstillstand: antal,
    kvinnorInklusiveFlickor: antal,
    varavFlickor: antal,
    manInklusivePojkar: antal,
    varavPojkar: antal,
    euMedborgare: antal,
    barnIdentifierade: antal,
    barnEnsamkommande: antal,
    barnensUrsprungslander: antal,
  }),
  sums: [
    {
      total: "individerMedUppehallstillstand",
      parts: ["kvinnorInklusiveFlickor", "manInklusivePojkar"],
      avser: "individer med uppehållstillstånd fördelade på kön",
    },
  ],
} satisfies KeyFigureDataset<z.ZodObject>;

/** The national support programme (NSP) for return and reintegration (§§ 4.1, 4.12). */
export const stodprogram = {
  id: "stodprogram",
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
      avser: "deltagare i Sverige, vuxna och barn",
    },
    {
      total: "omfattadeTotalt",
      parts: ["deltagareISverige", "barnIHemlandet"],
      avser: "omfattade personer, i Sverige och barn i hemlandet",
    },
    {
      total: "omfattadeTotalt",
      parts: ["omfattadeKvinnor", "omfattadeMan", "omfattadeBarn"],
      avser: "omfattade personer fördelade på kvinnor, män och barn",
    },
  ],
} satisfies KeyFigureDataset<z.ZodObject>;

/** Plattformen civila Sverige mot människohandel (§ 4.12). */
export const civilsamhallet = {
  id: "civilsamhallet",
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
} satisfies KeyFigureDataset<z.ZodObject>;

/**
 * The Police's case figures per offence (§§ 4.4–4.10). Handled offences (handlagda brott) are a
 * different measure from Brå's reported offences (anmälda brott) and are named apart throughout.
 */
export const polisensArenden = {
  id: "polisensArenden",
  schema: z.object({
    "sexuellaAndamal.atal": antal,
    "sexuellaAndamal.medKoppleriMalsagande": antal,
    "sexuellaAndamal.manUtsatta": antal,
    "sexuellaAndamal.ursprungslander": lista,
    "sexuellaAndamal.inrapporteradeMan": antal,
    "sexuellaAndamal.medelalder": antal,
    "sexuellaAndamal.samtidaBrottslighetProcent": procent,
    "sexuellaAndamal.stodprocessProcent": procent,
    "koppleri.rapporteradeArenden": antal,
    "koppleri.arendenMedMalsagande": antal,
    "koppleri.handlagdaBrott": antal,
    "koppleri.atal": antal,
    "koppleri.fallandeDomar": antal,
    "koppleri.domarMassagesalongProcent": procent,
    "koppleri.samtidaBrottNaraRelation": antal,
    "koppleri.malsagandeIAvdomda": antal,
    "koppleri.inrapporteradeHandlagda": antal,
    "koppleri.medMalsagandebitrade": antal,
    "koppleri.samtidaValdOchHot": antal,
    "koppleri.ursprungslander": lista,
    "arbetskraft.byggInrapporterade": antal,
    "arbetskraft.byggKvinnor": antal,
    "arbetskraft.ursprungslander": lista,
    "tiggeri.exploateringForegaendeAr": antal,
    "tiggeri.exploateringBarnForegaendeAr": antal,
    "tiggeri.domda": antal,
    "sexkop.handlagdaBrott": antal,
    "sexkop.strafforelagganden": antal,
    "sexkop.atal": antal,
    "sexkop.villkorligDom": antal,
    "sexkop.fangelse": antal,
    "sexkop.massagesalongProcent": procent,
    "sexkop.lagenhetsbordellProcent": procent,
    "sexkop.ursprungslander": lista,
    "barn.sexkopAtal": antal,
    "barn.sexkopFallandeDomar": antal,
    "barn.kampanjvisningar": antal,
    "transit.misstankta": antal,
    "transit.malsagandeMinst": antal,
    "transit.brottsvinstMiljonerNok": antal,
    "empact.arbetskraftPotentiellaOffer": antal,
    "empact.arbetskraftOfferVietnam": antal,
    "empact.arbetskraftOfferIndien": antal,
    "empact.arbetskraftMisstankta": antal,
    "empact.arbetsmiljoatgarder": antal,
    "empact.kontrolleradeRestauranger": antal,
    "empact.andraLander": antal,
    "empact.ovrigaPotentiellaOffer": antal,
    "empact.ovrigaSexuellaAndamal": antal,
    "empact.ovrigaTiggeri": antal,
    "empact.ovrigaBrott": antal,
    "empact.ovrigaMisstankta": antal,
    "empact.kampanjregionerUkraina": antal,
  }),
  sums: [
    {
      total: "empact.arbetskraftPotentiellaOffer",
      parts: ["empact.arbetskraftOfferVietnam", "empact.arbetskraftOfferIndien"],
      avser: "potentiella offer i insatsen mot arbetskraftsexploatering, per land",
    },
    {
      total: "empact.ovrigaPotentiellaOffer",
      parts: ["empact.ovrigaSexuellaAndamal", "empact.ovrigaTiggeri", "empact.ovrigaBrott"],
      avser: "potentiella offer i insatsen mot sexuell exploatering, tiggeri och brott, per ändamål",
    },
  ],
} satisfies KeyFigureDataset<z.ZodObject>;

export const KEY_FIGURE_DATASETS = {
  regionkoordinatorer,
  migrationsverket,
  stodprogram,
  civilsamhallet,
  polisensArenden,
};
export type KeyFigureDatasetId = keyof typeof KEY_FIGURE_DATASETS;
