import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import countries from "i18n-iso-countries";
import sv from "i18n-iso-countries/langs/sv.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/temp-data.js";

/**
 * The chapter templates say only what holds for any year's data. Whatever one year's story is —
 * countries, campaigns, industries, operations, a year — belongs in data/<år>/texter/ or comes from
 * the data; a direction ("ökade", "fler … än") is written only where the template has tested it.
 */
const DIR = path.join(REPO_ROOT, "templates/kapitel");
const TEMPLATES = readdirSync(DIR).filter((n) => n.endsWith(".hbs"));

countries.registerLocale(sv);
/** Every country's Swedish name except the report's own, and the continents. */
const PLACES = [
  ...Object.entries(countries.getNames("sv"))
    .filter(([code]) => code !== "SE")
    .flatMap(([, name]) => name.split(/,\s*/)),
  "Afrika",
  "Sydamerika",
  "Nordamerika",
  "Latinamerika",
  "Asien",
  "Oceanien",
  "Balkan",
];
/**
 * Every country's adjective ("rumänska kvinnor", "thailändska bärplockare", "vietnamesiskt"), made
 * from its Swedish name by the usual endings — Rumän-ien → rumänsk, Thai-land → thailändsk, Vietnam →
 * vietnamesisk, Nigeria → nigeriansk, Uzbek-istan → uzbekisk — and the irregular ones listed.
 * Swedish ("svenska") is the report's own and is not a place.
 */
const GENERIC_NAME_WORDS = new Set(
  "demokratiska republiken förenade norra södra östra västra saint sankt öarna ögruppen islands ekvatorial".split(
    " ",
  ),
);
const NAME_ENDINGS = ["ien", "ia", "iet", "et", "en", "n", "land", "a", "e", "o", "istan", "erna"];
const ADJECTIVE_ENDINGS = [
  "sk",
  "isk",
  "esisk",
  "lesisk",
  "ansk",
  "iansk",
  "ensk",
  "iensk",
  "ländsk",
  "nsk",
  "nisk",
];
const IRREGULAR = [
  "rysk",
  "dansk",
  "norsk",
  "fransk",
  "estnisk",
  "isländsk",
  "irländsk",
  "brittisk",
  "amerikansk",
  "engelsk",
  "skotsk",
  "holländsk",
  "tysk",
];
const NATIONALITIES: ReadonlySet<string> = new Set([
  ...Object.entries(countries.getNames("sv"))
    .filter(([code]) => code !== "SE")
    // "Demokratiska republiken Kongo", "Sri Lanka": each word of the name but the generic ones.
    .flatMap(([, name]) => name.toLowerCase().split(/[^\p{L}]+/u))
    .filter((word) => word.length >= 4 && !GENERIC_NAME_WORDS.has(word))
    .flatMap((name) => {
      const stems = [
        name,
        ...NAME_ENDINGS.filter((e) => name.endsWith(e)).map((e) => name.slice(0, -e.length)),
      ];
      return stems.filter((s) => s.length >= 3).flatMap((s) => ADJECTIVE_ENDINGS.map((e) => s + e));
    }),
  ...IRREGULAR,
  "asiatisk",
  "afrikansk",
  "sydamerikansk",
  "latinamerikansk",
  "nordafrikansk",
  "östeuropeisk",
  "osteuropeisk",
]);
/** The nationality adjectives in a text, in any of their forms (-sk, -ska, -skt). */
const nationalities = (text: string) =>
  (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter(
    (w) => NATIONALITIES.has(w) || NATIONALITIES.has(w.replace(/(a|t|e)$/, "")),
  );
/** Whole words, å, ä and ö included (`\b` does not know them). */
const words = (alternatives: string) => new RegExp(`(?<!\\p{L})(${alternatives})(?!\\p{L})`, "iu");
const CAMPAIGNS = words(String.raw`Empact|Look again|IOM|Europol|Frontex|kampanj\w*|insatsvecka\w*`);
const INDUSTRIES = words(
  String.raw`bärplock\w*|jordbruk\w*|bygg(branschen|sektorn|arbetare)|städ(branschen|ning|are)?|restaurang\w*|massagesalong\w*|au pair|hushållsnära|odling\w*|transportbransch\w*|skogsarbet\w*|lägenhetsbordell\w*|\p{L}+branschen`,
);
/** Words that state a direction or a ranking between figures. */
const DIRECTION = words(
  String.raw`ökade|ökat|ökning\w*|minskade|minskat|minskning\w*|steg|sjönk|fler|färre|högre|lägre|vanligare|ovanligare|större|mindre|fördubbl\w*|halver\w*|mer än|mindre än`,
);
/** A year; not the number of a statute ("förordningen (2022:1718)"). */
const YEAR = /(?<![\d(])(19|20)\d\d(?![\d:])/;

/**
 * The text a template prints whatever the data, with each value it fills in as "§". Text inside a
 * block that tests figures against each other (`{{#if (gt a b)}}`) is conditional on the data and
 * left out: that is where a direction may be written.
 */
function fixedText(source: string): string[] {
  const sentences: string[] = [];
  let current = "";
  const tested = (node: hbs.AST.BlockStatement) =>
    node.params.some(
      (p) =>
        p.type === "SubExpression" &&
        ["gt", "lt"].includes((p as hbs.AST.SubExpression).path.original as string),
    );
  const walk = (program: hbs.AST.Program | undefined) => {
    for (const node of program?.body ?? []) {
      if (node.type === "ContentStatement") current += (node as hbs.AST.ContentStatement).value;
      else if (node.type === "MustacheStatement") current += "§";
      else if (node.type === "BlockStatement") {
        const block = node as hbs.AST.BlockStatement;
        if (tested(block)) {
          current += "§";
          continue;
        }
        walk(block.program);
        walk(block.inverse);
      }
    }
  };
  walk(Handlebars.parse(source));
  for (const s of current.split(/(?<=[.:;!?])\s+|\n{2,}/)) sentences.push(s.replace(/\s+/g, " ").trim());
  return sentences.filter((s) => s !== "");
}

describe("kapitelmallarna säger bara det som gäller för varje års data", () => {
  const sentences = TEMPLATES.flatMap((name) =>
    fixedText(readFileSync(path.join(DIR, name), "utf8")).map((text) => ({ name, text })),
  );

  it("läser mallarna (testet har något att pröva)", () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(5);
    expect(sentences.length).toBeGreaterThan(50);
  });

  it("nämner inget land eller någon världsdel", () => {
    const found = sentences.flatMap(({ name, text }) =>
      PLACES.filter((p) => new RegExp(`(^|[^\\p{L}])${p}([^\\p{L}]|$)`, "u").test(text)).map(
        (p) => `${name}: ${p}: ${text}`,
      ),
    );
    expect(found).toEqual([]);
  });

  it("nämner ingen nationalitet (rumänska, ukrainska, thailändska …)", () => {
    const found = sentences
      .filter(({ text }) => nationalities(text).length > 0)
      .map(({ name, text }) => `${name}: ${nationalities(text).join(", ")}: ${text}`);
    expect(found).toEqual([]);
  });

  it.each([
    "rumänska",
    "ukrainska",
    "thailändska",
    "vietnamesiskt",
    "nigerianska",
    "moldaviska",
    "ryska",
    "ungerska",
    "uzbekiska",
    "kongolesiska",
    "venezuelanska",
    "colombianska",
    "kinesiska",
    "polska",
    "albanska",
    "bulgariska",
  ])("prövningen hittar nationaliteten %s", (word) =>
    expect(nationalities(`Flera ${word} personer.`)).toEqual([word]),
  );

  it("prövningen tar inte vanliga ord för nationaliteter", () => {
    expect(
      nationalities(
        "svenska politiska fysiskt psykiska ekonomiskt praktiska tekniska europeiska nordiska kritiska juridiska statistiska medicinska sociala polisiära",
      ),
    ).toEqual([]);
  });

  it("nämner ingen kampanj, insats eller bransch", () => {
    const found = sentences
      .filter(({ text }) => CAMPAIGNS.test(text) || INDUSTRIES.test(text))
      .map(({ name, text }) => `${name}: ${text}`);
    expect(found).toEqual([]);
  });

  it("skriver inget årtal (år kommer ur data)", () => {
    const found = sentences.filter(({ text }) => YEAR.test(text)).map(({ name, text }) => `${name}: ${text}`);
    expect(found).toEqual([]);
  });

  it("skriver ingen riktning bredvid en siffra som mallen inte har prövat", () => {
    const found = sentences
      .filter(({ text }) => text.includes("§") && DIRECTION.test(text))
      .map(({ name, text }) => `${name}: ${text}`);
    expect(found).toEqual([]);
  });

  it("kallar Brås mått anmälda brott, aldrig anmälningar", () => {
    const found = sentences
      .filter(({ text }) => /anmälning/i.test(text))
      .map(({ name, text }) => `${name}: ${text}`);
    expect(found).toEqual([]);
  });

  it("citerar ingen fast källa: fotnoter hänvisar till källan i data för året", () => {
    const fixed = TEMPLATES.flatMap((name) =>
      [...readFileSync(path.join(DIR, name), "utf8").matchAll(/\{\{fotnot\s+"([^"]+)"/g)].map(
        (m) => `${name}: ${m[1]}`,
      ),
    );
    expect(fixed).toEqual([]);
  });

  it.each([
    ["ett land", "Kvinnor från Moldavien fördes till Norge.", "land"],
    ["en bransch", "Flest fall gällde byggbranschen.", "bransch"],
    ["ett årtal", "Till och med 2024 räknades de hit.", "år"],
    ["en fast riktning", "Antalet ökade till {{antal x}}.", "riktning"],
  ])("prövningen hittar %s", (_what, template, kind) => {
    const text = fixedText(template).join(" ");
    const hit = {
      land: PLACES.some((p) => text.includes(p)),
      bransch: INDUSTRIES.test(text),
      år: YEAR.test(text),
      riktning: text.includes("§") && DIRECTION.test(text),
    }[kind];
    expect(hit).toBe(true);
  });

  it("en riktning inom {{#if (gt a b)}} är prövad och godtas", () => {
    expect(
      fixedText("{{#if (gt a b)}}Fler ({{antal a}}) än ({{antal b}}).{{else}}Färre {{antal a}}.{{/if}}"),
    ).toEqual(["§"]);
  });
});
