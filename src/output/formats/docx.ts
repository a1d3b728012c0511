/**
 * `-f docx`: the Word file, drawn with the tokens the PDF was drawn with (its libraries are loaded
 * only when one is asked for).
 */
import { besidePdf, type OutputFormat } from "./output.js";

export const docxOutput: OutputFormat = {
  letters: true,
  needs: "layout",
  suffix: ".docx",
  async write({ document, tokens, date, pdfPath }) {
    const { resumeToDocx, letterToDocx } = await import("../docx.js");
    const bytes =
      document.kind === "resume"
        ? await resumeToDocx(document.vm, tokens, date)
        : await letterToDocx(document.model, tokens, date);
    return { files: [[besidePdf(pdfPath, ".docx"), bytes]] };
  },
};
