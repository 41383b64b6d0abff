import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { trycktUtgava } from "../sources/tryckt-utgava.js";
import { NO_SCHEMA_CONTEXT } from "../sources/year-file-source.js";
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
  const schema = trycktUtgava.schema({
    brottskoder: new Set(brottskoder.map((b) => b.kod)),
    datakallaDatasets: NO_SCHEMA_CONTEXT.datakallaDatasets,
  });
  const records = validateRecords(table, trycktUtgava.columns, schema, sink);
  return records?.map(({ line, value }) => ({ rad: line, ...value }));
}
