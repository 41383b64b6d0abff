/**
 * Chromium stamps the PDF with the time of printing (/CreationDate, /ModDate), the only thing that
 * differs between two prints of the same page. The stamps are replaced in place with a date fixed
 * from the inputs; the replacement has the same length, so no byte offset in the file moves.
 */
export function fixPdfDates(pdf: Uint8Array, date: Date): Uint8Array {
  const pad = (n: number) => String(n).padStart(2, "0");
  const stamp =
    `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00'`;
  // latin1 keeps one character per byte, so lengths and offsets are preserved exactly.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}[+\-Z][^)]*\)/g, (match, key: string) => {
    const replacement = `/${key} (${stamp})`;
    if (replacement.length !== match.length) throw new Error(`Oväntat datumformat i PDF: ${match}`);
    return replacement;
  });
  return Buffer.from(fixed, "latin1");
}

/**
 * The date a build stamps on its output: `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds
 * convention) where set, otherwise the day the report is due, 15 December of the report year.
 */
export function buildDate(rapportar: number, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(Date.UTC(rapportar, 11, 15));
}
