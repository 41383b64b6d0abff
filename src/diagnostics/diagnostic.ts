/**
 * A diagnostic is data attached to a stage's result, never an exception: every stage returns what it
 * found and what it has to say about the input, and only the command line turns errors into an exit code.
 */
import type { DiagnosticCode, ErrorCode, WarningCode } from "./codes.js";

export type Severity = "fel" | "varning";

/**
 * The severity follows from the code's entry in `codes.ts`: an `E_` code is always an error; a `W_`
 * code is a warning, or an error where the user asked for `--strict` (`applyStrictness`).
 */
export type Diagnostic = DiagnosticFields &
  ({ code: ErrorCode; severity: "fel" } | { code: WarningCode; severity: Severity });

interface DiagnosticFields {
  /** Stable code for tools and tests, e.g. `E_ANTAL_EJ_HELTAL`, from the table in `codes.ts`. */
  code: DiagnosticCode;
  severity: Severity;
  /** The file the diagnostic concerns, as the user named it (relative to the working directory). */
  file: string;
  /** 1-based line in the file, where one applies. */
  line?: number;
  /** 1-based column number, where one applies. */
  column?: number;
  /** The column's header name, where the file has headers. */
  columnName?: string;
  /** Swedish, complete sentence(s): what was found, what was expected. */
  message: string;
  /** The value found, verbatim, where a single value is at fault. */
  found?: string;
  /** What would have been accepted. */
  expected?: string;
}

export type DiagnosticInit<C extends DiagnosticCode = DiagnosticCode> = Omit<
  DiagnosticFields,
  "severity" | "file" | "code"
> & { code: C; file?: string };

/** Collects diagnostics for one file; stages create one per file they read. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  constructor(readonly file: string) {}

  error(init: DiagnosticInit<ErrorCode>): void {
    this.items.push({ file: this.file, ...init, severity: "fel" });
  }

  warn(init: DiagnosticInit<WarningCode>): void {
    this.items.push({ file: this.file, ...init, severity: "varning" });
  }
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === "fel");

/** `--strict`: every warning becomes an error, keeping its code and place; without it, nothing changes. */
export const applyStrictness = (diagnostics: readonly Diagnostic[], strict: boolean): Diagnostic[] =>
  strict
    ? diagnostics.map((d) => (d.severity === "varning" ? { ...d, severity: "fel" } : d))
    : [...diagnostics];

/** Orders diagnostics by file, then line, so output is stable and reads top to bottom. */
export const sortDiagnostics = (diagnostics: readonly Diagnostic[]): Diagnostic[] =>
  [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file, "sv") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );

/**
 * Appends every item without spreading them into arguments (`push(...items)` overflows the call
 * stack at a few hundred thousand items; a broken file can produce that many diagnostics).
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
