/**
 * Small PDFs with text exactly where a test puts it (pdfkit and its standard fonts): layouts that
 * break a rule of the parse check, or that a résumé made elsewhere might have.
 */
import PDFKit from "pdfkit";

/** What these tests use of pdfkit (which ships no types). */
interface Doc {
  on(event: "data", f: (chunk: Buffer) => void): void;
  on(event: "end", f: () => void): void;
  addPage(opts: object): Doc;
  font(name: string): Doc;
  fontSize(size: number): Doc;
  text(text: string, x: number, y: number, opts: object): Doc;
  end(): void;
}
const PDFDocument = PDFKit as unknown as new (opts: object) => Doc;

export interface Placed {
  text: string;
  /** From the left edge, in points. */
  x: number;
  /** The baseline, from the top edge, in points. */
  y: number;
  size?: number;
  bold?: boolean;
}

/** Helvetica's ascent (per 1000): pdfkit places text by its top, a test by its baseline. */
const ASCENT = 718;

export function fakePdf(pages: Placed[][], size: [number, number] = [595.28, 841.89]): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size,
    margin: 0,
    compress: false,
    autoFirstPage: false,
    info: { CreationDate: new Date(0) },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  for (const page of pages) {
    doc.addPage({ size, margin: 0 });
    for (const it of page) {
      const pt = it.size ?? 10;
      doc
        .font(it.bold ? "Helvetica-Bold" : "Helvetica")
        .fontSize(pt)
        .text(it.text, it.x, it.y - (ASCENT / 1000) * pt, { lineBreak: false });
    }
  }
  doc.end();
  return done;
}
