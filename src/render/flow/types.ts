/**
 * The shapes of a laid-out résumé: atoms (the smallest pieces a page break may fall between),
 * the blocks and sections they make, the columns that hold them and where those stand. atoms.tsx
 * makes them, with the theme's layout (render/layouts/) choosing the columns; measure.ts,
 * plan.ts and compose.ts take them from there.
 */
import type { ReactElement } from "react";
import type { Entry, Section } from "../../model/normalize.js";

/**
 * A column: "full" runs across the text area (the whole page in one column, or the header above
 * two); "side" and "main" stand side by side below it, "side" read first.
 */
export type ColumnId = "full" | "side" | "main";

/** What an atom is in its block: the planner's rules for breaking pages go by it. */
export type Role =
  "header" | "contacts" | "title" | "heading" | "summary" | "paragraph" | "bullet" | "detail" | "row" | "badge";

/** The structure element (tagged PDF) an atom belongs to, set on it when it is drawn. */
export interface AtomTag {
  tag: string;
  key?: string;
  parent?: string;
}

export interface Atom {
  role: Role;
  column: ColumnId;
  /** What it draws, as react-pdf elements (function components are expanded when measured). */
  element: ReactElement;
  /** Space before and after it, in points: dropped at the top of a page, hanging into the margin at its foot. */
  before: number;
  after: number;
  /** The structure element it is drawn into; undefined: the document's. */
  tag?: AtomTag;
  /** A paragraph that may break between its lines: its text element joins both pieces under this key. */
  textKey?: string;
  /** An outline entry (the section titles). */
  bookmark?: string;
}

export interface Block {
  /** The view model's entry or section it prints (a section's title and any content but entries). */
  owner: Entry | Section | "header" | "contacts";
  atoms: Atom[];
}

export interface SectionFlow {
  section: Section;
  title: Atom;
  blocks: Block[];
}

export interface ColumnFlow {
  column: ColumnId;
  /** Blocks before the sections (the header, contacts set in a column). */
  lead: Block[];
  sections: SectionFlow[];
  /**
   * The same blocks set across the text area (column "full"), atom for atom, for the pages after
   * the side column's last: there the main column takes the whole width.
   */
  wide?: ColumnFlow;
}

/** Where a column stands on the page, and what its atoms inherit from it. */
export interface ColumnGeometry {
  /** Content width, in points. */
  width: number;
  /** Left edge, from the page's left edge (mirrored in a right-to-left document: see atoms.tsx). */
  left: number;
  /** Style inherited by the column's text (font, size, colour; right-aligned lines in a right-to-left document). */
  inherit: { fontFamily: string[]; fontSize: number; color: string; textAlign?: "right" };
  /** Extra space above the column's first line (a column may stand lower than the others). */
  offset: number;
}

export interface Flows {
  /** The layout's columns (render/layouts/): one ("full"), or a header ("full") above a side and a main column. */
  columns: ColumnFlow[];
  geometry: Record<ColumnId, ColumnGeometry>;
  /** Page size and the text area (margins) in points. */
  page: { width: number; height: number; top: number; bottom: number; left: number; right: number };
  /** The page footer on page `n` of `total`. */
  footer(page: number, total: number): ReactElement;
}

/**
 * The blocks a layout sets differently after seeing a plan (the sidebar layout: the main-column
 * entries and sections set off its baseline grid); empty at first.
 */
export type Adjusted = ReadonlySet<Entry | Section>;
