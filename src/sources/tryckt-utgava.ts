import { z } from "zod";
import { defineYearFileSource } from "./year-file-source.js";

/**
 * What an already printed edition of the report stated (`tryckt-utgava.csv`), for `check` to hold
 * against the data: a number of reported offences for a set of codes, or (no number, no codes) a figure
 * whose data the project lacks. Only editions printed by hand before this tool have one, so a missing
 * file says nothing.
 */
export const trycktUtgava = defineYearFileSource({
  id: "trycktUtgava",
  file: (statistikar) => `${statistikar}/tryckt-utgava.csv`,
  required: false,
  beskrivning: "vad en redan tryckt utgåva angav",
  columns: [
    { key: "uppgift", header: "uppgift", required: true },
    { key: "angivet", header: "angivet", required: true },
    { key: "brottskoder", header: "brottskoder", required: true },
    { key: "sida", header: "sida", required: false },
    { key: "anmarkning", header: "anmärkning", required: false },
  ],
  schema: ({ brottskoder }) =>
    z.object({
      uppgift: z.string().min(1, { error: "väntade en beskrivning av uppgiften" }),
      angivet: z
        .string()
        .regex(/^(\d[\d\s]*)?$/, { error: "väntade ett antal, eller tomt för ett diagram utan data" })
        .transform((s) => (s.trim() === "" ? null : Number(s.replace(/\s/g, "")))),
      brottskoder: z
        .string()
        .transform((s) => s.split(/[\s,+]+/).filter((c) => c !== ""))
        .refine((list) => list.every((c) => brottskoder.has(c)), {
          error: "väntade brottskoder ur data/brottskoder.csv, åtskilda med blanksteg",
        }),
      sida: z.string(),
      anmarkning: z.string(),
    }),
  // It states what a publication printed; the page is the reference, and nothing is footnoted from it.
  citation: { kind: "ingen", why: "uppgifterna hålls bara mot data och visas inte i rapporten" },
  // Only an edition already printed by hand has one; a new year starts without.
  init: { kind: "ingen" },
});
