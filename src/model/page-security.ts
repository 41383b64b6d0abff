import { createHash } from "node:crypto";

/**
 * What keeps data from becoming live code on the report's page, in every context a value reaches:
 * Markdown is rendered with raw HTML off, Handlebars escapes attributes, and the two contexts neither
 * covers are handled here: CSS strings (the running heads' `content: "…"`) and the page's policy.
 */

/**
 * A value for a CSS string literal (`content: "{{x}}"`): every character outside letters, digits,
 * spaces and plain punctuation becomes a CSS hex escape (`\22 ` for `"`), so no value can end the
 * string, the rule or the `<style>` element (`<` is escaped too).
 */
export function cssString(value: string): string {
  return value.replace(
    /[^\p{L}\p{N} .,:()·–-]/gu,
    (c) => `\\${c.codePointAt(0)!.toString(16).toUpperCase()} `,
  );
}

/** Every string field of `values` as a CSS string literal's content; other fields as they are. */
export function cssStrings<T extends object>(values: T): T {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? cssString(v) : v]),
  ) as T;
}

const scriptHash = (source: string) =>
  `'sha256-${createHash("sha256").update(source, "utf8").digest("base64")}'`;

type Script = string | { hash: string };
const hashOf = (script: Script) => (typeof script === "string" ? scriptHash(script) : script.hash);

/**
 * The page's Content-Security-Policy: nothing is fetched or connected to (fonts and charts are data
 * URIs), and only the scripts listed by their hash may run, which are the ones the tool itself brings.
 */
export function contentSecurityPolicy(scripts: readonly Script[] = []): string {
  const allowed = scripts.length > 0 ? [...new Set(scripts.map(hashOf))].join(" ") : "'none'";
  return [
    "default-src 'none'",
    `script-src ${allowed}`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "font-src data:",
    "connect-src 'none'",
    "worker-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

const POLICY_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;

/** The inline scripts a trusted template source brings itself (without Handlebars expressions). */
export function staticScripts(templateSource: string): string[] {
  return [...templateSource.matchAll(/<script>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1]!)
    .filter((s) => !s.includes("{{"));
}

/**
 * Puts the policy first in `<head>` (before any style or script it governs), or extends the policy
 * already there: the print copy adds the hashes of the layout scripts it injects.
 */
export function withContentSecurityPolicy(html: string, scripts: readonly string[] = []): string {
  const existing = POLICY_META.exec(html);
  const kept = existing
    ? [...existing[0].matchAll(/'sha256-[A-Za-z0-9+/=]+'/g)].map((m) => ({ hash: m[0] }))
    : [];
  const policy = contentSecurityPolicy([...kept, ...scripts]);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  if (existing) return html.replace(POLICY_META, meta);
  // A page without a <head> of its own gets one: the parser puts the policy there all the same.
  // (after the doctype, which must come first for standards mode).
  if (/<head>/.test(html)) return html.replace(/<head>/, `<head>\n${meta}`);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html)?.[0] ?? "";
  return `${doctype}${meta}${html.slice(doctype.length)}`;
}
