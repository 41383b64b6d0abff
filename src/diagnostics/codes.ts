/**
 * Every diagnostic code the tool can report, declared once: its severity, the group it is listed under
 * and what it means, in Swedish. `Diagnostic.code` is typed by this table, so a code that is not here
 * does not compile, and README's list of codes is generated from it (`npm run readme:codes`).
 * `E_` codes are errors (nothing is written), `W_` codes warnings (listed and counted; errors with
 * `--strict`).
 */
export const CODE_GROUPS = {
  filer: "filer",
  kolumner: "kolumner",
  varden: "värden",
  brott: "brott och koder",
  kallor: "nyckeltal och källor",
  summor: "summor och saknade uppgifter",
  init: "nytt år (`init`)",
  mallar: "mallar",
  utskrift: "utskrift",
} as const;

interface CodeInfo {
  severity: "fel" | "varning";
  group: keyof typeof CODE_GROUPS;
  /** What the diagnostic says is wrong, in one Swedish sentence. */
  beskrivning: string;
}

export const DIAGNOSTIC_CODES = {
  E_FIL_SAKNAS: { severity: "fel", group: "filer", beskrivning: "En fil som krävs finns inte." },
  E_SYMLANK: {
    severity: "fel",
    group: "filer",
    beskrivning:
      "Filen, eller en mapp på vägen dit, är en symbolisk länk; bara vanliga filer i datamappen läses.",
  },
  E_INTE_EN_FIL: {
    severity: "fel",
    group: "filer",
    beskrivning: "Sökvägen är en mapp, en FIFO eller en enhet, inte en vanlig fil.",
  },
  E_FIL_FOR_STOR: {
    severity: "fel",
    group: "filer",
    beskrivning:
      "Filen är större än gränsen för sin sort (64 MB för en tabell, 2 MB för en årstext, 20 MB uppackat för en arbetsbok).",
  },
  E_FLERA_FILER: {
    severity: "fel",
    group: "filer",
    beskrivning: "Samma tabell finns i flera former (.csv, .txt, .xlsx); bara en får finnas.",
  },
  E_TOM_FIL: { severity: "fel", group: "filer", beskrivning: "Filen är tom eller har bara en rubrikrad." },
  E_BINAR_FIL: { severity: "fel", group: "filer", beskrivning: "Filen är inte text (och inte en .xlsx)." },
  E_TECKENKODNING: {
    severity: "fel",
    group: "filer",
    beskrivning:
      "Filen är UTF-8 men har en byte som inte är giltig UTF-8 (till exempel ett tecken inklistrat från Windows-1252).",
  },
  E_FEL_FILTYP: {
    severity: "fel",
    group: "filer",
    beskrivning: "Filen har fel form för sin ändelse, eller är en äldre .xls.",
  },
  E_ARBETSBOK_OLASLIG: {
    severity: "fel",
    group: "filer",
    beskrivning: "Arbetsboken (.xlsx) går inte att läsa.",
  },
  E_CSV_SYNTAX: {
    severity: "fel",
    group: "filer",
    beskrivning: "Filen går inte att dela upp i fält (till exempel ett citattecken som inte stängs).",
  },
  E_FALT_FOR_STORT: { severity: "fel", group: "filer", beskrivning: "Ett fält är större än 64 kB." },
  E_FLER_FALT: {
    severity: "fel",
    group: "filer",
    beskrivning:
      "En rad har text i fler fält än rubrikraden (ofta ett skiljetecken i en text utan citattecken).",
  },
  E_KOLUMN_SAKNAS: { severity: "fel", group: "kolumner", beskrivning: "En kolumn som krävs saknas." },
  E_KOLUMN_DUBBLETT: { severity: "fel", group: "kolumner", beskrivning: "Samma kolumn står två gånger." },
  W_OKAND_KOLUMN: { severity: "varning", group: "kolumner", beskrivning: "En okänd kolumn ignoreras." },
  E_CELL_UTAN_RUBRIK: {
    severity: "fel",
    group: "kolumner",
    beskrivning:
      "Ett värde står i en kolumn utan rubrik i rubrikraden: i en arbetsbok (.xlsx), eller under en tom rubrik i en CSV-fil.",
  },
  E_ANTAL_EJ_HELTAL: {
    severity: "fel",
    group: "varden",
    beskrivning: "Ett antal är varken ett icke-negativt heltal, ett streck (noll) eller .. (saknas).",
  },
  E_ANTAL_SAKNAS: { severity: "fel", group: "varden", beskrivning: "En cell på en brottsrad är tom." },
  E_OGILTIGT_VARDE: {
    severity: "fel",
    group: "varden",
    beskrivning: "Ett värde har fel form (datum, årtal, andel, id och liknande).",
  },
  E_AR_OGILTIGT: { severity: "fel", group: "varden", beskrivning: "Ett årtal är inte ett giltigt år." },
  E_AR_ORDNING: { severity: "fel", group: "varden", beskrivning: "Åren i en tidsserie står inte i ordning." },
  E_OKAND_BROTTSKODSTEXT: {
    severity: "fel",
    group: "brott",
    beskrivning: "En brottsbenämning finns inte i brottskoder.csv.",
  },
  E_BROTTSKODSTEXT_TVETYDIG: {
    severity: "fel",
    group: "brott",
    beskrivning: "En brottsbenämning passar flera koder lika bra.",
  },
  E_BROTTSKODSTEXT_SAKNAS: { severity: "fel", group: "brott", beskrivning: "En brottsrad saknar benämning." },
  E_OKAND_BROTTSKOD: {
    severity: "fel",
    group: "brott",
    beskrivning: "En brottskod finns inte i brottskoder.csv.",
  },
  E_BROTTSKOD_FORMAT: {
    severity: "fel",
    group: "brott",
    beskrivning: "En brottskod har fel form (till exempel 418 i stället för 0418).",
  },
  E_KOD_EJ_GILTIG: {
    severity: "fel",
    group: "brott",
    beskrivning: "En brottskod gäller inte statistikåret.",
  },
  E_OKAND_REGION: {
    severity: "fel",
    group: "brott",
    beskrivning: "En polisregion finns inte i polisregioner.csv.",
  },
  E_DUBBLETT: {
    severity: "fel",
    group: "brott",
    beskrivning: "Samma kod, region, nyckel eller id står två gånger.",
  },
  E_GRUPP_SAKNAS: { severity: "fel", group: "brott", beskrivning: "En brottskod saknar brottskodsgrupp." },
  E_DELSUMMA_UTAN_GRUPP: {
    severity: "fel",
    group: "brott",
    beskrivning: "En delsumma har ingen grupp ovanför sig.",
  },
  E_TOM_TABELL: { severity: "fel", group: "brott", beskrivning: "Tabellen har inga rader med data." },
  W_GRUPP_AVVIKER: {
    severity: "varning",
    group: "brott",
    beskrivning: "Tabellens grupp eller ändamål för en kod skiljer sig från katalogens.",
  },
  E_OKAND_NYCKEL: { severity: "fel", group: "kallor", beskrivning: "En nyckel finns inte i filens schema." },
  E_NYCKEL_SAKNAS: { severity: "fel", group: "kallor", beskrivning: "En nyckel som schemat kräver saknas." },
  E_OKAND_KALLA: {
    severity: "fel",
    group: "kallor",
    beskrivning: "En källa saknas eller finns inte i kallor.csv.",
  },
  E_KALLA_SAKNAS: {
    severity: "fel",
    group: "kallor",
    beskrivning: "En datakälla som rapporten använder saknar källa för sitt år i datakallor.csv.",
  },
  W_AR_UTAN_FORKLARING: {
    severity: "varning",
    group: "kallor",
    beskrivning: "Ett år i en tidsserie saknar uppgift men har ingen anmärkning som förklarar det.",
  },
  W_METADATA_SAKNAS: {
    severity: "varning",
    group: "kallor",
    beskrivning: "En uppgift för omslaget (nummer, datum, diarienummer) är inte ifylld.",
  },
  W_SUMMA_AVVIKER: {
    severity: "varning",
    group: "summor",
    beskrivning: "En angiven summa skiljer sig från summan av sina delar.",
  },
  W_UPPGIFT_SAKNAS: {
    severity: "varning",
    group: "summor",
    beskrivning: "En uppgift saknas (..); summor som omfattar den är ofullständiga.",
  },
  W_NYCKELTAL_SAKNAS: {
    severity: "varning",
    group: "kallor",
    beskrivning:
      'Nyckeltal är ännu inte kända (..); rapporten skriver "uppgift saknas" där de skulle ha stått.',
  },
  W_KONFLIKT_FOREGAENDE_AR: {
    severity: "varning",
    group: "summor",
    beskrivning:
      "Den långa exportens rader för föregående år skiljer sig från årets egen tabell; rapporten jämför med årets egen tabell.",
  },
  W_KONFLIKT_SERIE: {
    severity: "varning",
    group: "summor",
    beskrivning: "Ett nyckeltal skiljer sig från sin egen tidsserie för samma år.",
  },
  W_KONFLIKT_BRA: {
    severity: "varning",
    group: "summor",
    beskrivning:
      "Ett nyckeltal räknar anmälda brott som Brås tabell redan räknar, och siffrorna skiljer sig; rapporten följer tabellen.",
  },
  W_JAMFORELSEAR_SAKNAS: {
    severity: "varning",
    group: "summor",
    beskrivning: "Föregående års tabell saknas; förändringar kan inte räknas.",
  },
  W_DATASET_SAKNAS: {
    severity: "varning",
    group: "summor",
    beskrivning: "En valfri datakälla saknas i år; rapporten säger det där uppgifterna skulle ha stått.",
  },
  E_INGET_TIDIGARE_AR: {
    severity: "fel",
    group: "init",
    beskrivning: "Det finns ingen tidigare årsmapp att skapa det nya året från.",
  },
  E_MALLFEL: {
    severity: "fel",
    group: "mallar",
    beskrivning: "En mall eller årets text går inte att rendera.",
  },
  W_SIFFRA_I_MALL: {
    severity: "varning",
    group: "mallar",
    beskrivning: "En siffra är inskriven i en mall eller årets text i stället för beräknad.",
  },
  W_TRYCKT_AVVIKER: {
    severity: "varning",
    group: "summor",
    beskrivning:
      "Den tryckta utgåvan anger en siffra som data (tabell, nyckeltal, tidsserie) inte ger; rapporten följer data.",
  },
  W_TRYCKT_UTAN_DATA: {
    severity: "varning",
    group: "summor",
    beskrivning:
      "Den tryckta utgåvan visar ett diagram eller en uppgift som underlaget saknar data för; rapporten utelämnar det.",
  },
  W_SPRAKREGEL: {
    severity: "varning",
    group: "mallar",
    beskrivning:
      "En mening i kapitlen bryter mot en skrivregel (talord, jämförbara tal, en mening som börjar med en siffra).",
  },
  W_ARSTEXT_SAKNAS: { severity: "varning", group: "mallar", beskrivning: "En av årets texter saknas." },
  W_ARSTEXT_KOPIERAD: {
    severity: "varning",
    group: "mallar",
    beskrivning: "En av årets texter är ord för ord densamma som förra årets (som init kopierade den).",
  },
  E_EXTERN_RESURS: {
    severity: "fel",
    group: "utskrift",
    beskrivning: "Sidan begär en resurs utanför bygget (http, https eller en annan fil); den blockeras.",
  },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
export type ErrorCode = {
  [C in DiagnosticCode]: (typeof DIAGNOSTIC_CODES)[C]["severity"] extends "fel" ? C : never;
}[DiagnosticCode];
export type WarningCode = Exclude<DiagnosticCode, ErrorCode>;

/** README's table of codes, in the table's order, padded the way Prettier pads a Markdown table. */
export function codeTableMarkdown(): string {
  const rows = [
    ["Kod", "Slag", "Område", "Betydelse"],
    ...Object.entries(DIAGNOSTIC_CODES).map(([code, info]) => [
      `\`${code}\``,
      info.severity,
      CODE_GROUPS[info.group],
      info.beskrivning,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(rows[0]!), line(widths.map((w) => "-".repeat(w))), ...rows.slice(1).map(line)].join("\n");
}
