/** Pages of a PDF as PNG images: the same renderer for the visual tests and the README thumbnails. */
import { pdfToPngs } from "../src/output/png.js";

export const screenshots = (pdf: Uint8Array, scale = 1) => pdfToPngs(pdf, scale);
