/**
 * The text of a PDF through pdf.js, as lines: the independent reader that tests compare the
 * built-in reader (src/pdf/reader.ts) against.
 */
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";

import type { PageLines } from "../../src/pdf/reader.js";

export async function readPdfLines(bytes: Uint8Array): Promise<PageLines[]> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // pdf.js takes ownership of (and detaches) the buffer it is given: pass a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
  });
  const doc = await task.promise;
  try {
    const pages: PageLines[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(toLines(content.items.filter((it): it is TextItem => "str" in it)));
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** Items in drawing order → lines: same baseline joins, with a space where there is a gap. */
function toLines(items: TextItem[]): PageLines {
  const lines: string[] = [];
  let line = "";
  let lastY: number | undefined;
  let lastEnd = 0;
  for (const it of items) {
    const x = it.transform[4] as number;
    const y = it.transform[5] as number;
    const size = Math.abs((it.transform[3] as number) || 10);
    if (lastY !== undefined && Math.abs(y - lastY) > size * 0.5) {
      lines.push(line);
      line = "";
    } else if (line && it.str && x - lastEnd > size * 0.15 && !line.endsWith(" ") && !it.str.startsWith(" ")) {
      line += " ";
    }
    if (it.str) {
      line += it.str;
      lastY = y;
      lastEnd = x + it.width;
    }
    if (it.hasEOL) {
      lines.push(line);
      line = "";
      lastY = undefined;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => l.replace(/\s+/g, " ").trim()).filter(Boolean);
}
