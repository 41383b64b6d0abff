import { EnvironmentError } from "../model/environment.js";
import { redovisningsdag } from "../model/report-year.js";

/**
 * Makes two prints of the same page byte-identical. Chromium stamps the PDF with the time of
 * printing (/CreationDate, /ModDate): the stamps are replaced in place with a date fixed from the
 * inputs. Every replacement has the same length, so no byte offset in the file moves.
 */
export function makeReproducible(pdf: Uint8Array, date: Date): Uint8Array {
  const pad = (n: number) => String(n).padStart(2, "0");
  const stamp =
    `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00'`;
  // A copy of the bytes, changed in place at the offsets found in its latin1 text (one character per
  // byte): no other byte is touched, and the file is never rebuilt as a string.
  const out = Buffer.from(pdf);
  const text = out.toString("latin1");
  for (const match of text.matchAll(/\/(CreationDate|ModDate) \(D:\d{14}[+\-Z][^)]*\)/g)) {
    const replacement = `/${match[1]} (${stamp})`;
    if (replacement.length !== match[0].length) throw new Error(`Oväntat datumformat i PDF: ${match[0]}`);
    out.write(replacement, match.index, "latin1");
  }
  normaliseStructureIds(out, text);
  return out;
}

/**
 * Chromium names tagged table cells after its internal DOM node counter (`/ID (node00000702)`), which
 * differs between two prints when the page's script (Paged.js) creates a different number of nodes.
 * The ids are replaced by their rank: same length, same order (the /IDTree stays sorted), the same
 * references between header and data cells, and the same bytes for the same document.
 */
function normaliseStructureIds(out: Buffer, text: string): void {
  const found = [...text.matchAll(/node\d{8}/g)];
  const ids = [...new Set(found.map((match) => match[0]))].sort();
  const rank = new Map(ids.map((id, i) => [id, `node${String(i + 1).padStart(8, "0")}`]));
  for (const match of found) out.write(rank.get(match[0])!, match.index, "latin1");
}

/**
 * The date a build stamps on its output: `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds
 * convention) where set, otherwise the day the report is due, 15 December of the report year.
 */
export function buildDate(rapportar: number, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch) {
    const date = new Date(Number(epoch) * 1000);
    // A PDF date has four digits for the year; beyond that the stamp cannot be written.
    if (!/^\d+$/.test(epoch) || Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) {
      throw new EnvironmentError(
        `SOURCE_DATE_EPOCH=${epoch.slice(0, 40)} är ingen giltig tidpunkt: ange sekunder sedan 1970 (högst år 9999), eller ta bort variabeln.`,
      );
    }
    return date;
  }
  return new Date(`${redovisningsdag(rapportar)}T00:00:00Z`);
}
