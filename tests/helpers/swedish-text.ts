import { spawnSync } from "node:child_process";

/**
 * Reads the running text of a printed report back out of the PDF (pdftotext in reading order) and
 * checks it against Myndigheternas skrivregler independently of the code that wrote it: the test sees
 * what a reader sees, not the Markdown.
 */

/** The PDF's text in reading order, no-break spaces as spaces. */
export function pdfReadingText(pdf: string): string {
  const result = spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`pdftotext misslyckades: ${result.stderr}`);
  return result.stdout.replace(/[\u00a0\u202f]/g, " ");
}

/** The body of the report: after the contents page, before the list of sources. */
export function bodyText(text: string): string {
  const start = text.indexOf("1 Sammanfattning", text.indexOf("1 Sammanfattning") + 1);
  // The first "Källor" after the body starts: the list's own heading (later ones are its running heads).
  const end = text.indexOf("\nKällor\n", start);
  return text.slice(start, end > start ? end : undefined);
}

/**
 * Sentences of running prose: lines joined, footnote marks (digits right after punctuation) removed,
 * page furniture, footnote definitions, headings, tables and chart labels dropped.
 */
export function proseSentences(text: string): string[] {
  const lines = bodyText(text)
    .split("\n")
    .map((l) => l.trim())
    .filter(
      (l) =>
        l !== "" &&
        !/^MÄNNISKOHANDEL FÖR SEXUELLA/.test(l) &&
        !/^Informationsklass /.test(l) &&
        !/^\d+\. \p{L}/u.test(l) && // footnote definitions (a publisher may start in lower case: mybestgirls.com)
        !/^Diagram \d+\./.test(l),
    );
  // A short line without end punctuation is a heading, a table cell or a chart label: it ends what came before.
  const paragraphs: string[] = [];
  let current = "";
  let inTable = false;
  for (const line of lines) {
    // A table's cells (notes included) run from its caption to the next line of prose.
    if (/^Tabell \d+\./.test(line)) {
      inTable = true;
      continue;
    }
    if (inTable && line.length >= 70 && /^\p{Lu}/u.test(line)) inTable = false;
    if (inTable) continue;
    const isFragment = line.length < 60 && !/[.!?:;,]\d*$/.test(line);
    if (isFragment || /^\d+(\.\d+)* \p{Lu}/u.test(line)) {
      if (current) paragraphs.push(current);
      current = "";
      continue;
    }
    current = current ? `${current} ${line}` : line;
    if (line.length < 60 && /[.!?]\d*$/.test(line)) {
      paragraphs.push(current);
      current = "";
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs
    .map((p) => p.replace(/([.,;:!?)])\d{1,3}(?=\s|$)/g, "$1"))
    .flatMap((p) => p.split(/(?<=[.!?])\s+(?=[\p{Lu}\d])/u))
    .filter((s) => /[.!?]$/.test(s) && s.split(" ").length >= 4);
}

const LONG_NUMBER_WORD =
  /^(Tretton|Fjorton|Femton|Sexton|Sjutton|Arton|Nitton|Tjugo|Trettio|Fyrtio|Femtio|Sextio|Sjuttio|Åttio|Nittio|\p{Lu}\p{Ll}*hundra|\p{Lu}\p{Ll}*tusen)/u;
const SMALL = ["två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"];
const SMALL_VALUE: Record<string, number> = Object.fromEntries([
  ["noll", 0],
  ["en", 1],
  ["ett", 1],
  ...SMALL.map((w, i) => [w, i + 2]),
]);
const COUNTED_NOUNS =
  "brott|ärenden?|fall|barn|personer|kvinnor|män|flickor|pojkar|domar|fängelsedomar|åtal|målsägande|gärningspersoner|offer|brottsoffer";

/** What a number may count that is not comparable with people, offences and cases. */
const UNITS = "år|gånger|kronor|miljoner|miljarder|procent|åtgärder|länder|restauranger|regioner|tillfällen";

export interface Violation {
  rule: string;
  sentence: string;
}

/** Every breach of the rules the report promises, in the PDF's own text. */
export function writingRuleViolations(text: string): Violation[] {
  const out: Violation[] = [];
  const sentences = proseSentences(text);
  const body = bodyText(text);
  for (const [i, sentence] of sentences.entries()) {
    const flag = (rule: string) => out.push({ rule, sentence });
    if (/^\d/.test(sentence)) flag("inleds med en siffra");
    // In running text "procent" is written out, and a date is "den 15 december 2024", not 2024-12-15
    // (tables, charts and the notes' retrieval dates may use the short forms).
    if (/\d\s?%/.test(sentence)) flag("procenttecken i löptext");
    if (/(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/.test(sentence)) flag("datum i sifferform i löptext");
    if (LONG_NUMBER_WORD.test(sentence)) flag("inleds med ett långt räkneord");
    // A sentence never ends on a comma, semicolon or colon before its full stop ("uppgifter,.").
    if (/[,;:]\s*[.!?](?!\d)/.test(sentence)) flag("skiljetecken före punkt");
    const grew = /(?<!\p{L})ökade(?!\p{L})([^.;]*)/u.exec(sentence);
    if (grew) {
      const fromTo = /från (\S+)(?: år \d{4})? till (\S+?)[,.]?(?:\s|$)/.exec(grew[1]!);
      const value = (s: string) => SMALL_VALUE[s] ?? Number(s.replace(/\s/g, ""));
      if (/^\s*(med )?en minskning/.test(grew[1]!) || (fromTo && value(fromTo[2]!) < value(fromTo[1]!)))
        flag("ökade om en minskning");
    }
    // Comparable counts in one sentence in one form: no "tolv fall" beside "15 fall", and no "ett"
    // or "inget" for an elided noun beside digits ("127 brott … och ett om tiggeri, inget mot vuxna").
    const digitCount = new RegExp(
      `(?<![\\d,])(1[3-9]|[2-9]\\d|\\d{3,}) (?:\\p{L}+ )?(?:${COUNTED_NOUNS})\\b`,
      "u",
    );
    const wordCount = new RegExp(
      `(?<!\\p{L})(?:(?:${SMALL.join("|")}) (?:\\p{L}+ )?(?:${COUNTED_NOUNS})(?!\\p{L})|(?:${SMALL.join("|")}|en|ett|inget|ingen|inga) (?:om|mot) )`,
      "iu",
    );
    if (digitCount.test(sentence) && wordCount.test(sentence)) flag("jämförbara tal i olika form");
    // A small count in digits where nothing comparable needs them: "var 5 män, och medelåldern var
    // 30 år" (an age is not compared with a count of people).
    const bigNumber = new RegExp(
      `(?<![\\d,])(?!(?:19|20)\\d\\d(?!\\d| \\d))(?:1[3-9]|[2-9]\\d|\\d{3,}|\\d{1,3}(?: \\d{3})+)(?![\\d,])(?! (?:\\p{L}+ )?(?:${UNITS})(?!\\p{L}))`,
      "u",
    );
    const smallDigits = new RegExp(`(?<![\\d,(])(?:[1-9]|1[0-2]) (?:\\p{L}+ )?(?:${COUNTED_NOUNS})\\b`, "u");
    if (smallDigits.test(sentence) && !bigNumber.test(sentence.replace(/\d+ procent/g, "")))
      flag("litet tal med siffror utan jämförbart större");
    // A base under 20 gets counts, not a percentage: "9 gällde barn, en minskning med 36 procent"
    // means a change from about 14.
    for (const m of sentence.matchAll(/, en (ökning|minskning) med (\d+) procent/gu)) {
      const before = sentence
        .slice(0, m.index)
        .replace(/\b(?:19|20)\d\d\b/g, "")
        .match(/\d[\d ]*\d|\d/g);
      const now = Number(before?.at(-1)?.replace(/ /g, ""));
      const change = (m[1] === "ökning" ? 1 : -1) * Number(m[2]);
      if (Number.isFinite(now) && now / (1 + change / 100) < 20) flag("procent på en bas under 20");
    }
    if (/(?<!\p{L})ett (personer|kvinnor|män|flickor|pojkar|gärningspersoner)(?!\p{L})/u.test(sentence))
      flag("ett med ett substantiv i utrum");
    if (i > 0) {
      const since = /jämfört med \d{4}/.exec(sentence)?.[0];
      if (since && sentences[i - 1]!.includes(since)) flag(`"${since}" i två meningar i rad`);
      if (/enligt Brå/.test(sentence) && /enligt Brå/.test(sentences[i - 1]!))
        flag(`"enligt Brå" i två meningar i rad`);
    }
  }
  // Word-level rules hold everywhere in the body, sentences or not.
  for (const m of body.matchAll(
    /(?<!\p{L})en (brott|ärende|fall|barn|åtal|strafföreläggande|uppehållstillstånd)(?!\p{L})/gu,
  ))
    out.push({ rule: "en med ett substantiv i neutrum", sentence: m[0] });
  for (const m of body.matchAll(/(?<!\p{L})(ett|en) (ärenden|personer|kvinnor|flickor|pojkar)(?!\p{L})/gu))
    out.push({ rule: "ett styck med substantiv i plural", sentence: m[0] });
  // "ett potentiella brottsoffer": after "en" or "ett" the adjective is singular too.
  for (const m of body.matchAll(
    /(?<!\p{L})(en|ett) (?!andra |olika |enda |samma )\p{Ll}+(?:[^aeiouyåäö\s]a|ade) (?:\p{Ll}*(?:offer|person|personer|brott|ärenden?|fall|barn|kvinn[ao]r?|män|man|flick[ao]r?|pojk[ae]r?|domar|dom))(?!\p{L})/gu,
  ))
    out.push({ rule: "adjektiv i plural efter en eller ett", sentence: m[0] });
  // A count alone in parentheses is a figure: "(0)", "(189)", never "(noll)".
  for (const m of body.matchAll(/\((noll|inga|inget|ingen)\)/gu))
    out.push({ rule: "ett tal inom parentes med ord", sentence: m[0] });
  for (const m of body.matchAll(/\p{L}anmälningar(na)?|(?<!\p{L})[Aa]nmälningar(na)?/gu))
    out.push({ rule: "anmälningar i stället för anmälda brott", sentence: m[0] });
  // A footnote mark before the punctuation it belongs with reads "Brå10," in the PDF's text.
  for (const m of body.matchAll(/(?<![\d\s])\p{Ll}{2,}\d{1,2}[,.;:](?=\s)/gu))
    out.push({ rule: "fotnotstecken före skiljetecken", sentence: m[0] });
  for (const m of body.matchAll(/(?<!\d )\d{1,3}(?: 000){2,}(?!\d)/g))
    out.push({ rule: "stort jämnt tal med siffror", sentence: m[0] });
  return out;
}
