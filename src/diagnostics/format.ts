import type { Diagnostic } from "./diagnostic.js";

/**
 * Control characters from a data file (a raw escape sequence, a carriage return) are shown as
 * `\\x1B`, never passed to the terminal or the CI log, where they could rewrite what is shown.
 */
export const visible = (text: string) =>
  text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );

/** `fil:rad:kolumn  fel|varning  meddelande  (KOD)`, one per line, as vfile-message prints them. */
export function formatDiagnostic(d: Diagnostic): string {
  const place = [d.file, d.line, d.line !== undefined ? d.column : undefined]
    .filter((part) => part !== undefined)
    .join(":");
  return `${visible(place)}  ${d.severity}  ${visible(d.message)}  (${d.code})`;
}

export function formatSummary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "fel").length;
  const warnings = diagnostics.length - errors;
  const part = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${part(errors, "fel", "fel")}, ${part(warnings, "varning", "varningar")}`;
}

/**
 * `--format json`: one object per diagnostic, in a stable shape for other tools (documented in the
 * README). Absent places are `null`, never left out, so consumers can rely on every key.
 */
export interface JsonDiagnostic {
  code: string;
  severity: "error" | "warning";
  file: string;
  line: number | null;
  column: number | null;
  columnName: string | null;
  message: string;
  found: string | null;
  expected: string | null;
}

export function toJsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return {
    code: d.code,
    severity: d.severity === "fel" ? "error" : "warning",
    file: d.file,
    line: d.line ?? null,
    column: d.column ?? null,
    columnName: d.columnName ?? null,
    message: d.message,
    found: d.found ?? null,
    expected: d.expected ?? null,
  };
}

// GitHub's workflow commands: data escapes %, CR and LF; properties also ':' and ','.
const escapeData = (s: string) => visible(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** `--format github`: a workflow command, so a pull request shows the diagnostic on its line. */
export function formatGithubAnnotation(d: Diagnostic): string {
  const props = [`file=${escapeProperty(d.file)}`];
  if (d.line !== undefined) props.push(`line=${d.line}`);
  if (d.line !== undefined && d.column !== undefined) props.push(`col=${d.column}`);
  props.push(`title=${escapeProperty(d.code)}`);
  return `::${d.severity === "fel" ? "error" : "warning"} ${props.join(",")}::${escapeData(d.message)}`;
}
