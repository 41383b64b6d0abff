#!/usr/bin/env node
// Paged.js with the report's changes (src/print/paged-media.ts, PAGED_PATCHES), minified once when the
// tool is built (`npm run build`, and so `npm ci`) to dist/paged.min.js. Stored under the SHA-256 of the
// patched text: changed patches or a new Paged.js make the report use the readable text until the next
// build. Names are kept (Paged.js looks at its handlers' classes), and the minifier's own helpers stay
// inside a function of their own instead of becoming globals of the page.
import { transform } from "esbuild";
import { writeMinifiedPaged } from "../dist/print/paged-media.js";

await writeMinifiedPaged(async (code) => {
  const { code: minified } = await transform(code, {
    minify: true,
    keepNames: true,
    legalComments: "inline",
  });
  return `(function(){${minified}}).call(this);\n`;
});
