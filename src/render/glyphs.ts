/**
 * Glyph coverage: every character of the résumé must exist in the fonts that will draw it.
 * A missing glyph would otherwise become an empty box or junk in the PDF, with no error. What is
 * missing is reported once per script ("Devanagari text in 3 fields …"), not once per character.
 */
import type { Diagnostic } from "../common/errors.js";
import { type Cjk } from "../common/ids.js";
import type { ScriptNeeds } from "../model/scripts.js";
import { CJK_FAMILIES, familyFaces, installCommand, MissingFontPackage, openFont, type FamilyName } from "./fonts.js";
import type { LoadedSource } from "../input/load.js";
import { NOT_PRINTED } from "../model/normalize.js";
import { INVISIBLE, scriptOf } from "../model/scripts.js";
import type { FontStack } from "./themes/index.js";

/** Layout characters, not drawn as glyphs. */
const IGNORED = new Set(["\n", "\r", "\t"]);
// eslint-disable-next-line no-control-regex
const CONTROL = /^[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]$/;

/** Answers so far, by family, whether every face counts, and code point (fonts never change). */
const coverage = new Map<string, boolean>();

const has = (family: FamilyName, cp: number, allFaces: boolean) => {
  const key = `${family}\u0000${allFaces ? 1 : 0}\u0000${cp}`;
  let answer = coverage.get(key);
  if (answer === undefined) {
    const faces = familyFaces(family);
    answer = allFaces
      ? faces.every((f) => openFont(f.file).hasGlyphForCodePoint(cp))
      : openFont(faces[0]!.file).hasGlyphForCodePoint(cp);
    coverage.set(key, answer);
  }
  return answer;
};

/**
 * Characters no font of the stack can draw. The theme's own families must have a character in
 * every face (any field may be set in any weight or style); a fallback needs it once. Code points
 * that are never drawn (variation selectors, joiners, zero-width spaces) need no glyph. A control
 * character (C0, DEL, C1) other than a line break or a tab has none to draw, whatever a font's
 * table says (fonts map NUL to a blank glyph): it is always reported.
 */
export function missingGlyphs(text: string, stack: FontStack): string[] {
  const stackKey = `${stack.primary.join("|")}/${stack.fallbacks.join("|")}`;
  let known = verdicts.get(stackKey);
  if (!known) verdicts.set(stackKey, (known = new Map()));
  const missing: string[] = [];
  for (const ch of new Set(text)) {
    let lacks = known.get(ch);
    if (lacks === undefined) {
      const cp = ch.codePointAt(0)!;
      lacks =
        CONTROL.test(ch) ||
        !(
          IGNORED.has(ch) ||
          INVISIBLE.test(ch) ||
          stack.primary.every((f) => has(f, cp, true)) ||
          stack.fallbacks.some((f) => has(f, cp, false))
        );
      known.set(ch, lacks);
    }
    if (lacks) missing.push(ch);
  }
  return missing;
}

/** Whether a stack lacks a character, by stack and character: a résumé's characters are few, its strings many. */
const verdicts = new Map<string, Map<string, boolean>>();

const CJK_TEXT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303F\uFF00-\uFFEF]/u;

/**
 * The CJK fonts `text` needs, completed: characters the chosen font lacks (a Simplified Chinese
 * character in a Japanese résumé, 统 beside ソフト) are drawn by the next installed CJK font that
 * has them, tried in the order sc, tc, jp, kr.
 */
export function completeCjk(needs: ScriptNeeds, text: string): ScriptNeeds {
  if (!needs.cjk.length) return needs;
  const cjk = [...needs.cjk];
  const installed = (c: Cjk) => {
    try {
      familyFaces(CJK_FAMILIES[c]);
      return true;
    } catch (err) {
      if (err instanceof MissingFontPackage) return false;
      throw err;
    }
  };
  // A chosen font that is not installed is said so by the glyph check, with its install command.
  if (!cjk.every(installed)) return needs;
  for (const ch of new Set(text)) {
    if (!CJK_TEXT.test(ch)) continue;
    const cp = ch.codePointAt(0)!;
    if (cjk.some((c) => installed(c) && has(CJK_FAMILIES[c], cp, false))) continue;
    const other = (["sc", "tc", "jp", "kr"] as const).find(
      (c) => !cjk.includes(c) && installed(c) && has(CJK_FAMILIES[c], cp, false),
    );
    if (other) cjk.push(other);
  }
  return cjk.length === needs.cjk.length ? needs : { ...needs, cjk };
}

export function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

interface Group {
  script: string;
  first: PropertyKey[];
  fields: number;
  chars: Set<string>;
}

/**
 * Every printed string in `data` checked against the stack; one problem per script that cannot
 * be printed, at its first field. `missing` are fallback fonts the text needs that are not
 * installed: their scripts' problems say how to install them.
 */
export function glyphProblems(
  data: unknown,
  source: LoadedSource,
  stack: FontStack,
  missing: MissingFontPackage[] = [],
): Diagnostic[] {
  const groups = new Map<string, Group>();
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === "string") {
      const seen = new Set<string>();
      for (const ch of missingGlyphs(value, stack)) {
        const script = scriptOf(ch);
        let g = groups.get(script);
        if (!g) groups.set(script, (g = { script, first: path, fields: 0, chars: new Set() }));
        g.chars.add(ch);
        if (!seen.has(script)) g.fields++;
        seen.add(script);
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, i]));
    } else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) if (!NOT_PRINTED.has(k)) visit(v, [...path, k]);
    }
  };
  visit(data, []);
  const fonts = [...stack.primary, ...stack.fallbacks].join(", ");
  return [...groups.values()].map((g) => source.at(g.first, groupMessage(g, fonts, missing)));
}

const CJK_FONTS = new Set<string>(Object.values(CJK_FAMILIES));

function groupMessage(g: Group, fonts: string, missing: MissingFontPackage[]): string {
  const chars = [...g.chars];
  const sample =
    chars
      .slice(0, 5)
      .map((ch) => `${printable(ch)}${codePoint(ch)}`)
      .join(", ") + (chars.length > 5 ? `, … (${chars.length} in all)` : "");
  const where = `${g.fields} field${g.fields === 1 ? "" : "s"}${g.fields > 1 ? ", the first here," : ""}`;
  if (g.script === "CJK") {
    const lacking = missing.find((m) => CJK_FONTS.has(m.family));
    if (lacking)
      return `${cjkName(lacking.family)} text in ${where} needs the font ${lacking.family}, which is not installed; run: ${installCommand(lacking.pkg)}`;
    const cjk = [...CJK_FONTS].filter((f) => fonts.includes(f));
    return `${chars.length === 1 ? "a character" : "characters"} (${sample}) in ${where} ${cjk.length ? `are not in ${cjk.join(", ")}` : "are in none of the fonts"}; choose the font with render.cjk or --cjk (sc or tc for Chinese, jp for Japanese, kr for Korean)`;
  }
  if (g.script === "emoji")
    return `emoji (${sample}) in ${where} are not in the emoji font (Noto Emoji); remove them or use older ones`;
  if (g.script === "control characters")
    return `control characters (${sample}) in ${where} cannot be printed; remove them`;
  const what = g.script === "symbols" ? "symbols" : `${g.script} text`;
  return `${what} (${sample}) in ${where} cannot be printed: none of the fonts (${fonts}) has ${chars.length === 1 ? "it" : "them"} and ${chars.length === 1 ? "it" : "they"} would print as empty boxes; replace ${chars.length === 1 ? "it" : "them"} with characters the fonts have (Latin, Greek, Cyrillic, Chinese, Japanese, Korean, emoji and common symbols)`;
}

function cjkName(family: FamilyName): string {
  return family === "Noto Sans JP" ? "Japanese" : family === "Noto Sans KR" ? "Korean" : "Chinese";
}

function printable(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? "" : `"${ch}" `;
}
