/** A cover letter's paragraphs in a Word file: the résumé's header, then the letter. */
import type { Paragraph as DocxParagraph } from "docx";
import type { LetterModel } from "../model/letter.js";
import { paragraph, richRuns, textRuns, tw, type Ctx } from "./docx-runs.js";
import { header } from "./docx-resume.js";

/**
 * The letter's paragraphs: the header, the date (at the end of its line: the right, or the left
 * in a right-to-left letter), the recipient, subject, greeting, body, closing and name.
 */
export function letterParagraphs(c: Ctx, letter: LetterModel): DocxParagraph[] {
  const { d, k } = c;
  const gap = tw(k.size.body * k.leading);
  return [
    ...header(c),
    paragraph(c, {
      spacing: { before: tw(k.space.header + k.space.section) },
      alignment: c.rtl ? d.AlignmentType.LEFT : d.AlignmentType.RIGHT,
      children: textRuns(c, letter.date),
    }),
    ...letter.to.map((line, i) =>
      paragraph(c, { spacing: { before: i === 0 ? gap : 0 }, children: textRuns(c, line) }),
    ),
    ...(letter.subject
      ? [paragraph(c, { spacing: { before: gap }, children: textRuns(c, letter.subject, { bold: true }) })]
      : []),
    ...(letter.greeting ? [paragraph(c, { spacing: { before: gap }, children: textRuns(c, letter.greeting) })] : []),
    ...letter.body.map((p) => paragraph(c, { spacing: { before: gap }, children: richRuns(c, p) })),
    ...(letter.closing
      ? [paragraph(c, { spacing: { before: gap }, keepNext: true, children: textRuns(c, letter.closing) })]
      : []),
    paragraph(c, {
      spacing: { before: letter.closing ? tw(k.size.body * k.leading * 2) : gap },
      children: textRuns(c, letter.signature),
    }),
  ];
}
