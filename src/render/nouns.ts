/**
 * The nouns the report counts, with their grammatical gender, so that a number written in words
 * agrees with its noun ("ett ärende", "en person") and a count of one takes the singular ("ett
 * ärende", not "ett ärenden"). Compounds are found by their last part: "koppleribrott" is neuter
 * because "brott" is. A noun that is not listed counts as common gender ("en"), which is right for
 * most Swedish nouns of people.
 */
export type Genus = "utrum" | "neutrum";

interface Noun {
  singular: string;
  plural: string;
  /** Definite plural, which also shows up after "av de …" ("ett av brotten"). */
  definitePlural: string;
  genus: Genus;
}

const noun = (singular: string, plural: string, definitePlural: string, genus: Genus): Noun => ({
  singular,
  plural,
  definitePlural,
  genus,
});

const NOUNS: readonly Noun[] = [
  noun("brott", "brott", "brotten", "neutrum"),
  noun("ärende", "ärenden", "ärendena", "neutrum"),
  noun("fall", "fall", "fallen", "neutrum"),
  noun("barn", "barn", "barnen", "neutrum"),
  noun("år", "år", "åren", "neutrum"),
  noun("land", "länder", "länderna", "neutrum"),
  noun("åtal", "åtal", "åtalen", "neutrum"),
  noun("offer", "offer", "offren", "neutrum"),
  noun("uppehållstillstånd", "uppehållstillstånd", "uppehållstillstånden", "neutrum"),
  noun("strafföreläggande", "strafförelägganden", "strafföreläggandena", "neutrum"),
  noun("förslag", "förslag", "förslagen", "neutrum"),
  noun("kapitel", "kapitel", "kapitlen", "neutrum"),
  noun("tillstånd", "tillstånd", "tillstånden", "neutrum"),
  noun("beslut", "beslut", "besluten", "neutrum"),
  noun("mål", "mål", "målen", "neutrum"),
  noun("län", "län", "länen", "neutrum"),
  noun("företag", "företag", "företagen", "neutrum"),
  noun("ställe", "ställen", "ställena", "neutrum"),
  noun("person", "personer", "personerna", "utrum"),
  noun("kvinna", "kvinnor", "kvinnorna", "utrum"),
  noun("man", "män", "männen", "utrum"),
  noun("flicka", "flickor", "flickorna", "utrum"),
  noun("pojke", "pojkar", "pojkarna", "utrum"),
  noun("dom", "domar", "domarna", "utrum"),
  noun("region", "regioner", "regionerna", "utrum"),
  noun("restaurang", "restauranger", "restaurangerna", "utrum"),
  noun("gärningsperson", "gärningspersoner", "gärningspersonerna", "utrum"),
  noun("målsägande", "målsägande", "målsägandena", "utrum"),
  noun("åtgärd", "åtgärder", "åtgärderna", "utrum"),
  noun("anmälan", "anmälningar", "anmälningarna", "utrum"),
  noun("insats", "insatser", "insatserna", "utrum"),
  noun("tillfälle", "tillfällen", "tillfällena", "neutrum"),
  noun("gång", "gånger", "gångerna", "utrum"),
  noun("krona", "kronor", "kronorna", "utrum"),
  noun("miljon", "miljoner", "miljonerna", "utrum"),
  noun("miljard", "miljarder", "miljarderna", "utrum"),
  noun("månad", "månader", "månaderna", "utrum"),
  noun("vecka", "veckor", "veckorna", "utrum"),
  noun("dag", "dagar", "dagarna", "utrum"),
  noun("timme", "timmar", "timmarna", "utrum"),
  noun("kommun", "kommuner", "kommunerna", "utrum"),
  noun("bransch", "branscher", "branscherna", "utrum"),
];

/**
 * Nouns that count something other than people, offences and cases: a number before one of them is
 * compared only with numbers before the same noun. Default for a noun not listed: the common kind.
 */
const OWN_KIND = new Set([
  "år",
  "land",
  "restaurang",
  "åtgärd",
  "företag",
  "ställe",
  "region",
  "län",
  "kapitel",
  "förslag",
  "insats",
  "tillstånd",
  "uppehållstillstånd",
  "tillfälle",
  "gång",
  "krona",
  "miljon",
  "miljard",
  "månad",
  "vecka",
  "dag",
  "timme",
  "kommun",
  "bransch",
]);
const kindOf = (n: Noun) => (OWN_KIND.has(n.singular) ? n.singular : "");

const BY_FORM = new Map<string, { noun: Noun; plural: boolean }>();
for (const n of NOUNS) {
  BY_FORM.set(n.singular, { noun: n, plural: false });
  BY_FORM.set(n.plural, { noun: n, plural: true });
  BY_FORM.set(n.definitePlural, { noun: n, plural: true });
}
// Longest last parts first, so that "gärningsperson" wins over "person" and "brottsoffer" finds "offer".
const ENDINGS = [...BY_FORM.keys()].sort((a, b) => b.length - a.length);

export interface NounMatch {
  genus: Genus;
  /** The word as written. */
  word: string;
  /** The same word in the singular, for a count of one ("ärenden" → "ärende", "sexköpsbrott" → itself). */
  singular: string;
  /** The same word in the indefinite plural, for any other count ("gärningsperson" → "gärningspersoner"). */
  pluralForm: string;
  plural: boolean;
  /**
   * What the noun counts, for deciding which numbers in a sentence are comparable: people, offences
   * and cases are one kind ("Bland de 41 fallen var 3 kvinnor"), while a unit of its own ("30 år",
   * "sex andra länder", "38 åtgärder") is not compared with them.
   */
  kind: string;
}

/** The noun a word is, or ends in (compounds), or `undefined` for a word the lexicon does not know. */
export function lookUpNoun(word: string): NounMatch | undefined {
  const lower = word.toLowerCase();
  const exact = BY_FORM.get(lower);
  const ending = exact
    ? lower
    : ENDINGS.find((e) => e.length >= 3 && lower.endsWith(e) && lower.length - e.length >= 3);
  if (!ending) return undefined;
  const hit = BY_FORM.get(ending)!;
  const stem = word.slice(0, word.length - ending.length);
  const singular = hit.plural && hit.noun.plural === ending ? stem + hit.noun.singular : word;
  const pluralForm = !hit.plural && hit.noun.singular === ending ? stem + hit.noun.plural : word;
  return { genus: hit.noun.genus, word, singular, pluralForm, plural: hit.plural, kind: kindOf(hit.noun) };
}
