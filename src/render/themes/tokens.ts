/**
 * A theme is a token object (sizes, spacing, colours, fonts, the layout it names) drawn by the
 * shared primitives in `primitives.tsx`. Themes differ mostly in tokens, which a theme file holds
 * (`themes/<name>.yaml` for the built-in ones; schema.ts is its format, files.ts reads it).
 */
import type { FamilyName } from "../fonts.js";
import type { LayoutId } from "../layouts/ids.js";

export interface ThemeTokens {
  name: string;
  description: string;
  font: { body: FamilyName; heading: FamilyName };
  /** Sizes in points. */
  size: { name: number; label: number; section: number; body: number; small: number };
  /** Line height as a multiple of the font size. */
  leading: number;
  color: {
    text: string;
    muted: string;
    accent: string;
    rule: string;
    link: string;
    name: string;
    title: string;
    /** An entry's place (muted unless the theme sets it). */
    place: string;
  };
  /** Page margins in points (12–20 mm is the comfortable range). */
  margin: { top: number; right: number; bottom: number; left: number };
  /** Vertical rhythm in points. */
  space: { header: number; section: number; title: number; entry: number; line: number };
  sectionTitle: {
    uppercase: boolean;
    letterSpacing: number;
    /** `rule`: a line under the title; `bar`: an accent bar before it; `plain`: neither. */
    decoration: "rule" | "bar" | "plain";
    /** Line width in points, for `rule` and `bar`. */
    weight: number;
    /**
     * `above`: the title on a line of its own above the section; `column`: in the labels column
     * (entry.dates `column`), the rule across the rest of the line.
     */
    position: "above" | "column";
  };
  /**
   * `left` or `center`: the name, the label and a row of contacts one under the other; `split`:
   * the name and the label on the left, the contacts one per line on the right.
   */
  header: { align: "left" | "center" | "split"; nameWeight: number; nameLetterSpacing: number };
  entry: {
    /** Weight of an entry's first line. */
    titleWeight: number;
    /** Whether the second line (role, degree) is italic. */
    subtitleItalic: boolean;
    /**
     * Where the dates sit: `right`, at the end of the entry's first line; `column`, in a column on
     * the left, on the first line too (the rest of the entry stands beside the column).
     */
    dates: "right" | "column";
    /** Width of the dates (labels) column, in points, when there is one. */
    columnWidth: number;
    /** The mark before each bullet. */
    bullet: string;
  };
  /** With the sidebar layout: the side the column stands on, and the sections it holds (by id). */
  sidebar: { side: "left" | "right"; sections: string[] };
  /**
   * The layout the theme's pages take (render/layouts/): its columns, reading order, parser rules
   * and pagination.
   */
  layout: LayoutId;
  /** Printed size of a certificate badge and of a photo, in points. */
  badge: number;
  photo: number;
  /**
   * Small icons (drawings, artifacts of the tagged PDF) before the contacts; none when not set.
   * The résumé's `render.icons` overrides it.
   */
  icons?: boolean;
}

export const mm = (v: number) => (v * 72) / 25.4;
