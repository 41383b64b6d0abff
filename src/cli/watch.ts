import { watch } from "node:fs";
import path from "node:path";
import { DEFAULT_TEMPLATE_DIR, runBuild, type PipelineOptions } from "../pipeline/pipeline.js";
import { EXIT, type ExitCode, type Io } from "./io.js";
import { printDiagnostics } from "./report-output.js";

/**
 * `report build --watch`: builds, then rebuilds whenever something under the data or template
 * directories changes (debounced), until Ctrl-C. Each rebuild reports like a build does.
 */
export async function watchBuild(io: Io, options: PipelineOptions): Promise<ExitCode> {
  const { closeRenderCache, createRenderCache } = await import("../pipeline/render-cache.js");
  // One process, one browser: every rebuild reuses the fonts, the charts if the figures are unchanged,
  // and the browser the first build started.
  const cache = createRenderCache();
  const buildOnce = async () => {
    const result = await runBuild({ ...options, force: false, cache });
    if (result.status !== "upToDate") printDiagnostics(io, result.diagnostics);
    io.out(
      result.status === "failed" ? "Bygget misslyckades; väntar på nästa ändring.\n" : `${result.pdfPath}\n`,
    );
  };
  await buildOnce();
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let running = Promise.resolve();
    const changed = new Set<string>();
    const onChange = (root: string) => (_event: string, name: string | Buffer | null) => {
      if (name) changed.add(path.join(root, String(name)));
      clearTimeout(timer);
      timer = setTimeout(() => {
        const files = [...changed];
        changed.clear();
        running = running.then(async () => {
          io.out(`Ändrat: ${files.join(", ")}; bygger om …\n`);
          await buildOnce().catch((error: unknown) =>
            io.err(`fel: ${error instanceof Error ? error.message : String(error)}\n`),
          );
        });
      }, 50);
    };
    const watchers = [options.dataDir, options.templateDir ?? DEFAULT_TEMPLATE_DIR].map((dir) =>
      watch(dir, { recursive: true }, onChange(dir)),
    );
    // Only now, with the watchers in place, is every change seen.
    io.out(`Bevakar ${options.dataDir} och mallarna; Ctrl-C avslutar.\n`);
    const stop = () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void running.then(() => closeRenderCache(cache)).then(() => resolve(EXIT.ok));
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
