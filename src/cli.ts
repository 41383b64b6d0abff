/**
 * The command line's entry point: parses the arguments, runs one command (each is a module in `cli/`)
 * and turns its result into an exit code. Internal bugs print their stack trace.
 */
import { CommanderError } from "commander";
import { EXIT, defaultIo, type ExitCode, type Io } from "./cli/io.js";
import { createProgram } from "./cli/program.js";
import { reportKnownFailure } from "./cli/signals.js";

export { EXIT, type Io };

/** Runs the command line; returns the exit code. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let exitCode: ExitCode = EXIT.ok;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (cause) {
    if (cause instanceof CommanderError) {
      if (cause.code === "commander.helpDisplayed" || cause.code === "commander.help") return EXIT.ok;
      return EXIT.usage;
    }
    const known = reportKnownFailure(io, cause);
    if (known !== undefined) return known;
    io.err(
      `Internt fel i report (en bugg, inte ett fel i dina data). Rapportera gärna:\n${cause instanceof Error ? cause.stack : String(cause)}\n`,
    );
    return EXIT.internal;
  }
}
