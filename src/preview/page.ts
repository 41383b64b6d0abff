import { formatDiagnostic, formatSummary } from "../diagnostics/format.js";
import { contentSecurityPolicy } from "../model/page-security.js";
import { PAGED_MEDIA_CSS, PAGED_MEDIA_HANDLERS, toPrintCopy } from "../print/paged-media.js";
import type { PreviewState } from "./session.js";

/** Where the preview's own files are served from; no path of the report itself starts with it. */
export const ASSET_PREFIX = "/__forhandsvisning/";

/**
 * The preview's Content-Security-Policy, sent as a header with every response: the report's own policy
 * (model/page-security.ts) with two additions, scripts from the server itself (the live-reload client
 * and Paged.js are files, never inline) and connections back to it (the event stream). Inline scripts
 * the page's own policy allowed by hash stay allowed; nothing else does.
 */
export function previewPolicy(html = ""): string {
  const hashes = [...(POLICY_META.exec(html)?.[0] ?? "").matchAll(/'sha256-[A-Za-z0-9+/=]+'/g)].map((m) => ({
    hash: m[0],
  }));
  return contentSecurityPolicy(hashes)
    .replace(/script-src (?:'none')?/, "script-src 'self' ")
    .replace(/ +;/, ";")
    .replace("connect-src 'none'", "connect-src 'self'");
}

const POLICY_META = /<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>\s*/i;

/** Web view (the HTML edition as published) or page view (laid out into A4 pages by Paged.js). */
export type View = "webb" | "sidor";

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Paged.js and the report's own page handlers, started once the page and its fonts are there. */
export const PAGE_LAYOUT_SCRIPT = `addEventListener("load", () => document.fonts.ready.then(() => {
${PAGED_MEDIA_HANDLERS}
}));
`;

function marker(state: PreviewState, view: View): string {
  const errors = state.diagnostics.filter((d) => d.severity === "fel").length;
  const warnings = state.diagnostics.length - errors;
  return (
    `<meta name="report-forhandsvisning" content="${state.version}" data-vy="${view}" ` +
    `data-fel="${errors}" data-varningar="${warnings}">\n` +
    `<script src="${ASSET_PREFIX}klient.js" defer></script>\n`
  );
}

/**
 * The report as the preview serves it: build's own HTML, with the live-reload client added. The
 * page's own Content-Security-Policy gives way to the preview's (previewPolicy, sent as a header), which
 * differs only in allowing scripts and connections back to this server.
 */
export function reportPage(state: Extract<PreviewState, { kind: "rapport" }>, view: View): string {
  let html = state.html.replace(new RegExp(POLICY_META.source, "gi"), "");
  if (view === "sidor") {
    html = toPrintCopy(html)
      .replace("</head>", `<style>${PAGED_MEDIA_CSS}</style>\n</head>`)
      .replace(
        "</body>",
        `<script src="${ASSET_PREFIX}paged.js"></script>\n<script src="${ASSET_PREFIX}sidlayout.js"></script>\n</body>`,
      );
  }
  return html.replace("</head>", `${marker(state, view)}</head>`);
}

/**
 * The diagnostics in the page, one per line exactly as `report check` prints them: shown instead of the
 * report while there are errors (and on /diagnoser for the warnings). Every text is escaped.
 */
export function diagnosticsPage(state: PreviewState, view: View): string {
  const errors = state.diagnostics.filter((d) => d.severity === "fel");
  const title =
    state.kind === "fel"
      ? state.internal
        ? "Internt fel i report"
        : "Rapporten kan inte visas: fel i data eller mallar"
      : "Diagnoser";
  const list = (items: typeof state.diagnostics) =>
    items.length === 0
      ? ""
      : `<ol class="diagnoser">\n${items.map((d) => `<li class="${d.severity}"><code>${escapeHtml(formatDiagnostic(d))}</code></li>`).join("\n")}\n</ol>\n`;
  const explanation =
    state.kind === "fel"
      ? state.internal
        ? `<p>Ett fel i verktyget (inte i dina data). Förhandsvisningen fortsätter och försöker igen vid nästa ändring.</p>\n<pre>${escapeHtml(state.internal)}</pre>\n`
        : `<p>Rätta felen nedan och spara; sidan laddas om av sig själv. Samma diagnoser som <code>report check</code> ger.</p>\n`
      : `<p><a href="/?vy=${view}">Tillbaka till rapporten</a></p>\n`;
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1f24; }
h1 { font-size: 1.4rem; color: ${errors.length > 0 || state.kind === "fel" ? "#a4161a" : "#1a3a6e"}; }
.diagnoser { padding-left: 1.5rem; } .diagnoser li { margin: 0.4rem 0; }
.diagnoser code { white-space: pre-wrap; } .fel code { color: #a4161a; font-weight: 600; }
pre { white-space: pre-wrap; background: #f3f4f6; padding: 1rem; }
</style>
${marker(state, view)}</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${explanation}${list(errors)}${list(state.diagnostics.filter((d) => d.severity !== "fel"))}<p>${escapeHtml(formatSummary(state.diagnostics))}</p>
</main>
</body>
</html>
`;
}
