import type { ChapterChange, ReportDiff, TextPart } from "./compare.js";

const show = (v: unknown) => (v === undefined ? "(saknas)" : JSON.stringify(v));

/** Only the changed passages of a chapter, with a few words of context on each side. */
function excerpts(parts: readonly TextPart[], context = 8): string[] {
  /** The last (or first) few words of an unchanged part around a change. */
  const words = (part: TextPart | undefined, from: "end" | "start") => {
    if (part?.typ !== "lika") return "";
    const pieces = part.text.split(/(\s+)/);
    return (from === "end" ? pieces.slice(-context * 2) : pieces.slice(0, context * 2)).join("");
  };
  const lines: string[] = [];
  parts.forEach((part, i) => {
    if (part.typ === "lika") return;
    const prev = parts[i - 1];
    if (part.typ === "tillagt" && prev?.typ === "borttaget") return; // shown with the removal
    // A removal followed directly by an addition reads as one replacement.
    const replacement =
      part.typ === "borttaget" && parts[i + 1]?.typ === "tillagt" ? parts[i + 1] : undefined;
    const marked =
      part.typ === "tillagt"
        ? `{+${part.text}+}`
        : `[-${part.text}-]${replacement ? `{+${replacement.text}+}` : ""}`;
    const after = parts[replacement ? i + 2 : i + 1];
    lines.push(`…${words(prev, "end")}${marked}${words(after, "start")}…`.replace(/\n/g, "⏎"));
  });
  return lines;
}

/** The diff in Swedish for a terminal or a review comment: figures first, then text per chapter. */
export function formatDiffText(diff: ReportDiff, labels: { a: string; b: string }): string {
  if (diff.identisk) return `Inga skillnader mellan ${labels.a} och ${labels.b}.\n`;
  const out: string[] = [`Skillnader mellan ${labels.a} och ${labels.b}`, ""];
  out.push(
    diff.siffror.length === 0 ? "Siffror: inga ändrade." : `Siffror (${diff.siffror.length} ändrade):`,
  );
  for (const c of diff.siffror) out.push(`  ${c.sokvag}: ${show(c.fore)} → ${show(c.efter)}`);
  out.push("");
  out.push(diff.kapitel.length === 0 ? "Text: inga ändringar." : "Text ([-borttaget-] {+tillagt+}):");
  for (const chapter of diff.kapitel) {
    out.push(`  ${chapter.kapitel} (${statusText(chapter)})`);
    for (const line of excerpts(chapter.delar)) out.push(`    ${line}`);
  }
  return `${out.join("\n")}\n`;
}

const statusText = (c: ChapterChange) =>
  ({ andrat: "ändrat", tillagt: "nytt kapitel", borttaget: "borttaget kapitel" })[c.status];

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A self-contained redline page (opens from disk, no network): insertions and deletions marked. */
export function formatDiffHtml(diff: ReportDiff, labels: { a: string; b: string }): string {
  const rows = diff.siffror
    .map(
      (c) =>
        `<tr><th scope="row"><code>${escapeHtml(c.sokvag)}</code></th><td class="fore">${escapeHtml(show(c.fore))}</td><td class="efter">${escapeHtml(show(c.efter))}</td></tr>`,
    )
    .join("\n");
  const chapters = diff.kapitel
    .map(
      (chapter) =>
        `<section><h2>${escapeHtml(chapter.kapitel)} <small>(${statusText(chapter)})</small></h2>\n<div class="text">${chapter.delar
          .map((p) =>
            p.typ === "tillagt"
              ? `<ins>${escapeHtml(p.text)}</ins>`
              : p.typ === "borttaget"
                ? `<del>${escapeHtml(p.text)}</del>`
                : escapeHtml(p.text),
          )
          .join("")}</div></section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>Ändringar i lägesrapporten: ${escapeHtml(labels.a)} → ${escapeHtml(labels.b)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #ccd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
td.fore { background: #fde8e8; } td.efter { background: #e6f4e6; }
.text { white-space: pre-wrap; font-size: 0.95rem; }
ins { background: #c8efc8; text-decoration: none; border-bottom: 2px solid #2a7a2a; }
del { background: #f6cccc; color: #7a1a1a; }
</style>
</head>
<body>
<h1>Ändringar: ${escapeHtml(labels.a)} → ${escapeHtml(labels.b)}</h1>
${diff.identisk ? "<p>Inga skillnader.</p>" : ""}
<h2>Siffror</h2>
${diff.siffror.length === 0 ? "<p>Inga ändrade siffror.</p>" : `<table><thead><tr><th scope="col">Siffra</th><th scope="col">Före</th><th scope="col">Efter</th></tr></thead><tbody>\n${rows}\n</tbody></table>`}
${chapters || "<h2>Text</h2><p>Inga ändringar i texten.</p>"}
</body>
</html>
`;
}
