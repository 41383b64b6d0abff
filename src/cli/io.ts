/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  dataErrors: 1,
  usage: 2,
  /** No browser found, or it failed to start or stopped while printing. */
  noBrowser: 3,
  /** The machine is in the way: a folder that cannot be written, a full or read-only disk, a file where a folder should be. */
  environment: 4,
  internal: 70,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where a command writes; tests pass their own. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const defaultIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
