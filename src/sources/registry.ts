/**
 * The key-figure sources the report is built from, in the order they are read. Each is one module;
 * `load`, `validate`, `aggregate`, `init` and `siffror.json` iterate this registry.
 */
import { civilsamhallet } from "./civilsamhallet.js";
import type { KeyFigureSource } from "./key-figure-source.js";
import { migrationsverket } from "./migrationsverket.js";
import { stodprogram } from "./nationellt-stodprogram.js";
import { polisensArenden } from "./polisens-arenden.js";
import { regionkoordinatorer } from "./regionkoordinatorer.js";

export const KEY_FIGURE_SOURCES = {
  regionkoordinatorer,
  migrationsverket,
  stodprogram,
  civilsamhallet,
  polisensArenden,
} as const;

export type KeyFigureSourceId = keyof typeof KEY_FIGURE_SOURCES;

/** A registry as the stages take it: the built-in one, or one a test extends with a made-up source. */
export type KeyFigureRegistry = Readonly<Record<string, KeyFigureSource>>;
