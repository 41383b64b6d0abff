import type { KeyFigures, StatedSum } from "../model/key-figures.js";
import type { Avstamning, Avvikelse } from "./reconcile.js";

/** `{"koppleri.atal": 18}` → `{ koppleri: { atal: 18 } }`, so templates read `polis.koppleri.atal`. */
export function nestKeys(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split(".");
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = value;
  }
  return out;
}

/**
 * Checks each stated total of a key-figure dataset against the sum of its parts. A difference keeps
 * the sum as the source's module declares it (`deklarerad`), so that whatever lists contradictions
 * (check, the report) takes them from here and a sum added to the module reaches both by itself.
 */
export function reconcileKeyFigures(
  dataset: string,
  file: string,
  figures: KeyFigures<Record<string, unknown>>,
  sums: readonly StatedSum<string>[],
): { avstamningar: Avstamning[]; avvikelser: Avvikelse[] } {
  const avstamningar: Avstamning[] = [];
  const avvikelser: Avvikelse[] = [];
  for (const sum of sums) {
    // A sum with a figure marked `..` (not known) cannot be checked; check warns about the `..` itself.
    if ([sum.total, ...sum.parts].some((key) => figures.varden[key] === null)) continue;
    const angivet = figures.varden[sum.total] as number;
    const beraknat = sum.parts.reduce((acc, key) => acc + (figures.varden[key] as number), 0);
    const rad = figures.rader[sum.total] ?? 0;
    const avser = `${sum.total} (${sum.avser}: ${sum.parts.join(" + ")})`;
    const stammer = angivet === beraknat;
    avstamningar.push({ fil: file, rad, avser, angivet, beraknat, ofullstandig: false, stammer });
    if (stammer) continue;
    avvikelser.push({
      fil: file,
      rad,
      kolumn: 2,
      kolumnnamn: "värde",
      avser,
      angivet,
      beraknat,
      meddelande:
        `Angivet ${sum.total} = ${angivet}, men ${sum.parts.join(" + ")} = ${beraknat}. ` +
        "Källans uppgifter går inte ihop; rapporten återger dem som källan angav dem.",
      deklarerad: { dataset, total: sum.total, delar: [...sum.parts], avser: sum.avser },
    });
  }
  return { avstamningar, avvikelser };
}
