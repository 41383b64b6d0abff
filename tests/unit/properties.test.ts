import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateAnmaldaBrott } from "../../src/aggregate/anmalda-brott.js";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.js";
import { decodeText } from "../../src/load/text-file.js";
import { parseDelimited } from "../../src/load/delimited.js";
import { readBraTable } from "../../src/validate/anmalda-brott.js";
import { REGIONS, longCsv, wideCsv, type Counts } from "../helpers/fixtures.js";
import { reference, tableFrom } from "../helpers/validate.js";

/** The loader's whole path for one file's bytes: decode, parse, validate in either form. */
function loadBytes(bytes: Uint8Array) {
  const sink = new DiagnosticSink("slump.csv");
  const decoded = decodeText(bytes, sink);
  const raw = decoded && parseDelimited(decoded.text, sink);
  if (!raw) return sink.items;
  const table = { ...raw, file: "slump.csv", encoding: decoded!.encoding };
  const context = { ...reference, statistikar: 2023 };
  readBraTable(table, context, sink);
  return sink.items;
}

describe("egenskaper: inläsningen kraschar aldrig, den säger vad som är fel", () => {
  it("på slumpmässiga bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const diagnostics = loadBytes(bytes);
        for (const d of diagnostics) {
          expect(d.code).toMatch(/^[EW]_[A-ZÅÄÖ_]+$/);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  const cell = fc.oneof(
    fc.constantFrom(
      "",
      "..",
      "–",
      "-",
      "0",
      "12",
      "1 513",
      "Delsumma",
      "Totalsumma",
      "Människohandel",
      "Övrigt",
      "Köp av sexuell tjänst",
      "Koppleri inkl. grovt",
      '"a;b"',
      '"',
      "x",
    ),
    fc.string({ maxLength: 12 }),
    fc.nat({ max: 100000 }).map(String),
  );
  const header = fc.constantFrom(
    "Brottskodsgrupp;Ändamål;Brottskodstext;Bergslagen;Mitt;Nord;Sthlm;Syd;Väst;Öst;Totalsumma",
    "brottskod;polisregion;antal;år",
    "brottskod,polisregion,antal",
    "Brottskodsgrupp,Brottskodstext,Mitt",
    "",
  );

  it("på slumpmässig CSV med tabellens egna ord och tecken", () => {
    fc.assert(
      fc.property(
        header,
        fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 20 }),
        fc.constantFrom(";", ",", "\t"),
        fc.constantFrom("\n", "\r\n", "\r"),
        (head, rows, delimiter, newline) => {
          const text = [head, ...rows.map((r) => r.join(delimiter))].join(newline);
          loadBytes(new TextEncoder().encode(text));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("egenskaper: bred tabell och lång export ger samma siffror", () => {
  const codes2023 = reference.brottskoder
    .filter((b) => b.sistaAr === null || b.sistaAr >= 2023)
    .filter((b) => b.forstaAr === null || b.forstaAr <= 2023);
  const counts = fc
    .uniqueArray(fc.constantFrom(...codes2023.map((b) => b.kod)), { minLength: 1, maxLength: 12 })
    .chain((chosen) =>
      fc.tuple(
        ...chosen.map((code) =>
          fc.tuple(fc.constant(code), fc.array(fc.nat({ max: 2000 }), { minLength: 7, maxLength: 7 })),
        ),
      ),
    )
    .map((pairs) => Object.fromEntries(pairs) as Counts);
  const groupOf = (code: string) => reference.brottskoder.find((b) => b.kod === code)!.grupp;

  const figures = (content: string) => {
    const { table, sink } = tableFrom(content);
    const context = { ...reference, statistikar: 2023 };
    // The one reader puts both forms' rows in the publication's order, with a row of zeros for a code
    // the file leaves out.
    const parsed = readBraTable(table!, context, sink).current;
    expect(sink.items.filter((d) => d.severity === "fel")).toEqual([]);
    return aggregateAnmaldaBrott(parsed!, undefined);
  };

  it("för varje rad, region, grupp och totalsumma", () => {
    fc.assert(
      fc.property(counts, (c) => {
        const wide = figures(wideCsv(c, groupOf));
        const long = figures(longCsv({ 2023: c }));
        expect(long).toEqual(wide);
        for (const row of wide.rader) {
          const given = c[row.brottskod];
          expect(row.perRegion).toEqual(Object.fromEntries(REGIONS.map((r, i) => [r, given ? given[i] : 0])));
        }
      }),
      { numRuns: 100 },
    );
  });
});
