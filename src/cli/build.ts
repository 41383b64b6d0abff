import { runBuild, type PipelineOptions } from "../pipeline/pipeline.js";
import { EXIT, type ExitCode, type Io } from "./io.js";
import { printDiagnosticsAndSummary, progress } from "./report-output.js";
import { withInterruptSignal } from "./signals.js";

export interface BuildArgs {
  year: number;
  data: string;
  out: string;
  strict: boolean;
  force: boolean;
  utkast: boolean;
  watch: boolean;
  verbose: boolean;
}

export function buildOptions(io: Io, args: BuildArgs): PipelineOptions {
  return {
    rapportar: args.year,
    dataDir: args.data,
    outDir: args.out,
    strict: args.strict,
    force: args.force,
    utkast: args.utkast,
    ...progress(io, args.verbose),
  };
}

/** `report build`: the whole pipeline; output appears only when every stage succeeded. */
export async function buildCommand(io: Io, args: BuildArgs): Promise<ExitCode> {
  io.out(`Rapport ${args.year} (statistikår ${args.year - 1})\n`);
  const options = buildOptions(io, args);
  if (args.watch) {
    const { watchBuild } = await import("./watch.js");
    return watchBuild(io, options);
  }
  // Ctrl-C stops the build cleanly: the browser is closed and nothing is written.
  const result = await withInterruptSignal((signal) => runBuild({ ...options, signal }));
  switch (result.status) {
    case "upToDate":
      io.out(
        `Inget har ändrats sedan förra bygget (manifest.json); ${result.pdfPath} är aktuell. --force bygger om.\n`,
      );
      io.out(`${result.pdfPath}\n`);
      return EXIT.ok;
    case "failed":
      printDiagnosticsAndSummary(io, result.diagnostics);
      io.out("Inget skrevs; tidigare utdata är orörd.\n");
      return EXIT.dataErrors;
    case "built":
      printDiagnosticsAndSummary(io, result.diagnostics);
      io.out(`${result.pdfPath}\n`);
      return EXIT.ok;
  }
}
