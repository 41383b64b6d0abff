import type { Diagnostic } from "./diagnostic.js";

/** `fil:rad:kolumn  fel|varning  meddelande  (KOD)`, one per line, as vfile-message prints them. */
export function formatDiagnostic(d: Diagnostic): string {
  const place = [d.file, d.line, d.line !== undefined ? d.column : undefined]
    .filter((part) => part !== undefined)
    .join(":");
  return `${place}  ${d.severity}  ${d.message}  (${d.code})`;
}

export function formatSummary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "fel").length;
  const warnings = diagnostics.length - errors;
  const part = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${part(errors, "fel", "fel")}, ${part(warnings, "varning", "varningar")}`;
}
