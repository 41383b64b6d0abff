/**
 * Failures of the machine rather than of the data or the tool: a disk that is full or read-only, a
 * folder that cannot be written, a file where a folder should be. The user can act on each, so each
 * gets a Swedish message naming the path and its own exit code (4), never "internal error".
 */
export class EnvironmentError extends Error {
  override name = "EnvironmentError";
}

/** The tool refused to do something that would destroy what it did not make (`--out`); exit 1. */
export class RefusedError extends Error {
  override name = "RefusedError";
}

const WHY: Record<string, string> = {
  EACCES: "behörighet saknas",
  EPERM: "åtgärden är inte tillåten",
  EROFS: "filsystemet är skrivskyddat",
  ENOSPC: "disken är full",
  EDQUOT: "diskkvoten är slut",
  ENOTDIR: "en del av sökvägen är en fil, inte en mapp",
  EISDIR: "sökvägen är en mapp, inte en fil",
  EEXIST: "det finns redan något där",
  ENOENT: "sökvägen finns inte",
  ELOOP: "sökvägen går genom för många symboliska länkar",
  EMFILE: "för många öppna filer",
  ENFILE: "för många öppna filer i systemet",
  EIO: "in- eller utmatningsfel på disken",
  ENAMETOOLONG: "sökvägen är för lång",
  EXDEV: "mappen ligger på ett annat filsystem",
  EBUSY: "filen eller mappen är upptagen",
};

/** An operating-system error (`fs`, `child_process`) that says something about the machine. */
export function isEnvironmentErrno(cause: unknown): cause is NodeJS.ErrnoException {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return (
    typeof code === "string" && code in WHY && typeof (cause as { syscall?: unknown }).syscall === "string"
  );
}

/** `Kan inte skriva out/2024: disken är full (ENOSPC).` */
export function describeEnvironmentErrno(cause: NodeJS.ErrnoException, doing?: string): string {
  const where = cause.path ?? "";
  const what =
    doing ?? (/^(open|read|stat|lstat|scandir|readlink)$/.test(cause.syscall ?? "") ? "läsa" : "skriva");
  return `Kan inte ${what} ${where}: ${WHY[cause.code!] ?? cause.code} (${cause.code}).`.replace("  ", " ");
}

/** Wraps an operating-system error as an EnvironmentError with a Swedish message; rethrows others. */
export function asEnvironmentError(cause: unknown, doing?: string): unknown {
  return isEnvironmentErrno(cause)
    ? new EnvironmentError(describeEnvironmentErrno(cause, doing), { cause })
    : cause;
}
