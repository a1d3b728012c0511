/** `-f png`: one PNG a page of the drawn PDF (`cv-1.png`, `cv-2.png`, …). */
import { ResumeError } from "../../common/errors.js";
import { besidePdf, type OutputFormat } from "./output.js";

export const pngOutput: OutputFormat = {
  letters: true,
  needs: "pdf",
  suffix: "-N.png",
  async write({ pdfPath, pdf, label }) {
    const { pdfToPngs, MissingPngRenderer } = await import("../png.js");
    try {
      const pngs = await pdfToPngs(pdf!);
      return { files: pngs.map((png, i): [string, Uint8Array] => [besidePdf(pdfPath, `-${i + 1}.png`), png]) };
    } catch (err) {
      if (err instanceof MissingPngRenderer) throw ResumeError.of(label, err.message, "--format png");
      throw err;
    }
  },
};
