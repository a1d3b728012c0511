/**
 * Every output `resume build` writes, in one table: what it is called on the command line (`-f`),
 * whether a cover letter has it, what it needs, the name of its file beside the PDF, and the module
 * that turns a document into its bytes. Résumés and letters both write through this table, in its
 * order. Adding an output: write its module in `formats/` (one `write` with the signature below),
 * add it to OUTPUTS, add a test.
 */
import { docxOutput } from "./formats/docx.js";
import { htmlOutput } from "./formats/html.js";
import { jsonOutput } from "./formats/json.js";
import { mdOutput } from "./formats/md.js";
import { pdfOutput } from "./formats/pdf.js";
import { pngOutput } from "./formats/png.js";
import { txtOutput } from "./formats/txt.js";
import { besidePdf, type OutputFormat } from "./formats/output.js";

export {
  besidePdf,
  type OutputDocument,
  type OutputFiles,
  type OutputFormat,
  type OutputInput,
} from "./formats/output.js";

/** The outputs, in the order they are listed, checked and written, whatever the order of `-f`. */
export const OUTPUTS = {
  pdf: pdfOutput,
  png: pngOutput,
  docx: docxOutput,
  md: mdOutput,
  txt: txtOutput,
  html: htmlOutput,
  json: jsonOutput,
} satisfies Record<string, OutputFormat>;

export type Format = keyof typeof OUTPUTS;
export const FORMATS = Object.keys(OUTPUTS) as Format[];

/** The formats a letter is written in. */
export const LETTER_FORMATS = FORMATS.filter((f) => OUTPUTS[f].letters);

/** The formats asked for, each once, in the table's order; just the PDF when none is. */
export function chosenFormats(asked: readonly Format[] | undefined): Format[] {
  return asked?.length ? FORMATS.filter((f) => asked.includes(f)) : ["pdf"];
}

/** The file an output writes, when its name is known before it is made (not a PNG a page). */
export function knownName(format: Format, pdfPath: string): string | undefined {
  const { suffix } = OUTPUTS[format];
  return suffix.includes("N") ? undefined : besidePdf(pdfPath, suffix);
}
