/**
 * The shapes passed between the stages: load → validate → aggregate → render → print.
 * Field names that editors also see in data files and `siffror.json` keep their Swedish domain names.
 */
import type { Count } from "./validate/counts.js";
import type { SeriesId } from "./datasets.js";
import type { KeyFigures } from "./validate/key-figures.js";
import type { KEY_FIGURE_DATASETS } from "./validate/key-figure-datasets.js";
import type { Jamforelsegrupp, Kalla, PubliceradForandring, SerieAr } from "./validate/reference-tables.js";
import type { z } from "zod";
import type { RapportMetadata } from "./validate/report-metadata.js";

export type { Jamforelsegrupp, Kalla, PubliceradForandring, SerieAr };

type Datasets_ = typeof KEY_FIGURE_DATASETS;
/** The validated key figures of each optional dataset, by dataset id. */
export type Nyckeltal = {
  [K in keyof Datasets_]?: KeyFigures<z.infer<Datasets_[K]["schema"]>>;
};

export type { Count };

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

/** Everything the build reads for one report, validated. */
export interface Datasets {
  rapportar: number;
  statistikar: number;
  regioner: Polisregion[];
  brottskoder: Brottskod[];
  anmaldaBrott: AnmaldaBrottTabell;
  /** The previous statistics year's table, where there is one. */
  anmaldaBrottForegaende?: AnmaldaBrottTabell;
  kallor: Kalla[];
  nyckeltal: Nyckeltal;
  /** The file each key-figure dataset was read from, for diagnostics. */
  nyckeltalFiler: Partial<Record<keyof Nyckeltal, string>>;
  serier: Partial<Record<SeriesId, SerieAr[]>>;
  braForandringar: PubliceradForandring[];
  /** How codes compare across a recoding (e.g. 2025's new trafficking codes with the old). */
  jamforelser: Jamforelsegrupp[];
  /** The report's own facts for the cover. */
  metadata: RapportMetadata;
}
