/**
 * PDF pages as PNG images (previews, README thumbnails), drawn by pdf.js with @napi-rs/canvas
 * through pdf-parse. Loaded only when PNG output is asked for.
 */
export async function pdfToPngs(pdf: Uint8Array, scale = 2): Promise<Buffer[]> {
  const { PDFParse } = await import("pdf-parse");
  const parser = new PDFParse({ data: Buffer.from(pdf) }); // pdf-parse empties the array it is given
  try {
    const shot = await parser.getScreenshot({ scale, imageDataUrl: false, imageBuffer: true });
    return shot.pages.map((p) => Buffer.from(p.data));
  } finally {
    await parser.destroy();
  }
}
