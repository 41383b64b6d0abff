import { z } from "zod";
import { defineYearFileSource } from "./year-file-source.js";

/**
 * The year's citations for the datasets whose rows carry no source (`datakallor.csv`,
 * `dataset;källa`, the source an id in kallor.csv): Brå's table of reported offences above all. Read
 * for the statistics year and the year before, whose table the changes are computed from.
 */
export const datakallor = defineYearFileSource({
  id: "datakallor",
  file: (statistikar) => `${statistikar}/datakallor.csv`,
  required: false,
  beskrivning: "källorna för årets tabeller utan källa per rad",
  years: (statistikar) => [statistikar, statistikar - 1],
  columns: [
    { key: "dataset", header: "dataset", required: true },
    { key: "kalla", header: "källa", required: true },
  ],
  schema: ({ datakallaDatasets }) =>
    z.object({
      dataset: z.string().refine((s) => datakallaDatasets.has(s), {
        error: (iss) =>
          `okänt dataset "${String(iss.input)}"; giltiga är ${[...datakallaDatasets.keys()].join(", ")}`,
      }),
      kalla: z.string(),
    }),
  citation: { kind: "ingen", why: "filen är själva hänvisningarna" },
  init: {
    kind: "tom",
    content: ({ datakallaDatasets }) => `dataset;källa\n${datakallaDatasets.map((d) => `${d};\n`).join("")}`,
    checklist: (statistikar) =>
      `ange källan för Brås tabell ${statistikar} (ett id i kallor.csv); fotnoterna till tabellens siffror hänvisar dit.`,
  },
});
