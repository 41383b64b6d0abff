// Writes README's table of diagnostic codes from the code table (src/diagnostics/codes.ts, compiled to
// dist/). Run through `npm run readme:codes`; tests/cli/readme-codes.test.ts checks that they agree.
import { readFileSync, writeFileSync } from "node:fs";

const START = "<!-- diagnoskoder: genereras ur src/diagnostics/codes.ts med npm run readme:codes -->";
const END = "<!-- /diagnoskoder -->";

const { codeTableMarkdown } = await import(new URL("../dist/diagnostics/codes.js", import.meta.url).href);
const readmeUrl = new URL("../README.md", import.meta.url);
const readme = readFileSync(readmeUrl, "utf8");
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) throw new Error(`README.md saknar markeringarna ${START} … ${END}`);
writeFileSync(
  readmeUrl,
  `${readme.slice(0, start + START.length)}\n\n${codeTableMarkdown()}\n\n${readme.slice(end)}`,
);
console.log("README.md: tabellen över diagnoskoder är uppdaterad.");
