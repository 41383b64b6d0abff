import { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { Count } from "../model/counts.js";
import type { LoadedTable, RawRecord } from "../model/tables.js";
import type { AnmaldaBrottRad, AnmaldaBrottTabell, Brottskod } from "../model/types.js";
import type { AnmaldaBrottContext, BraTableYears } from "./anmalda-brott.js";
import { LONG_EXPORT_COLUMNS } from "../sources/anmalda-brott.js";
import { cellOf, locateColumns, normaliseHeader, placeOf, type LocatedColumns } from "./columns.js";
import { parseCount } from "../model/counts.js";
import { isValidIn } from "../model/report-year.js";

type Key = (typeof LONG_EXPORT_COLUMNS)[number]["key"];

/** What the form of an export row gives: its year, code and count. */
interface RowForm {
  year: number;
  kod: string;
  antal: Count;
}

/**
 * The form of one row of the export, the one rule for every row: the rows of the report's two years,
 * and the rows of other years that the stream passes over (`passedOverRowCheck`). The year has four
 * digits, the code four digits as text, the count is a count as in every table (`parseCount`).
 */
function rowForm(
  record: RawRecord,
  columns: LocatedColumns<Key>,
  defaultYear: number,
  sink: DiagnosticSink,
): RowForm | undefined {
  const yearText = columns.index.has("ar") ? cellOf(record, columns, "ar") : String(defaultYear);
  if (!/^\d{4}$/.test(yearText)) {
    sink.error({
      code: "E_AR_OGILTIGT",
      line: record.line,
      ...placeOf(columns, "ar"),
      found: yearText,
      expected: "ett årtal med fyra siffror",
      message: `Väntade ett årtal med fyra siffror; fann "${yearText}".`,
    });
    return undefined;
  }
  const kod = cellOf(record, columns, "kod");
  if (!/^\d{4}$/.test(kod)) {
    sink.error({
      code: "E_BROTTSKOD_FORMAT",
      line: record.line,
      ...placeOf(columns, "kod"),
      found: kod,
      expected: "en brottskod med fyra siffror, som text med inledande nollor (0418)",
      message: /^\d{1,3}$/.test(kod)
        ? `Brottskoden "${kod}" har tappat sina inledande nollor (kalkylbladet har gjort den till ett tal). Spara kolumnen som text: ${kod.padStart(4, "0")}.`
        : /^="\d{1,4}"$/.test(kod)
          ? // Excel's way of keeping leading zeros in a CSV it writes: a formula, not the code itself.
            `Brottskoden står som Excel-formeln ${kod}. Skriv bara koden, ${kod.slice(2, -1).padStart(4, "0")}: ` +
            `formatera kolumnen som text i kalkylbladet innan du sparar som CSV, eller ta bort =" och " runt koden.`
          : `Väntade en brottskod med fyra siffror; fann "${kod}".`,
    });
    return undefined;
  }
  const antalText = cellOf(record, columns, "antal");
  const parsed = parseCount(antalText);
  if (!parsed.ok) {
    sink.error({
      code: "E_ANTAL_EJ_HELTAL",
      line: record.line,
      ...placeOf(columns, "antal"),
      found: antalText,
      expected: parsed.expected,
      message: `Väntade ett icke-negativt heltal (eller .. för uppgift saknas); fann "${antalText}".`,
    });
    return undefined;
  }
  return { year: Number(yearText), kod, antal: parsed.value };
}

/**
 * The check for the rows of other years that `load` streams past without keeping them: the same form
 * rule as for the rows kept, so that a row is right or wrong whatever year it is for. Given to `load`
 * by the pipeline, since `load` judges no content itself.
 */
export function passedOverRowCheck(header: RawRecord, sink: DiagnosticSink): (record: RawRecord) => void {
  // The header is reported on once, when the kept rows are validated; here it is only located.
  const columns = locateColumns(header, LONG_EXPORT_COLUMNS, new DiagnosticSink(sink.file));
  let reported = 0;
  return (record) => {
    // Past a hundred errors in rows of other years, one more says nothing new.
    if (!columns || reported >= 100 || record.cells.every((c) => c.trim() === "")) return;
    if (!rowForm(record, columns, Number.NaN, sink)) reported++;
  };
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
): BraTableYears | undefined {
  const columns = locateColumns(table.header, LONG_EXPORT_COLUMNS, sink);
  if (!columns) return undefined;
  const regionByName = new Map<string, string>();
  for (const r of context.regioner)
    for (const name of [r.namn, ...r.alias]) regionByName.set(normaliseHeader(name), r.namn);
  const codes = new Map(context.brottskoder.map((b) => [b.kod, b]));
  const years = new Map<
    number,
    Map<string, { code: Brottskod; line: number; perRegion: Map<string, number | null> }>
  >();

  for (const record of table.records) {
    if (record.cells.every((c) => c.trim() === "")) continue;
    const form = rowForm(record, columns, context.statistikar, sink);
    if (!form) continue;
    const { year, kod, antal } = form;
    if (year !== context.statistikar && year !== context.statistikar - 1) continue; // other years are not this report's
    const regionText = cellOf(record, columns, "region");
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
    row.perRegion.set(region, antal);
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
