/**
 * The files a report is built from, relative to the data directory. Only the reference tables and this
 * year's table of reported offences are required; the others are optional, and where one is missing the
 * report says so where its figures would stand.
 */

export const REFERENCE_FILES = {
  polisregioner: "polisregioner.csv",
  brottskoder: "brottskoder.csv",
  kallor: "kallor.csv",
  jamforelser: "brottskoder-jamforelser.csv",
} as const;

export const anmaldaBrottFile = (statistikar: number) => `${statistikar}/anmalda-brott.csv`;

/** The forms the table of reported offences may come in, tried in this order. */
export const ANMALDA_BROTT_EXTENSIONS = [".csv", ".txt", ".xlsx"] as const;

/** The report's own facts for the cover: number, date, diarienummer, information class. */
export const rapportMetadataFile = (statistikar: number) => `${statistikar}/rapport.csv`;

/**
 * Where a year's datasets whose rows carry no source come from (`dataset;källa`, the source an id in
 * kallor.csv): Brå's table of reported offences above all. A dataset the report uses without a
 * citation for its year is an error, so that every figure is footnoted to the source for its year.
 */
export const datakallorFile = (statistikar: number) => `${statistikar}/datakallor.csv`;

/** Datasets cited through datakallor.csv, by id, with what they are (for messages). */
export const DATAKALLA_DATASETS = {
  "anmalda-brott": "Brås tabell över anmälda brott",
} as const;
export type DatakallaDataset = keyof typeof DATAKALLA_DATASETS;

/**
 * What an already printed edition of the report stated, for `check` to hold against the data
 * (contradictions with its own table, figures whose data the project lacks). Optional, no warning when
 * absent: only editions printed by hand before this tool have one.
 */
export const trycktUtgavaFile = (statistikar: number) => `${statistikar}/tryckt-utgava.csv`;

/** Changes Brå published, used where the previous year's table is not available. */
export const braForandringarFile = (statistikar: number) => `${statistikar}/bra-forandringar.csv`;

export type SeriesId = "regionkoordinatorer" | "migrationsverket";

export interface SeriesFile {
  id: SeriesId;
  file: string;
  beskrivning: string;
  columns: readonly { key: string; header: string }[];
}

/** Multi-year series, shared by all report years (`data/serier/`). */
export const SERIES_FILES: readonly SeriesFile[] = [
  {
    id: "regionkoordinatorer",
    file: "serier/regionkoordinatorer.csv",
    beskrivning: "personer identifierade av regionkoordinatorerna per år",
    columns: [
      { key: "identifierade", header: "identifierade" },
      { key: "vuxna", header: "vuxna" },
      { key: "barn", header: "barn" },
    ],
  },
  {
    id: "migrationsverket",
    file: "serier/migrationsverket.csv",
    beskrivning: "Migrationsverkets fall av misstänkt människohandel per år",
    columns: [{ key: "misstanktaFall", header: "misstänkta_fall" }],
  },
];
