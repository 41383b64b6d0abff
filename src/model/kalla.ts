import { z } from "zod";

/** A text cell that must be filled in; `what` names it in the message ("titeln saknas"). */
export const requiredText = (what: string) => z.string().min(1, { error: `${what} saknas` });

/** A source in `data/kallor.csv`, which data files and footnotes cite by id. */
export const kallaSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, {
    error: (iss) => `väntade ett id av gemener, siffror och bindestreck, fann "${String(iss.input)}"`,
  }),
  utgivare: requiredText("utgivaren"),
  titel: requiredText("titeln"),
  /** Empty where the source shows no year (an undated web page): a year is never guessed. */
  ar: z.string().regex(/^(\d{4})?$/, {
    error: (iss) => `väntade ett årtal (eller tomt om källan inte anger något), fann "${String(iss.input)}"`,
  }),
  url: z.union([z.literal(""), z.url({ error: "väntade en fullständig webbadress (https://…)" })]),
  hamtad: z.union([z.literal(""), z.iso.date({ error: "väntade ett datum som 2024-08-06" })]),
  anmarkning: z.string(),
});

export type Kalla = z.infer<typeof kallaSchema>;
