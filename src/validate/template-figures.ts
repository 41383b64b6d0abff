import type { Diagnostic } from "../diagnostics/diagnostic.js";

/**
 * Finds figures typed into template prose instead of coming from the data through a Handlebars
 * expression. Allowed by rule, not by a list of exceptions:
 *  - anything inside `{{ … }}` (expressions, and the strings they pass, such as crime codes);
 *  - years (four digits, 1900–2099);
 *  - legal and official references: `14 §`, `(2022:1718)`, `SOU 2023:97`;
 *  - section numbers: a heading's own number (`## 4.2 …`) and `kapitel 4`, `avsnitt 4.2`;
 *  - ordered-list markers (`1. `) and Markdown table rules.
 */
const EXPRESSION = /\{\{\{?[\s\S]*?\}?\}\}/g;
const NUMBER = /\d+(?:[.,:\u00a0 ]\d+)*/g;

function allowed(line: string, match: string, index: number): boolean {
  // Only the few characters around the figure matter; a NUL marks a cut-off start, so the patterns
  // anchored at the line's start fail there. (Slicing the whole line made a long line quadratic.)
  const from = Math.max(0, index - 80);
  const before = (from > 0 ? "\u0000" : "") + line.slice(from, index);
  const after = line.slice(index + match.length, index + match.length + 40);
  if (/^\d{4}$/.test(match) && Number(match) >= 1900 && Number(match) <= 2099) return true;
  if (/^\d{4}:\d+$/.test(match)) return true; // SFS and SOU numbers
  if (/^\s*§/.test(after)) return true; // 14 §
  if (/^#{1,6}\s+$/.test(before) && /^\d+(\.\d+)*$/.test(match)) return true; // heading number
  if (/^\s*$/.test(before) && /^\.\s/.test(after) && /^\d+$/.test(match)) return true; // list marker
  if (/(kapitel|avsnitt|avsnitten|bilaga)\s+$/i.test(before)) return true;
  if (/(kapitel|avsnitt|avsnitten)\s+[\d.]+\s*(–|-|och)\s*$/i.test(before)) return true;
  return false;
}

export function findTypedFigures(file: string, source: string): Diagnostic[] {
  // Blank out expressions but keep their length and line breaks, so columns stay right.
  const prose = source.replace(EXPRESSION, (m) => m.replace(/[^\n]/g, " "));
  const out: Diagnostic[] = [];
  prose.split("\n").forEach((line, i) => {
    if (/^\s*\|?\s*:?-{3,}/.test(line)) return; // table rule
    for (const m of line.matchAll(NUMBER)) {
      const text = m[0].trim();
      if (allowed(line, text, m.index)) continue;
      out.push({
        code: "W_SIFFRA_I_MALL",
        severity: "varning",
        file,
        line: i + 1,
        column: m.index + 1,
        found: text,
        expected: "en siffra ur data genom en mallhjälp, t.ex. {{antal …}}",
        message: `Siffran "${text}" är inskriven direkt i mallen. Låt den komma ur data genom en mallhjälp (t.ex. {{antal …}}), så att rapporten inte kan säga emot sina siffror.`,
      });
    }
  });
  return out;
}
