import { EXIT, type ExitCode, type Io } from "./io.js";
import { printDiagnostics } from "./report-output.js";

export interface InitArgs {
  year: number;
  data: string;
}

/** `report init`: the next statistics year's data folder, from the latest, and what to fill in. */
export async function initCommand(io: Io, args: InitArgs): Promise<ExitCode> {
  const { initYear } = await import("../init/init-year.js");
  const result = await initYear(args.data, args.year);
  printDiagnostics(io, result.diagnostics);
  if (result.from === undefined || result.diagnostics.some((d) => d.severity === "fel"))
    return EXIT.dataErrors;
  io.out(`Rapport ${args.year} (statistikår ${args.year - 1}), utgår från ${result.from}.\n`);
  for (const file of result.created) io.out(`Skapade ${file}\n`);
  for (const file of result.kept) io.out(`Finns redan, orörd: ${file}\n`);
  for (const entry of result.skipped ?? []) io.out(`Kopierade inte ${entry}\n`);
  io.out("\nAtt fylla i:\n");
  for (const item of result.checklist) io.out(`  [ ] ${item}\n`);
  return EXIT.ok;
}
