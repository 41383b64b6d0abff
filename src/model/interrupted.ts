/** Raised when Ctrl-C or a termination signal stopped a build; nothing has been written. */
export class InterruptedError extends Error {
  override name = "InterruptedError";
}

/** Stops the build between stages once the user has asked it to stop. */
export function throwIfInterrupted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new InterruptedError("Bygget avbröts.");
}
