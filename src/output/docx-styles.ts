/** A Word file's styles from the theme's tokens: body text, Heading 1–3, the bullet list, the page. */
import type * as Docx from "docx";
import { PAPER_SIZES } from "../common/ids.js";
import { half, hex, tw, type Ctx } from "./docx-runs.js";

/** The numbering (list) every bullet paragraph refers to. */
export const BULLETS = "bullets";

/** The document's styles: the theme's body text, and its name, section and entry headings as Heading 1–3. */
export function styles(c: Ctx): Docx.IStylesOptions {
  const { k, vm } = c;
  const decoration = k.sectionTitle.decoration;
  const border = {
    style: c.d.BorderStyle.SINGLE,
    size: Math.max(2, Math.round(k.sectionTitle.weight * 8)),
    color: hex(k.color.rule),
  };
  return {
    default: {
      document: {
        run: {
          font: c.fonts,
          size: half(k.size.body),
          color: hex(k.color.text),
          language: { value: vm.metadata.language },
        },
        // At least the theme's leading, as the PDF sets it (size × leading); taller glyphs (emoji, CJK) still fit.
        paragraph: {
          spacing: { line: tw(k.size.body * k.leading), lineRule: c.d.LineRuleType.AT_LEAST, before: 0, after: 0 },
        },
      },
      heading1: {
        run: {
          font: c.headingFonts,
          size: half(k.size.name),
          bold: k.header.nameWeight >= 600,
          color: hex(k.color.name),
          characterSpacing: tw(k.header.nameLetterSpacing),
        },
        paragraph: {
          spacing: { line: tw(k.size.name * 1.15), lineRule: c.d.LineRuleType.AT_LEAST, before: 0, after: 0 },
          keepNext: true,
        },
      },
      heading2: {
        run: {
          font: c.headingFonts,
          size: half(k.size.section),
          bold: true,
          color: hex(k.color.title),
          characterSpacing: tw(k.sectionTitle.letterSpacing),
        },
        paragraph: {
          spacing: { before: tw(k.space.section), after: tw(k.space.title) },
          keepNext: true,
          ...(decoration === "rule"
            ? { border: { bottom: { ...border, space: 1 } } }
            : decoration === "bar"
              ? // At the start of the title: on the right of a right-to-left one (borders keep the page's sides).
                { border: { [c.rtl ? "right" : "left"]: { ...border, space: 6 } } }
              : {}),
        },
      },
      heading3: {
        run: { font: c.fonts, size: half(k.size.body), bold: k.entry.titleWeight >= 600, color: hex(k.color.text) },
        paragraph: { keepNext: true },
      },
    },
  };
}

/**
 * The bullet list: the bullet hangs at the start of the item, on the left, or on the right of a
 * right-to-left item (its indent from the start, the bullet set against the right).
 */
export function numbering(c: Ctx): Docx.INumberingOptions {
  const { d, k } = c;
  return {
    config: [
      {
        reference: BULLETS,
        levels: [
          {
            level: 0,
            format: d.LevelFormat.BULLET,
            text: "\u2022",
            alignment: c.rtl ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
            style: {
              paragraph: { indent: c.rtl ? { start: tw(12), hanging: tw(10) } : { left: tw(12), hanging: tw(10) } },
              run: { color: hex(k.color.muted) },
            },
          },
        ],
      },
    ],
  };
}

export function page(c: Ctx): Docx.ISectionPropertiesOptions {
  const { k, vm } = c;
  const { width, height } = PAPER_SIZES[vm.paper];
  return {
    page: {
      size: { width: tw(width), height: tw(height) },
      margin: {
        top: tw(k.margin.top),
        right: tw(k.margin.right),
        bottom: tw(k.margin.bottom),
        left: tw(k.margin.left),
        header: 0,
        footer: 0,
        gutter: 0,
      },
    },
  };
}
