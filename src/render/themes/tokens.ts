/**
 * A theme is a token object (sizes, spacing, colours, fonts, a few layout choices) plus the
 * shared components in `components.tsx`. Themes differ mostly in tokens; adding one is a new
 * file with a token object and a line in `index.ts`.
 */
import type { FamilyName } from "../fonts.js";

export interface ThemeTokens {
  name: string;
  description: string;
  font: { body: FamilyName; heading: FamilyName };
  /** Sizes in points. */
  size: { name: number; label: number; section: number; body: number; small: number };
  /** Line height as a multiple of the font size. */
  leading: number;
  color: { text: string; muted: string; accent: string; rule: string; link: string; name: string; title: string };
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
  };
  header: { align: "left" | "center"; nameWeight: number; nameLetterSpacing: number };
  entry: {
    /** Weight of an entry's first line. */
    titleWeight: number;
    /** Whether the second line (role, degree) is italic. */
    subtitleItalic: boolean;
  };
  /** Single column, or a narrow left column with contacts and the sections listed. */
  layout: { kind: "single" } | { kind: "sidebar"; width: number; gap: number; sections: string[] };
  /** Printed size of a certificate badge and of a photo, in points. */
  badge: number;
  photo: number;
}

export const mm = (v: number) => (v * 72) / 25.4;
