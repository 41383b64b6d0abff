/**
 * The shapes passed between the stages: load → validate → aggregate → render → print.
 * Field names that editors also see in data files and `siffror.json` keep their Swedish domain names.
 * This folder is a leaf: it imports nothing from the rest of `src/`.
 */
import type { Count } from "./counts.js";

export type { Count };
export type { Kalla } from "./kalla.js";

/** A police region as in `data/polisregioner.csv`. */
export interface Polisregion {
  namn: string;
  /** Other names a table may use for the region's column, e.g. `Sthlm`. */
  alias: string[];
  lan: string[];
}

/** A Brå crime code as in `data/brottskoder.csv`. */
export interface Brottskod {
  kod: string;
  benamning: string;
  grupp: string;
  andamal: string;
  offergrupp: string;
  /** First statistics year the code is valid; `null` where no lower bound is recorded. */
  forstaAr: number | null;
  /** Last statistics year the code is valid; `null` while it is still in use. */
  sistaAr: number | null;
  kalla: string;
}

/** One offence row of a table of reported offences (anmälda brott). */
export interface AnmaldaBrottRad {
  line: number;
  brottskod: string;
  /** The catalog's official name. */
  brottskodstext: string;
  grupp: string;
  andamal: string;
  perRegion: Record<string, Count>;
  /** The row's stated total (`Totalsumma` column); `undefined` where the table has no such column. */
  angivetTotalt?: Count;
}

/** A sum the table states (a `Delsumma` or `Totalsumma` row); checked, never used as data. */
export interface AngivenSumma {
  line: number;
  typ: "delsumma" | "totalsumma";
  /** The catalog group of the rows a `Delsumma` closes. */
  grupp?: string;
  /** The codes of the rows the stated sum covers: the group above a `Delsumma`, all rows above a `Totalsumma`. */
  koder: string[];
  perRegion: Record<string, Count | undefined>;
  totalt?: Count;
}

/** Where in the file each region's and the total's figures stand, for diagnostics. */
export interface ColumnPlaces {
  region: Record<string, { column: number; columnName: string }>;
  totalt?: { column: number; columnName: string };
}

export interface AnmaldaBrottTabell {
  file: string;
  statistikar: number;
  regioner: string[];
  rader: AnmaldaBrottRad[];
  angivnaSummor: AngivenSumma[];
  kolumner: ColumnPlaces;
}

/** One year of a published time series; `null` where the year's figure is missing (`..`). */
export interface SerieAr<K extends string = string> {
  ar: number;
  /** One value per column the series declares (`src/sources/serier/`). */
  varden: Record<K, number | null>;
  anmarkning: string;
  kalla: string;
}

/**
 * One figure a printed statement is held against: a row of Brå's table (its total over the regions),
 * a key figure of the statistics year, or a series' value for a year (the statistics year unless named).
 */
export type TrycktTerm =
  | { kind: "brottskod"; kod: string }
  | { kind: "nyckeltal"; fil: string; nyckel: string }
  | { kind: "serie"; fil: string; kolumn: string; ar: number | null };

/**
 * A statement of an already printed edition that the data can check (`tryckt-utgava.csv`): a number
 * and the figures in our data that should sum to it, or (no number, no figures) a figure or table the
 * printed edition shows whose data the project lacks.
 */
export interface TrycktUppgift {
  rad: number;
  uppgift: string;
  angivet: number | null;
  underlag: TrycktTerm[];
  /** `lika`: the stated number is what the data gives; `högst`: it cannot exceed it. */
  villkor: "lika" | "högst";
  sida: string;
  anmarkning: string;
}

/** A change Brå published for a set of codes, used where no previous-year table is available. */
export interface PubliceradForandring {
  brottskoder: string[];
  forandringProcent: number;
  jamfortMed: number;
  kalla: string;
}

/** A set of codes, old and new, whose sums compare across a recoding (from `brottskoder-jamforelser.csv`). */
export interface Jamforelsegrupp {
  id: string;
  benamning: string;
  koder: string[];
}

/** The report's own facts for the cover (from `data/<år>/rapport.csv`). */
export interface RapportMetadata {
  lagesrapport: number | null;
  diarienummer: string | null;
  /** ISO date the report is decided; `null` for a draft without a date. */
  datum: string | null;
  informationsklass: string;
}

export const DEFAULT_METADATA: RapportMetadata = {
  lagesrapport: null,
  diarienummer: null,
  datum: null,
  informationsklass: "Öppen",
};
