import { DiagnosticSink, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedSources } from "../load/sources.js";
import type { Datasets } from "../types.js";
import { validateAnmaldaBrott } from "./anmalda-brott.js";
import { validateBrottskoder, validatePolisregioner } from "./reference-tables.js";

/** Turns the loaded tables into typed datasets; `value` is absent where an error prevents it. */
export function validateSources(
  sources: LoadedSources,
  years: { rapportar: number; statistikar: number },
): { value?: Datasets; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const withSink = <T>(file: string, run: (sink: DiagnosticSink) => T): T => {
    const sink = new DiagnosticSink(file);
    const out = run(sink);
    diagnostics.push(...sink.items);
    return out;
  };

  const regioner =
    sources.polisregioner &&
    withSink(sources.polisregioner.file, (s) => validatePolisregioner(sources.polisregioner!, s));
  const brottskoder =
    sources.brottskoder &&
    withSink(sources.brottskoder.file, (s) => validateBrottskoder(sources.brottskoder!, s));
  if (!regioner || !brottskoder || !sources.anmaldaBrott) return { diagnostics };

  const context = { regioner, brottskoder };
  const anmaldaBrott = withSink(sources.anmaldaBrott.file, (s) =>
    validateAnmaldaBrott(sources.anmaldaBrott!, { ...context, statistikar: years.statistikar }, s),
  );
  const previous = sources.anmaldaBrottForegaende;
  const anmaldaBrottForegaende =
    previous &&
    withSink(previous.file, (s) =>
      validateAnmaldaBrott(previous, { ...context, statistikar: years.statistikar - 1 }, s),
    );
  if (!anmaldaBrott || diagnostics.some((d) => d.severity === "fel")) return { diagnostics };

  return {
    value: {
      ...years,
      regioner,
      brottskoder,
      anmaldaBrott,
      ...(anmaldaBrottForegaende && { anmaldaBrottForegaende }),
    },
    diagnostics,
  };
}
