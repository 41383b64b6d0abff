/**
 * Every source the report is built from, in the order they are read. Each is one module; `load`,
 * `validate`, `aggregate`, `init`, the charts and `siffror.json` iterate these lists and know no source
 * by name, except Brå's table of reported offences, the one source every chapter is built around.
 */
import { anmaldaBrott } from "./anmalda-brott.js";
import { braForandringar } from "./bra-forandringar.js";
import { civilsamhallet } from "./civilsamhallet.js";
import { datakallor } from "./datakallor.js";
import type { KeyFigureSource } from "./key-figure-source.js";
import { migrationsverket } from "./migrationsverket.js";
import { paverkansfaktorer } from "./paverkansfaktorer.js";
import { stodprogram } from "./nationellt-stodprogram.js";
import { polisensArenden } from "./polisens-arenden.js";
import { rapport } from "./rapport.js";
import { regionkoordinatorer } from "./regionkoordinatorer.js";
import { migrationsverketSerie } from "./serier/migrationsverket.js";
import { regionkoordinatorerSerie } from "./serier/regionkoordinatorer.js";
import type { Citation } from "./source.js";
import { trycktUtgava } from "./tryckt-utgava.js";

export const KEY_FIGURE_SOURCES = {
  regionkoordinatorer,
  migrationsverket,
  stodprogram,
  civilsamhallet,
  polisensArenden,
  paverkansfaktorer,
} as const;

export type KeyFigureSourceId = keyof typeof KEY_FIGURE_SOURCES;

/** A registry as the stages take it: the built-in one, or one a test extends with a made-up source. */
export type KeyFigureRegistry = Readonly<Record<string, KeyFigureSource>>;

/** The multi-year series of `data/serier/`, in the order their charts are drawn. */
export const SERIES_SOURCES = {
  regionkoordinatorer: regionkoordinatorerSerie,
  migrationsverket: migrationsverketSerie,
} as const;

export type SeriesId = keyof typeof SERIES_SOURCES;

/** The statistics year's other files, in the order they are read. */
export const YEAR_FILE_SOURCES = { rapport, datakallor, trycktUtgava, braForandringar } as const;

export type YearFileId = keyof typeof YEAR_FILE_SOURCES;

/** Every source's citation, for the datasets cited through `datakallor.csv`. */
const CITATIONS: readonly { beskrivning: string; citation: Citation }[] = [
  anmaldaBrott,
  ...Object.values(SERIES_SOURCES),
  ...Object.values(YEAR_FILE_SOURCES),
];

/**
 * The datasets whose rows carry no source, by the id they are cited under in `datakallor.csv`, with
 * what they are (for messages).
 */
export const DATAKALLA_DATASETS: ReadonlyMap<string, string> = new Map(
  CITATIONS.flatMap(({ beskrivning, citation }) =>
    citation.kind === "datakallor" ? [[citation.dataset, beskrivning] as const] : [],
  ),
);
