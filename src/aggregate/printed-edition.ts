import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { AnmaldaBrottTabell, TrycktUppgift } from "../model/types.js";

/**
 * Holds what the printed edition stated against the data: where it contradicts Brå's table, the table
 * wins and the contradiction is a warning; where it shows a figure whose data the project lacks, the
 * rebuilt report leaves it out, and says so here rather than inventing values.
 */
export function comparePrintedEdition(
  file: string,
  uppgifter: readonly TrycktUppgift[],
  table: AnmaldaBrottTabell,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const where = (u: TrycktUppgift) => (u.sida ? ` (tryckta utgåvan, ${u.sida})` : " (tryckta utgåvan)");
  for (const u of uppgifter) {
    if (u.angivet === null || u.brottskoder.length === 0) {
      diagnostics.push({
        code: "W_TRYCKT_UTAN_DATA",
        severity: "varning",
        file,
        line: u.rad,
        message:
          `${u.uppgift}${where(u)}: underlaget saknar data för detta, så rapporten utelämnar det ` +
          "i stället för att hitta på värden. Lägg in uppgifterna med källa för att ta med det.",
      });
      continue;
    }
    const rows = table.rader.filter((r) => u.brottskoder.includes(r.brottskod));
    const parts = rows.map((r) => ({
      kod: r.brottskod,
      antal: Object.values(r.perRegion).reduce<number>((acc, n) => acc + (n ?? 0), 0),
    }));
    const computed = parts.reduce((acc, p) => acc + p.antal, 0);
    if (computed === u.angivet) continue;
    diagnostics.push({
      code: "W_TRYCKT_AVVIKER",
      severity: "varning",
      file,
      line: u.rad,
      found: String(u.angivet),
      expected: String(computed),
      message:
        `${u.uppgift}${where(u)}: den tryckta utgåvan anger ${u.angivet}, men dess egen tabell ger ` +
        `${computed} (${parts.map((p) => `${p.kod}: ${p.antal}`).join(", ")}). Rapporten följer tabellen.` +
        (u.anmarkning ? ` ${u.anmarkning}` : ""),
    });
  }
  return diagnostics;
}
