import path from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import {
  formatDiagnostic,
  formatGithubAnnotation,
  formatSummary,
  toJsonDiagnostic,
} from "./diagnostics/format.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { DEFAULT_TEMPLATE_DIR, runBuild, runCheck, type PipelineOptions } from "./pipeline/pipeline.js";
import { BrowserNotFoundError, PrintFailedError } from "./print/browser.js";
import { InterruptedError } from "./model/interrupted.js";

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  dataErrors: 1,
  usage: 2,
  /** No browser found, or it failed to start or stopped while printing. */
  noBrowser: 3,
  internal: 70,
  interrupted: 130,
} as const;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value))
    throw new InvalidArgumentError(
      `"${value}" är inget årtal; ange rapportåret med fyra siffror, t.ex. 2024.`,
    );
  const year = Number(value);
  if (year < 2000 || year > 2100) throw new InvalidArgumentError(`${value} ligger utanför 2000–2100.`);
  return year;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65535)
    throw new InvalidArgumentError(`"${value}" är ingen port; ange ett tal 0–65535 (0 väljer en ledig).`);
  return port;
}

/** Commander's help headings and annotations, in Swedish. */
export function translateHelp(text: string): string {
  return text
    .replace(/^Usage:/gm, "Användning:")
    .replace(/^Arguments:/gm, "Argument:")
    .replace(/^Options:/gm, "Flaggor:")
    .replace(/^Commands:/gm, "Kommandon:")
    .replace(/\[options\]/g, "[flaggor]")
    .replace(/\[command\]/g, "[kommando]")
    .replace(/\(default:/g, "(standard:")
    .replace(/\(choices:/g, "(val:");
}

/** Commander speaks English; the tool speaks Swedish. */
export function translateCommanderMessage(message: string): string {
  const rules: [RegExp, (...m: string[]) => string][] = [
    [
      /error: unknown option '([^']+)'(?:\s*\(Did you mean (.+)\?\))?/,
      (_, o, s) => `fel: okänd flagga '${o}'${s ? ` (menade du ${s}?)` : ""}`,
    ],
    [
      /error: unknown command '([^']+)'/,
      (_, c) => `fel: okänt kommando '${c}'; kommandona är build, check, diff, init och preview`,
    ],
    [/error: missing required argument '([^']+)'/, (_, a) => `fel: argumentet <${a}> saknas`],
    [
      /error: too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)\./,
      (_, _c, e, g) => `fel: för många argument (väntade ${e}, fick ${g})`,
    ],
    [/error: option '([^']+)' argument missing/, (_, o) => `fel: flaggan ${o} kräver ett värde`],
    [
      /error: option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./,
      (_, o, v, c) => `fel: ${o} kan inte vara '${v}'; välj ${c}`,
    ],
    [
      /error: command-argument value '([^']*)' is invalid for argument '([^']+)'\. (.*)/s,
      (_, _v, a, why) => `fel: ogiltigt <${a}>: ${why.trim()}`,
    ],
  ];
  for (const [pattern, render] of rules) {
    const m = pattern.exec(message);
    if (m) return `${render(...m)}\n`;
  }
  return message.replace(/^error:/, "fel:");
}

const EXAMPLES = `
Exempel:
  $ report build 2024                 bygger rapporten 2024 (statistikår 2023) till out/2024/rapport.pdf
  $ report check 2024                 kontrollerar data för rapporten 2024 utan att skriva något
  $ report check 2024 --strict        som ovan, men varningar räknas som fel (för CI)
  $ report check 2024 --format github kommentarer på rätt rad i en pull request (GitHub Actions)
  $ report check 2024 --format json   diagnoserna som JSON för andra verktyg
  $ report check 2024 --format github kommentarer på rätt rad i en pull request (GitHub Actions)
  $ report check 2024 --format json   diagnoserna som JSON för andra verktyg
  $ report build 2024 --data ../data --out /tmp/utkast

Slutkoder: 0 klart (varningar tillåtna), 1 fel i data, 2 felaktigt anrop, 3 ingen webbläsare hittades.
`;

function createProgram(
  io: Io,
  run: (kind: "build" | "check", year: number, opts: Record<string, unknown>) => Promise<number>,
) {
  const program = new Command("report")
    .description(
      "Bygger Polismyndighetens lägesrapport om människohandel (14 § förordningen 2022:1718) från datafiler till PDF.\n" +
        "<år> är rapportåret; rapporten redovisar statistikåret före (2024 → 2023).",
    )
    .helpOption("-h, --help", "visa den här hjälpen")
    .helpCommand(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(translateHelp(s)),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(translateCommanderMessage(s)),
    })
    .addHelpText("after", EXAMPLES)
    .showHelpAfterError("(report --help visar hjälpen)");

  const shared = (cmd: Command) =>
    cmd
      .argument("<år>", "rapportåret, 2000–2100", parseYear)
      .addOption(new Option("--data <mapp>", "mappen med datafiler").default("data"))
      .addOption(
        new Option("--out <mapp>", "mappen för utdata; rapporten skrivs till <mapp>/<år>/").default("out"),
      )
      .addOption(new Option("--strict", "varningar räknas som fel").default(false))
      .addHelpText("after", EXAMPLES);

  shared(
    program
      .command("build")
      .description("bygg rapporten: läs, kontrollera, beräkna, fyll i kapitlen och skriv ut PDF"),
  )
    .addOption(new Option("--force", "bygg om även när inget har ändrats sedan förra bygget").default(false))
    .addOption(new Option("--utkast", "skriv UTKAST och dataversionen på varje sida").default(false))
    .addOption(
      new Option("--watch", "bygg om varje gång en datafil eller mall ändras (Ctrl-C avslutar)").default(
        false,
      ),
    )
    .action(async (year: number, opts: Record<string, unknown>) => {
      process.exitCode = await run("build", year, opts);
    });
  shared(
    program
      .command("check")
      .description("läs och kontrollera data och skriv ut diagnoser; inget skrivs till disk"),
  )
    .addOption(
      new Option(
        "--format <format>",
        "text för människor, json för verktyg, github för kommentarer i en pull request",
      )
        .choices(["text", "json", "github"])
        .default("text"),
    )
    .action(async (year: number, opts: Record<string, unknown>) => {
      process.exitCode = await run("check", year, opts);
    });
  program
    .command("init")
    .description("skapa nästa statistikårs datamapp från den senaste, med tomma siffror och en checklista")
    .argument("<år>", "rapportåret som ska förberedas (2026 skapar data/2025/)", parseYear)
    .addOption(new Option("--data <mapp>", "mappen med datafiler").default("data"))
    .action(async (year: number, opts: Record<string, unknown>) => {
      const { initYear } = await import("./init/init-year.js");
      const result = await initYear(String(opts.data), year);
      printDiagnostics(io, result.diagnostics);
      if (result.from === undefined || result.diagnostics.some((d) => d.severity === "fel")) {
        process.exitCode = EXIT.dataErrors;
        return;
      }
      io.out(`Rapport ${year} (statistikår ${year - 1}), utgår från ${result.from}.\n`);
      for (const file of result.created) io.out(`Skapade ${file}\n`);
      for (const file of result.kept) io.out(`Finns redan, orörd: ${file}\n`);
      io.out("\nAtt fylla i:\n");
      for (const item of result.checklist) io.out(`  [ ] ${item}\n`);
      process.exitCode = EXIT.ok;
    });

  program
    .command("preview")
    .description("visa rapporten i webbläsaren och ladda om sidan vid varje sparad ändring (Ctrl-C avslutar)")
    .argument("<år>", "rapportåret, 2000–2100", parseYear)
    .addOption(new Option("--data <mapp>", "mappen med datafiler").default("data"))
    .addOption(
      new Option("--port <n>", "porten på 127.0.0.1 (0 väljer en ledig)").argParser(parsePort).default(4024),
    )
    .action(async (year: number, opts: Record<string, unknown>) => {
      const { runPreview, PreviewListenError } = await import("./preview/command.js");
      try {
        await runPreview(io, year, opts);
        process.exitCode = EXIT.ok;
      } catch (cause) {
        if (!(cause instanceof PreviewListenError)) throw cause;
        io.err(`fel: ${cause.message}\n`);
        process.exitCode = EXIT.usage;
      }
    });

  program
    .command("diff")
    .description("visa vad som ändrats mellan två versioner av rapporten: siffror och text")
    .argument("<a>", "den äldre versionen: en byggmapp (out/2024) eller, med --year, en git-revision")
    .argument("<b>", "den nyare versionen, på samma sätt")
    .addOption(
      new Option(
        "--year <år>",
        "jämför två git-revisioner och bygg rapporten för detta år ur var och en",
      ).argParser(parseYear),
    )
    .addOption(new Option("--data <mapp>", "datamappen i förrådet (med --year)").default("data"))
    .addOption(
      new Option("--format <format>", "text, html (en sida med ändringarna markerade) eller json")
        .choices(["text", "html", "json"])
        .default("text"),
    )
    .addOption(new Option("--till <fil>", "skriv resultatet till en fil i stället för till standard ut"))
    .addHelpText(
      "after",
      `
Exempel:
  $ report diff out/2024 /tmp/gammal/2024                 två byggmappar
  $ report diff HEAD~1 HEAD --year 2024                   två git-revisioner, byggda i tillfälliga mappar
  $ report diff main HEAD --year 2024 --format html --till andringar.html

Slutkoder: 0 inga skillnader, 1 skillnader finns (som diff), 2 fel.
`,
    )
    .action(async (a: string, b: string, opts: Record<string, unknown>) => {
      process.exitCode = await runDiff(io, a, b, opts);
    });
  return program;
}

/**
 * `report build --watch`: builds, then rebuilds whenever something under the data or template
 * directories changes (debounced), until Ctrl-C. Each rebuild reports like a build does.
 */
async function watchBuild(io: Io, options: PipelineOptions): Promise<number> {
  const { watch } = await import("node:fs");
  const { closeRenderCache, createRenderCache } = await import("./pipeline/render-cache.js");
  // One process, one browser: every rebuild reuses the fonts, the charts if the figures are unchanged,
  // and the browser the first build started.
  const cache = createRenderCache();
  const buildOnce = async () => {
    const result = await runBuild({ ...options, force: false, cache });
    if (!result.upToDate) printDiagnostics(io, result.diagnostics);
    io.out(
      result.pdfPath && result.ok ? `${result.pdfPath}\n` : "Bygget misslyckades; väntar på nästa ändring.\n",
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

async function runDiff(io: Io, a: string, b: string, opts: Record<string, unknown>): Promise<number> {
  const { compareVersions } = await import("./diff/compare.js");
  const { formatDiffHtml, formatDiffText } = await import("./diff/format.js");
  const { DiffSourceError, buildRevision, readBuildDirectory } = await import("./diff/versions.js");
  try {
    const year = typeof opts.year === "number" ? opts.year : undefined;
    const load = (source: string) =>
      year === undefined
        ? readBuildDirectory(source)
        : buildRevision(source, year, String(opts.data ?? "data"));
    const [before, after] = await Promise.all([load(a), load(b)]);
    const diff = compareVersions(before, after);
    const labels = { a, b };
    const format = String(opts.format ?? "text");
    const text =
      format === "json"
        ? `${JSON.stringify(diff, null, 2)}\n`
        : format === "html"
          ? formatDiffHtml(diff, labels)
          : formatDiffText(diff, labels);
    if (typeof opts.till === "string") {
      const { writeFile } = await import("node:fs/promises");
      await writeFile(opts.till, text);
      io.out(`${diff.identisk ? "Inga skillnader" : "Skillnader"}; skrev ${opts.till}\n`);
    } else {
      io.out(text);
    }
    return diff.identisk ? 0 : 1;
  } catch (cause) {
    if (cause instanceof DiffSourceError) {
      io.err(`fel: ${cause.message}\n`);
      return EXIT.usage;
    }
    throw cause;
  }
}

const STAGE_NAMES = {
  load: "läsa",
  validate: "kontrollera",
  aggregate: "beräkna",
  render: "rendera",
  print: "skriva ut",
  write: "spara",
} as const;

const formatMs = (ms: number) =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2).replace(".", ",")} s`;

function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.out(`${formatDiagnostic(d)}\n`);
}

async function runCommand(
  io: Io,
  kind: "build" | "check",
  year: number,
  opts: Record<string, unknown>,
): Promise<number> {
  const options: PipelineOptions = {
    rapportar: year,
    dataDir: String(opts.data),
    outDir: String(opts.out),
    strict: opts.strict === true,
    force: opts.force === true,
    utkast: opts.utkast === true,
    log: (line) => io.out(`${line}\n`),
    // One plain line per stage with its time, on a terminal and in CI alike (no spinners).
    onStage: (stage, ms) => io.out(`  ${STAGE_NAMES[stage].padEnd(12)}${formatMs(ms)}\n`),
  };
  const format = String(opts.format ?? "text");
  if (format !== "text") {
    options.log = () => {};
    delete options.onStage;
  } else io.out(`Rapport ${year} (statistikår ${year - 1})\n`);
  try {
    if (kind === "check") {
      const result = await runCheck(options);
      if (format === "json") {
        io.out(`${JSON.stringify(result.diagnostics.map(toJsonDiagnostic), null, 2)}\n`);
      } else if (format === "github") {
        for (const d of result.diagnostics) io.out(`${formatGithubAnnotation(d)}\n`);
        io.out(`${formatSummary(result.diagnostics)}\n`);
      } else {
        printDiagnostics(io, result.diagnostics);
        if (result.avstamningar.length > 0) {
          const differing = result.avstamningar.filter((a) => !a.stammer).length;
          io.out(`\nAvstämning av angivna summor (angivet mot beräknat):\n`);
          for (const a of result.avstamningar) {
            const verdict = a.stammer ? (a.ofullstandig ? "kan stämma" : "stämmer") : "AVVIKER";
            io.out(
              `  ${a.fil}:${a.rad}  ${verdict.padEnd(10)}  ${a.avser}: angivet ${a.angivet}, beräknat ${a.beraknat}${a.ofullstandig ? " (ofullständigt)" : ""}\n`,
            );
          }
          io.out(
            `Avstämning: ${result.avstamningar.length} angivna summor kontrollerade, ${differing} avviker.\n`,
          );
        }
        io.out(`${formatSummary(result.diagnostics)}\n`);
      }
      return result.ok ? EXIT.ok : EXIT.dataErrors;
    }
    if (opts.watch === true) return await watchBuild(io, options);
    // Ctrl-C stops the build cleanly: the browser is closed and nothing is written.
    const controller = new AbortController();
    const abort = () => controller.abort();
    process.on("SIGINT", abort);
    process.on("SIGTERM", abort);
    let result: Awaited<ReturnType<typeof runBuild>>;
    try {
      result = await runBuild({ ...options, signal: controller.signal });
    } finally {
      process.off("SIGINT", abort);
      process.off("SIGTERM", abort);
    }
    if (result.upToDate) {
      io.out(
        `Inget har ändrats sedan förra bygget (manifest.json); ${result.pdfPath} är aktuell. --force bygger om.\n`,
      );
      io.out(`${result.pdfPath}\n`);
      return EXIT.ok;
    }
    printDiagnostics(io, result.diagnostics);
    io.out(`${formatSummary(result.diagnostics)}\n`);
    if (!result.pdfPath) {
      io.out("Inget skrevs; tidigare utdata är orörd.\n");
      return EXIT.dataErrors;
    }
    io.out(`${result.pdfPath}\n`);
    return EXIT.ok;
  } catch (cause) {
    if (cause instanceof BrowserNotFoundError) {
      io.err(`fel: ${cause.message}\n`);
      return EXIT.noBrowser;
    }
    if (cause instanceof PrintFailedError) {
      io.err(`fel: ${cause.message} Inget skrevs; tidigare utdata är orörd.\n`);
      return EXIT.noBrowser;
    }
    if (cause instanceof InterruptedError) {
      io.err("Avbrutet. Inget skrevs; tidigare utdata är orörd.\n");
      return EXIT.interrupted;
    }
    throw cause;
  }
}

/** Runs the command line; returns the exit code. Internal bugs print their stack trace. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  process.exitCode = undefined;
  const program = createProgram(io, (kind, year, opts) => runCommand(io, kind, year, opts));
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync([...argv]);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (cause) {
    if (cause instanceof CommanderError) {
      if (cause.code === "commander.helpDisplayed" || cause.code === "commander.help") return EXIT.ok;
      return EXIT.usage;
    }
    io.err(
      `Internt fel i report (en bugg, inte ett fel i dina data). Rapportera gärna:\n${cause instanceof Error ? cause.stack : String(cause)}\n`,
    );
    return EXIT.internal;
  } finally {
    process.exitCode = undefined;
  }
}
