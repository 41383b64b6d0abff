import { Help, InvalidArgumentError, type Argument, type HelpConfiguration, type Option } from "commander";

/** `<år>`: a report year with four digits, 2000–2100. */
export function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value))
    throw new InvalidArgumentError(
      `"${value}" är inget årtal; ange rapportåret med fyra siffror, t.ex. 2024.`,
    );
  const year = Number(value);
  if (year < 2000 || year > 2100) throw new InvalidArgumentError(`${value} ligger utanför 2000–2100.`);
  return year;
}

/** `--port`: a TCP port, 0 for any free one. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65535)
    throw new InvalidArgumentError(`"${value}" är ingen port; ange ett tal 0–65535 (0 väljer en ledig).`);
  return port;
}

const TITLES: Record<string, string> = {
  "Usage:": "Användning:",
  "Arguments:": "Argument:",
  "Options:": "Flaggor:",
  "Global Options:": "Globala flaggor:",
  "Commands:": "Kommandon:",
};

const swedishUsage = (usage: string) =>
  usage.replace("[options]", "[flaggor]").replace("[command]", "[kommando]");

/** Choices and default in Swedish: `(val: "text", "json"; standard: "text")`. */
function annotate(
  description: string,
  choices: readonly string[] | undefined,
  defaultText: string | undefined,
) {
  const extra = [
    ...(choices ? [`val: ${choices.map((c) => JSON.stringify(c)).join(", ")}`] : []),
    ...(defaultText !== undefined ? [`standard: ${defaultText}`] : []),
  ];
  return extra.length ? `${description} (${extra.join("; ")})` : description;
}

const defaultOf = (o: Option | Argument) =>
  o.defaultValue === undefined ? undefined : (o.defaultValueDescription ?? JSON.stringify(o.defaultValue));

/**
 * Commander's help with Swedish headings and annotations. The texts are produced in Swedish rather than
 * translated after wrapping, so a line break can never split a phrase that a pattern would look for.
 * Subcommands inherit this configuration.
 */
export const SWEDISH_HELP: HelpConfiguration = {
  styleTitle: (title) => TITLES[title] ?? title,
  commandUsage: (cmd) => swedishUsage(Help.prototype.commandUsage.call(new Help(), cmd)),
  subcommandTerm: (cmd) => swedishUsage(Help.prototype.subcommandTerm.call(new Help(), cmd)),
  optionDescription: (option) =>
    annotate(
      option.description,
      option.argChoices,
      // A boolean flag's default (false) says nothing a reader needs.
      option.negate || typeof option.defaultValue === "boolean" ? undefined : defaultOf(option),
    ),
  argumentDescription: (argument) => annotate(argument.description, argument.argChoices, defaultOf(argument)),
};

/** Commander speaks English; the tool speaks Swedish. `commands` are the names `report` knows. */
export function translateCommanderMessage(message: string, commands: readonly string[]): string {
  const known =
    commands.length > 1 ? `${commands.slice(0, -1).join(", ")} och ${commands.at(-1)}` : commands[0];
  const rules: [RegExp, (...m: string[]) => string][] = [
    [
      /error: unknown option '([^']+)'(?:\s*\(Did you mean (.+)\?\))?/,
      (_, o, s) => `fel: okänd flagga '${o}'${s ? ` (menade du ${s}?)` : ""}`,
    ],
    [
      /error: unknown command '([^']+)'(?:\s*\(Did you mean (?:one of )?(.+)\?\))?/,
      (_, c, s) => `fel: okänt kommando '${c}'${s ? ` (menade du ${s}?)` : ""}; kommandona är ${known}`,
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
