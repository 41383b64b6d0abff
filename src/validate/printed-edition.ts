import type { Diagnostic, DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { KeyFigures } from "../model/key-figures.js";
import type { LoadedTable } from "../model/tables.js";
import type { AnmaldaBrottTabell, Brottskod, SerieAr, TrycktTerm, TrycktUppgift } from "../model/types.js";
import type { KeyFigureSource } from "../sources/key-figure-source.js";
import type { SeriesSource } from "../sources/series-source.js";
import { trycktUtgava } from "../sources/tryckt-utgava.js";
import { NO_SCHEMA_CONTEXT } from "../sources/year-file-source.js";
import { at, lineOfYear, rowTotal } from "./conflicts.js";
import { validateRecords } from "./reference-tables.js";

/** The key-figure and series sources whose figures a printed statement may be held against. */
export interface FigureSources {
  keyFigures: readonly KeyFigureSource[];
  series: readonly SeriesSource[];
}

/** Each file's keys (key figures) or value columns (series), by the file name the data folder uses. */
const figuresByFile = ({ keyFigures, series }: FigureSources) =>
  new Map<string, ReadonlySet<string>>([
    ...keyFigures.map((s) => [s.file, new Set(Object.keys(s.schema.shape))] as const),
    ...series.map((s) => [s.file, new Set(Object.keys(s.values.shape))] as const),
  ]);

/**
 * `data/<år>/tryckt-utgava.csv`: what an already printed edition of the report says that the data can
 * check (`uppgift;angivet;underlag;villkor;sida;anmärkning`). A row with an `underlag` states a number
 * that those figures of ours (rows of Brå's table, key figures, series values) must sum to (or, with
 * `villkor` `högst`, must not exceed); a row without
 * is a figure or table the printed edition shows whose data the project does not have. Optional: only
 * an edition that was printed by hand before this tool has one.
 */
export function validatePrintedEdition(
  table: LoadedTable,
  brottskoder: readonly Brottskod[],
  figureSources: FigureSources,
  sink: DiagnosticSink,
): TrycktUppgift[] | undefined {
  const schema = trycktUtgava.schema({
    brottskoder: new Set(brottskoder.map((b) => b.kod)),
    datakallaDatasets: NO_SCHEMA_CONTEXT.datakallaDatasets,
    figurer: figuresByFile(figureSources),
  });
  const records = validateRecords(table, trycktUtgava.columns, schema, sink);
  return records?.map(({ line, value }) => ({ rad: line, ...value }));
}

export interface PrintedEditionData extends FigureSources {
  statistikar: number;
  anmaldaBrott: AnmaldaBrottTabell;
  nyckeltal: Partial<Record<string, KeyFigures<Record<string, unknown>>>>;
  nyckeltalFiler: Partial<Record<string, string>>;
  serier: Partial<Record<string, SerieAr[]>>;
  serieTabeller: Partial<Record<string, LoadedTable>>;
}

/** A figure of ours as a statement is held against it: its value (null: not known) and its place. */
interface Figure {
  namn: string;
  varde: number | null;
  plats: string;
}

function figureOf(term: TrycktTerm, data: PrintedEditionData): Figure {
  if (term.kind === "brottskod") {
    const row = data.anmaldaBrott.rader.find((r) => r.brottskod === term.kod);
    // A code without a row counts no reported offences, as in Brå's exports.
    const plats = row ? at(data.anmaldaBrott.file, row.line) : `${data.anmaldaBrott.file} (ingen rad: noll)`;
    return { namn: term.kod, varde: rowTotal(row), plats };
  }
  if (term.kind === "nyckeltal") {
    const source = data.keyFigures.find((s) => s.file === term.fil)!;
    const figures = data.nyckeltal[source.id];
    const file = data.nyckeltalFiler[source.id] ?? term.fil;
    const value = figures?.varden[term.nyckel];
    return {
      namn: term.nyckel,
      varde: typeof value === "number" ? value : null,
      plats: at(file, figures?.rader[term.nyckel]),
    };
  }
  const source = data.series.find((s) => s.file === term.fil)!;
  const ar = term.ar ?? data.statistikar;
  const table = data.serieTabeller[source.id];
  const value = data.serier[source.id]?.find((y) => y.ar === ar)?.varden[term.kolumn];
  return {
    namn: `${term.kolumn} ${ar}`,
    varde: typeof value === "number" ? value : null,
    plats: at(table?.file ?? term.fil, lineOfYear(table, ar)),
  };
}

/**
 * Holds what the printed edition stated against our data: where it contradicts it, the report follows
 * the data and the contradiction is a warning naming both places (the printed statement's row and each
 * figure's file and line); where it shows a figure whose data we lack, the report leaves it out, and
 * says so here rather than inventing values.
 */
export function comparePrintedEdition(
  file: string,
  uppgifter: readonly TrycktUppgift[],
  data: PrintedEditionData,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const where = (u: TrycktUppgift) => (u.sida ? ` (tryckta utgåvan, ${u.sida})` : " (tryckta utgåvan)");
  const note = (u: TrycktUppgift) => (u.anmarkning ? ` ${u.anmarkning}` : "");
  for (const u of uppgifter) {
    const figures = u.underlag.map((t) => figureOf(t, data));
    const unknown = figures.filter((f) => f.varde === null);
    if (u.angivet === null || figures.length === 0 || unknown.length > 0) {
      const lacking =
        unknown.length > 0
          ? `uppgiften saknas i data (${unknown.map((f) => `${f.namn}, ${f.plats}`).join("; ")})`
          : "underlaget saknar data för detta";
      diagnostics.push({
        code: "W_TRYCKT_UTAN_DATA",
        severity: "varning",
        file,
        line: u.rad,
        message:
          `${u.uppgift}${where(u)}: ${lacking}, så rapporten utelämnar det i stället för att hitta på ` +
          `värden. Lägg in uppgifterna med källa för att ta med det.${note(u)}`,
      });
      continue;
    }
    const computed = figures.reduce((sum, f) => sum + f.varde!, 0);
    if (u.villkor === "lika" ? computed === u.angivet : u.angivet <= computed) continue;
    const relation =
      u.villkor === "lika"
        ? `men data ger ${computed}`
        : `men det kan inte vara fler än de ${computed} som data ger`;
    diagnostics.push({
      code: "W_TRYCKT_AVVIKER",
      severity: "varning",
      file,
      line: u.rad,
      found: String(u.angivet),
      expected: u.villkor === "lika" ? String(computed) : `högst ${computed}`,
      message:
        `${u.uppgift}${where(u)}: den tryckta utgåvan anger ${u.angivet}, ${relation} ` +
        `(${figures.map((f) => `${f.namn} ${f.varde} i ${f.plats}`).join(" + ")}). Rapporten följer data.` +
        note(u),
    });
  }
  return diagnostics;
}
