import { z } from "zod";
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { ColumnSpec } from "./columns.js";
import type { Brottskod, TrycktUppgift } from "../model/types.js";
import type { LoadedTable } from "../model/tables.js";
import { validateRecords } from "./reference-tables.js";

/**
 * `data/<år>/tryckt-utgava.csv`: what an already printed edition of the report says that the data can
 * check (`uppgift;angivet;brottskoder;sida;anmärkning`). A row with codes states a number of reported
 * offences that Brå's table must bear out; a row without a number and codes is a figure or table the
 * printed edition shows but whose data the project does not have. Optional: only an edition that was
 * printed by hand before this tool has one.
 */
export function validatePrintedEdition(
  table: LoadedTable,
  brottskoder: readonly Brottskod[],
  sink: DiagnosticSink,
): TrycktUppgift[] | undefined {
  const codes = new Set(brottskoder.map((b) => b.kod));
  const schema = z.object({
    uppgift: z.string().min(1, { error: "väntade en beskrivning av uppgiften" }),
    angivet: z
      .string()
      .regex(/^(\d[\d\s]*)?$/, { error: "väntade ett antal, eller tomt för ett diagram utan data" })
      .transform((s) => (s.trim() === "" ? null : Number(s.replace(/\s/g, "")))),
    brottskoder: z
      .string()
      .transform((s) => s.split(/[\s,+]+/).filter((c) => c !== ""))
      .refine((list) => list.every((c) => codes.has(c)), {
        error: "väntade brottskoder ur data/brottskoder.csv, åtskilda med blanksteg",
      }),
    sida: z.string(),
    anmarkning: z.string(),
  });
  const specs: ColumnSpec<keyof z.input<typeof schema>>[] = [
    { key: "uppgift", header: "uppgift", required: true },
    { key: "angivet", header: "angivet", required: true },
    { key: "brottskoder", header: "brottskoder", required: true },
    { key: "sida", header: "sida", required: false },
    { key: "anmarkning", header: "anmärkning", required: false },
  ];
  const records = validateRecords(table, specs, schema, sink);
  return records?.map(({ line, value }) => ({ rad: line, ...value }));
}
