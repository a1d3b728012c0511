/**
 * The strings the primitives compose (separators, labelled rows, the footer), made in one place so
 * that what is printed and what the read-back expects (reading.ts) are the same.
 */

/**
 * Separators are made of no-break spaces: react-pdf only treats a single space as a plain break
 * opportunity, and inserts a hyphen when it breaks at a run of two.
 */
const GAP = "\u00A0\u00A0";
export const CONTACT_SEPARATOR = `${GAP}|${GAP}`;

export const rowLabel = (label: string, value: string) => (label && value ? `${label}: ` : label);
export const inlineRows = (rows: { label: string; value: string }[]) =>
  rows
    .map((r) => (r.label && r.value ? `${r.label} (${r.value})` : r.label || r.value))
    .filter(Boolean)
    .join("\u00A0\u00B7 ");
export const footerText = (name: string, page: number, total: number) => `${name}${GAP}\u2014${GAP}${page} / ${total}`;
/** Matches a footer line as read back (spaces collapsed). */
export const footerPattern = (name: string) =>
  new RegExp(
    `^${name
      .replace(/\s+/g, " ")
      .trim()
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \u2014 \\d+ / \\d+$`,
  );
