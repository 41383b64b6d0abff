import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { LoadedTable } from "../model/tables.js";
import type { AnmaldaBrottRad, AnmaldaBrottTabell, Brottskod } from "../model/types.js";
import type { AnmaldaBrottContext } from "./anmalda-brott.js";
import { cellOf, locateColumns, normaliseHeader, placeOf, type ColumnSpec } from "./columns.js";
import { parseCount } from "../model/counts.js";
import { isValidIn } from "../model/report-year.js";

type Key = "kod" | "region" | "antal" | "ar";

const COLUMNS: ColumnSpec<Key>[] = [
  { key: "kod", header: "brottskod", required: true },
  { key: "region", header: "polisregion", required: true },
  { key: "antal", header: "antal", required: true },
  { key: "ar", header: "år", required: false },
];

/** Whether a table's header is Brå's long export (`brottskod;polisregion;antal`) rather than the wide table. */
export function isLongExport(table: LoadedTable): boolean {
  const headers = new Set(table.header.cells.map(normaliseHeader));
  return headers.has("brottskod") && headers.has("polisregion") && headers.has("antal");
}

export interface LongExportYears {
  /** This statistics year's table. */
  current?: AnmaldaBrottTabell;
  /** The previous year's table, where the export also holds that year. */
  previous?: AnmaldaBrottTabell;
}

/**
 * Reads Brå's long export: one row per code, police region and (optionally) year, codes as text with
 * their leading zeros. A code–region cell that is absent counts as zero, as in Brå's exports; a code
 * with no row at all is not part of the table. Several years may stand in one file: the statistics
 * year is the table, the year before it (if present) the comparison.
 */
export function validateLongExport(
  table: LoadedTable,
  context: AnmaldaBrottContext,
  sink: DiagnosticSink,
): LongExportYears | undefined {
  const columns = locateColumns(table.header, COLUMNS, sink);
  if (!columns) return undefined;
  const regionByName = new Map<string, string>();
  for (const r of context.regioner)
    for (const name of [r.namn, ...r.alias]) regionByName.set(normaliseHeader(name), r.namn);
  const codes = new Map(context.brottskoder.map((b) => [b.kod, b]));
  const hasYear = columns.index.has("ar");
  const years = new Map<
    number,
    Map<string, { code: Brottskod; line: number; perRegion: Map<string, number | null> }>
  >();

  for (const record of table.records) {
    if (record.cells.every((c) => c.trim() === "")) continue;
    const kod = cellOf(record, columns, "kod");
    const regionText = cellOf(record, columns, "region");
    const antalText = cellOf(record, columns, "antal");
    const yearText = hasYear ? cellOf(record, columns, "ar") : String(context.statistikar);

    if (!/^\d{4}$/.test(yearText)) {
      sink.error({
        code: "E_AR_OGILTIGT",
        line: record.line,
        ...placeOf(columns, "ar"),
        found: yearText,
        expected: "ett årtal med fyra siffror",
        message: `Väntade ett årtal med fyra siffror; fann "${yearText}".`,
      });
      continue;
    }
    const year = Number(yearText);
    if (year !== context.statistikar && year !== context.statistikar - 1) continue; // other years are not this report's

    if (!/^\d{4}$/.test(kod)) {
      sink.error({
        code: "E_BROTTSKOD_FORMAT",
        line: record.line,
        ...placeOf(columns, "kod"),
        found: kod,
        expected: "en brottskod med fyra siffror, som text med inledande nollor (0418)",
        message: /^\d{1,3}$/.test(kod)
          ? `Brottskoden "${kod}" har tappat sina inledande nollor (kalkylbladet har gjort den till ett tal). Spara kolumnen som text: ${kod.padStart(4, "0")}.`
          : `Väntade en brottskod med fyra siffror; fann "${kod}".`,
      });
      continue;
    }
    const code = codes.get(kod);
    if (!code) {
      sink.error({
        code: "E_OKAND_BROTTSKOD",
        line: record.line,
        ...placeOf(columns, "kod"),
        found: kod,
        expected: "en brottskod i data/brottskoder.csv",
        message: `Brottskoden ${kod} finns inte i katalogen över brottskoder.`,
      });
      continue;
    }
    if (!isValidIn(code, year)) {
      sink.error({
        code: "E_KOD_EJ_GILTIG",
        line: record.line,
        ...placeOf(columns, "kod"),
        found: kod,
        expected: `en brottskod som gäller statistikåret ${year}`,
        message: `Brottskoden ${kod} (${code.benamning}) gäller inte statistikåret ${year}.`,
      });
      continue;
    }
    const region = regionByName.get(normaliseHeader(regionText));
    if (!region) {
      sink.error({
        code: "E_OKAND_REGION",
        line: record.line,
        ...placeOf(columns, "region"),
        found: regionText,
        expected: context.regioner.map((r) => r.namn).join(", "),
        message: `Okänd polisregion "${regionText}"; väntade en av ${context.regioner.map((r) => r.namn).join(", ")}.`,
      });
      continue;
    }
    const parsed = parseCount(antalText);
    if (!parsed.ok || antalText === "") {
      sink.error({
        code: "E_ANTAL_EJ_HELTAL",
        line: record.line,
        ...placeOf(columns, "antal"),
        found: antalText,
        expected: parsed.ok ? "ett antal" : parsed.expected,
        message: `Väntade ett icke-negativt heltal (eller .. för uppgift saknas); fann "${antalText}".`,
      });
      continue;
    }
    const rows = years.get(year) ?? new Map();
    years.set(year, rows);
    const row = rows.get(kod) ?? { code, line: record.line, perRegion: new Map() };
    rows.set(kod, row);
    if (row.perRegion.has(region)) {
      sink.error({
        code: "E_DUBBLETT",
        line: record.line,
        found: `${kod} ${region} ${year}`,
        message: `Brottskod ${kod} i ${region} för ${year} finns redan på en tidigare rad.`,
      });
      continue;
    }
    row.perRegion.set(region, parsed.value);
  }

  const toTable = (year: number): AnmaldaBrottTabell | undefined => {
    const rows = years.get(year);
    if (!rows) return undefined;
    const rader: AnmaldaBrottRad[] = [...rows.values()].map(({ code, line, perRegion }) => ({
      line,
      brottskod: code.kod,
      brottskodstext: code.benamning,
      grupp: code.grupp,
      andamal: code.andamal,
      // Absent means zero in an export.
      perRegion: Object.fromEntries(
        context.regioner.map((r) => [r.namn, perRegion.has(r.namn) ? perRegion.get(r.namn)! : 0]),
      ),
    }));
    return {
      file: table.file,
      statistikar: year,
      regioner: context.regioner.map((r) => r.namn),
      rader,
      angivnaSummor: [],
      kolumner: { region: {} },
    };
  };
  const current = toTable(context.statistikar);
  if (!current && !sink.items.some((d) => d.severity === "fel")) {
    sink.error({
      code: "E_TOM_TABELL",
      line: table.header.line,
      message: `Exporten har inga rader för statistikåret ${context.statistikar}.`,
    });
  }
  const previous = toTable(context.statistikar - 1);
  return { ...(current && { current }), ...(previous && { previous }) };
}
