/**
 * Glyph coverage: every character of the résumé must exist in the fonts that will draw it.
 * A missing glyph would otherwise become an empty box or junk in the PDF, with no error.
 */
import { formatPath, ResumeError, type Diagnostic } from "./errors.js";
import { openFont, type FontFace } from "./fonts.js";
import type { LoadedSource } from "./load.js";

/** Layout characters, not drawn as glyphs. */
const IGNORED = new Set(["\n", "\r", "\t"]);

/** Characters missing from at least one face (a string may be drawn in any weight or style). */
export function missingGlyphs(text: string, faces: readonly FontFace[]): string[] {
  const missing: string[] = [];
  for (const ch of new Set(text)) {
    if (IGNORED.has(ch)) continue;
    const cp = ch.codePointAt(0)!;
    if (!faces.every((f) => openFont(f.file).hasGlyphForCodePoint(cp))) missing.push(ch);
  }
  return missing;
}

export function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Check every string in `data` (the validated résumé) and throw one error listing all misses. */
export function checkGlyphs(data: unknown, source: LoadedSource, faces: readonly FontFace[], fontName: string): void {
  const problems: Diagnostic[] = [];
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === "string") {
      for (const ch of missingGlyphs(value, faces)) {
        const pos = source.locate(path);
        problems.push({
          file: source.file,
          line: pos?.line,
          col: pos?.col,
          path: formatPath(path),
          message: `character "${printable(ch)}" (${codePoint(ch)}) is not in the font ${fontName}; it would print as an empty box — remove it or choose a font that has it`,
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, i]));
    } else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        // Paths and ids are never drawn.
        if (k === "badge" || k === "$schema" || k === "meta" || k === "render" || k === "id" || k === "image") continue;
        visit(v, [...path, k]);
      }
    }
  };
  visit(data, []);
  if (problems.length) throw new ResumeError(problems);
}

function printable(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? codePoint(ch) : ch;
}
