import { z } from "zod";
import { antal, lista } from "../model/key-figures.js";
import { defineKeyFigureSource } from "./key-figure-source.js";

/** Jämställdhetsmyndighetens regionkoordinatorer: persons identified during the year (§ 4.1). */
export const regionkoordinatorer = defineKeyFigureSource({
  id: "regionkoordinatorer",
  file: "regionkoordinatorer.csv",
  beskrivning: "Jämställdhetsmyndighetens regionkoordinatorer",
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
  overlaps: [{ key: "identifierade", serie: "regionkoordinatorer", column: "identifierade" }],
});
