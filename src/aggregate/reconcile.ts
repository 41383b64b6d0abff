import type { AnmaldaBrottTabell } from "../model/types.js";
import type { Count } from "../model/counts.js";

/** A stated sum that differs from the one computed from the rows. */
export interface Avvikelse {
  fil: string;
  rad: number;
  kolumn: number | null;
  kolumnnamn: string | null;
  /** What the sum is of, in words: "Delsumma för Människohandel, totalt". */
  avser: string;
  angivet: number;
  beraknat: number;
  meddelande: string;
  /**
   * Where the sum is one a key-figure source declares (its module's `sums`): the source's id and the
   * sum as declared, so that the report can name it in the source's own words. Null for Brå's table.
   */
  deklarerad: DeklareradSumma | null;
}

/** A sum as a key-figure source's module declares it, and which source that is. */
export interface DeklareradSumma {
  dataset: string;
  total: string;
  delar: string[];
  avser: string;
}

/** One stated sum checked against the computed one, for `report check`'s reconciliation list. */
export interface Avstamning {
  fil: string;
  rad: number;
  avser: string;
  angivet: number;
  beraknat: number;
  /** The computed sum lacks a missing (`..`) part: only `angivet < beraknat` proves a mismatch. */
  ofullstandig: boolean;
  stammer: boolean;
}

const fmt = (n: number) => String(n);

/**
 * Checks every sum the table states — each row's `Totalsumma` column, each `Delsumma` and the
 * `Totalsumma` row, per region and in total — against the sum of the rows it covers.
 */
export function reconcileAnmaldaBrott(table: AnmaldaBrottTabell): {
  avstamningar: Avstamning[];
  avvikelser: Avvikelse[];
} {
  const avstamningar: Avstamning[] = [];
  const avvikelser: Avvikelse[] = [];
  const byCode = new Map(table.rader.map((r) => [r.brottskod, r]));

  const check = (
    rad: number,
    place: { column: number; columnName: string } | undefined,
    avser: string,
    angivet: Count | undefined,
    parts: Count[],
  ) => {
    if (angivet === undefined || angivet === null) return;
    const known = parts.filter((p): p is number => p !== null);
    const beraknat = known.reduce((a, b) => a + b, 0);
    const ofullstandig = known.length < parts.length;
    const stammer = ofullstandig ? angivet >= beraknat : angivet === beraknat;
    avstamningar.push({ fil: table.file, rad, avser, angivet, beraknat, ofullstandig, stammer });
    if (stammer) return;
    avvikelser.push({
      fil: table.file,
      rad,
      kolumn: place?.column ?? null,
      kolumnnamn: place?.columnName ?? null,
      avser,
      angivet,
      beraknat,
      meddelande: ofullstandig
        ? `${avser}: angivet ${fmt(angivet)}, men de kända delarna summerar redan till ${fmt(beraknat)}.`
        : `${avser}: angivet ${fmt(angivet)}, beräknat ${fmt(beraknat)}. Rapporten redovisar det beräknade värdet.`,
      deklarerad: null,
    });
  };

  for (const row of table.rader) {
    check(
      row.line,
      table.kolumner.totalt,
      `Totalsumma för ${row.brottskod} ${row.brottskodstext}`,
      row.angivetTotalt,
      table.regioner.map((r) => row.perRegion[r] ?? null),
    );
  }
  for (const stated of table.angivnaSummor) {
    const rows = stated.koder.map((k) => byCode.get(k)).filter((r) => r !== undefined);
    const what = stated.typ === "delsumma" ? `Delsumma för ${stated.grupp ?? "gruppen"}` : "Totalsumma";
    for (const region of table.regioner) {
      check(
        stated.line,
        table.kolumner.region[region],
        `${what}, ${region}`,
        stated.perRegion[region],
        rows.map((r) => r.perRegion[region] ?? null),
      );
    }
    check(
      stated.line,
      table.kolumner.totalt,
      `${what}, totalt`,
      stated.totalt,
      rows.flatMap((r) => table.regioner.map((region) => r.perRegion[region] ?? null)),
    );
  }
  return { avstamningar, avvikelser };
}
