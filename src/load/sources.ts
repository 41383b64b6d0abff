import { access } from "node:fs/promises";
import path from "node:path";
import { DiagnosticSink, type Diagnostic } from "../diagnostics/diagnostic.js";
import { REFERENCE_FILES, OPTIONAL_DATASETS, anmaldaBrottFile, type OptionalDataset } from "../datasets.js";
import { readTable, type LoadedTable } from "./read-table.js";

export interface LoadedSources {
  polisregioner?: LoadedTable;
  brottskoder?: LoadedTable;
  anmaldaBrott?: LoadedTable;
  /** The previous statistics year's table; absent where there is no such file. */
  anmaldaBrottForegaende?: LoadedTable;
  /** Optional datasets with no file this year. */
  saknadeDataset: OptionalDataset[];
  /** Every file read, in order, for the command's account of what it read. */
  lasta: { file: string; encoding: string; rows: number }[];
  diagnostics: Diagnostic[];
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** Reads every source file a report for `statistikar` needs. Nothing here judges content. */
export async function loadSources(dataDir: string, statistikar: number): Promise<LoadedSources> {
  const diagnostics: Diagnostic[] = [];
  const lasta: LoadedSources["lasta"] = [];
  const read = async (relative: string) => {
    const file = path.join(dataDir, relative);
    const sink = new DiagnosticSink(file);
    const table = await readTable(file, sink);
    diagnostics.push(...sink.items);
    if (table) lasta.push({ file, encoding: table.encoding, rows: table.records.length });
    return table;
  };

  const polisregioner = await read(REFERENCE_FILES.polisregioner);
  const brottskoder = await read(REFERENCE_FILES.brottskoder);
  const anmaldaBrott = await read(anmaldaBrottFile(statistikar));

  const previousFile = path.join(dataDir, anmaldaBrottFile(statistikar - 1));
  let anmaldaBrottForegaende: LoadedTable | undefined;
  if (await exists(previousFile)) {
    anmaldaBrottForegaende = await read(anmaldaBrottFile(statistikar - 1));
  } else {
    diagnostics.push({
      code: "W_JAMFORELSEAR_SAKNAS",
      severity: "varning",
      file: previousFile,
      message:
        `Tabellen för statistikåret ${statistikar - 1} saknas; förändringar mot föregående år ` +
        "kan inte beräknas, och rapporten anger att jämförelsen inte är tillgänglig.",
    });
  }

  const saknadeDataset: OptionalDataset[] = [];
  for (const dataset of OPTIONAL_DATASETS) {
    const file = path.join(dataDir, String(statistikar), dataset.file);
    if (await exists(file)) continue;
    saknadeDataset.push(dataset);
    diagnostics.push({
      code: "W_DATASET_SAKNAS",
      severity: "varning",
      file,
      message: `Uppgifter från ${dataset.beskrivning} saknas; rapporten anger det där uppgifterna skulle ha stått.`,
    });
  }

  return {
    ...(polisregioner && { polisregioner }),
    ...(brottskoder && { brottskoder }),
    ...(anmaldaBrott && { anmaldaBrott }),
    ...(anmaldaBrottForegaende && { anmaldaBrottForegaende }),
    saknadeDataset,
    lasta,
    diagnostics,
  };
}
