/**
 * A theme's style sheet: every style the primitives (primitives.tsx) draw with, made from the
 * theme's tokens. A layout may derive its columns' styles from it (render/layouts/).
 */
import type { Style } from "@react-pdf/types";
import type { FontStack } from "./stack.js";
import { mm, type ThemeTokens } from "./tokens.js";

/**
 * react-pdf's StyleSheet.create, which returns its argument: written here so that asking a theme
 * for its styles (the layouts do, to measure) never loads the renderer, which `validate` must not.
 */
const sheet = <T extends Record<string, Style>>(styles: T): T => styles;

/** The style sheet of a theme (or of a layout's column). */
export type Styles = ReturnType<typeof makeStyles>;

const round = (v: number) => Math.round(v * 100) / 100;

/** The space between the dates (labels) column and what stands beside it, in points. */
export const COLUMN_GAP = 10;

export function makeStyles(k: ThemeTokens, fonts: FontStack) {
  // Each text style names its family first, then the fallbacks react-pdf tries per character.
  const body = [k.font.body, ...fonts.fallbacks];
  const heading = [k.font.heading, ...fonts.fallbacks];
  // Leading is set on each text style, never inherited: a lineHeight on the page stops react-pdf
  // drawing the dynamic footer, and one inherited through a View is applied twice after a page break.
  // Absolute values (in pt) because a unitless one is multiplied again when a page is split.
  const lh = { lineHeight: `${round(k.size.body * k.leading)}pt` };
  const lhAt = (size: number) => ({ lineHeight: `${round(size * k.leading)}pt` });
  // A column on the left for the dates (and the labels of rows, and titles set in it): what stands
  // beside it is indented by its width.
  const column = k.entry.dates === "column";
  const columnWidth = column ? k.entry.columnWidth : 0;
  const cell = { flexShrink: 0, paddingRight: COLUMN_GAP, textAlign: "right" as const };
  const titleRule: Style =
    k.sectionTitle.decoration === "rule"
      ? { borderBottomWidth: k.sectionTitle.weight, borderBottomColor: k.color.rule, paddingBottom: 1.5 }
      : k.sectionTitle.decoration === "bar"
        ? { borderLeftWidth: k.sectionTitle.weight, borderLeftColor: k.color.rule, paddingLeft: 6 }
        : {};
  // A split header's lines: the label's, and the contacts' size.
  const labelLine = round(k.size.label * k.leading);
  const contactSize = k.size.small + 0.5;
  const headerSide: Style = { marginLeft: 16, alignItems: "flex-end", flexShrink: 0, maxWidth: "50%" };
  const sectionTitle = {
    fontFamily: heading,
    fontSize: k.size.section,
    fontWeight: 700,
    color: k.color.title,
    letterSpacing: k.sectionTitle.letterSpacing,
    marginBottom: k.space.title,
  };
  return {
    // Whether entry headings stack their parts, dates first (a narrow column's), or set the dates
    // beside the title.
    stacked: false as boolean,
    // Whether the sheet is seen in a mirror (a right-to-left document's, mirror.ts).
    mirrored: false as boolean,
    // Whether the contacts have icons before them (icons.tsx), and their colour.
    icons: k.icons === true,
    iconColor: k.color.accent,
    // The mark before each bullet.
    bulletGlyph: k.entry.bullet,
    // Whether entries set their dates in a column on the left (and rows their labels), and how
    // section titles stand then: `column`, in it; `above`, beside it (decoration drawn in it).
    datesColumn: column,
    titleInColumn: column && k.sectionTitle.position === "column",
    ...sheet({
      // What stands beside the dates column (nothing without one).
      indented: column ? { marginLeft: columnWidth } : {},
      // The column's cells: a date (as wide as it needs, at least the column) and a label.
      dateCell: { ...cell, minWidth: columnWidth, maxWidth: "45%", alignItems: "flex-end" },
      dateText: { ...lh, color: k.color.muted, textAlign: "right" },
      // A badge in the column, at its inner edge (the badge box keeps 8 pt after it).
      badgeCell: { width: columnWidth, flexShrink: 0, paddingRight: COLUMN_GAP - 8, alignItems: "flex-end" },
      rowValue: { ...lh, flexGrow: 1, flexShrink: 1, flexBasis: 0 },
      // A label or a title in the column: at least the column wide, wider when it is longer (it
      // never wraps in the column, where its lines would stand apart from its line's text).
      labelCell: {
        minWidth: columnWidth,
        maxWidth: "45%",
        flexShrink: 0,
        paddingRight: COLUMN_GAP,
        alignItems: "flex-end",
      },
      labelText: { ...lh, fontWeight: 700, textAlign: "right" },
      // A title beside the column (its decoration in the column) or in it (the rule beside it).
      titleRow: { flexDirection: "row", alignItems: "center", marginBottom: k.space.title },
      titleCell: { minWidth: columnWidth, flexShrink: 0, paddingRight: COLUMN_GAP, alignItems: "flex-end" },
      titleText: { ...sectionTitle, marginBottom: 0, textAlign: "right" },
      titleBeside: { ...sectionTitle, marginBottom: 0, flexGrow: 1, flexShrink: 1, flexBasis: 0 },
      columnBar: {
        width: columnWidth - COLUMN_GAP,
        marginRight: COLUMN_GAP,
        height: k.sectionTitle.weight,
        backgroundColor: k.color.rule,
      },
      columnRule: { flexGrow: 1, height: 0, borderBottomWidth: k.sectionTitle.weight, borderBottomColor: k.color.rule },
      // A split header's right-hand side: the contacts one per line, right-aligned, on the label's
      // line pitch and half a line below its lines, so that no contact shares a line with the
      // name or the label and a parser meets the name, the label and then each contact (as from
      // one column). A baseline sits about half its line plus half its size below the line's top.
      headerSide: { ...headerSide, paddingTop: round(2 + labelLine / 2 + k.size.label / 2 - contactSize / 2) },
      headerSideNoLabel: { ...headerSide, paddingTop: 2 },
      headerSplitRow: { flexDirection: "row", alignItems: "flex-start", alignSelf: "stretch" },
      headerSplitLabel: { flexGrow: 1, flexShrink: 1, flexBasis: 0 },
      headerSideUnit: { flexDirection: "row", alignItems: "flex-start", justifyContent: "flex-end" },
      headerSideContact: {
        lineHeight: `${labelLine}pt`,
        fontSize: contactSize,
        color: k.color.muted,
        textAlign: "right",
      },
      page: {
        fontFamily: body,
        fontSize: k.size.body,
        color: k.color.text,
        paddingTop: k.margin.top,
        paddingRight: k.margin.right,
        paddingBottom: k.margin.bottom,
        paddingLeft: k.margin.left,
      },
      header: { marginBottom: k.space.header, flexDirection: "row", alignItems: "center" },
      // A split header: the name and label on the left, the contacts on the right.
      headerSplit: { marginBottom: k.space.header, flexDirection: "row", alignItems: "flex-start" },
      headerCentered: { marginBottom: k.space.header, alignItems: "center" },
      headerText: {
        flexGrow: 1,
        flexShrink: 1,
        flexBasis: 0,
        alignItems: k.header.align === "center" ? "center" : "flex-start",
      },
      photo: { width: k.photo, height: k.photo, borderRadius: k.photo / 2, objectFit: "cover" },
      photoLeft: { marginRight: 14 },
      photoAbove: { marginBottom: 6 },
      name: {
        fontFamily: heading,
        fontSize: k.size.name,
        fontWeight: k.header.nameWeight,
        letterSpacing: k.header.nameLetterSpacing,
        color: k.color.name,
        lineHeight: 1.15,
      },
      label: { ...lhAt(k.size.label), fontSize: k.size.label, color: k.color.muted, marginTop: 2 },
      contacts: {
        flexDirection: "row",
        flexWrap: "wrap",
        justifyContent: k.header.align === "center" ? "center" : "flex-start",
        marginTop: 4,
      },
      contact: { ...lhAt(k.size.small + 0.5), fontSize: k.size.small + 0.5, color: k.color.muted },
      // Contacts in a column, one per line (a narrow column's).
      sideContact: { ...lhAt(k.size.small + 0.5), fontSize: k.size.small + 0.5, color: k.color.muted, marginBottom: 2 },
      bold: { fontWeight: 700 },
      italic: { fontStyle: "italic" },
      text: { ...lh },
      section: { marginTop: k.space.section },
      sectionTitle: {
        ...sectionTitle,
        ...titleRule,
        ...(column && k.sectionTitle.decoration === "rule" ? { marginLeft: columnWidth } : {}),
      },
      entry: { marginBottom: k.space.entry },
      entryWithBadge: { flexDirection: "row", marginBottom: k.space.entry },
      badgeBox: { width: k.badge, height: k.badge, marginRight: 8 },
      badge: { width: k.badge, height: k.badge },
      // Beside a badge, the entry takes exactly the rest of the row (a definite width, so that the
      // heading rows inside it can wrap).
      besideBadge: { flexGrow: 1, flexShrink: 1, flexBasis: 0 },
      // Top-aligned: when a title wraps, its dates stay on its first line (where parsers look).
      line: { flexDirection: "row", justifyContent: "space-between", alignItems: "flex-start" },
      // The left text takes the room the right one leaves (basis 0, so it wraps instead of running
      // under it); the right one is capped so that a long place cannot crowd the left out.
      title: { ...lh, fontWeight: k.entry.titleWeight, flexGrow: 1, flexShrink: 1, flexBasis: 0, paddingRight: 8 },
      // Room for a long range ("janeiro de 1990 – setembro de 1990") on one line, beside the title.
      date: { ...lh, flexShrink: 0, maxWidth: "55%", textAlign: "right", color: k.color.text },
      subtitle: {
        ...lh,
        fontStyle: k.entry.subtitleItalic ? "italic" : "normal",
        color: k.entry.subtitleItalic ? k.color.text : k.color.muted,
        flexGrow: 1,
        flexShrink: 1,
        flexBasis: 0,
        paddingRight: 8,
      },
      place: {
        ...lh,
        fontStyle: k.entry.subtitleItalic ? "italic" : "normal",
        flexShrink: 0,
        maxWidth: "45%",
        textAlign: "right",
        color: k.color.place,
      },
      note: { ...lh, fontStyle: "italic", color: k.color.muted },
      // A long address, on a line of its own under the subtitle.
      address: { ...lh, fontStyle: k.entry.subtitleItalic ? "italic" : "normal", color: k.color.muted },
      paragraph: { ...lh, marginTop: k.space.line },
      bullets: { marginTop: k.space.line },
      bullet: { flexDirection: "row", marginBottom: k.space.line },
      bulletMark: { ...lh, width: 10, color: k.color.muted },
      bulletText: { ...lh, flexGrow: 1, flexShrink: 1, flexBasis: 0 },
      detail: { ...lhAt(k.size.body - 0.5), marginTop: k.space.line, fontSize: k.size.body - 0.5 },
      detailLabel: { fontWeight: 600 },
      row: { ...lh, marginBottom: k.space.line + 0.5 },
      rowLabel: { fontWeight: 700 },
      link: { color: k.color.link, textDecoration: "none" },
      plainLink: { color: k.color.text, textDecoration: "none" },
      footer: {
        position: "absolute",
        bottom: Math.max(k.margin.bottom - 16, mm(10.5)),
        left: k.margin.left,
        right: k.margin.right,
        fontSize: k.size.small - 0.5,
        color: k.color.muted,
        textAlign: "center",
      },
    }),
  };
}
