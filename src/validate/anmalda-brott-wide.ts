import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { LoadedTable } from "../model/tables.js";
import type { RawRecord } from "../model/tables.js";
import type {
  AngivenSumma,
  AnmaldaBrottRad,
  AnmaldaBrottTabell,
  Brottskod,
  ColumnPlaces,
  Polisregion,
} from "../model/types.js";
import type { Count } from "../model/counts.js";
import { cellOf, locateColumns, placeOf, type ColumnSpec, type LocatedColumns } from "./columns.js";
import { parseCount } from "../model/counts.js";
import { matchName, nameTokens } from "./name-match.js";
import { isValidIn } from "../model/report-year.js";
import type { AnmaldaBrottContext } from "./anmalda-brott.js";

type Key = "grupp" | "andamal" | "text" | "kod" | "totalt" | `region:${string}`;

const SUBTOTAL = "delsumma";
const GRAND_TOTAL = "totalsumma";

/**
 * Reads Brå's wide table of reported offences per police region, as rapporteurs paste it: group and
 * purpose may stand only on the first row of their block, a row with only a group name is a heading,
 * `Delsumma` and `Totalsumma` rows state sums (kept for reconciliation, never used as data).
 */
export function validateAnmaldaBrott(
  table: LoadedTable,
  context: AnmaldaBrottContext,
  sink: DiagnosticSink,
): AnmaldaBrottTabell | undefined {
  const regionKeys = context.regioner.map((r) => `region:${r.namn}` as const);
  const specs: ColumnSpec<Key>[] = [
    { key: "grupp", header: "brottskodsgrupp", required: true },
    { key: "andamal", header: "ändamål", required: true },
    { key: "text", header: "brottskodstext", required: true },
    { key: "kod", header: "brottskod", required: false },
    ...context.regioner.map((r) => ({
      key: `region:${r.namn}` as const,
      header: r.namn,
      aliases: r.alias,
      required: true,
    })),
    { key: "totalt", header: "totalsumma", required: false },
  ];
  const columns = locateColumns(table.header, specs, sink);
  if (!columns) return undefined;

  const rader: AnmaldaBrottRad[] = [];
  const angivnaSummor: AngivenSumma[] = [];
  const seenCodes = new Map<string, number>();
  let grupp: string | undefined;
  let andamal = "";
  /** Codes of the rows under the current group label, which a `Delsumma` closes. */
  let groupRows: AnmaldaBrottRad[] = [];
  const errorsBefore = sink.items.filter((d) => d.severity === "fel").length;
  let regionCells = 0;
  let filledRegionCells = 0;

  /** Reads count cells; an empty cell is an error only in a region column of an offence row. */
  const readCounts = (record: RawRecord, keys: readonly Key[], allowEmpty: boolean) => {
    const values = new Map<Key, Count | undefined>();
    for (const key of keys) {
      const cell = cellOf(record, columns, key);
      if (!allowEmpty && key !== "totalt") {
        regionCells++;
        if (cell !== "") filledRegionCells++;
      }
      if (cell === "") {
        if (!allowEmpty && key !== "totalt") {
          sink.error({
            code: "E_ANTAL_SAKNAS",
            line: record.line,
            ...placeOf(columns, key),
            found: "",
            expected: "ett antal, – för noll eller .. för uppgift saknas",
            message: "Cellen är tom. Skriv 0 (eller –) för noll och .. där uppgiften saknas.",
          });
        }
        values.set(key, undefined);
        continue;
      }
      const parsed = parseCount(cell);
      if (parsed.ok) {
        values.set(key, parsed.value);
      } else {
        sink.error({
          code: "E_ANTAL_EJ_HELTAL",
          line: record.line,
          ...placeOf(columns, key),
          found: cell,
          expected: parsed.expected,
          message: `Väntade ${parsed.expected}; fann "${cell}".`,
        });
        values.set(key, undefined);
      }
    }
    return values;
  };

  const countKeys = columns.index.has("totalt") ? [...regionKeys, "totalt" as const] : regionKeys;

  for (const record of table.records) {
    const cells = {
      grupp: cellOf(record, columns, "grupp"),
      andamal: cellOf(record, columns, "andamal"),
      text: cellOf(record, columns, "text"),
      kod: cellOf(record, columns, "kod"),
    };
    const hasCounts = countKeys.some((k) => cellOf(record, columns, k) !== "");
    if (!cells.grupp && !cells.andamal && !cells.text && !cells.kod && !hasCounts) continue;

    const label = nameTokens(cells.grupp).join(" ");
    if (label === SUBTOTAL || label === GRAND_TOTAL) {
      const typ = label === SUBTOTAL ? "delsumma" : "totalsumma";
      if (typ === "delsumma" && grupp === undefined) {
        sink.error({
          code: "E_DELSUMMA_UTAN_GRUPP",
          line: record.line,
          ...placeOf(columns, "grupp"),
          found: cells.grupp,
          message: "Raden Delsumma står före första brottskodsgruppen; den ska avsluta en grupp.",
        });
        continue;
      }
      const values = readCounts(record, countKeys, true);
      const covered = typ === "delsumma" ? groupRows : rader;
      angivnaSummor.push({
        line: record.line,
        typ,
        koder: covered.map((r) => r.brottskod),
        ...(typ === "delsumma" ? { grupp: covered[0]?.grupp ?? grupp } : {}),
        perRegion: Object.fromEntries(context.regioner.map((r) => [r.namn, values.get(`region:${r.namn}`)])),
        ...(columns.index.has("totalt") ? { totalt: values.get("totalt") } : {}),
      });
      if (typ === "delsumma") groupRows = [];
      continue;
    }

    if (cells.grupp) {
      if (cells.grupp !== grupp) {
        andamal = "";
        groupRows = [];
      }
      grupp = cells.grupp;
    }
    if (cells.andamal) andamal = cells.andamal;
    if (!cells.text && !cells.kod) {
      if (hasCounts) {
        sink.error({
          code: "E_BROTTSKODSTEXT_SAKNAS",
          line: record.line,
          ...placeOf(columns, "text"),
          message: "Raden har antal men ingen brottskodstext; ange vilket brott raden gäller.",
        });
      }
      continue; // a heading: group and/or purpose only
    }
    if (grupp === undefined) {
      sink.error({
        code: "E_GRUPP_SAKNAS",
        line: record.line,
        ...placeOf(columns, "grupp"),
        message:
          "Raden hör inte till någon brottskodsgrupp; ange gruppen på raden eller på en rubrikrad ovanför.",
      });
      continue;
    }

    const code = resolveCode(record, cells, columns, context, sink);
    const values = readCounts(record, countKeys, false);
    if (!code) continue;

    const earlier = seenCodes.get(code.kod);
    if (earlier !== undefined) {
      sink.error({
        code: "E_DUBBLETT",
        line: record.line,
        ...placeOf(columns, "text"),
        found: cells.text,
        message: `Brottet ${code.kod} (${code.benamning}) står redan på rad ${earlier}.`,
      });
      continue;
    }
    seenCodes.set(code.kod, record.line);

    if (!isValidIn(code, context.statistikar)) {
      sink.error({
        code: "E_KOD_EJ_GILTIG",
        line: record.line,
        ...placeOf(columns, cells.kod ? "kod" : "text"),
        found: code.kod,
        expected: `en brottskod som gäller statistikåret ${context.statistikar}`,
        message:
          `Brottskoden ${code.kod} (${code.benamning}) gäller ` +
          `${validityText(code)}, inte statistikåret ${context.statistikar}.`,
      });
      continue;
    }

    if (nameTokens(grupp).join(" ") !== nameTokens(code.grupp).join(" ")) {
      sink.warn({
        code: "W_GRUPP_AVVIKER",
        line: record.line,
        ...placeOf(columns, "grupp"),
        found: grupp,
        expected: code.grupp,
        message: `Raden står under gruppen "${grupp}", men brottskod ${code.kod} hör till "${code.grupp}" enligt katalogen; katalogens grupp används.`,
      });
    }

    const rad: AnmaldaBrottRad = {
      line: record.line,
      brottskod: code.kod,
      brottskodstext: code.benamning,
      grupp: code.grupp,
      andamal: andamal || code.andamal,
      perRegion: Object.fromEntries(
        context.regioner.map((r) => [r.namn, values.get(`region:${r.namn}`) ?? null]),
      ),
      ...(columns.index.has("totalt") ? { angivetTotalt: values.get("totalt") ?? null } : {}),
    };
    rader.push(rad);
    groupRows.push(rad);
  }

  // A table nobody has filled in yet (as `report init` writes it) is one thing to do, not an error
  // for each of its hundreds of empty cells.
  if (regionCells > 0 && filledRegionCells === 0) {
    const kept = sink.items.filter((d) => d.code !== "E_ANTAL_SAKNAS");
    sink.items.splice(0, sink.items.length, ...kept);
    sink.error({
      code: "E_TOM_TABELL",
      line: table.header.line,
      message:
        `Tabellen är inte ifylld: ingen av dess ${rader.length} brottsrader har något antal. ` +
        "Fyll i anmälda brott per polisregion ur Brås tabell, eller ersätt filen med Brås export.",
    });
  }

  const errorsAfter = sink.items.filter((d) => d.severity === "fel").length;
  if (rader.length === 0 && errorsAfter === errorsBefore) {
    sink.error({
      code: "E_TOM_TABELL",
      line: table.header.line,
      message: "Tabellen har en rubrikrad men inga brottsrader.",
    });
  }

  return {
    file: table.file,
    statistikar: context.statistikar,
    regioner: context.regioner.map((r) => r.namn),
    rader,
    angivnaSummor,
    kolumner: columnPlaces(columns, context.regioner),
  };
}

function validityText(code: Brottskod): string {
  if (code.forstaAr !== null && code.sistaAr !== null)
    return `statistikåren ${code.forstaAr}–${code.sistaAr}`;
  if (code.forstaAr !== null) return `från statistikåret ${code.forstaAr}`;
  return `till och med statistikåret ${code.sistaAr}`;
}

/** The catalog as names to match, built once per catalog rather than once per row. */
const namedCatalogs = new WeakMap<readonly Brottskod[], { name: string; code: Brottskod }[]>();
function namedCodes(brottskoder: readonly Brottskod[]): { name: string; code: Brottskod }[] {
  let entries = namedCatalogs.get(brottskoder);
  if (!entries) {
    entries = brottskoder.map((b) => ({ name: b.benamning, code: b }));
    namedCatalogs.set(brottskoder, entries);
  }
  return entries;
}

function resolveCode(
  record: RawRecord,
  cells: { text: string; kod: string },
  columns: LocatedColumns<Key>,
  context: AnmaldaBrottContext,
  sink: DiagnosticSink,
): Brottskod | undefined {
  // A code may be given in its own column or in front of the name, as Brå's lists write it ("0609 Koppleri").
  const leading = /^(\d{4})\s+(.*)$/.exec(cells.text);
  const kod = cells.kod || leading?.[1];
  if (kod) {
    const code = context.brottskoder.find((b) => b.kod === kod);
    if (code) return code;
    sink.error({
      code: "E_OKAND_BROTTSKOD",
      line: record.line,
      ...placeOf(columns, cells.kod ? "kod" : "text"),
      found: kod,
      expected: "en brottskod i data/brottskoder.csv",
      message: `Brottskoden ${kod} finns inte i katalogen över brottskoder.`,
    });
    return undefined;
  }
  const match = matchName(cells.text, namedCodes(context.brottskoder));
  if (match.kind === "exact" || match.kind === "close") return match.entry.code;
  const list = (codes: { code: Brottskod }[]) =>
    codes.map((c) => `"${c.code.benamning}" (${c.code.kod})`).join(", ");
  if (match.kind === "ambiguous") {
    sink.error({
      code: "E_BROTTSKODSTEXT_TVETYDIG",
      line: record.line,
      ...placeOf(columns, "text"),
      found: cells.text,
      expected: "en benämning i data/brottskoder.csv",
      message: `Brottskodstexten "${cells.text}" kan avse flera brott: ${list(match.candidates)}. Skriv benämningen som i katalogen eller ange brottskoden.`,
    });
  } else {
    sink.error({
      code: "E_OKAND_BROTTSKODSTEXT",
      line: record.line,
      ...placeOf(columns, "text"),
      found: cells.text,
      expected: "en benämning i data/brottskoder.csv",
      message:
        `Okänd brottskodstext "${cells.text}".` +
        (match.closest.length > 0 ? ` Närmast i katalogen: ${list(match.closest)}.` : ""),
    });
  }
  return undefined;
}

function columnPlaces(columns: LocatedColumns<Key>, regioner: readonly Polisregion[]): ColumnPlaces {
  const place = (key: Key) => {
    const p = placeOf(columns, key);
    return p.column === undefined ? undefined : { column: p.column, columnName: p.columnName ?? "" };
  };
  const region: ColumnPlaces["region"] = {};
  for (const r of regioner) {
    const p = place(`region:${r.namn}`);
    if (p) region[r.namn] = p;
  }
  const totalt = place("totalt");
  return totalt ? { region, totalt } : { region };
}
