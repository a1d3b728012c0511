/** A cover letter's paragraphs in a Word file: the résumé's header, then the letter. */
import type { Paragraph as DocxParagraph } from "docx";
import type { LetterModel } from "../model/letter.js";
import { richRuns, tw, type Ctx } from "./docx-runs.js";
import { header } from "./docx-resume.js";

/** The letter's paragraphs: the header, the date, the recipient, subject, greeting, body, closing and name. */
export function letterParagraphs(c: Ctx, letter: LetterModel): DocxParagraph[] {
  const { d, k } = c;
  const gap = tw(k.size.body * k.leading);
  return [
    ...header(c),
    new d.Paragraph({
      spacing: { before: tw(k.space.header + k.space.section) },
      alignment: d.AlignmentType.RIGHT,
      children: [new d.TextRun(letter.date)],
    }),
    ...letter.to.map(
      (line, i) => new d.Paragraph({ spacing: { before: i === 0 ? gap : 0 }, children: [new d.TextRun(line)] }),
    ),
    ...(letter.subject
      ? [new d.Paragraph({ spacing: { before: gap }, children: [new d.TextRun({ text: letter.subject, bold: true })] })]
      : []),
    ...(letter.greeting
      ? [new d.Paragraph({ spacing: { before: gap }, children: [new d.TextRun(letter.greeting)] })]
      : []),
    ...letter.body.map((p) => new d.Paragraph({ spacing: { before: gap }, children: richRuns(c, p) })),
    ...(letter.closing
      ? [new d.Paragraph({ spacing: { before: gap }, keepNext: true, children: [new d.TextRun(letter.closing)] })]
      : []),
    new d.Paragraph({
      spacing: { before: letter.closing ? tw(k.size.body * k.leading * 2) : gap },
      children: [new d.TextRun(letter.signature)],
    }),
  ];
}
