/**
 * Where each heading fell in a printed PDF, read from the outline (bookmarks) Chromium writes for
 * the headings. pdf.js (Mozilla's PDF reader) does the reading; it is loaded only when printing.
 */
export interface OutlineEntry {
  title: string;
  /** 1-based page number. */
  page: number;
}

export async function headingPages(pdf: Uint8Array): Promise<OutlineEntry[]> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false })
    .promise;
  try {
    const out: OutlineEntry[] = [];
    const visit = async (items: Awaited<ReturnType<typeof doc.getOutline>> | null) => {
      for (const item of items ?? []) {
        const dest = typeof item.dest === "string" ? await doc.getDestination(item.dest) : item.dest;
        const ref = Array.isArray(dest) ? dest[0] : undefined;
        if (ref && typeof ref === "object")
          out.push({ title: item.title.trim(), page: (await doc.getPageIndex(ref)) + 1 });
        await visit(item.items);
      }
    };
    await visit(await doc.getOutline());
    return out;
  } finally {
    await doc.destroy();
  }
}
