/**
 * What every source module declares besides its data shape: how its figures are cited for their year,
 * what `init` prepares for the next statistics year, and the charts drawn from it. The kinds of
 * source (key figures, series, year files, Brå's table) build on these.
 */
import type { Brottskod, Polisregion } from "../model/types.js";

/**
 * How a source's figures are footnoted to the source for their year:
 * - `per-rad`: every row names its source in a `källa` column (an id in kallor.csv);
 * - `datakallor`: the rows carry no source, so the year's `data/<år>/datakallor.csv` names it on a
 *   row `<dataset>;<källa>`; a dataset the report uses without one is E_KALLA_SAKNAS;
 * - `ingen`: the file holds no figures anyone published (the report's own cover facts, the
 *   citations themselves), so there is nothing to cite.
 */
export type Citation =
  { kind: "per-rad" } | { kind: "datakallor"; dataset: string } | { kind: "ingen"; why: string };

/**
 * What `report init` does with the source for a new statistics year. `checklist` is the line the
 * rapporteur is given (the file's path is put in front of it).
 * - `tom`: a file with this content (a header, and rows to fill in);
 * - `fran-foregaende`: last year's file, each data row's cells passed through `keep` (values emptied,
 *   keys and notes kept); nothing where last year had no such file;
 * - `lagg-till-rad`: a file shared by all years (`data/serier/`), where the new year is a new row;
 * - `ingen`: nothing (a file only some years have).
 */
export type InitTemplate =
  | { kind: "tom"; content: (context: InitContext) => string; checklist: (statistikar: number) => string }
  | {
      kind: "fran-foregaende";
      keep: (cells: readonly string[]) => string[];
      checklist: (statistikar: number) => string;
    }
  | { kind: "lagg-till-rad"; checklist: (statistikar: number) => string }
  | { kind: "ingen" };

/** What a new year's empty file may be built from. */
export interface InitContext {
  /** The statistics year the folder is for. */
  statistikar: number;
  brottskoder: readonly Brottskod[];
  regioner: readonly Polisregion[];
  /** The ids of the datasets cited through `datakallor.csv`. */
  datakallaDatasets: readonly string[];
}

/** The house style a source's chart is drawn in, given by the render stage. */
export interface ChartKit {
  /** Colours that carry data, each at least 3:1 against white (WCAG 2.1, 1.4.11). */
  colours: { primary: string; secondary: string; accent: string };
  /** Font size of axis labels, legends and value labels, in CSS px. */
  labelSize: number;
  /** Vega-Lite `config`: font, axes, legend, Swedish number format. */
  config: Record<string, unknown>;
  /** A number as the report writes it (`1 513`). */
  formatNumber: (n: number) => string;
}

/** A chart as a source describes it: a Vega-Lite spec, its caption and its text alternative. */
export interface ChartDrawing {
  caption: string;
  /** The chart in words, with every number it shows. */
  alt: string;
  spec: Record<string, unknown>;
}

/**
 * A chart a source draws from its own figures. `draw` is pure and is called once per width (the
 * printed page, a phone); it returns `undefined` where the source has nothing to draw this year.
 */
export interface ChartDeclaration<Figures> {
  /** The chart's id in templates (`{{diagram "migrationsverket"}}`). */
  id: string;
  // A method, so that a registry can hold sources whose figures differ in shape (its parameter is
  // compared both ways); each source draws from its own figures only.
  draw(figures: Figures, width: number, kit: ChartKit): ChartDrawing | undefined;
}
