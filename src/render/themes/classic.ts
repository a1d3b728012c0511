import { mm, type ThemeTokens } from "./tokens.js";

/** Serif, single column, one quiet accent colour: the look of a well-set LaTeX résumé. */
export const classic: ThemeTokens = {
  name: "classic",
  description: "Serif, single column, navy accents and ruled small-capital section titles",
  font: { body: "Source Serif 4", heading: "Source Serif 4" },
  size: { name: 24, label: 11.5, section: 10.5, body: 10, small: 8.5 },
  leading: 1.26,
  color: {
    text: "#1c1c1c",
    muted: "#4a4a4a",
    accent: "#1f3a5f",
    rule: "#1f3a5f",
    link: "#1f3a5f",
    name: "#1f3a5f",
    title: "#1f3a5f",
  },
  margin: { top: mm(12), right: mm(16), bottom: mm(15), left: mm(16) },
  space: { header: 8, section: 8.5, title: 4, entry: 5.5, line: 1.5 },
  sectionTitle: { uppercase: true, letterSpacing: 0.8, decoration: "rule", weight: 0.75 },
  header: { align: "center", nameWeight: 700, nameLetterSpacing: 0 },
  entry: { titleWeight: 700, subtitleItalic: true },
  layout: "single",
  badge: 40,
  photo: 64,
};
