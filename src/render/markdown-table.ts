/** A GitHub-flavoured Markdown table: what editors diff, and what markdown-it renders for the PDF. */
export interface MarkdownTable {
  header: string[];
  /** `right` for figures. */
  align: ("left" | "right")[];
  rows: string[][];
}

/** Cells hold Markdown (data in them is escaped with markdownText); a bare pipe would end the cell. */
const escapeCell = (text: string) => text.replace(/(?<!\\)\|/g, "\\|").replace(/\n/g, " ");

export function renderMarkdownTable(table: MarkdownTable): string {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(" | ")} |`;
  const rule = `|${table.align.map((a) => (a === "right" ? " ---: " : " --- ")).join("|")}|`;
  return [line(table.header), rule, ...table.rows.map(line)].join("\n");
}
