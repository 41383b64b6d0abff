import { z } from "zod";
import { parseCount } from "../model/counts.js";
import type { ColumnSpec } from "../model/tables.js";
import type { SerieAr } from "../model/types.js";
import type { ChartDeclaration, InitTemplate } from "./source.js";

/** A count in a series: a number, or `..` where the year's figure is missing (`null`). */
export const antalEllerSaknas = z.string().transform((text, ctx) => {
  const parsed = parseCount(text);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: "custom", message: `väntade ett antal eller .. för uppgift saknas, fann "${text}"` });
  return z.NEVER;
});

type SeriesValues = z.ZodObject<Record<string, typeof antalEllerSaknas>>;

/** The value columns of a series, by key. */
export type SeriesKey<S extends SeriesValues> = keyof z.output<S> & string;

/**
 * A multi-year series (`data/serier/*.csv`), shared by every report year: one row per year
 * (`år;<värden>;anmärkning;källa`), a count or `..` per value column, a note per year where definitions
 * differ, and a source per row for each year that has figures.
 */
export interface SeriesSource<Id extends string = string, S extends SeriesValues = SeriesValues> {
  /** The name under `serier` in `siffror.json` and in templates. */
  id: Id;
  /** Relative to the data folder (`serier/…`). */
  file: string;
  /** Series are optional: a missing file is W_DATASET_SAKNAS and the report draws no chart for it. */
  required?: false;
  /** What the series counts, for messages ("Tidsserien över …"). */
  beskrivning: string;
  /** The value columns, each a count or `..`; the rows' types are inferred from it. */
  values: S;
  /** The header of a value column where it is not the key itself. Default: the key. */
  headers?: Partial<Record<SeriesKey<S>, string>>;
  /**
   * Columns that count part of another column's whole, each on its own (they may overlap and are never
   * added up). A year that gives only the parts has a whole at least as large as its largest part, so
   * the report says no year was higher unless the statistics year also exceeds that.
   */
  parts?: Partial<Record<SeriesKey<S>, readonly SeriesKey<S>[]>>;
  /** Every row with figures names its source in `källa`. */
  citation: { kind: "per-rad" };
  init: InitTemplate;
  charts: readonly ChartDeclaration<readonly SerieAr<SeriesKey<S>>[]>[];
}

/** A series module; its value keys are inferred from `values`. */
export const defineSeriesSource = <const Id extends string, S extends SeriesValues>(
  source: SeriesSource<Id, S>,
): SeriesSource<Id, S> => source;

/** The columns of a series file, in the order the header is expected to name them. */
export function seriesColumns(source: SeriesSource): ColumnSpec[] {
  const headers: Partial<Record<string, string>> = source.headers ?? {};
  return [
    { key: "ar", header: "år", required: true },
    ...Object.keys(source.values.shape).map((key) => ({ key, header: headers[key] ?? key, required: true })),
    { key: "anmarkning", header: "anmärkning", required: true },
    { key: "kalla", header: "källa", required: true },
  ];
}

/**
 * One row of a series: the year, the note, the source, and (under `varden`) a count or `null` per
 * value column. The file's row is flat; its value cells are gathered under `varden`, so that an issue's
 * last path element is still the column's key.
 */
export const seriesRowSchema = <S extends SeriesValues>(source: SeriesSource<string, S>) =>
  z.preprocess(
    (raw) => (typeof raw === "object" && raw !== null ? { ...raw, varden: raw } : raw),
    z.object({
      ar: z
        .string()
        .regex(/^\d{4}$/, { error: (iss) => `väntade ett årtal, fann "${String(iss.input)}"` })
        .transform(Number),
      anmarkning: z.string(),
      kalla: z.string(),
      varden: source.values,
    }),
  );
