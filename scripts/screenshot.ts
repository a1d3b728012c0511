/**
 * Pages of a PDF as PNG images, drawn by pdf.js (through pdf-parse and @napi-rs/canvas): the
 * same renderer for visual regression tests and for the README's theme thumbnails.
 */
import { PDFParse } from "pdf-parse";

export async function screenshots(pdf: Uint8Array, scale = 1): Promise<Buffer[]> {
  const parser = new PDFParse({ data: Buffer.from(pdf) }); // pdf-parse empties the array it is given
  try {
    const shot = await parser.getScreenshot({ scale, imageDataUrl: false, imageBuffer: true });
    return shot.pages.map((p) => Buffer.from(p.data));
  } finally {
    await parser.destroy();
  }
}
