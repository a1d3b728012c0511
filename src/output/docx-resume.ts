/**
 * A résumé's paragraphs in a Word file: the header (name, label, contacts, photo), then each
 * section, one column in every theme (the sidebar's sections come first).
 */
import type { Paragraph as DocxParagraph, ParagraphChild } from "docx";
import { SHORT_ADDRESS } from "../model/sections.js";
import type { Entry, Link, Section } from "../model/view-model.js";
import { CONTACT_SEPARATOR, inlineRows, rowLabel, sectionHeading } from "../render/themes/reading.js";
import {
  half,
  hex,
  paragraph,
  paragraphs,
  picture,
  plainRuns,
  richRuns,
  textRuns,
  twoSided,
  tw,
  type Ctx,
} from "./docx-runs.js";
import { leftToRightValue, rtlSeparator } from "./docx-scripts.js";
import { BULLETS } from "./docx-styles.js";

/**
 * The header: the name (Heading 1), the label, the contacts on one line, the photo; on the
 * theme's side, the right in a right-to-left document (Word's left and right are the page's).
 */
export function header(c: Ctx): DocxParagraph[] {
  const { d, vm, k } = c;
  const align =
    k.header.align === "center" ? d.AlignmentType.CENTER : c.rtl ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT;
  const out: DocxParagraph[] = [];
  if (vm.photo) {
    out.push(
      paragraph(c, {
        alignment: align,
        spacing: { after: tw(6) },
        children: [picture(c, vm.photo, k.photo, vm.photo.alt)],
      }),
    );
  }
  out.push(paragraph(c, { heading: d.HeadingLevel.HEADING_1, alignment: align, children: textRuns(c, vm.name) }));
  if (vm.label) {
    out.push(
      paragraph(c, {
        alignment: align,
        spacing: { before: tw(2) },
        children: textRuns(c, vm.label, { size: half(k.size.label), color: hex(k.color.muted) }),
      }),
    );
  }
  if (vm.contacts.length) {
    const small = { size: half(k.size.small + 0.5), color: hex(k.color.muted) };
    // Right to left, the contacts read from the right, each one (a telephone number, an address)
    // in its own direction.
    const separator = c.rtl ? rtlSeparator(CONTACT_SEPARATOR) : CONTACT_SEPARATOR;
    const runs: ParagraphChild[] = [];
    vm.contacts.forEach((contact: Link, i) => {
      runs.push(...plainRuns(c, c.rtl ? leftToRightValue(contact.text) : contact.text, contact.href, small));
      if (i < vm.contacts.length - 1) runs.push(...textRuns(c, separator, small));
    });
    out.push(paragraph(c, { alignment: align, spacing: { before: tw(4) }, children: runs }));
  }
  return out;
}

function entryParagraphs(c: Ctx, e: Entry, first: boolean): DocxParagraph[] {
  const { d, k } = c;
  const out: DocxParagraph[] = [];
  const before = first ? 0 : tw(k.space.entry);
  const italic = k.entry.subtitleItalic;
  if (e.title || e.date) {
    const title = e.title ? plainRuns(c, e.title, e.titleHref, e.titleHref ? { color: hex(k.color.text) } : {}) : [];
    const date = e.date ? plainRuns(c, e.date, e.dateHref, { bold: false }) : [];
    out.push(
      twoSided(c, title, date, {
        heading: e.title ? d.HeadingLevel.HEADING_3 : undefined,
        spacing: { before },
        keepNext: true,
      }),
    );
  }
  const placeOnLine = e.location !== undefined && !(e.locationHref && e.location.length > SHORT_ADDRESS);
  if (e.subtitle || (e.location && placeOnLine)) {
    const subtitle = e.subtitle
      ? textRuns(c, e.subtitle, { italics: italic, color: italic ? undefined : hex(k.color.muted) })
      : [];
    const place =
      e.location && placeOnLine
        ? plainRuns(c, e.location, e.locationHref, { italics: italic, color: hex(k.color.muted) })
        : [];
    out.push(twoSided(c, subtitle, place, { keepNext: true, spacing: { before: out.length ? 0 : before } }));
  }
  if (e.location && !placeOnLine)
    out.push(
      paragraph(c, {
        keepNext: true,
        children: plainRuns(c, e.location, e.locationHref, { italics: italic, color: hex(k.color.muted) }),
      }),
    );
  if (e.note) out.push(paragraph(c, { children: textRuns(c, e.note, { italics: true, color: hex(k.color.muted) }) }));
  if (e.summary)
    for (const p of paragraphs(e.summary))
      out.push(paragraph(c, { spacing: { before: tw(k.space.line) }, children: richRuns(c, p) }));
  out.push(...bullets(c, e.bullets));
  // The badge: an inline picture linked to its verification page, at the right end of the entry's
  // last line of details (where it costs the fewest lines), or under the entry.
  // Two lines high: a Word line is as tall as its tallest picture, so a badge as large as the
  // PDF's (which sits beside the entry's lines) would add three lines to the page.
  const badge = e.badge
    ? picture(c, e.badge, Math.min(k.badge, Math.round(k.size.body * k.leading * 2)), e.badge.alt, {
        link: e.badge.href,
      })
    : undefined;
  e.details.forEach((detail, i) => {
    const size = half(k.size.body - 0.5);
    const text = [
      ...textRuns(c, `${detail.label}: `, { bold: true, size }),
      ...plainRuns(c, detail.value, detail.href, { size }),
    ];
    const last = i === e.details.length - 1;
    out.push(
      badge && last
        ? twoSided(c, text, [badge], { spacing: { before: tw(k.space.line) } })
        : paragraph(c, { spacing: { before: tw(k.space.line) }, children: text }),
    );
  });
  if (badge && !e.details.length)
    out.push(paragraph(c, { spacing: { before: tw(k.space.line * 2) }, children: [badge] }));
  return out;
}

function bullets(c: Ctx, items: string[]): DocxParagraph[] {
  return items.map((b) =>
    paragraph(c, {
      numbering: { reference: BULLETS, level: 0 },
      spacing: { before: tw(c.k.space.line) },
      children: richRuns(c, b),
    }),
  );
}

export function sectionParagraphs(c: Ctx, sec: Section): DocxParagraph[] {
  const { d, k } = c;
  const out: DocxParagraph[] = [
    paragraph(c, { heading: d.HeadingLevel.HEADING_2, children: textRuns(c, sectionHeading(sec, k)) }),
  ];
  switch (sec.kind) {
    case "text":
      if (sec.paragraph)
        for (const p of paragraphs(sec.paragraph))
          out.push(paragraph(c, { spacing: { before: tw(k.space.line) }, children: richRuns(c, p) }));
      out.push(...bullets(c, sec.bullets));
      break;
    case "rows":
      if (sec.inline) out.push(paragraph(c, { children: textRuns(c, inlineRows(sec.rows)) }));
      else {
        for (const r of sec.rows) {
          const label = rowLabel(r.label, r.value);
          out.push(
            paragraph(c, {
              spacing: { after: tw(k.space.line + 0.5) },
              children: [
                ...(label ? textRuns(c, label, { bold: true }) : []),
                ...(r.value ? textRuns(c, r.value) : []),
              ],
            }),
          );
        }
      }
      break;
    case "entries":
      sec.entries.forEach((e, i) => out.push(...entryParagraphs(c, e, i === 0)));
      break;
  }
  return out;
}
