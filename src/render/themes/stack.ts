/**
 * The fonts a document draws with: the theme's families, then the fallbacks tried character by
 * character, and the faces to register for them.
 */
import {
  CJK_FAMILIES,
  EMOJI_FAMILY,
  familyFaces,
  MissingFontPackage,
  SCRIPT_FAMILIES,
  SYMBOL_FAMILY,
  type FamilyName,
  type FontFace,
} from "../fonts.js";
import type { ScriptNeeds } from "../../model/scripts.js";
import type { ThemeTokens } from "./tokens.js";

/** The fonts a document draws with: the theme's, then fallbacks tried character by character. */
export interface FontStack {
  /** The theme's own families (body, heading); every character should be in these or a fallback. */
  primary: FamilyName[];
  fallbacks: FamilyName[];
}

/**
 * The text font that answers for characters a theme's font lacks (EB Garamond has no `²`, as in
 * "(ISC)²"): the bundled font of the same kind with the widest coverage.
 */
const TEXT_FALLBACK: Record<"serif" | "sans", FamilyName> = { serif: "Source Serif 4", sans: "Inter" };
const SERIF = new Set<FamilyName>(["Source Serif 4", "EB Garamond"]);

/**
 * The theme's families, then a text font of the same kind, symbols, and the emoji, CJK and script
 * fonts the text needs (a script font of the theme's kind where there are two: Naskh for serif).
 */
export function fontStack(tokens: ThemeTokens, needs: Partial<ScriptNeeds> = {}): FontStack {
  const primary = [...new Set([tokens.font.body, tokens.font.heading])];
  const kind = SERIF.has(tokens.font.body) ? "serif" : "sans";
  const text = TEXT_FALLBACK[kind];
  return {
    primary,
    fallbacks: [
      ...(primary.includes(text) ? [] : [text]),
      SYMBOL_FAMILY,
      ...(needs.emoji ? [EMOJI_FAMILY] : []),
      ...(needs.cjk ?? []).map((c) => CJK_FAMILIES[c]),
      ...(needs.scripts ?? []).map((s) => SCRIPT_FAMILIES[s][kind]),
    ],
  };
}

/** Every face of every family in the stack (for registration). */
export function stackFaces(stack: FontStack): FontFace[] {
  return [...stack.primary, ...stack.fallbacks].flatMap(familyFaces);
}

/** The stack without the fallbacks whose packages are not installed, and those packages. */
export function installedStack(stack: FontStack): { stack: FontStack; missing: MissingFontPackage[] } {
  const missing: MissingFontPackage[] = [];
  const fallbacks = stack.fallbacks.filter((family) => {
    try {
      familyFaces(family);
      return true;
    } catch (err) {
      if (!(err instanceof MissingFontPackage)) throw err;
      missing.push(err);
      return false;
    }
  });
  return { stack: { ...stack, fallbacks }, missing };
}
