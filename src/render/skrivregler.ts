import { capitalise, numberInWords } from "./number-words.js";
import { lookUpNoun, type Genus } from "./nouns.js";
import { DEFAULT_TEXT_RULES, type TextRules } from "./phrases.js";
import { formatNumber } from "./swedish.js";

/**
 * Myndigheternas skrivregler and Språkrådet's advice, applied to a whole sentence at a time.
 *
 * Whether a number is written in words or digits, whether "en" or "ett", and whether a sentence may
 * open with it all depend on the rest of the sentence, which a helper cannot see. So the helpers
 * (`antal`, `procent`, `forandring`, …) leave a marker holding the value, and this pass, run on each
 * rendered chapter, decides each marker's form from its sentence:
 *
 * - numbers up to twelve in words, larger in digits; if one count in a sentence needs digits, all do
 *   ("95 gällde vuxna och 12 barn");
 * - a number in words agrees with its noun, also an elided one ("127 brott … och ett om …");
 * - a count of one takes the singular noun ("ett ärende");
 * - a sentence never opens with digits or a long number word; it is rephrased ("Av dem gällde 101
 *   vuxna", "Av domarna gällde 40 procent …", "Sammanlagt 89 ärenden …");
 * - a change agrees with its verb ("ökade" is never followed by a decrease), +100 % is "en
 *   fördubbling", and "jämfört med 2022" is said once per section;
 * - reported offences are "anmälda brott", never "anmälningar";
 * - footnote marks stand after the punctuation they follow.
 *
 * What the pass cannot mend (typed prose in a year text that opens with a digit, say) is returned as
 * a finding, which the build reports as a warning.
 */

const OPEN = "\uE000";
const CLOSE = "\uE001";
const MARKER = /\uE000([ACPT])([^\uE001]*)\uE001/g;

/** A running-text count: words or digits, gender and sentence position decided later. */
export function countMarker(n: number, genus?: Genus): string {
  return `${OPEN}A${n}|${genus === "neutrum" ? "n" : genus === "utrum" ? "u" : ""}${CLOSE}`;
}

/**
 * A figure always in digits (`tal`: "74 000", "8 miljoner"). It is marked all the same, so that
 * counts of the same kind in its sentence are written in digits beside it ("8 misstänkta
 * gärningspersoner och fler än 100 målsägande", not "åtta … 100").
 */
export function figureMarker(n: number): string {
  return `${OPEN}T${n}|${CLOSE}`;
}

/** A share in running text, "44 procent". */
export function percentMarker(p: number): string {
  return `${OPEN}P${p}${CLOSE}`;
}

export interface Change {
  now: number;
  before: number | null;
  percent: number | null;
  /** The year compared with. */
  year: number;
}
// `before` null with a `percent`: a change the source published without the earlier figure.

/** A change between two years: "en ökning med 20 procent jämfört med 2022", or after "ökade", "med 20 procent …". */
export function changeMarker(change: Change): string {
  // Plain digits and semicolons, so that no template escaping can touch it.
  const field = (n: number | null) => (n === null ? "" : String(n));
  return `${OPEN}C${field(change.now)};${field(change.before)};${field(change.percent)};${change.year}${CLOSE}`;
}

function parseChange(body: string): Change {
  const [now, before, percent, year] = body.split(";").map((f) => (f === "" ? null : Number(f)));
  return { now: now!, before: before ?? null, percent: percent ?? null, year: year! };
}

/** A change as a noun phrase on its own: "en ökning med 20 procent jämfört med 2022". */
export function changePhrase(change: Change, rules: TextRules = DEFAULT_TEXT_RULES): string {
  return changeNominal(change, rules, true);
}

/** Replaces every marker with its plain form, for text outside running prose (tables, captions). */
export function resolvePlain(text: string, rules: TextRules = DEFAULT_TEXT_RULES): string {
  return text.replace(MARKER, (_, kind: string, body: string) => {
    if (kind === "A") return formatCountPlain(Number(body.split("|")[0]), rules);
    if (kind === "T") return formatLargeNumber(Number(body.split("|")[0]));
    if (kind === "P") return `${formatNumber(Number(body))} procent`;
    return changeNominal(parseChange(body), rules, true);
  });
}

/** "8 miljoner", "2,5 miljoner": large round numbers in words (Språkrådet), exact ones in digits. */
export function formatLargeNumber(n: number): string {
  for (const [size, one, many] of [
    [1e9, "miljard", "miljarder"],
    [1e6, "miljon", "miljoner"],
  ] as const) {
    if (Math.abs(n) >= size && n % (size / 10) === 0) {
      const m = n / size;
      return `${formatNumber(m)} ${m === 1 ? one : many}`;
    }
  }
  return formatNumber(n);
}

function formatCountPlain(n: number, rules: TextRules): string {
  return Number.isInteger(n) && n >= 0 && n <= rules.wordsUpTo ? numberInWords(n) : formatLargeNumber(n);
}

// ---------------------------------------------------------------------------------------------------
// Changes

type Direction = "upp" | "ned" | "lika" | "saknas";

function direction(c: Change): Direction {
  // A change published without its base (Brå's own percentages) has only the percentage.
  if (c.before === null) {
    if (c.percent === null) return "saknas";
    return c.percent === 0 ? "lika" : c.percent > 0 ? "upp" : "ned";
  }
  if (c.now === c.before) return "lika";
  return c.now > c.before ? "upp" : "ned";
}

const usesCounts = (c: Change, rules: TextRules) =>
  c.before !== null && (c.before < rules.smallBase || c.percent === null);

/**
 * A change published as a percentage only (Brå's), on a base that must have been under the small-base
 * limit: the earlier figure is about now / (1 + p). A percentage of a handful says little and the
 * counts are not known, so only the direction is told ("9 gällde barn, en minskning jämfört med 2022").
 */
const onUnknownSmallBase = (c: Change, rules: TextRules) =>
  c.before === null &&
  c.percent !== null &&
  c.percent > -100 &&
  // A count of none tells nothing about the base.
  c.now > 0 &&
  c.now / (1 + c.percent / 100) < rules.smallBase;

/** Both figures of a small-base change in one form: "från tre till fem", "från 14 till 9". */
function fromTo(c: Change, rules: TextRules, withYear: boolean, digits = false): string {
  const words = !digits && Math.max(c.now, c.before!) <= rules.wordsUpTo;
  const show = (n: number) => (words ? numberInWords(n) : formatNumber(n));
  return `från ${show(c.before!)}${withYear ? ` år ${c.year}` : ""} till ${show(c.now)}`;
}

/**
 * Changes that read better as multiples (Språkrådet: "ökade med 150 procent" is easily misread):
 * +100 % is a doubling, +200 % a tripling, −50 % a halving, and between them "mer än en fördubbling".
 */
function multiple(percent: number): [string, string] | undefined {
  if (percent === 100) return ["en fördubbling", "fördubblades"];
  if (percent === 200) return ["en tredubbling", "tredubblades"];
  if (percent === -50) return ["en halvering", "halverades"];
  if (percent > 100 && percent < 200) return ["mer än en fördubbling", "mer än fördubblades"];
  return undefined;
}

/** The change as a noun phrase: "en ökning med 20 procent jämfört med 2022". */
function changeNominal(c: Change, rules: TextRules, withYear: boolean, digits = false): string {
  const since = withYear ? ` jämfört med ${c.year}` : "";
  switch (direction(c)) {
    case "saknas":
      return `jämförbar uppgift för ${c.year} saknas`;
    case "lika":
      return `oförändrat${withYear ? ` jämfört med ${c.year}` : ""}`;
    default: {
      const noun = direction(c) === "upp" ? "en ökning" : "en minskning";
      if (usesCounts(c, rules)) return `${noun} ${fromTo(c, rules, withYear, digits)}`;
      const times = multiple(c.percent!);
      if (times) return `${times[0]}${since}`;
      if (onUnknownSmallBase(c, rules)) return `${noun}${since}`;
      return `${noun} med ${formatNumber(Math.abs(c.percent!))} procent${since}`;
    }
  }
}

/** The change as a verb phrase, replacing the verb before it: ["minskade", "med 36 procent jämfört med 2022"]. */
function changeVerbal(c: Change, rules: TextRules, withYear: boolean, digits = false): [string, string] {
  const since = withYear ? ` jämfört med ${c.year}` : "";
  switch (direction(c)) {
    case "saknas":
      return ["kan inte jämföras", `med ${c.year}, eftersom jämförbar uppgift saknas`];
    case "lika":
      return ["var oförändrade", since.trim()];
    default: {
      const verb = direction(c) === "upp" ? "ökade" : "minskade";
      if (usesCounts(c, rules)) return [verb, fromTo(c, rules, withYear, digits)];
      const times = multiple(c.percent!);
      if (times) return [times[1], since.trim()];
      if (onUnknownSmallBase(c, rules)) return [verb, since.trim()];
      return [verb, `med ${formatNumber(Math.abs(c.percent!))} procent${since}`];
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Sentences

export interface WritingFinding {
  rule: string;
  sentence: string;
  message: string;
}

/** Words and phrases the report does not use, with what it says instead. */
const TERMS: readonly [RegExp, string][] = [
  // Reported offences are counted by Brå as offences, not as reports ("anmälda brott", not "anmälningar").
  [/\bAnmälningarna\b/g, "De anmälda brotten"],
  [/\banmälningarna\b/g, "de anmälda brotten"],
  [/\bAnmälningar\b/g, "Anmälda brott"],
  [/\banmälningar\b/g, "anmälda brott"],
];

const FINITE_VERBS = new Set(
  "var är hade har fick får kom kommer blev blir gällde gäller ledde leder gick går fanns finns utgjorde utgör avsåg avser rörde rör saknade saknar avslutades anmäldes dömdes identifierades upptäcktes registrerades misstänktes beviljades hörde tillhörde".split(
    " ",
  ),
);
const looksFinite = (word: string) =>
  FINITE_VERBS.has(word) || /^[a-zåäö]{3,}(ades|des|tes|ade|dde)$/.test(word);

const LONG_NUMBER_WORD =
  /^[*_]*(tretton|fjorton|femton|sexton|sjutton|arton|nitton|tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio|[a-zåäö]*hundra|[a-zåäö]*tusen)/i;

const SMALL_NUMBER_WORDS: Record<string, number> = Object.fromEntries(
  Array.from({ length: 13 }, (_, n) => [numberInWords(n), n]),
);
SMALL_NUMBER_WORDS.ett = 1;

interface Marker {
  kind: "A" | "C" | "P" | "T";
  body: string;
  start: number;
  end: number;
}

function markersIn(sentence: string): Marker[] {
  return [...sentence.matchAll(MARKER)].map((m) => ({
    kind: m[1] as Marker["kind"],
    body: m[2]!,
    start: m.index,
    end: m.index + m[0].length,
  }));
}

const countValue = (m: Marker) => Number(m.body.split("|")[0]);
const countGenus = (m: Marker): Genus | undefined =>
  m.body.endsWith("|n") ? "neutrum" : m.body.endsWith("|u") ? "utrum" : undefined;

const WORD = /[\p{L}-]+/gu;

/** The noun a count stands before, skipping "av de" and adjectives ("fem potentiella brottsoffer"). */
function nounAfter(text: string) {
  const words =
    text
      .split(/(?=[,.;:()\uE000])/)[0]!
      .match(WORD)
      ?.slice(0, 4) ?? [];
  // "39 683 år 2020": "år" before a year is "in the year", not what is counted.
  if (/^\s*år \d{4}\b/.test(text)) return undefined;
  for (const word of words) {
    const hit = lookUpNoun(word);
    if (hit) return hit;
    if (
      !["av", "de", "dem", "den", "det", "nya", "andra", "olika"].includes(word.toLowerCase()) &&
      !/(a|e)$/.test(word)
    )
      return undefined;
  }
  return undefined;
}

/** Words between a count and its noun that are not adjectives to inflect. */
const NOT_ADJECTIVES = new Set(["av", "de", "dem", "den", "det", "andra", "olika", "enda", "samma"]);

/**
 * An adjective in the plural as it stands after "en" or "ett": "potentiella" → "potentiell" /
 * "potentiellt", "anmälda" → "anmäld" / "anmält", "identifierade" → "identifierad" / "identifierat",
 * "nya" → "ny" / "nytt". Words that are not plural adjectives are returned as they are.
 */
export function singularAdjective(word: string, genus: Genus): string {
  if (NOT_ADJECTIVES.has(word.toLowerCase())) return word;
  if (word === "nya") return genus === "neutrum" ? "nytt" : "ny";
  if (/ade$/.test(word)) return word.slice(0, -1).replace(/d$/, genus === "neutrum" ? "t" : "d");
  if (!/[^aeiouyåäö]a$/.test(word)) return word;
  const stem = word.slice(0, -1);
  if (genus === "utrum") return stem;
  if (/t$/.test(stem)) return stem;
  if (/[^aeiouyåäö]d$/.test(stem)) return `${stem.slice(0, -1)}t`;
  return `${stem}t`;
}

/** The words after a count of one in the singular: adjectives before the noun, and the noun. */
function singularPhrase(text: string, one: { plural: string; singular: string; genus: Genus }): string {
  const lead = /^(?: [\p{L}-]+){1,4}/u.exec(text)?.[0] ?? "";
  const words = lead.split(" ").slice(1);
  const at = words.indexOf(one.plural);
  // "ett av de anmälda brotten": one of several, the words after it stay plural.
  if (at < 0 || words.slice(0, at).includes("av")) return text;
  const phrase = [...words.slice(0, at).map((w) => singularAdjective(w, one.genus)), one.singular];
  const consumed = ` ${words.slice(0, at + 1).join(" ")}`;
  return ` ${phrase.join(" ")}${text.slice(consumed.length)}`;
}

/**
 * Rewrites a sentence that opens with a number so that the number comes later, or returns undefined
 * where no rewording is known (the caller reports it).
 */
function rephraseOpening(
  first: Marker,
  sentence: string,
  forceDigits: boolean,
  rules: TextRules,
): string | undefined {
  const value = first.kind === "P" ? Number(first.body) : countValue(first);
  let rest = sentence.slice(first.end);
  const isPercent = first.kind === "P" || /^ procent\b/.test(rest);
  if (first.kind === "A" && !isPercent && !forceDigits && value <= rules.wordsUpTo) return undefined;
  if (isPercent) {
    rest = rest.replace(/^ procent\b/, "");
    // "40 procent av domarna gällde koppleri" → "Av domarna gällde 40 procent koppleri".
    const words = /^ av ([^,.;:]*)/.exec(rest)?.[1]?.split(" ") ?? [];
    const verbAt = words.findIndex((w, i) => i > 0 && i <= 4 && looksFinite(w));
    if (verbAt < 0) return undefined;
    const whole = words.slice(0, verbAt).join(" ");
    const afterVerb = rest.slice(` av ${whole} ${words[verbAt]}`.length);
    return `Av ${whole} ${words[verbAt]} ${percentMarker(value)}${afterVerb}`;
  }
  const next = /^ ([\p{L}]+)\b(.*)$/su.exec(rest);
  if (next && looksFinite(next[1]!) && !lookUpNoun(next[1]!)) {
    // An elided noun ("101 gällde vuxna") refers to the sentence before: "Av dem gällde 101 vuxna".
    return `Av dem ${next[1]} ${sentence.slice(first.start, first.end)}${next[2]}`;
  }
  // "89 ärenden avslutades …" → "Sammanlagt 89 ärenden avslutades …".
  return `Sammanlagt ${sentence.slice(first.start)}`;
}

interface CountInSentence {
  marker: Marker;
  noun: ReturnType<typeof nounAfter>;
  /** What is counted (nouns.ts `kind`); an elided noun counts what the count before it counted. */
  kind: string;
}

/** The counts of a sentence with what each counts, from left to right. */
function countsIn(sentence: string, markers: Marker[]): CountInSentence[] {
  let lastKind = "";
  return markers
    .filter((m) => m.kind === "A" || m.kind === "T")
    .map((marker) => {
      // A range ("12–15 år") counts what its upper end counts.
      const range = /^\s*[–-]\s*\uE000[AT][^\uE001]*\uE001/.exec(sentence.slice(marker.end));
      const noun = nounAfter(sentence.slice(marker.end + (range?.[0].length ?? 0)));
      const kind = noun ? noun.kind : lastKind;
      lastKind = kind;
      return { marker, noun, kind };
    });
}

/**
 * Comparable numbers in one form (Myndigheternas skrivregler): the kinds of count in the sentence of
 * which one needs digits. Then every count of that kind is in digits, one and none too ("127 brott om
 * människoexploatering och 1 om människohandel"), while a count of something else keeps its own form
 * ("fem män … medelåldern var 30 år").
 */
function kindsInDigits(counts: CountInSentence[], rules: TextRules): Set<string> {
  return new Set(
    counts
      .filter(({ marker }) => {
        const n = countValue(marker);
        return !Number.isInteger(n) || n < 0 || n > rules.wordsUpTo;
      })
      .map((c) => c.kind),
  );
}

function resolveSentence(
  raw: string,
  seen: Set<string>,
  rules: TextRules,
  findings: WritingFinding[],
): string {
  let sentence = raw;
  for (const [pattern, replacement] of TERMS) sentence = sentence.replace(pattern, replacement);

  let markers = markersIn(sentence);
  let counts = countsIn(sentence, markers);
  let digitKinds = kindsInDigits(counts, rules);

  const lead = /^[*_(]*/.exec(sentence)![0];
  const first = markers[0];
  // A figure from `tal` is digits by the template's choice; an opening one is reported, not reworded.
  if (first && first.start === lead.length && first.kind !== "C" && first.kind !== "T") {
    const firstKind = counts.find((c) => c.marker === first)?.kind ?? "";
    const reworded = rephraseOpening(first, sentence.slice(lead.length), digitKinds.has(firstKind), rules);
    if (reworded !== undefined) {
      sentence = lead + reworded;
      markers = markersIn(sentence);
      counts = countsIn(sentence, markers);
      digitKinds = kindsInDigits(counts, rules);
    }
  }

  // Resolve from left to right, remembering the last noun counted for elided ones.
  let out = "";
  let at = 0;
  let lastGenus: Genus | undefined;
  let lastKind = "";
  let lastVerbDirection: Direction | undefined;
  // A count of one takes the singular noun and adjective ("ett potentiella brottsoffer" → "ett
  // potentiellt brottsoffer", "ett ärenden" → "ett ärende"); any other count the plural ("två
  // gärningsperson" → "två gärningspersoner").
  let agreement: ((text: string) => string) | undefined;
  const segment = (from: number, to?: number) => {
    const text = sentence.slice(from, to);
    const agree = agreement;
    agreement = undefined;
    return agree ? agree(text) : text;
  };
  for (const m of markers) {
    let before = segment(at, m.start);
    const after = sentence.slice(m.end);
    let text: string;
    if (m.kind === "A" || m.kind === "T") {
      const n = countValue(m);
      const count = counts.find((c) => c.marker.start === m.start)!;
      const noun = count.noun;
      const genus = countGenus(m) ?? noun?.genus ?? lastGenus ?? "utrum";
      if (noun) lastGenus = noun.genus;
      lastKind = count.kind;
      // A figure from `tal` stays in digits whatever its size.
      const words =
        m.kind === "A" &&
        !digitKinds.has(count.kind) &&
        Number.isInteger(n) &&
        n >= 0 &&
        n <= rules.wordsUpTo;
      // A count alone in parentheses is a figure beside a word ("arbetskraftsexploatering (0)"):
      // digits, never "(noll)" or "(inga)".
      const figureInParentheses = /\(\s*$/.test(before) && /^\s*\)/.test(after);
      // None in words is "inga brott", elided "… och inget mot vuxna", never "noll".
      if (figureInParentheses || !words) text = formatLargeNumber(n);
      else if (n === 0) text = noun ? "inga" : genus === "neutrum" ? "inget" : "ingen";
      else text = numberInWords(n, genus === "neutrum");
      if (/^[*_(]*$/.test(out + before)) text = capitalise(text);
      if (noun && !figureInParentheses) {
        const one = { plural: noun.word, singular: noun.singular, genus };
        if (n === 1) agreement = (t) => singularPhrase(t, one);
        else if (!noun.plural && noun.pluralForm !== noun.word) {
          const typed = ` ${noun.word}`;
          agreement = (t) => (t.startsWith(typed) ? ` ${noun.pluralForm}${t.slice(typed.length)}` : t);
        }
      }
    } else if (m.kind === "P") {
      text = `${formatNumber(Number(m.body))} procent`;
    } else {
      const change = parseChange(m.body);
      const phrase = `${change.year}`;
      const withYear = !seen.has(phrase);
      const verbBefore = /(?<!\p{L})(ökade|minskade|förändrades)\s+$/u.exec(before);
      const dir = direction(change);
      // "från 14 till 9" in the form of the count it describes.
      const digits = digitKinds.has(lastKind);
      if (verbBefore) {
        const [verb, complement] = changeVerbal(change, rules, withYear, digits);
        before = before.slice(0, verbBefore.index) + `${verb}${complement ? " " : ""}`;
        text = complement;
        lastVerbDirection = dir;
      } else if (lastVerbDirection !== undefined && /\boch\s+$/.test(before)) {
        // "ökade från tre till fem för vuxna och [minskade] från två till en för barn".
        const [verb, complement] = changeVerbal(change, rules, withYear, digits);
        text = dir === lastVerbDirection ? complement : `${verb}${complement ? " " : ""}${complement}`;
      } else {
        text = changeNominal(change, rules, withYear, digits);
      }
      if (dir !== "saknas") seen.add(phrase);
    }
    out += before + text;
    at = m.end;
  }
  out += segment(at);

  check(out, findings);
  return out;
}

/** Rules the pass checks but cannot mend on its own. */
function check(sentence: string, findings: WritingFinding[]): void {
  const plain = sentence.replace(/\[\^\d+\]/g, "");
  const report = (rule: string, message: string) => findings.push({ rule, sentence: plain.trim(), message });
  if (/^[*_(]*\d/.test(plain))
    report("siffra-först", "meningen inleds med en siffra; skriv om den så att talet kommer senare");
  else if (LONG_NUMBER_WORD.test(plain))
    report(
      "talord-först",
      "meningen inleds med ett långt räkneord; skriv om den och skriv talet med siffror",
    );
  const grew = /(?<!\p{L})ökade(?!\p{L})([^.;]*)/u.exec(plain);
  if (grew) {
    const fromTo = /från (\S+)(?: år \d{4})? till (\S+)/.exec(grew[1]!);
    const num = (s: string) => SMALL_NUMBER_WORDS[s] ?? Number(s.replace(/\s/g, ""));
    if (/^\s*(med )?en minskning\b/.test(grew[1]!) || (fromTo && num(fromTo[2]!) < num(fromTo[1]!)))
      report("okade-minskning", '"ökade" beskriver en minskning');
  }
  if (/\banmälningar(na)?\b/i.test(plain)) report("anmalningar", 'anmälda brott kallas inte "anmälningar"');
}

/** Sentence boundaries: end punctuation (and a footnote mark), space, then a capital, a digit or a marker. */
const SENTENCE_END =
  /(?<=[.!?](?:\[\^\d+\])?)(?<!(?<!\p{L})(?:s|sid|nr|kap|jfr|inkl|bl\.a|t\.ex|m\.m|dvs|ca|st|resp|prop|dnr)\.)(\s+)(?=[*_(]*[\p{Lu}\d\uE000])/u;

function isProse(block: string): boolean {
  return !/^(#|\||!\[|\[\^|<|```|Tabell \d)/.test(block.trimStart());
}

/**
 * Applies the rules to one chapter's Markdown: prose paragraphs and list items sentence by sentence,
 * tables and headings with plain forms. Returns the text and the findings the rules could not mend.
 */
export function applyWritingRules(
  markdown: string,
  rules: TextRules = DEFAULT_TEXT_RULES,
): { text: string; findings: WritingFinding[] } {
  const findings: WritingFinding[] = [];
  const blocks = markdown.split(/(\n{2,})/);
  // "jämfört med 2022" is said once per section: after it, the year is understood until the next heading.
  let seen = new Set<string>();
  const text = blocks
    .map((block) => {
      if (/^#/.test(block)) seen = new Set();
      if (/^\n+$/.test(block) || !isProse(block)) return resolvePlain(block, rules);
      // List items are sentences of their own.
      const items = /^\s*([-*]|\d+\.) /.test(block) ? block.split(/(\n(?=\s*(?:[-*]|\d+\.) ))/) : [block];
      return items
        .map((item) => {
          if (/^\n/.test(item)) return item;
          const marker = /^\s*(?:(?:[-*]|\d+\.) )?/.exec(item)![0];
          const parts = item.slice(marker.length).split(SENTENCE_END);
          const body = parts
            .map((part, i) => (i % 2 === 1 ? part : resolveSentence(part, seen, rules, findings)))
            .join("");
          return marker + body;
        })
        .join("");
    })
    .join("");
  // Footnote marks after the punctuation they belong with: "Brå,[^3]" rather than "Brå[^3],".
  return { text: text.replace(/((?:\[\^\d+\])+)([.,;:])/g, "$2$1"), findings };
}

/** Repetition across sentences of the same attribution ("enligt Brå"), which belongs in a footnote. */
export function repeatedAttributions(markdown: string): WritingFinding[] {
  const findings: WritingFinding[] = [];
  for (const block of markdown.split(/\n{2,}/).filter(isProse)) {
    const sentences = block.split(SENTENCE_END).filter((_, i) => i % 2 === 0);
    for (let i = 1; i < sentences.length; i++) {
      const a = /\benligt [\p{Lu}][\p{L}]+/u.exec(sentences[i - 1]!)?.[0];
      if (a && sentences[i]!.includes(a))
        findings.push({
          rule: "upprepad-kalla",
          sentence: sentences[i]!.trim(),
          message: `"${a}" står i flera meningar i rad; ange källan i en fotnot`,
        });
    }
  }
  return findings;
}
