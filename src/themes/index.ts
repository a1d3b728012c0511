import { CJK_FAMILIES, familyFaces, SYMBOL_FAMILY, type Cjk, type FamilyName, type FontFace } from "../fonts.js";
import type { Theme } from "../schema.js";
import { classic } from "./classic.js";
import type { ThemeTokens } from "./tokens.js";

export const themes: Record<Theme, ThemeTokens> = { classic };

/** The fonts a document draws with: the theme's, then fallbacks tried character by character. */
export interface FontStack {
  /** The theme's own families (body, heading); every character should be in these or a fallback. */
  primary: FamilyName[];
  fallbacks: FamilyName[];
}

export function fontStack(tokens: ThemeTokens, cjk?: Cjk): FontStack {
  return {
    primary: [...new Set([tokens.font.body, tokens.font.heading])],
    fallbacks: [SYMBOL_FAMILY, ...(cjk ? [CJK_FAMILIES[cjk]] : [])],
  };
}

/** Every face of every family in the stack (for registration). */
export function stackFaces(stack: FontStack): FontFace[] {
  return [...stack.primary, ...stack.fallbacks].flatMap(familyFaces);
}
