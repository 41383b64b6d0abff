import { z } from "zod";
import { defineYearFileSource } from "./year-file-source.js";

/**
 * The report's own facts for the cover (`rapport.csv`, `nyckel;värde;anmärkning`): its number in the
 * series, date, diarienummer and information class. A key–value file: the schema is its fields.
 */
export const rapport = defineYearFileSource({
  id: "rapport",
  file: (statistikar) => `${statistikar}/rapport.csv`,
  required: false,
  beskrivning: "omslagets uppgifter",
  whenMissing: {
    code: "W_METADATA_SAKNAS",
    message:
      "Rapportens uppgifter för omslaget (nummer, datum, diarienummer, informationsklass) saknas; omslaget visar bara titel och år.",
  },
  columns: [
    { key: "nyckel", header: "nyckel", required: true },
    { key: "varde", header: "värde", required: true },
    { key: "anmarkning", header: "anmärkning", required: false },
  ],
  schema: () =>
    z.object({
      lagesrapport: z
        .string()
        .regex(/^\d{1,3}$/, { error: "väntade lägesrapportens nummer, t.ex. 25" })
        .transform(Number),
      diarienummer: z.string().min(1),
      datum: z.iso.date({ error: "väntade ett datum som 2024-12-13" }),
      informationsklass: z.string().min(1),
    }),
  citation: { kind: "ingen", why: "rapportens egna uppgifter, inte uppgifter från en källa" },
  init: {
    kind: "fran-foregaende",
    // The cover's facts belong to the new report: only the information class carries over.
    keep: ([key = "", value = "", ...note]) =>
      key === "informationsklass" ? [key, value, ...note] : [key, "", ...note],
    checklist: () => "lägesrapportens nummer, datum och diarienummer.",
  },
});
