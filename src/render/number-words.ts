/** Swedish number words, for counts written out in running text and at the start of sentences. */
const ONES = [
  "noll",
  "en",
  "två",
  "tre",
  "fyra",
  "fem",
  "sex",
  "sju",
  "åtta",
  "nio",
  "tio",
  "elva",
  "tolv",
  "tretton",
  "fjorton",
  "femton",
  "sexton",
  "sjutton",
  "arton",
  "nitton",
];
const TENS = ["", "", "tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio"];

/** 1–999; a final "en" agrees with a neuter noun ("fyrtioett ärenden", "etthundraett brott"). */
function below1000(n: number, neuter = false): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds === 0 ? "" : `${hundreds === 1 ? "ett" : ONES[hundreds]}hundra`;
  if (rest === 0) return head;
  const one = neuter ? "ett" : "en";
  const unit = (k: number) => (k === 1 ? one : ONES[k]!);
  const tail =
    rest < 20 ? unit(rest) : `${TENS[Math.floor(rest / 10)]}${rest % 10 === 0 ? "" : unit(rest % 10)}`;
  return head + tail;
}

/**
 * "nio", "tolv", "fyrahundrafjorton", "ettusen femhundratretton". `neuter` (default false) makes a
 * final one agree with a neuter noun: "ett ärende", "tjugoett fall", "fyrtioett ärenden" (Språkrådet
 * accepts both, Myndigheternas skrivregler follows the noun). Supports 0 to 999 999 999.
 */
export function numberInWords(n: number, neuter = false): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e9) throw new RangeError(`kan inte skriva ${n} med ord`);
  if (n === 0) return "noll";
  if (n === 1) return neuter ? "ett" : "en";
  if (n < 1000) return below1000(n, neuter);
  const parts: string[] = [];
  const millions = Math.floor(n / 1e6);
  const thousands = Math.floor((n % 1e6) / 1000);
  const rest = n % 1000;
  if (millions > 0) parts.push(millions === 1 ? "en miljon" : `${below1000(millions)} miljoner`);
  // Three t:s become two: "ettusen".
  if (thousands > 0) parts.push(thousands === 1 ? "ettusen" : `${below1000(thousands)}tusen`);
  if (rest > 0) parts.push(below1000(rest, neuter));
  return parts.join(" ");
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
