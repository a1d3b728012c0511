/** `-f json`: the résumé as JSON Resume, with the keys it kept but does not print (not for letters). */
import { toJsonResume } from "../export.js";
import { besidePdf, type OutputFormat } from "./output.js";

export const jsonOutput: OutputFormat = {
  letters: false,
  needs: "model",
  suffix: ".json",
  write: async ({ document, pdfPath }) => {
    if (document.kind !== "resume") return { files: [] };
    const { doc, leftOut } = toJsonResume(document.resume, document.extras);
    return {
      files: [[besidePdf(pdfPath, ".json"), Buffer.from(`${JSON.stringify(doc, null, 2)}\n`)]],
      notes: leftOut.length ? [`-f json leaves out ${leftOut.join(" and ")}`] : [],
    };
  },
};
