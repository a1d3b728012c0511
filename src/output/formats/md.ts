/** `-f md`: the document as Markdown. */
import { letterToMarkdown, toMarkdown } from "../text.js";
import { besidePdf, type OutputFormat } from "./output.js";

export const mdOutput: OutputFormat = {
  letters: true,
  needs: "model",
  suffix: ".md",
  write: async ({ document, tokens, pdfPath }) => {
    const text = document.kind === "resume" ? toMarkdown(document.vm, tokens) : letterToMarkdown(document.model);
    return { files: [[besidePdf(pdfPath, ".md"), Buffer.from(text)]] };
  },
};
