/** What every output module takes and gives (formats.ts lists them). */
import type { Validated } from "../../input/validate.js";
import type { Resume } from "../../input/schema.js";
import type { LetterModel } from "../../model/letter.js";
import type { ViewModel } from "../../model/normalize.js";
import type { ThemeTokens } from "../../render/themes/tokens.js";

/** The document an output is made from: a résumé's view model, or a letter's. */
export type OutputDocument =
  | { kind: "resume"; vm: ViewModel; resume: Resume; extras: Validated["extras"] }
  | { kind: "letter"; model: LetterModel };

/** What every output is given. */
export interface OutputInput {
  document: OutputDocument;
  /** The theme's tokens as the document was laid out with them (after --fit). */
  tokens: ThemeTokens;
  /** The date stamped into the files that carry one (PDF, Word). */
  date: Date;
  /** The PDF's path: every other output is named after it (`cv.pdf` → `cv.md`, `cv-1.png`). */
  pdfPath: string;
  /** The drawn PDF, for the outputs that need it. */
  pdf?: Uint8Array;
  /** How messages name the input file. */
  label: string;
}

/** What an output gives: its files with their bytes, and notes for the user (what it left out). */
export interface OutputFiles {
  files: [string, Uint8Array][];
  notes?: string[];
}

export interface OutputFormat {
  /** Whether a cover letter is written in this format too. */
  letters: boolean;
  /**
   * What its bytes need: the view model alone ("model": made before anything is laid out, so an
   * existing file can be compared with them early), the layout's final tokens ("layout"), or the
   * drawn PDF ("pdf").
   */
  needs: "model" | "layout" | "pdf";
  /** Its file's name after the PDF's stem (`.md`); `-N.png` for one file a page. */
  suffix: string;
  write(input: OutputInput): Promise<OutputFiles>;
}

/** `cv.pdf` + `.md` → `cv.md`; the PDF's own name as given. */
export function besidePdf(pdfPath: string, suffix: string): string {
  return suffix === ".pdf" ? pdfPath : `${pdfPath.replace(/\.pdf$/i, "")}${suffix}`;
}
