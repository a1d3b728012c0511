import { mm, type ThemeTokens } from "./tokens.js";

/** A dense one-pager in the spirit of Jake's Résumé: black on white, tight rhythm. */
export const compact: ThemeTokens = {
  name: "compact",
  description: "Dense one-pager in the spirit of Jake's Résumé: EB Garamond, black, tight spacing",
  font: { body: "EB Garamond", heading: "EB Garamond" },
  size: { name: 22, label: 11, section: 11.5, body: 10.5, small: 9 },
  leading: 1.16,
  color: {
    text: "#000000",
    muted: "#333333",
    accent: "#000000",
    rule: "#000000",
    link: "#000000",
    name: "#000000",
    title: "#000000",
  },
  margin: { top: mm(12), right: mm(13), bottom: mm(13), left: mm(13) },
  space: { header: 5, section: 6, title: 3, entry: 3.5, line: 0.8 },
  sectionTitle: { uppercase: true, letterSpacing: 0.6, decoration: "rule", weight: 0.6 },
  header: { align: "center", nameWeight: 700, nameLetterSpacing: 0.5 },
  entry: { titleWeight: 700, subtitleItalic: true },
  layout: "single",
  badge: 34,
  photo: 56,
};
