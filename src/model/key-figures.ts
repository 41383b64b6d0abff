import { z } from "zod";
import { parseCount } from "./counts.js";

/**
 * Key-figure files (`nyckel;värde;källa;anmärkning`): one published figure per row, each with the id
 * of its source in `data/kallor.csv`. Each dataset describes its keys with a zod schema built from these
 * value types; a stated total among them is reconciled against its parts.
 */

/**
 * `..` is a figure not (yet) known, as in Brå's tables: it reads as `null`, `siffror.json` lists it
 * under `saknas`, `check` warns, and the report says "uppgift saknas" instead of inventing a value.
 */
export const UPPGIFT_SAKNAS = "..";
const isMissing = (text: string) => text.trim() === UPPGIFT_SAKNAS;
const EMPTY_HINT = "skriv .. om uppgiften inte är känd";

/** A count written as in the tables (`1 157`, `8 000 000`), or `..`. */
export const antal = z.string().transform((text, ctx): number | null => {
  if (isMissing(text)) return null;
  const parsed = parseCount(text);
  if (parsed.ok && parsed.value !== null) return parsed.value;
  ctx.addIssue({
    code: "custom",
    message:
      text.trim() === ""
        ? `värdet är tomt; väntade ett antal (icke-negativt heltal), eller ${EMPTY_HINT}`
        : `väntade ett antal (icke-negativt heltal) eller .., fann "${text}"`,
  });
  return z.NEVER;
});

/** A share in whole percent, 0–100, or `..`. */
export const procent = antal.refine((n) => n === null || n <= 100, {
  error: "en andel i procent ligger mellan 0 och 100",
});

/** A list in order, comma-separated ("Thailand, Rumänien, …"), or `..`. */
export const lista = z
  .string()
  .min(1, { error: `listan är tom; ${EMPTY_HINT}` })
  .transform((text): string[] | null =>
    isMissing(text)
      ? null
      : text
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
  /** Each key's value; `null` where the file says `..` (not known). */
  varden: T;
  /** Source id per key. */
  kallor: Record<string, string>;
  /** Line per key, for reconciliation messages. */
  rader: Record<string, number>;
  /** Keys whose value is `..`, in file order. */
  saknas: string[];
}
