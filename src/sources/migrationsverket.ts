import { z } from "zod";
import { antal } from "../model/key-figures.js";
import { defineKeyFigureSource } from "./key-figure-source.js";

/** Migrationsverket: residence permits for victims as witnesses, and children identified (§ 4.3). */
export const migrationsverket = defineKeyFigureSource({
  id: "migrationsverket",
  file: "migrationsverket.csv",
  beskrivning: "Migrationsverket",
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
});
