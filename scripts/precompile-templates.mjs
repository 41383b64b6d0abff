#!/usr/bin/env node
// The shipped templates compiled once, when the tool is built (`npm run build`, and so `npm ci`), to
// dist/precompiled-templates.json, so that `report check` and a cold build do not compile them in every
// process. Each is keyed by its whole source: a template edited later is compiled at run time instead.
import { DEFAULT_TEMPLATE_DIR } from "../dist/pipeline/pipeline.js";
import { writePrecompiledTemplateFile } from "../dist/pipeline/precompiled-templates.js";

await writePrecompiledTemplateFile(DEFAULT_TEMPLATE_DIR);
