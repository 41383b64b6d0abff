import { formatGithubAnnotation, formatSummary, toJsonDiagnostic } from "../diagnostics/format.js";
import { runCheck } from "../pipeline/pipeline.js";
import { EXIT, type ExitCode, type Io } from "./io.js";
import { cappedLines, printDiagnostics, printReconciliation, progress } from "./report-output.js";

export interface CheckArgs {
  year: number;
  data: string;
  strict: boolean;
  format: "text" | "json" | "github";
  verbose: boolean;
}

/** `report check`: reads and checks, prints the diagnostics in the chosen format, writes nothing. */
export async function checkCommand(io: Io, args: CheckArgs): Promise<ExitCode> {
  const human = args.format === "text";
  if (human) io.out(`Rapport ${args.year} (statistikår ${args.year - 1})\n`);
  const result = await runCheck({
    rapportar: args.year,
    dataDir: args.data,
    strict: args.strict,
    ...(human ? progress(io, args.verbose) : { log: () => {} }),
  });
  if (args.format === "json") {
    io.out(`${JSON.stringify(result.diagnostics.map(toJsonDiagnostic), null, 2)}\n`);
  } else if (args.format === "github") {
    for (const line of cappedLines(result.diagnostics, formatGithubAnnotation)) io.out(`${line}\n`);
    io.out(`${formatSummary(result.diagnostics)}\n`);
  } else {
    printDiagnostics(io, result.diagnostics);
    printReconciliation(io, result.avstamningar, args.verbose);
    io.out(`${formatSummary(result.diagnostics)}\n`);
  }
  return result.ok ? EXIT.ok : EXIT.dataErrors;
}
