import { EnvironmentError, RefusedError, asEnvironmentError } from "../model/environment.js";
import { InterruptedError } from "../model/interrupted.js";
import { BrowserNotFoundError, PrintFailedError } from "../print/browser.js";
import { EXIT, type ExitCode, type Io } from "./io.js";

/** Runs `work` with a signal that Ctrl-C (SIGINT) or SIGTERM aborts; the handlers go when it ends. */
export async function withInterruptSignal<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.on("SIGINT", abort);
  process.on("SIGTERM", abort);
  try {
    return await work(controller.signal);
  } finally {
    process.off("SIGINT", abort);
    process.off("SIGTERM", abort);
  }
}

/**
 * The exit code and message for a failure the user can act on (no browser, a crashed print, Ctrl-C,
 * a refused --out, the machine in the way),
 * or `undefined` for anything else, which is a bug and keeps its stack trace.
 */
export function reportKnownFailure(io: Io, cause: unknown): ExitCode | undefined {
  if (cause instanceof BrowserNotFoundError) {
    io.err(`fel: ${cause.message}\n`);
    return EXIT.noBrowser;
  }
  if (cause instanceof PrintFailedError) {
    // A message with a list of remedies gets the closing sentence on a line of its own.
    const gap = cause.message.includes("\n") ? "\n" : " ";
    io.err(`fel: ${cause.message}${gap}Inget skrevs; tidigare utdata är orörd.\n`);
    return EXIT.noBrowser;
  }
  if (cause instanceof InterruptedError) {
    io.err("Avbrutet. Inget skrevs; tidigare utdata är orörd.\n");
    return EXIT.interrupted;
  }
  if (cause instanceof RefusedError) {
    io.err(`fel: ${cause.message}\nInget skrevs.\n`);
    return EXIT.dataErrors;
  }
  const environment = asEnvironmentError(cause);
  if (environment instanceof EnvironmentError) {
    io.err(`fel: ${environment.message}\nInget skrevs; tidigare utdata är orörd.\n`);
    return EXIT.environment;
  }
  return undefined;
}
