import { Command, Option } from "commander";
import { buildCommand } from "./build.js";
import { checkCommand } from "./check.js";
import { diffCommand } from "./diff.js";
import { initCommand } from "./init.js";
import { previewCommand } from "./preview.js";
import type { ExitCode, Io } from "./io.js";
import { SWEDISH_HELP, parsePort, parseYear, translateCommanderMessage } from "./swedish-commander.js";

const EXIT_CODES =
  "Slutkoder: 0 klart (varningar tillåtna), 1 fel i data, 2 felaktigt anrop, 3 ingen webbläsare hittades.";

/** Examples as `--help` prints them after the options: one block per command, each line once. */
const examples = (lines: readonly [string, string][], footer = EXIT_CODES) => {
  // A long example without its own explanation does not widen the column of the others.
  const width = Math.max(...lines.filter(([, what]) => what !== "").map(([cmd]) => cmd.length)) + 2;
  return `\nExempel:\n${lines.map(([cmd, what]) => `  $ ${cmd.padEnd(width)}${what}`.trimEnd()).join("\n")}\n\n${footer}\n`;
};

const EXAMPLES = {
  report: examples([
    ["report build 2024", "bygger rapporten 2024 (statistikår 2023) till out/2024/rapport.pdf"],
    ["report check 2024", "kontrollerar data för rapporten 2024 utan att skriva något"],
    ["report init 2026", "skapar data/2025/ från det senaste året, med en checklista"],
    ["report preview 2024", "visar rapporten i webbläsaren medan du skriver"],
    ["report diff HEAD~1 HEAD --year 2024", "visar vad som ändrats i siffror och text"],
  ]),
  build: examples([
    ["report build 2024", "bygger rapporten 2024 (statistikår 2023) till out/2024/rapport.pdf"],
    ["report build 2024 --utkast", "som ovan, med UTKAST och dataversionen på varje sida"],
    ["report build 2024 --watch", "bygger om vid varje ändring i data eller mallar"],
    ["report build 2024 --data ../data --out /tmp/utkast", ""],
  ]),
  check: examples([
    ["report check 2024", "kontrollerar data för rapporten 2024 utan att skriva något"],
    ["report check 2024 --strict", "som ovan, men varningar räknas som fel (för CI)"],
    ["report check 2024 --format github", "kommentarer på rätt rad i en pull request (GitHub Actions)"],
    ["report check 2024 --format json", "diagnoserna som JSON för andra verktyg"],
    ["report check 2024 --verbose", "visar också varje läst fil och varje angiven summa som stämmer"],
  ]),
  init: examples(
    [["report init 2026", "skapar data/2025/ från det senaste året (data/2024/), med en checklista"]],
    "Slutkoder: 0 klart, 1 fel i data (inget år att utgå från), 2 felaktigt anrop.",
  ),
  preview: examples(
    [
      ["report preview 2024", "rapporten på http://127.0.0.1:4024/, omladdad vid varje sparad ändring"],
      ["report preview 2024 --port 0", "som ovan, på en ledig port"],
    ],
    "Slutkoder: 0 avslutad med Ctrl-C, 2 felaktigt anrop eller upptagen port.",
  ),
  diff: examples(
    [
      ["report diff out/2024 /tmp/gammal/2024", "två byggmappar"],
      ["report diff HEAD~1 HEAD --year 2024", "två git-revisioner, byggda i tillfälliga mappar"],
      ["report diff main HEAD --year 2024 --format html --till andringar.html", ""],
    ],
    "Slutkoder: 0 inga skillnader, 1 skillnader finns (som diff), 2 fel.",
  ),
} as const;

const yearArgument = (cmd: Command, description = "rapportåret, 2000–2100") =>
  cmd.argument("<år>", description, parseYear);
const dataOption = () => new Option("--data <mapp>", "mappen med datafiler").default("data");
const strictOption = () => new Option("--strict", "varningar räknas som fel").default(false);
const verboseOption = (what: string) => new Option("--verbose", `visa också ${what}`).default(false);

/**
 * The command line: one subcommand per module in this folder. Each action returns its exit code to
 * `onExit` rather than setting `process.exitCode`.
 */
export function createProgram(io: Io, onExit: (code: ExitCode) => void): Command {
  const program = new Command("report");
  const commandNames = () => program.commands.map((c) => c.name());
  program
    .description(
      "Bygger Polismyndighetens lägesrapport om människohandel (14 § förordningen 2022:1718) från datafiler till PDF.\n" +
        "<år> är rapportåret; rapporten redovisar statistikåret före (2024 → 2023).",
    )
    .helpOption("-h, --help", "visa den här hjälpen")
    .helpCommand(false)
    .configureHelp(SWEDISH_HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(translateCommanderMessage(s, commandNames())),
    })
    .addHelpText("after", EXAMPLES.report)
    .showHelpAfterError("(report --help visar hjälpen)");

  yearArgument(
    program
      .command("build")
      .description("bygg rapporten: läs, kontrollera, beräkna, fyll i kapitlen och skriv ut PDF"),
  )
    .addOption(dataOption())
    .addOption(
      new Option("--out <mapp>", "mappen för utdata; rapporten skrivs till <mapp>/<år>/").default("out"),
    )
    .addOption(strictOption())
    .addOption(new Option("--force", "bygg om även när inget har ändrats sedan förra bygget").default(false))
    .addOption(new Option("--utkast", "skriv UTKAST och dataversionen på varje sida").default(false))
    .addOption(
      new Option("--watch", "bygg om varje gång en datafil eller mall ändras (Ctrl-C avslutar)").default(
        false,
      ),
    )
    .addOption(verboseOption("varje läst fil och webbläsaren som skrev ut"))
    .addHelpText("after", EXAMPLES.build)
    .action(async (year: number, opts: Omit<Parameters<typeof buildCommand>[1], "year">) =>
      onExit(await buildCommand(io, { ...opts, year })),
    );

  yearArgument(
    program
      .command("check")
      .description("läs och kontrollera data och skriv ut diagnoser; inget skrivs till disk"),
  )
    .addOption(dataOption())
    .addOption(strictOption())
    .addOption(
      new Option(
        "--format <format>",
        "text för människor, json för verktyg, github för kommentarer i en pull request",
      )
        .choices(["text", "json", "github"])
        .default("text"),
    )
    .addOption(verboseOption("varje läst fil och varje angiven summa som stämmer"))
    .addHelpText("after", EXAMPLES.check)
    .action(async (year: number, opts: Omit<Parameters<typeof checkCommand>[1], "year">) =>
      onExit(await checkCommand(io, { ...opts, year })),
    );

  yearArgument(
    program
      .command("init")
      .description("skapa nästa statistikårs datamapp från den senaste, med tomma siffror och en checklista"),
    "rapportåret som ska förberedas (2026 skapar data/2025/)",
  )
    .addOption(dataOption())
    .addHelpText("after", EXAMPLES.init)
    .action(async (year: number, opts: { data: string }) => onExit(await initCommand(io, { ...opts, year })));

  yearArgument(
    program
      .command("preview")
      .description(
        "visa rapporten i webbläsaren och ladda om sidan vid varje sparad ändring (Ctrl-C avslutar)",
      ),
  )
    .addOption(dataOption())
    .addOption(
      new Option("--port <n>", "porten på 127.0.0.1 (0 väljer en ledig)").argParser(parsePort).default(4024),
    )
    .addHelpText("after", EXAMPLES.preview)
    .action(async (year: number, opts: { data: string; port: number }) =>
      onExit(await previewCommand(io, { ...opts, year })),
    );

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
    .addHelpText("after", EXAMPLES.diff)
    .action(async (a: string, b: string, opts: Omit<Parameters<typeof diffCommand>[1], "a" | "b">) =>
      onExit(await diffCommand(io, { ...opts, a, b })),
    );
  return program;
}
