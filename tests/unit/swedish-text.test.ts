import { describe, expect, it } from "vitest";
import { writingRuleViolations } from "../helpers/swedish-text.js";

/** Text as pdftotext gives it: contents page, then the body; footnote marks are bare digits. */
const pdf = (body: string) => `Innehåll\n1 Sammanfattning\n3\n\n1 Sammanfattning\n${body}\n\nKällor\n`;

describe("granskningen av PDF:ens text kan fälla (meningar ur 2024 års text före reglerna)", () => {
  it.each([
    [
      "Under 2023 anmäldes 110 brott om människohandel. Etthundraen gällde vuxna, och nio gällde barn.",
      "inleds med ett långt räkneord",
    ],
    [
      "Annonsering på nätet var vanligast bland vägarna till köparna. 40 procent av domarna gällde koppleri på massagesalonger.",
      "inleds med en siffra",
    ],
    [
      "Under 2023 anmäldes en brott om människohandel för tiggeri och annat.",
      "en med ett substantiv i neutrum",
    ],
    [
      "Bland de 167 handlagda brott som kom in hade målsäganden biträde i 15 fall, och i tolv fall berättade hon om hot.",
      "jämförbara tal i olika form",
    ],
    [
      "Det brott som anmäldes oftast var köp av sexuell tjänst, med 1 513 anmälningar i hela landet.",
      "anmälningar i stället för anmälda brott",
    ],
    [
      "Det anmäldes 1 513 köp av sexuell tjänst, en ökning enligt Brå18, och det är många fler än förut.",
      "fotnotstecken före skiljetecken",
    ],
    [
      "Kampanjen visades 8 000 000 gånger på bio, i tv och i sociala medier under året.",
      "stort jämnt tal med siffror",
    ],
    [
      "Anmälda brott om exploatering i tiggeri ökade från fem år 2022 till tre för vuxna.",
      "ökade om en minskning",
    ],
    [
      "Köpen var 1 513, en ökning med 20 procent jämfört med 2022. Koppleriet var 204, en ökning med 5 procent jämfört med 2022.",
      '"jämfört med 2022" i två meningar i rad',
    ],
    [
      "Köpen av sexuell tjänst var 1 513 under året, vilket är 20 % fler än året innan.",
      "procenttecken i löptext",
    ],
    [
      "Rapporten lämnades till regeringen 2024-12-13 enligt förordningen om nationell rapportör.",
      "datum i sifferform i löptext",
    ],
    [
      "Ärendena är de som polisregionerna har rapporterat in till rapportören med närmare uppgifter,.",
      "skiljetecken före punkt",
    ],
  ])("%s", (body, rule) => {
    expect(writingRuleViolations(pdf(body)).map((v) => v.rule)).toContain(rule);
  });

  it("godtar samma meningar skrivna efter reglerna", () => {
    const body = [
      "Under 2023 anmäldes 110 brott om människohandel. Av dem gällde 101 vuxna, och 9 gällde barn.",
      "Under 2023 anmäldes ett brott om människohandel för tiggeri och annat.",
      "Kampanjen visades 8 miljoner gånger på bio, i tv och i sociala medier under året.",
      "Köpen av sexuell tjänst var 1 513 under året, vilket är 20 procent fler än året innan.",
      "Rapporten lämnades till regeringen den 13 december 2024 enligt förordningen om nationell rapportör.",
    ].join("\n");
    expect(writingRuleViolations(pdf(body))).toEqual([]);
  });
});
