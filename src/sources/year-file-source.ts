import type { z } from "zod";
import type { WarningCode } from "../diagnostics/codes.js";
import type { ColumnSpec } from "../model/tables.js";
import type { Citation, InitTemplate } from "./source.js";

/** What a year file's schema may depend on: the reference tables, validated first. */
export interface SchemaContext {
  /** Every code in `brottskoder.csv`. */
  brottskoder: ReadonlySet<string>;
  /** Datasets cited through `datakallor.csv`, by id, with what they are. */
  datakallaDatasets: ReadonlyMap<string, string>;
  /**
   * The figures a statement may be held against, by file as the data folder names it
   * (`nationellt-stodprogram.csv`, `serier/regionkoordinatorer.csv`): that file's keys or value
   * columns. Default: none.
   */
  figurer?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** For a schema that depends on nothing. */
export const NO_SCHEMA_CONTEXT: SchemaContext = { brottskoder: new Set(), datakallaDatasets: new Map() };

/**
 * A file of the statistics year's folder (`data/<år>/…`) that is not a key-figure file: the cover's
 * facts, Brå's published changes, a printed edition's statements, the year's citations. Everything the
 * tool knows about the file is declared in its module; `load`, `validate` and `init` iterate them.
 */
export interface YearFileSource<Id extends string = string, S extends z.ZodType = z.ZodType> {
  id: Id;
  /** Relative to the data folder. */
  file: (statistikar: number) => string;
  /** Year files are optional; where one is missing the report does without it. */
  required: false;
  /** What the file holds, for messages. */
  beskrivning: string;
  /** The years whose file the report reads, given the statistics year. Default: that year only. */
  years?: (statistikar: number) => readonly number[];
  /** What `check` says where this year's file is missing; absent: nothing (the file is for few years). */
  whenMissing?: { code: WarningCode; message: string };
  /** The columns, found by header name. */
  columns: readonly ColumnSpec[];
  /** One row (or, for a key–value file, the fields); its types are inferred from it. */
  schema: (context: SchemaContext) => S;
  citation: Citation;
  init: InitTemplate;
}

export const defineYearFileSource = <const Id extends string, S extends z.ZodType>(
  source: YearFileSource<Id, S>,
): YearFileSource<Id, S> => source;

/** The years a year file is read for. */
export const yearsOf = (source: YearFileSource, statistikar: number): readonly number[] =>
  source.years?.(statistikar) ?? [statistikar];
