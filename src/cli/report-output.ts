import type { Avstamning } from "../aggregate/reconcile.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDiagnostic, formatSummary } from "../diagnostics/format.js";
import type { PipelineOptions, Stage } from "../pipeline/pipeline.js";
import type { Io } from "./io.js";

/** What `build` and `check` print: diagnostics and progress, with detail only under `--verbose`. */

const STAGE_NAMES = {
  load: "läsa",
  validate: "kontrollera",
  aggregate: "beräkna",
  render: "rendera",
  print: "skriva ut",
  write: "spara",
} as const satisfies Record<Stage, string>;

const formatMs = (ms: number) =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2).replace(".", ",")} s`;

export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.out(`${formatDiagnostic(d)}\n`);
}

export function printDiagnosticsAndSummary(io: Io, diagnostics: readonly Diagnostic[]): void {
  printDiagnostics(io, diagnostics);
  io.out(`${formatSummary(diagnostics)}\n`);
}

/** Progress for a person at a terminal or in a CI log: one plain line per stage with its time. */
export function progress(io: Io, verbose: boolean): Pick<PipelineOptions, "log" | "detail" | "onStage"> {
  const line = (text: string) => io.out(`${text}\n`);
  return {
    log: line,
    ...(verbose && { detail: line }),
    onStage: (stage, ms) => io.out(`  ${STAGE_NAMES[stage].padEnd(12)}${formatMs(ms)}\n`),
  };
}

/**
 * The stated sums, stated against computed: by default only how many were checked and how many differ
 * (each that differs is already a W_SUMMA_AVVIKER warning above); every sum with `--verbose`.
 */
export function printReconciliation(io: Io, avstamningar: readonly Avstamning[], verbose: boolean): void {
  if (avstamningar.length === 0) return;
  const differing = avstamningar.filter((a) => !a.stammer).length;
  if (verbose) {
    io.out(`\nAvstämning av angivna summor (angivet mot beräknat):\n`);
    for (const a of avstamningar) {
      const verdict = a.stammer ? (a.ofullstandig ? "kan stämma" : "stämmer") : "AVVIKER";
      io.out(
        `  ${a.fil}:${a.rad}  ${verdict.padEnd(10)}  ${a.avser}: angivet ${a.angivet}, beräknat ${a.beraknat}${a.ofullstandig ? " (ofullständigt)" : ""}\n`,
      );
    }
  }
  io.out(
    `Avstämning: ${avstamningar.length} angivna summor kontrollerade, ${differing} avviker.${verbose ? "" : " --verbose visar varje summa."}\n`,
  );
}
