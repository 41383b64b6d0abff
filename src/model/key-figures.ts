import { z } from "zod";
import { parseCount } from "./counts.js";

/**
 * Key-figure files (`nyckel;värde;källa;anmärkning`): one published figure per row, each with the id
 * of its source in `data/kallor.csv`. Each dataset describes its keys with a zod schema built from these
 * value types; a stated total among them is reconciled against its parts.
 */

/** A count written as in the tables (`1 157`, `8 000 000`). */
export const antal = z.string().transform((text, ctx) => {
  const parsed = parseCount(text);
  if (parsed.ok && parsed.value !== null) return parsed.value;
  ctx.addIssue({ code: "custom", message: `väntade ett antal (icke-negativt heltal), fann "${text}"` });
  return z.NEVER;
});

/** A share in whole percent, 0–100. */
export const procent = antal.refine((n) => n <= 100, { error: "en andel i procent ligger mellan 0 och 100" });

/** A list in order, comma-separated ("Thailand, Rumänien, …"). */
export const lista = z
  .string()
  .min(1, { error: "listan är tom" })
  .transform((text) =>
    text
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== ""),
  );

export interface StatedSum<K extends string> {
  /** The key whose value states the total. */
  total: K;
  /** The keys whose values make it up. */
  parts: readonly K[];
  /** What the total is of, for messages: "identifierade personer (kön)". */
  avser: string;
}

export interface KeyFigures<T> {
  varden: T;
  /** Source id per key. */
  kallor: Record<string, string>;
  /** Line per key, for reconciliation messages. */
  rader: Record<string, number>;
}
