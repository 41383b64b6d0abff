import { diffWordsWithSpace } from "diff";

/** One figure that differs between two versions, addressed by a readable path. */
export interface FigureChange {
  /** e.g. `anmaldaBrott.rader[4024].totalt` */
  sokvag: string;
  fore: unknown;
  efter: unknown;
}

export interface TextPart {
  typ: "lika" | "tillagt" | "borttaget";
  text: string;
}

export interface ChapterChange {
  kapitel: string;
  status: "andrat" | "tillagt" | "borttaget";
  delar: TextPart[];
}

export interface ReportDiff {
  identisk: boolean;
  siffror: FigureChange[];
  kapitel: ChapterChange[];
}

export interface ReportVersion {
  siffror: unknown;
  /** Chapter file name → Markdown. */
  kapitel: Map<string, string>;
}

/** What identifies an element of an array of figures, so rows are matched by meaning, not position. */
const IDENTITY_KEYS = ["brottskod", "id", "grupp", "ar", "fil"] as const;

function elementKey(value: unknown, index: number): string {
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of IDENTITY_KEYS) {
      if (typeof record[key] === "string" || typeof record[key] === "number") {
        return key === "fil" && typeof record.rad === "number"
          ? `${record.fil}:${record.rad}`
          : String(record[key]);
      }
    }
  }
  return String(index);
}

/** Every leaf of a JSON value by path: `a.b[4024].c`. Arrays of scalars are compared whole. */
export function flatten(value: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value) && value.some((v) => v !== null && typeof v === "object")) {
    value.forEach((v, i) => flatten(v, `${prefix}[${elementKey(v, i)}]`, out));
  } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** Pure: what changed in the figures and, word by word, in each chapter's text. */
export function compareVersions(a: ReportVersion, b: ReportVersion): ReportDiff {
  const before = flatten(a.siffror);
  const after = flatten(b.siffror);
  const siffror: FigureChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const fore = before.has(key) ? before.get(key) : undefined;
    const efter = after.has(key) ? after.get(key) : undefined;
    if (JSON.stringify(fore) !== JSON.stringify(efter)) siffror.push({ sokvag: key, fore, efter });
  }
  const kapitel: ChapterChange[] = [];
  const names = [...new Set([...a.kapitel.keys(), ...b.kapitel.keys()])].sort();
  for (const name of names) {
    const old = a.kapitel.get(name);
    const now = b.kapitel.get(name);
    if (old === now) continue;
    if (old === undefined)
      kapitel.push({ kapitel: name, status: "tillagt", delar: [{ typ: "tillagt", text: now! }] });
    else if (now === undefined)
      kapitel.push({ kapitel: name, status: "borttaget", delar: [{ typ: "borttaget", text: old }] });
    else {
      const delar = diffWordsWithSpace(old, now).map((part) => ({
        typ: part.added ? ("tillagt" as const) : part.removed ? ("borttaget" as const) : ("lika" as const),
        text: part.value,
      }));
      kapitel.push({ kapitel: name, status: "andrat", delar });
    }
  }
  return { identisk: siffror.length === 0 && kapitel.length === 0, siffror, kapitel };
}
