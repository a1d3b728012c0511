import { mm, type ThemeTokens } from "./tokens.js";

/** Two columns: contacts, skills, languages and certificates in a narrow left column. */
export const sidebar: ThemeTokens = {
  name: "sidebar",
  description: "Two columns: contact, skills, languages and certificates beside the main sections",
  font: { body: "Source Sans 3", heading: "Source Sans 3" },
  size: { name: 26, label: 12, section: 11, body: 10, small: 8.5 },
  leading: 1.28,
  color: {
    text: "#1e2329",
    muted: "#56606b",
    accent: "#2f6f5e",
    rule: "#2f6f5e",
    link: "#2f6f5e",
    name: "#1e2329",
    title: "#2f6f5e",
  },
  margin: { top: mm(14), right: mm(15), bottom: mm(15), left: mm(15) },
  space: { header: 12, section: 10, title: 4, entry: 6, line: 1.5 },
  sectionTitle: { uppercase: true, letterSpacing: 1, decoration: "rule", weight: 0.75 },
  header: { align: "left", nameWeight: 700, nameLetterSpacing: 0 },
  entry: { titleWeight: 700, subtitleItalic: true },
  layout: "sidebar",
  badge: 36,
  photo: 64,
};
