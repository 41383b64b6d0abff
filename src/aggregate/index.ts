import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Datasets } from "../types.js";
import { aggregateAnmaldaBrott, type AnmaldaBrottFigurer } from "./anmalda-brott.js";
import { reconcileAnmaldaBrott, type Avstamning, type Avvikelse } from "./reconcile.js";

/** Every computed figure: the content of `siffror.json`, and all the templates see. */
export interface Siffror {
  rapportar: number;
  statistikar: number;
  anmaldaBrott: AnmaldaBrottFigurer;
  /** Stated sums in the inputs that differ from the computed ones. */
  avvikelser: Avvikelse[];
}

export interface AggregateResult {
  siffror: Siffror;
  avstamningar: Avstamning[];
  diagnostics: Diagnostic[];
}

/** Pure: datasets in, figures and what to warn about out. */
export function computeFigures(datasets: Datasets): AggregateResult {
  const anmaldaBrott = aggregateAnmaldaBrott(datasets.anmaldaBrott, datasets.anmaldaBrottForegaende);
  const { avstamningar, avvikelser } = reconcileAnmaldaBrott(datasets.anmaldaBrott);
  const diagnostics: Diagnostic[] = avvikelser.map((a) => ({
    code: "W_SUMMA_AVVIKER",
    severity: "varning",
    file: a.fil,
    line: a.rad,
    ...(a.kolumn !== null && { column: a.kolumn }),
    ...(a.kolumnnamn !== null && { columnName: a.kolumnnamn }),
    found: String(a.angivet),
    expected: String(a.beraknat),
    message: a.meddelande,
  }));

  const table = datasets.anmaldaBrott;
  for (const row of table.rader) {
    for (const region of table.regioner) {
      if (row.perRegion[region] !== null) continue;
      const place = table.kolumner.region[region];
      diagnostics.push({
        code: "W_UPPGIFT_SAKNAS",
        severity: "varning",
        file: table.file,
        line: row.line,
        ...(place && { column: place.column, columnName: place.columnName }),
        found: "..",
        message:
          `Uppgift saknas (..) för ${row.brottskod} ${row.brottskodstext} i ${region}; ` +
          "summor som omfattar den redovisas som ofullständiga.",
      });
    }
  }

  return {
    siffror: {
      rapportar: datasets.rapportar,
      statistikar: datasets.statistikar,
      anmaldaBrott,
      avvikelser,
    },
    avstamningar,
    diagnostics,
  };
}
