import { mm, type ThemeTokens } from "./tokens.js";

/** Sans, left-aligned, one strong accent and a bolder hierarchy. */
export const modern: ThemeTokens = {
  name: "modern",
  description: "Inter, left-aligned header, bold accent-coloured capital titles with a side bar",
  font: { body: "Inter", heading: "Inter" },
  size: { name: 28, label: 12, section: 10.5, body: 9.5, small: 8.5 },
  leading: 1.32,
  color: {
    text: "#1a1d21",
    muted: "#5b6470",
    accent: "#0b6e99",
    rule: "#0b6e99",
    link: "#0b6e99",
    name: "#111418",
    title: "#0b6e99",
  },
  margin: { top: mm(14), right: mm(16), bottom: mm(15), left: mm(16) },
  space: { header: 10, section: 10, title: 5, entry: 7, line: 1.5 },
  sectionTitle: { uppercase: true, letterSpacing: 0.6, decoration: "bar", weight: 3 },
  header: { align: "left", nameWeight: 700, nameLetterSpacing: -0.5 },
  entry: { titleWeight: 600, subtitleItalic: false },
  layout: "single",
  badge: 42,
  photo: 68,
};
