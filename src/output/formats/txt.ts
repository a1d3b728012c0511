/** `-f txt`: the document as plain text. */
import { letterToText, toText } from "../text.js";
import { besidePdf, type OutputFormat } from "./output.js";

export const txtOutput: OutputFormat = {
  letters: true,
  needs: "model",
  suffix: ".txt",
  write: async ({ document, tokens, pdfPath }) => {
    const text = document.kind === "resume" ? toText(document.vm, tokens) : letterToText(document.model);
    return { files: [[besidePdf(pdfPath, ".txt"), Buffer.from(text)]] };
  },
};
