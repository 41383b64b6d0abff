import { EXIT, type ExitCode, type Io } from "./io.js";

export interface PreviewArgs {
  year: number;
  data: string;
  port: number;
}

/** `report preview`: the report on 127.0.0.1 until Ctrl-C; exit 2 when the port is taken. */
export async function previewCommand(io: Io, args: PreviewArgs): Promise<ExitCode> {
  const { runPreview, PreviewListenError } = await import("../preview/command.js");
  try {
    await runPreview(io, args.year, { data: args.data, port: args.port });
    return EXIT.ok;
  } catch (cause) {
    if (!(cause instanceof PreviewListenError)) throw cause;
    io.err(`fel: ${cause.message}\n`);
    return EXIT.usage;
  }
}
