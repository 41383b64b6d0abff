#!/usr/bin/env node
// Writes a synthetic Brå long export (år;brottskod;polisregion;antal) of a given number of rows, the
// same bytes every time (fixed seed). Every code valid in a year appears in every region that year;
// years run upwards from 1000 as long as rows are needed (synthetic, to reach a million rows with
// unique year–code–region combinations), and 2022–2023 are among them.
//   node bench/generate-export.mjs <rows> <file>
import { createWriteStream, readFileSync } from "node:fs";
import { once } from "node:events";

const rows = Number(process.argv[2] ?? 1_000_000);
const file = process.argv[3] ?? "export.csv";

// mulberry32: a small, well-known seeded generator; the seed is the 2024 report's due date.
let seed = 20241215;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const catalog = readFileSync(new URL("../data/brottskoder.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(";"))
  .map(([kod, , , , , first, last]) => ({
    kod,
    first: first ? Number(first) : -Infinity,
    last: last ? Number(last) : Infinity,
  }));
const regions = ["Bergslagen", "Mitt", "Nord", "Stockholm", "Syd", "Väst", "Öst"];

const out = createWriteStream(file);
out.write("år;brottskod;polisregion;antal\n");
let written = 0;
for (let year = 1000; written < rows; year++) {
  const codes = catalog.filter((c) => c.first <= year && year <= c.last);
  let chunk = "";
  for (const { kod } of codes) {
    for (const region of regions) {
      if (written >= rows) break;
      chunk += `${year};${kod};${region};${Math.floor(random() * random() * 900)}\n`;
      written++;
    }
  }
  if (!out.write(chunk)) await once(out, "drain");
}
out.end();
await once(out, "finish");
console.log(`${written} rader till ${file}`);
