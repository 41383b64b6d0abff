import type { DiagnosticSink } from "../diagnostics/diagnostic.js";

/**
 * The one rule for a `källa` cell: it names a source in `data/kallor.csv`. Every file that cites (the
 * catalog of codes, key figures, series, Brå's published changes, the comparison groups) is checked
 * here, so an unknown source is always E_OKAND_KALLA with the same message.
 */
export function checkCitation(
  sourceIds: ReadonlySet<string>,
  kalla: string,
  where: { line: number; column?: number; columnName?: string },
  sink: DiagnosticSink,
): boolean {
  if (sourceIds.has(kalla)) return true;
  sink.error({
    code: "E_OKAND_KALLA",
    ...where,
    found: kalla,
    expected: "ett id i data/kallor.csv",
    message:
      kalla === ""
        ? "Källa saknas; varje uppgift ska ange sin källa."
        : `Källan "${kalla}" finns inte i data/kallor.csv.`,
  });
  return false;
}
