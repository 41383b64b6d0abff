import { writeFile } from "node:fs/promises";
import { EXIT, type ExitCode, type Io } from "./io.js";

export interface DiffArgs {
  a: string;
  b: string;
  /** With a year, `a` and `b` are git revisions built in temporary folders. */
  year?: number;
  data: string;
  format: "text" | "html" | "json";
  till?: string;
}

/** `report diff`: figures and text between two versions; exit 0 when equal, 1 when they differ (as diff). */
export async function diffCommand(io: Io, args: DiffArgs): Promise<ExitCode> {
  const [
    { compareVersions },
    { formatDiffHtml, formatDiffText },
    { DiffSourceError, buildRevision, readBuildDirectory, removeRevisionExports },
  ] = await Promise.all([
    import("../diff/compare.js"),
    import("../diff/format.js"),
    import("../diff/versions.js"),
  ]);
  // Ctrl-C ends the process at once; the exported revisions go first (the next diff would sweep them).
  const interrupted = () => {
    removeRevisionExports();
    io.err("Avbrutet. De tillfälliga mapparna är borttagna.\n");
    process.exit(EXIT.interrupted);
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const { year } = args;
    const load = (source: string) =>
      year === undefined ? readBuildDirectory(source) : buildRevision(source, year, args.data);
    const [before, after] = await Promise.all([load(args.a), load(args.b)]);
    const diff = compareVersions(before, after);
    const labels = { a: args.a, b: args.b };
    const text =
      args.format === "json"
        ? `${JSON.stringify(diff, null, 2)}\n`
        : args.format === "html"
          ? formatDiffHtml(diff, labels)
          : formatDiffText(diff, labels);
    if (args.till !== undefined) {
      await writeFile(args.till, text);
      io.out(`${diff.identisk ? "Inga skillnader" : "Skillnader"}; skrev ${args.till}\n`);
    } else {
      io.out(text);
    }
    return diff.identisk ? EXIT.ok : EXIT.dataErrors;
  } catch (cause) {
    if (cause instanceof DiffSourceError) {
      io.err(`fel: ${cause.message}\n`);
      return EXIT.usage;
    }
    throw cause;
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
  }
}
