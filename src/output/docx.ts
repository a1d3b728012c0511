/**
 * The résumé (or a cover letter) as a Word file, over the same view model and theme tokens as
 * the PDF: the theme's fonts by name, its sizes, colours and spacing; the name and section titles
 * as Word's own heading styles; bullets as a Word list; links as hyperlinks; dates right-aligned
 * at a tab stop; the badge as an inline picture with alt text. One column in every theme (the
 * sidebar's sections come first), no text boxes, tables, headers or footers: what ATS vendors
 * advise for Word files.
 *
 * The pieces: units, runs and pictures (docx-runs.ts), styles, bullets and page (docx-styles.ts),
 * the résumé's paragraphs (docx-resume.ts), the letter's (docx-letter.ts), and the reproducible
 * package (docx-package.ts). `docx` and `fflate` are loaded (through docx-deps.ts, a bundle of
 * their own) only when a Word file is asked for: a PDF build never reads them.
 */
import type { LetterModel } from "../model/letter.js";
import type { ViewModel } from "../model/view-model.js";
import { layoutSections } from "../render/themes/reading.js";
import type { ThemeTokens } from "../render/themes/tokens.js";
import { letterParagraphs } from "./docx-letter.js";
import { pack } from "./docx-package.js";
import { header, sectionParagraphs } from "./docx-resume.js";
import { context } from "./docx-runs.js";

export { DOCX_APPLICATION, existingWordFile } from "./docx-package.js";

/** The résumé as a .docx file. */
export async function resumeToDocx(vm: ViewModel, tokens: ThemeTokens, date: Date): Promise<Uint8Array> {
  const { docx: d } = await import("./docx-deps.js");
  const c = context(d, vm, tokens);
  const { side, main } = layoutSections(vm, tokens);
  return pack(c, vm.metadata, date, () => [
    ...header(c),
    ...[...side, ...main].flatMap((sec) => sectionParagraphs(c, sec)),
  ]);
}

/** A cover letter as a .docx file: the résumé's header, then the letter. */
export async function letterToDocx(letter: LetterModel, tokens: ThemeTokens, date: Date): Promise<Uint8Array> {
  const { docx: d } = await import("./docx-deps.js");
  const c = context(d, letter.vm, tokens);
  return pack(c, letter.metadata, date, () => letterParagraphs(c, letter));
}
