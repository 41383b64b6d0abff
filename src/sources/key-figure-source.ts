import type { z } from "zod";
import type { StatedSum } from "../model/key-figures.js";
import type { ChartDeclaration } from "./source.js";

/**
 * A key-figure source: one file per statistics year (`nyckel;värde;källa;anmärkning`), one published
 * figure per row, each row citing its source in `data/kallor.csv`. Everything the tool knows about the
 * source is declared here, and `load`, `validate`, `aggregate`, `init` and `siffror.json` iterate the
 * registry (`registry.ts`); adding a source is a module like this, its data and the text that uses it.
 */
export interface KeyFigureSource<Id extends string = string, S extends z.ZodObject = z.ZodObject> {
  /** The name in `siffror.json` and in templates (`{{tal stodprogram.nyaPersoner}}`). */
  id: Id;
  /** File name within the statistics year's folder (`data/2023/…`). */
  file: string;
  /**
   * Key-figure sources are optional: where the file is missing, `check` warns (W_DATASET_SAKNAS) and the
   * report says so where the figures would have stood. Default `false`.
   */
  required?: false;
  /** Who the figures come from, for messages and the report ("uppgifter från …"). */
  beskrivning: string;
  /** The keys and the kind of value each has; the figures' types are inferred from it. */
  schema: S;
  /** Totals the source states, reconciled against their parts (a difference is W_SUMMA_AVVIKER). */
  sums: readonly StatedSum<keyof z.input<S> & string>[];
  /**
   * Figures another dataset states too, checked against it (src/validate/conflicts.ts): the same
   * year's row of a series, or reported offences that Brå's table counts (this year's or the year
   * before's). A difference is a warning naming both places. Default: none.
   */
  overlaps?: readonly KeyFigureOverlap<keyof z.input<S> & string>[];
  /** Charts drawn from the source's figures (nested by key, as templates see them). Default: none. */
  charts?: readonly ChartDeclaration<Nested<z.output<S>>>[];
}

export type KeyFigureOverlap<K extends string = string> =
  | { key: K; serie: string; column: string }
  | { key: K; braKoder: readonly string[]; ar: "statistikar" | "foregaende" };

/**
 * How a source cites: every row names its source in its `källa` column (checked against kallor.csv), so
 * a figure is cited to its own year's publication; `init` empties values and sources for the new year.
 */
export const defineKeyFigureSource = <const Id extends string, S extends z.ZodObject>(
  source: KeyFigureSource<Id, S>,
): KeyFigureSource<Id, S> => source;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;

/** `{ "a.b": T }` as `{ a: { b: T } }`: dotted keys nested, as `siffror.json` and the templates see them. */
export type Nested<T> = UnionToIntersection<
  {
    [K in keyof T & string]: K extends `${infer Head}.${infer Rest}`
      ? { [P in Head]: Nested<{ [Q in Rest]: T[K] }> }
      : { [P in K]: T[K] };
  }[keyof T & string]
>;

/**
 * A source's figures in `siffror.json`: its values nested by key (`null` for a figure marked `..`), the
 * source id of each, and the keys marked `..` (not yet known).
 */
export type KeyFigureFigures<S extends KeyFigureSource> = Nested<z.output<S["schema"]>> & {
  kallor: Nested<Record<keyof z.output<S["schema"]> & string, string>>;
  saknas: string[];
};
