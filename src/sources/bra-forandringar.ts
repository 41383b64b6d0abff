import { z } from "zod";
import { defineYearFileSource } from "./year-file-source.js";

/**
 * Changes against the year before that Brå itself published (`bra-forandringar.csv`), used only where
 * the previous year's table is not available; the text then says the changes are Brå's.
 */
export const braForandringar = defineYearFileSource({
  id: "braForandringar",
  file: (statistikar) => `${statistikar}/bra-forandringar.csv`,
  required: false,
  beskrivning: "förändringar mot föregående år som Brå har publicerat",
  columns: [
    { key: "brottskoder", header: "brottskoder", required: true },
    { key: "forandringProcent", header: "förändring_procent", required: true },
    { key: "jamfortMed", header: "jämfört_med", required: true },
    { key: "kalla", header: "källa", required: true },
    { key: "anmarkning", header: "anmärkning", required: false },
  ],
  schema: ({ brottskoder }) =>
    z.object({
      brottskoder: z
        .string()
        .transform((s) => s.split(/[\s,+]+/).filter((c) => c !== ""))
        .refine((list) => list.length > 0 && list.every((c) => brottskoder.has(c)), {
          error: "väntade brottskoder ur data/brottskoder.csv, åtskilda med blanksteg",
        }),
      forandringProcent: z
        .string()
        .regex(/^[-−]?\d+$/, { error: "väntade en förändring i hela procent, t.ex. 20 eller -36" })
        .transform((s) => Number(s.replace("−", "-"))),
      jamfortMed: z
        .string()
        .regex(/^\d{4}$/, { error: "väntade ett årtal" })
        .transform(Number),
      kalla: z.string(),
      anmarkning: z.string(),
    }),
  citation: { kind: "per-rad" },
  init: {
    kind: "tom",
    content: () => "brottskoder;förändring_procent;jämfört_med;källa;anmärkning\n",
    checklist: () => "bara om föregående års tabell saknas: Brås egna förändringstal.",
  },
});
