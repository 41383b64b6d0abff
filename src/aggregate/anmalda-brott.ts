import type {
  AnmaldaBrottRad,
  AnmaldaBrottTabell,
  Jamforelsegrupp,
  PubliceradForandring,
} from "../model/types.js";
import type { Count } from "../model/counts.js";
import { percentChange } from "./percent-change.js";

/** A sum over counts; `ofullstandig` where a part is missing (`..`): `totalt` then holds the known part. */
export interface Summa {
  totalt: number;
  ofullstandig: boolean;
}

export interface Jamforelse {
  /** The previous year's figure; `null` where none is available. */
  foregaendeAr: number | null;
  /** Whole percent; `null` where it cannot be computed. */
  forandringProcent: number | null;
}

/** A change the statistics' publisher stated, shown where no previous-year table gives one of our own. */
export interface Publicerad {
  publiceradForandringProcent: number | null;
  publiceradJamfortMed: number | null;
  publiceradKalla: string | null;
}

export interface RadFigur extends Summa, Jamforelse, Publicerad {
  /** The comparison group through which this row compares with the previous year, where it was recoded. */
  jamforelsegrupp: string | null;
  brottskod: string;
  brottskodstext: string;
  grupp: string;
  andamal: string;
  perRegion: Record<string, Count>;
}

/**
 * A set of codes that means the same under both code lists (e.g. trafficking for sexual purposes,
 * children: 0418 until 2024, 9512 + 9513 from 2025), summed this year and compared with last year.
 */
export interface JamforbarGrupp extends Summa, Jamforelse, Publicerad {
  id: string;
  benamning: string;
  koder: string[];
  koderForegaendeAr: string[];
  /** The codes differ between the years: the comparison goes through the mapping. */
  omkodad: boolean;
}

export interface GruppFigur extends Summa, Jamforelse, Publicerad {
  grupp: string;
  perRegion: Record<string, number>;
  /** Regions whose sum lacks a part. */
  ofullstandigaRegioner: string[];
  /** The sum the table stated for the group (`Delsumma`), or `null`. */
  angivetTotalt: number | null;
}

export type SummaFigur = Omit<GruppFigur, "grupp">;

export interface AnmaldaBrottFigurer {
  statistikar: number;
  /** The source of this year's table (id in kallor.csv, from `data/<år>/datakallor.csv`). */
  kalla: string | null;
  /** The source of the previous year's table the changes are computed from; `null` without one. */
  kallaForegaendeAr: string | null;
  regioner: string[];
  rader: RadFigur[];
  grupper: GruppFigur[];
  summa: SummaFigur;
  /** Whether the previous statistics year's table was available for comparison. */
  jamforelseAr: number;
  jamforelseTillganglig: boolean;
  /** Every comparison group of the mapping, in its order; `koder` lists this year's codes present. */
  jamforbaraGrupper: JamforbarGrupp[];
  /** Whether any group compares through the mapping (the codes changed between the years). */
  omkodning: boolean;
  /** Names of rows with no comparable figure the year before, neither directly nor through the mapping. */
  utanJamforelse: string[];
}

function sumCounts(values: readonly Count[]): Summa {
  let totalt = 0;
  let ofullstandig = false;
  for (const v of values) {
    if (v === null) ofullstandig = true;
    else totalt += v;
  }
  return { totalt, ofullstandig };
}

function sumRows(rows: readonly AnmaldaBrottRad[], regioner: readonly string[]) {
  const perRegion: Record<string, number> = {};
  const ofullstandigaRegioner: string[] = [];
  for (const region of regioner) {
    const s = sumCounts(rows.map((r) => r.perRegion[region] ?? null));
    perRegion[region] = s.totalt;
    if (s.ofullstandig) ofullstandigaRegioner.push(region);
  }
  const total = sumCounts(rows.flatMap((r) => regioner.map((region) => r.perRegion[region] ?? null)));
  return { perRegion, ofullstandigaRegioner, ...total };
}

/** A figure usable for comparison: complete, else `null`. */
const comparable = (s: Summa | undefined): number | null => (s && !s.ofullstandig ? s.totalt : null);

function compare(now: Summa, before: Summa | undefined): Jamforelse {
  const foregaendeAr = comparable(before);
  return {
    foregaendeAr,
    forandringProcent: now.ofullstandig ? null : percentChange(now.totalt, foregaendeAr),
  };
}

/** Groups in the order they first appear in the table. */
function groupOrder(rows: readonly AnmaldaBrottRad[]): string[] {
  return [...new Set(rows.map((r) => r.grupp))];
}

/**
 * Computes the figures of a table of reported offences: each row's total over the regions, each
 * group's subtotal per region and in all, the grand total, and the change against the previous year.
 * Stated sums are carried along for reconciliation but never used as figures.
 */
export function aggregateAnmaldaBrott(
  table: AnmaldaBrottTabell,
  previous: AnmaldaBrottTabell | undefined,
  published: readonly PubliceradForandring[] = [],
  mapping: readonly Jamforelsegrupp[] = [],
): AnmaldaBrottFigurer {
  const publishedFor = (codes: readonly string[]): Publicerad => {
    const key = [...codes].sort().join(" ");
    const found = published.find((p) => [...p.brottskoder].sort().join(" ") === key);
    return {
      publiceradForandringProcent: found?.forandringProcent ?? null,
      publiceradJamfortMed: found?.jamfortMed ?? null,
      publiceradKalla: found?.kalla ?? null,
    };
  };
  const { regioner } = table;
  const previousRows = new Map(previous?.rader.map((r) => [r.brottskod, r]));
  const previousRegions = previous?.regioner ?? [];

  const nowCodes = new Set(table.rader.map((r) => r.brottskod));
  const jamforbaraGrupper: JamforbarGrupp[] = [];
  const recodedGroupOf = new Map<string, JamforbarGrupp>();
  for (const group of mapping) {
    // A group none of whose codes the table lists is kept with zero, as the published tables leave
    // out rows without offences; `koder` is then empty.
    const koder = group.koder.filter((k) => nowCodes.has(k));
    const koderForegaendeAr = group.koder.filter((k) => previousRows.has(k));
    const own = sumRows(
      table.rader.filter((r) => koder.includes(r.brottskod)),
      regioner,
    );
    const before =
      koderForegaendeAr.length > 0
        ? sumRows(
            koderForegaendeAr.map((k) => previousRows.get(k)!),
            previousRegions,
          )
        : undefined;
    const omkodad =
      previous !== undefined &&
      koderForegaendeAr.length > 0 &&
      !(koder.length === koderForegaendeAr.length && koder.every((k) => previousRows.has(k)));
    const figure: JamforbarGrupp = {
      id: group.id,
      benamning: group.benamning,
      koder,
      koderForegaendeAr,
      omkodad,
      totalt: own.totalt,
      ofullstandig: own.ofullstandig,
      ...compare(own, before),
      ...publishedFor(koder),
    };
    jamforbaraGrupper.push(figure);
    if (omkodad) for (const k of koder) recodedGroupOf.set(k, figure);
  }

  const rader: RadFigur[] = table.rader.map((row) => {
    const own = sumCounts(regioner.map((region) => row.perRegion[region] ?? null));
    const before = previousRows.get(row.brottskod);
    const beforeSum = before
      ? sumCounts(previousRegions.map((region) => before.perRegion[region] ?? null))
      : undefined;
    const group = before ? undefined : recodedGroupOf.get(row.brottskod);
    // A row that alone makes up its comparison group compares with the group's earlier sum.
    const viaGroup =
      group && group.koder.length === 1
        ? { foregaendeAr: group.foregaendeAr, forandringProcent: group.forandringProcent }
        : undefined;
    return {
      brottskod: row.brottskod,
      brottskodstext: row.brottskodstext,
      grupp: row.grupp,
      andamal: row.andamal,
      perRegion: row.perRegion,
      ...own,
      ...(viaGroup ?? compare(own, beforeSum)),
      jamforelsegrupp: group?.id ?? null,
      ...publishedFor([row.brottskod]),
    };
  });

  const grupper: GruppFigur[] = groupOrder(table.rader).map((grupp) => {
    const own = sumRows(
      table.rader.filter((r) => r.grupp === grupp),
      regioner,
    );
    const beforeRows = previous?.rader.filter((r) => r.grupp === grupp) ?? [];
    const before = beforeRows.length > 0 ? sumRows(beforeRows, previousRegions) : undefined;
    const stated = table.angivnaSummor.find((s) => s.typ === "delsumma" && s.grupp === grupp);
    const codes = table.rader.filter((r) => r.grupp === grupp).map((r) => r.brottskod);
    return {
      grupp,
      ...own,
      angivetTotalt: stated?.totalt ?? null,
      ...compare(own, before),
      ...publishedFor(codes),
    };
  });

  const own = sumRows(table.rader, regioner);
  const before = previous ? sumRows(previous.rader, previousRegions) : undefined;
  const statedTotal = table.angivnaSummor.find((s) => s.typ === "totalsumma");
  const summa: SummaFigur = {
    ...own,
    angivetTotalt: statedTotal?.totalt ?? null,
    ...compare(own, before),
    ...publishedFor(table.rader.map((r) => r.brottskod)),
  };

  return {
    statistikar: table.statistikar,
    kalla: null,
    kallaForegaendeAr: null,
    regioner: [...regioner],
    rader,
    grupper,
    summa,
    jamforelseAr: table.statistikar - 1,
    jamforelseTillganglig: previous !== undefined,
    jamforbaraGrupper,
    omkodning: jamforbaraGrupper.some((g) => g.omkodad),
    utanJamforelse: previous
      ? rader
          .filter((r) => r.foregaendeAr === null && r.jamforelsegrupp === null)
          .map((r) => r.brottskodstext)
      : [],
  };
}
