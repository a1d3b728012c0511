/** `-f pdf`: the drawn PDF itself. */
import type { OutputFormat } from "./output.js";

export const pdfOutput: OutputFormat = {
  letters: true,
  needs: "pdf",
  suffix: ".pdf",
  write: async ({ pdfPath, pdf }) => ({ files: [[pdfPath, pdf!]] }),
};
