/** Text helpers every stage may use: slugs for ids and file names, XML escapes. */

/**
 * `s` as a slug: each run of other characters one dash, none at either end. By default an id:
 * accents dropped, in lower case, ASCII letters and digits only (`Open Source ✨` → `open-source`).
 * With `unicode`, a file name's start: letters and digits of every script kept, in their case
 * (`Jörg Müller` → `Jörg-Müller`).
 */
export function slug(s: string, opts: { unicode?: boolean } = {}): string {
  const kept = opts.unicode
    ? s.normalize("NFC").replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    : s
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-");
  return kept.replace(/^-+|-+$/g, "");
}

/** Text as XML character data or an attribute value: `&`, `<`, `>` and `"` escaped. */
export const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
