import { DEFAULT_TEMPLATE_DIR } from "../build/pipeline.js";
import { EXIT, type Io } from "../cli.js";
import { PreviewListenError, startPreview } from "./server.js";

/** `report preview <år>`: serves the report until Ctrl-C; exit 0 then, 2 if the port is taken. */
export async function runPreviewCommand(
  io: Io,
  year: number,
  opts: Record<string, unknown>,
): Promise<number> {
  io.out(`Rapport ${year} (statistikår ${year - 1}): förhandsvisning\n`);
  let preview: Awaited<ReturnType<typeof startPreview>>;
  try {
    preview = await startPreview({
      pipeline: {
        rapportar: year,
        dataDir: String(opts.data),
        outDir: "out",
        templateDir: DEFAULT_TEMPLATE_DIR,
        strict: false,
        log: () => {},
      },
      port: Number(opts.port),
      log: (line) => io.out(`${line}\n`),
    });
  } catch (cause) {
    if (cause instanceof PreviewListenError) {
      io.err(`fel: ${cause.message}\n`);
      return EXIT.usage;
    }
    throw cause;
  }
  io.out(`Förhandsvisningen: ${preview.url}  (sidvy: ${preview.url}?vy=sidor)\n`);
  io.out(`Bevakar ${String(opts.data)} och mallarna; Ctrl-C avslutar.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await preview.close();
  io.out("Förhandsvisningen avslutad.\n");
  return EXIT.ok;
}
