// README's performance section, generated from bench/results.json (never typed): `npm run bench` calls
// updateReadme after measuring, and a test checks that README.md holds exactly what this generates.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { format, resolveConfig } from "prettier";

export const START = "<!-- prestanda: genereras av bench/readme-table.mjs ur bench/results.json -->";
export const END = "<!-- /prestanda -->";

const plain = (text) => text.replace(/[\u00a0\u202f]/g, " ");
/** Swedish numbers: space between thousands, decimal comma, two significant decimals below 10. */
export const formatNumber = (n) =>
  plain(
    n >= 100
      ? Math.round(n).toLocaleString("sv-SE")
      : n.toLocaleString("sv-SE", { maximumFractionDigits: n >= 10 ? 1 : 2 }),
  );
const unit = (enhet) => (enhet === "×" ? "×" : ` ${enhet}`);
const goalWord = (m) => (m.enhet === "×" ? "≤" : "<");

function goal(m) {
  if (m.mal === undefined) return "";
  const target = `${goalWord(m)} ${formatNumber(m.mal)}${unit(m.enhet)}`;
  return m.uppfyllt
    ? `${target}: uppfyllt`
    : `${target}: **missat** (${formatNumber(m.median / m.mal)}× målet)`;
}

/** The machine's load average during the run, where recorded: on a shared machine it explains a lot. */
const load = (maskin) =>
  maskin.belastning
    ? `, med belastningen (load average, 1 min) ${formatNumber(maskin.belastning.fore)} före och ${formatNumber(maskin.belastning.efter)} efter mätningen`
    : "";

/** The section between the markers, as Markdown (before Prettier). */
export function performanceSection(results) {
  const { maskin } = results;
  const rows = results.matt.map((m) => {
    const spread = m.min !== undefined ? ` (${formatNumber(m.min)}–${formatNumber(m.max)})` : "";
    return `| ${m.namn.trim()} | ${formatNumber(m.median)}${unit(m.enhet)}${spread} | ${goal(m)} |`;
  });
  const withGoal = results.matt.filter((m) => m.mal !== undefined);
  const met = withGoal.filter((m) => m.uppfyllt).map((m) => m.namn.trim());
  const missed = withGoal.filter((m) => !m.uppfyllt).map((m) => m.namn.trim());
  return [
    START,
    "",
    `Senaste mätningen (${results.datum}) på ${maskin.cpu}, ${maskin.karnor} kärnor, ${maskin.minneGiB} GiB, ${maskin.os}, Node ${maskin.node.replace(/^v/, "")}, ${maskin.chromium}; median och spridning över ${results.korningar} körningar${load(maskin)}:`,
    "",
    "| Mått | Median (spridning) | Mål |",
    "| --- | --- | --- |",
    ...rows,
    "",
    `Uppfyllda mål (${met.length} av ${withGoal.length}): ${met.join("; ") || "inga"}.`,
    "",
    `Missade mål: ${missed.join("; ") || "inga"}.`,
    "",
    END,
  ].join("\n");
}

/** The section formatted as the README is (Prettier), so that `prettier --check` and the test agree. */
export async function formattedSection(root) {
  const results = JSON.parse(readFileSync(path.join(root, "bench/results.json"), "utf8"));
  const readme = path.join(root, "README.md");
  const options = { ...(await resolveConfig(readme)), filepath: readme };
  return (await format(performanceSection(results), options)).trimEnd();
}

/** The section as README.md holds it now, or undefined if the markers are missing. */
export function currentSection(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  return start < 0 || end < start ? undefined : readme.slice(start, end + END.length);
}

export async function updateReadme(root) {
  const file = path.join(root, "README.md");
  const readme = readFileSync(file, "utf8");
  const current = currentSection(readme);
  if (current === undefined) throw new Error(`README.md saknar markeringarna ${START} … ${END}`);
  writeFileSync(file, readme.replace(current, await formattedSection(root)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await updateReadme(path.resolve(path.dirname(new URL(import.meta.url).pathname), ".."));
}
