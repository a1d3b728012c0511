/**
 * A theme is a token object (sizes, spacing, colours, fonts) plus the shared components in
 * `components.tsx`. Themes differ mostly in tokens.
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
  color: { text: string; muted: string; accent: string; rule: string; link: string };
  /** Page margins in points (12–20 mm is the comfortable range). */
  margin: { top: number; right: number; bottom: number; left: number };
  /** Vertical rhythm in points. */
  space: { header: number; section: number; title: number; entry: number; line: number };
  /** Section titles: upper-case with letter spacing, and the rule under them. */
  sectionTitle: { uppercase: boolean; letterSpacing: number; rule: number };
  header: { align: "left" | "center" };
  /** Printed size of a certificate badge, in points. */
  badge: number;
}

export const mm = (v: number) => (v * 72) / 25.4;
