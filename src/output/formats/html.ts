/** `-f html`: the document as one self-contained web page, checked to hold every value in order. */
import { ResumeError } from "../../common/errors.js";
import { checkHtml } from "../../check/html.js";
import { letterToHtml, toHtml } from "../html.js";
import { besidePdf, type OutputFormat } from "./output.js";

export const htmlOutput: OutputFormat = {
  letters: true,
  needs: "model",
  suffix: ".html",
  write: async ({ document, tokens, pdfPath }) => {
    const file = besidePdf(pdfPath, ".html");
    if (document.kind === "letter") return { files: [[file, Buffer.from(letterToHtml(document.model, tokens))]] };
    const html = toHtml(document.vm, tokens, document.resume);
    const lost = checkHtml(html, document.vm, tokens);
    if (lost) throw ResumeError.of(file, `the web page does not hold ${lost} in the order the résumé prints it`);
    return { files: [[file, Buffer.from(html)]] };
  },
};
