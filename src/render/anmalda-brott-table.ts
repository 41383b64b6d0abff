import type { AnmaldaBrottFigurer, Summa } from "../aggregate/anmalda-brott.js";
import { markdownText } from "./markdown-text.js";
import { renderMarkdownTable } from "./markdown-table.js";
import { formatChangeCell, formatCount, formatNumber } from "./swedish.js";

/** A computed sum; `≥` marks one that lacks a missing part (it is then a lower bound). */
const formatSum = (s: Summa) => (s.ofullstandig ? `≥${formatNumber(s.totalt)}` : formatNumber(s.totalt));

/**
 * Whether any change against the previous year can be shown: a column of nothing but `..` is left out,
 * and the text says why.
 */
export function hasChangeColumn(figures: AnmaldaBrottFigurer): boolean {
  return [...figures.rader, ...figures.grupper, figures.summa].some((f) => f.forandringProcent !== null);
}

/**
 * The regional table of §4.2 with computed subtotals and grand total (never the stated ones) and the
 * change against the previous year per row, group and in total.
 */
export function anmaldaBrottTable(figures: AnmaldaBrottFigurer): string {
  const { regioner } = figures;
  const change = hasChangeColumn(figures);
  const header = [
    "Brottskodsgrupp / brott",
    ...regioner.map(markdownText),
    "Totalt",
    ...(change ? [`Förändring mot ${figures.jamforelseAr}`] : []),
  ];
  const align = header.map((_, i) => (i === 0 ? "left" : "right") as "left" | "right");
  const blank = () => regioner.map(() => "");
  const rows: string[][] = [];
  for (const group of figures.grupper) {
    rows.push([`**${markdownText(group.grupp)}**`, ...blank(), "", ...(change ? [""] : [])]);
    for (const row of figures.rader.filter((r) => r.grupp === group.grupp)) {
      rows.push([
        markdownText(row.brottskodstext),
        ...regioner.map((r) => formatCount(row.perRegion[r])),
        formatSum(row),
        ...(change ? [formatChangeCell(row.forandringProcent)] : []),
      ]);
    }
    rows.push([
      `*Delsumma ${markdownText(group.grupp.toLowerCase())}*`,
      ...regioner.map((r) =>
        formatSum({ totalt: group.perRegion[r] ?? 0, ofullstandig: group.ofullstandigaRegioner.includes(r) }),
      ),
      formatSum(group),
      ...(change ? [formatChangeCell(group.forandringProcent)] : []),
    ]);
  }
  const total = figures.summa;
  rows.push([
    "**Totalsumma**",
    ...regioner.map((r) =>
      formatSum({ totalt: total.perRegion[r] ?? 0, ofullstandig: total.ofullstandigaRegioner.includes(r) }),
    ),
    `**${formatSum(total)}**`,
    ...(change ? [formatChangeCell(total.forandringProcent)] : []),
  ]);
  return renderMarkdownTable({ header, align, rows });
}

/**
 * Changes for the groups that compare across a recoding: this year's codes against last year's, with
 * the codes on both sides so a reader can follow the mapping.
 */
export function comparableGroupsTable(figures: AnmaldaBrottFigurer): string {
  const year = figures.statistikar;
  const before = figures.jamforelseAr;
  const rows = figures.jamforbaraGrupper
    .filter((g) => g.omkodad)
    .map((g) => [
      markdownText(g.benamning),
      markdownText(g.koder.join(", ")),
      formatSum(g),
      markdownText(g.koderForegaendeAr.join(", ")),
      g.foregaendeAr === null ? ".." : formatNumber(g.foregaendeAr),
      formatChangeCell(g.forandringProcent),
    ]);
  return renderMarkdownTable({
    header: [
      "Jämförbar grupp",
      `Koder ${year}`,
      String(year),
      `Koder ${before}`,
      String(before),
      "Förändring",
    ],
    align: ["left", "left", "right", "left", "right", "right"],
    rows,
  });
}
