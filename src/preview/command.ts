import { DEFAULT_TEMPLATE_DIR } from "../pipeline/pipeline.js";
import { startPreview } from "./server.js";

export { PreviewListenError } from "./server.js";

/**
 * `report preview <år>`: serves the report until Ctrl-C (SIGINT or SIGTERM), then closes the server
 * and its watchers. Throws PreviewListenError when the port is taken (the CLI exits with 2).
 */
export async function runPreview(
  io: { out: (text: string) => void },
  year: number,
  opts: Record<string, unknown>,
): Promise<void> {
  io.out(`Rapport ${year} (statistikår ${year - 1}): förhandsvisning\n`);
  const preview = await startPreview({
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
}
