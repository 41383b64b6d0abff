/**
 * The files a report is built from, relative to the data directory. Only the reference tables and this
 * year's table of reported offences are required; the others are optional, and where one is missing the
 * report says so where its figures would stand.
 */
export const REFERENCE_FILES = {
  polisregioner: "polisregioner.csv",
  brottskoder: "brottskoder.csv",
} as const;

export const anmaldaBrottFile = (statistikar: number) => `${statistikar}/anmalda-brott.csv`;

export interface OptionalDataset {
  id: string;
  /** File name within the statistics year's folder. */
  file: string;
  /** What the dataset holds, for messages and the report ("uppgifter från …"). */
  beskrivning: string;
}

/** Sources the full report draws on beside Brå's table (read from the year's folder where present). */
export const OPTIONAL_DATASETS: readonly OptionalDataset[] = [
  {
    id: "regionkoordinatorer",
    file: "regionkoordinatorer.csv",
    beskrivning: "Jämställdhetsmyndighetens regionkoordinatorer",
  },
  { id: "migrationsverket", file: "migrationsverket.csv", beskrivning: "Migrationsverket" },
  { id: "stodprogram", file: "nationellt-stodprogram.csv", beskrivning: "det nationella stödprogrammet" },
  { id: "polisensArenden", file: "polisens-arenden.csv", beskrivning: "Polismyndighetens ärendestatistik" },
  {
    id: "civilsamhallet",
    file: "civilsamhallet.csv",
    beskrivning: "Plattformen civila Sverige mot människohandel",
  },
];
