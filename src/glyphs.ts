/**
 * Glyph coverage: every character of the résumé must exist in the fonts that will draw it.
 * A missing glyph would otherwise become an empty box or junk in the PDF, with no error.
 */
import { formatPath, ResumeError, type Diagnostic } from "./errors.js";
import { familyFaces, openFont, type FamilyName } from "./fonts.js";
import type { LoadedSource } from "./load.js";
import type { FontStack } from "./themes/index.js";

/** Layout characters, not drawn as glyphs. */
const IGNORED = new Set(["\n", "\r", "\t"]);

/** Answers so far, by family, whether every face counts, and code point (fonts never change). */
const coverage = new Map<string, boolean>();

const has = (family: FamilyName, cp: number, allFaces: boolean) => {
  const key = `${family}\u0000${allFaces ? 1 : 0}\u0000${cp}`;
  let answer = coverage.get(key);
  if (answer === undefined) {
    const faces = familyFaces(family);
    answer = allFaces ? faces.every((f) => openFont(f.file).hasGlyphForCodePoint(cp)) : openFont(faces[0]!.file).hasGlyphForCodePoint(cp);
    coverage.set(key, answer);
  }
  return answer;
};

/**
 * Characters no font of the stack can draw. The theme's own families must have a character in
 * every face (any field may be set in any weight or style); a fallback needs it once.
 */
export function missingGlyphs(text: string, stack: FontStack): string[] {
  const missing: string[] = [];
  for (const ch of new Set(text)) {
    if (IGNORED.has(ch)) continue;
    const cp = ch.codePointAt(0)!;
    if (stack.primary.every((f) => has(f, cp, true))) continue;
    if (stack.fallbacks.some((f) => has(f, cp, false))) continue;
    missing.push(ch);
  }
  return missing;
}

export function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

const HAN_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u;
const HANGUL = /\p{Script=Hangul}/u;

function hint(ch: string, stack: FontStack): string {
  const cjk = stack.fallbacks.find((f) => f.startsWith("Noto Sans ") && f !== "Noto Sans Symbols 2");
  if (HANGUL.test(ch)) return cjk ? "Korean needs render.cjk: kr" : "set render.cjk: kr to print Korean";
  if (HAN_KANA.test(ch)) {
    return cjk
      ? `${cjk} lacks it; try another render.cjk (sc, tc, jp or kr)`
      : "set render.cjk to sc or tc (Chinese), jp (Japanese) or kr (Korean) to print it";
  }
  if (/\p{Extended_Pictographic}/u.test(ch) && (ch.codePointAt(0) ?? 0) > 0x2bff) return "emoji cannot be printed; remove it";
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return "a control character; remove it";
  return "remove it or replace it with a character the fonts have";
}

/** Check every string in `data` (the validated résumé) and throw one error listing all misses. */
export function checkGlyphs(data: unknown, source: LoadedSource, stack: FontStack): void {
  const problems: Diagnostic[] = [];
  const fonts = [...stack.primary, ...stack.fallbacks].join(", ");
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === "string") {
      for (const ch of missingGlyphs(value, stack)) {
        const pos = source.locate(path);
        problems.push({
          file: source.file,
          line: pos?.line,
          col: pos?.col,
          path: formatPath(path),
          message: `character "${printable(ch)}" (${codePoint(ch)}) is in none of the fonts (${fonts}) and would print as an empty box; ${hint(ch, stack)}`,
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, i]));
    } else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        // Paths and ids are never drawn.
        if (k === "badge" || k === "$schema" || k === "meta" || k === "render" || k === "id" || k === "image" || k === "tags" || k === "variants") continue;
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
