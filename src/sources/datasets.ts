/**
 * The shapes of what the stages pass on, as the source registry defines them: the files `load` read
 * and the datasets `validate` made of them.
 */
import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { KeyFigures } from "../model/key-figures.js";
import type { LoadedTable } from "../model/tables.js";
import type {
  AnmaldaBrottTabell,
  Brottskod,
  Jamforelsegrupp,
  Kalla,
  Polisregion,
  PubliceradForandring,
  RapportMetadata,
  SerieAr,
} from "../model/types.js";
import type { KeyFigureSource } from "./key-figure-source.js";
import type { KEY_FIGURE_SOURCES, SeriesId, YearFileId } from "./registry.js";

type Sources = typeof KEY_FIGURE_SOURCES;

/** Each series' rows, by the id of its module in `src/sources/serier/`. */
export type Serier = Partial<Record<SeriesId, SerieAr[]>>;
/**
 * The validated key figures of each source, by id: typed from each source's schema for the built-in
 * registry, and present at run time for every source in the registry the stages were given.
 */
export type Nyckeltal = {
  [K in keyof Sources]?: KeyFigures<z.infer<Sources[K]["schema"]>>;
} & Partial<Record<string, KeyFigures<Record<string, unknown>>>>;

export interface LoadedSources {
  polisregioner?: LoadedTable;
  brottskoder?: LoadedTable;
  kallor?: LoadedTable;
  jamforelser?: LoadedTable;
  anmaldaBrott?: LoadedTable;
  /** The year files of the registry, by source and year, where there is one (datakallor.csv for two years). */
  arsfiler: { [K in YearFileId]?: Partial<Record<number, LoadedTable>> };
  nyckeltal: Partial<Record<string, LoadedTable>>;
  serier: Partial<Record<SeriesId, LoadedTable>>;
  /** The previous statistics year's table; absent where there is no such file. */
  anmaldaBrottForegaende?: LoadedTable;
  /** Key-figure sources with no file this year. */
  saknadeDataset: KeyFigureSource[];
  /** Every file read, in order, for the command's account of what it read. */
  lasta: { file: string; encoding: string; rows: number }[];
  diagnostics: Diagnostic[];
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
  nyckeltalFiler: Partial<Record<string, string>>;
  serier: Serier;
  braForandringar: PubliceradForandring[];
  /** How codes compare across a recoding (e.g. 2025's new trafficking codes with the old). */
  jamforelser: Jamforelsegrupp[];
  /** The report's own facts for the cover. */
  metadata: RapportMetadata;
  /** Per statistics year: the source id of each dataset cited in `data/<år>/datakallor.csv`. */
  datakallor: Record<number, Partial<Record<string, string>>>;
}
