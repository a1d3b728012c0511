/**
 * PDF pages as PNG images (previews, README thumbnails), drawn by pdf.js with @napi-rs/canvas
 * through pdf-parse. Loaded only when PNG output is asked for; the package does not install it
 * (80 MB of pdf.js and a canvas binding), so a build asking for PNG without it says how to add it.
 */
import { installCommand } from "../render/fonts.js";

/** Thrown when PNG output is asked for and its renderer is not installed. */
export class MissingPngRenderer extends Error {
  constructor() {
    super(
      `PNG output needs pdf-parse (pdf.js with a canvas), which is not installed; run: ${installCommand("pdf-parse@2")}`,
    );
  }
}

export async function pdfToPngs(pdf: Uint8Array, scale = 2): Promise<Buffer[]> {
  let PDFParse: typeof import("pdf-parse").PDFParse;
  try {
    ({ PDFParse } = await import("pdf-parse"));
  } catch (err) {
    if (
      (err as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND" ||
      (err as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND"
    )
      throw new MissingPngRenderer();
    throw err;
  }
  const parser = new PDFParse({ data: Buffer.from(pdf) }); // pdf-parse empties the array it is given
  try {
    const shot = await parser.getScreenshot({ scale, imageDataUrl: false, imageBuffer: true });
    return shot.pages.map((p) => Buffer.from(p.data));
  } finally {
    await parser.destroy();
  }
}
