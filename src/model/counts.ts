/** A count as published: a non-negative integer, or `null` where the figure is missing (`..`). */
export type Count = number | null;

export type CountParse = { ok: true; value: Count } | { ok: false; expected: string };

const EXPECTED = "ett icke-negativt heltal (t.ex. 1 513), – eller - för noll, eller .. för uppgift saknas";

/**
 * Reads a count cell the way Swedish tables write it: digits grouped in threes by a space, a no-break
 * space or a narrow no-break space (`1 513`); a lone dash (`–`, `-`, `—`) for zero; `..` for missing.
 */
export function parseCount(cell: string): CountParse {
  const text = cell.trim();
  if (text === "..") return { ok: true, value: null };
  if (text === "–" || text === "-" || text === "—") return { ok: true, value: 0 };
  if (/^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$/.test(text) || /^\d+$/.test(text)) {
    const value = Number(text.replace(/[ \u00a0\u202f]/g, ""));
    if (Number.isSafeInteger(value)) return { ok: true, value };
  }
  return { ok: false, expected: EXPECTED };
}
