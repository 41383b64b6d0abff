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

/** How many diagnostics of one code are printed before the rest are only counted. Default 50. */
export const PRINTED_PER_CODE = 50;

/**
 * One line per diagnostic, but at most PRINTED_PER_CODE per code, then a line with how many more:
 * 200 000 broken rows give a readable page, not 200 000 lines (`--format json` lists them all).
 */
export function printDiagnostics(
  io: Io,
  diagnostics: readonly Diagnostic[],
  perCode = PRINTED_PER_CODE,
): void {
  for (const line of cappedLines(diagnostics, formatDiagnostic, perCode)) io.out(`${line}\n`);
}

export function cappedLines(
  diagnostics: readonly Diagnostic[],
  format: (d: Diagnostic) => string,
  perCode = PRINTED_PER_CODE,
): string[] {
  const shown = new Map<string, number>();
  const lines: string[] = [];
  for (const d of diagnostics) {
    const n = (shown.get(d.code) ?? 0) + 1;
    shown.set(d.code, n);
    if (n <= perCode) lines.push(format(d));
  }
  for (const [code, n] of shown) {
    if (n > perCode)
      lines.push(
        `… och ${(n - perCode).toLocaleString("sv-SE")} till med ${code} (visas inte; --format json listar alla)`,
      );
  }
  return lines;
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
