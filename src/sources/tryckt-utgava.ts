import { z } from "zod";
import type { TrycktTerm } from "../model/types.js";
import { defineYearFileSource, type SchemaContext } from "./year-file-source.js";

/**
 * One term of the `underlag` column: `0418` (a code in Brå's table), `nationellt-stodprogram.csv:nyaPersoner`
 * (a key figure) or `serier/regionkoordinatorer.csv:identifierade` (a series, the statistics year; `@2021`
 * for another year). `.csv` may be left out.
 */
const TERM = /^(?:(?<kod>\d{4})|(?<fil>[\w./-]+?)(?:\.csv)?:(?<nyckel>[\w.]+?)(?:@(?<ar>\d{4}))?)$/;

function parseTerm(text: string, { brottskoder, figurer }: SchemaContext): TrycktTerm | string {
  const m = TERM.exec(text)?.groups;
  if (!m) return `"${text}" är varken en brottskod (0418) eller en uppgift i data (fil:nyckel)`;
  if (m.kod !== undefined)
    return brottskoder.has(m.kod)
      ? { kind: "brottskod", kod: m.kod }
      : `brottskoden ${m.kod} finns inte i data/brottskoder.csv`;
  const fil = `${m.fil}.csv`;
  const nyckel = m.nyckel!;
  const keys = figurer?.get(fil);
  if (!keys)
    return `${fil} är ingen fil med nyckeltal eller tidsserie (${[...(figurer?.keys() ?? [])].join(", ")})`;
  if (!keys.has(nyckel)) return `${fil} har ingen nyckel ${nyckel} (${[...keys].join(", ")})`;
  if (fil.startsWith("serier/"))
    return { kind: "serie", fil, kolumn: nyckel, ar: m.ar ? Number(m.ar) : null };
  if (m.ar) return `${fil} gäller bara statistikåret; @${m.ar} går bara för en tidsserie`;
  return { kind: "nyckeltal", fil, nyckel };
}

/**
 * What an already printed edition of the report stated (`tryckt-utgava.csv`), for `check` to hold
 * against the data: a number, and the figures of ours that should give it (rows of Brå's table, key
 * figures, series values, summed); or (no number, no figures) a figure whose data the project lacks.
 * Only editions printed by hand before this tool have one, so a missing file says nothing.
 */
export const trycktUtgava = defineYearFileSource({
  id: "trycktUtgava",
  file: (statistikar) => `${statistikar}/tryckt-utgava.csv`,
  required: false,
  beskrivning: "vad en redan tryckt utgåva angav",
  columns: [
    { key: "uppgift", header: "uppgift", required: true },
    { key: "angivet", header: "angivet", required: true },
    // `brottskoder` was the column's name while only Brå's table could be compared with.
    { key: "underlag", header: "underlag", aliases: ["brottskoder"], required: true },
    { key: "villkor", header: "villkor", required: false },
    { key: "sida", header: "sida", required: false },
    { key: "anmarkning", header: "anmärkning", required: false },
  ],
  schema: (context) =>
    z
      .object({
        uppgift: z.string().min(1, { error: "väntade en beskrivning av uppgiften" }),
        angivet: z
          .string()
          .regex(/^(\d[\d\s]*)?$/, { error: "väntade ett antal, eller tomt för ett diagram utan data" })
          .transform((s) => (s.trim() === "" ? null : Number(s.replace(/\s/g, "")))),
        underlag: z.string().transform((s, ctx): TrycktTerm[] => {
          const terms = s
            .split(/[\s,+]+/)
            .filter((t) => t !== "")
            .map((t) => parseTerm(t, context));
          for (const t of terms) if (typeof t === "string") ctx.addIssue({ code: "custom", message: t });
          return terms.filter((t): t is TrycktTerm => typeof t !== "string");
        }),
        // `högst`: a part the printed edition states, which cannot exceed the whole our data gives
        // (new participants among all participants). Default: the two are equal.
        villkor: z
          .enum(["", "lika", "högst"], { error: "väntade lika (standard) eller högst" })
          .transform((v) => (v === "högst" ? "högst" : "lika")),
        sida: z.string(),
        anmarkning: z.string(),
      })
      .refine((row) => row.angivet !== null || row.underlag.length === 0, {
        error: "väntade det antal som den tryckta utgåvan anger, att hålla mot underlaget",
        path: ["underlag"],
      }),
  // It states what a publication printed; the page is the reference, and nothing is footnoted from it.
  citation: { kind: "ingen", why: "uppgifterna hålls bara mot data och visas inte i rapporten" },
  // Only an edition already printed by hand has one; a new year starts without.
  init: { kind: "ingen" },
});
