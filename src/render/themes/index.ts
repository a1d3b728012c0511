import {
  CJK_FAMILIES,
  EMOJI_FAMILY,
  familyFaces,
  MissingFontPackage,
  SYMBOL_FAMILY,
  TEXT_FONTS,
  type FamilyName,
  type FontFace,
} from "../fonts.js";
import type { Style, ViewModel } from "../../model/normalize.js";
import type { ScriptNeeds } from "../../model/scripts.js";
import { type Theme } from "../../common/ids.js";
import { classic } from "./classic.js";
import { compact } from "./compact.js";
import { modern } from "./modern.js";
import { sidebar } from "./sidebar.js";
import { mm, type ThemeTokens } from "./tokens.js";

export const themes: Record<Theme, ThemeTokens> = { classic, modern, compact, sidebar };

const round = (v: number) => Math.round(v * 100) / 100;

/** A theme's tokens with a résumé's style knobs (accent, font, size, leading, margins) applied. */
export function applyStyle(base: ThemeTokens, style: Style): ThemeTokens {
  const t: ThemeTokens = {
    ...base,
    color: { ...base.color },
    font: { ...base.font },
    margin: { ...base.margin },
    size: { ...base.size },
  };
  if (style.accent) {
    // The accent takes every coloured role the theme gives its own accent.
    for (const role of ["rule", "link", "name", "title"] as const)
      if (base.color[role] === base.color.accent) t.color[role] = style.accent;
    t.color.accent = style.accent;
  }
  if (style.font) t.font = { body: TEXT_FONTS[style.font], heading: TEXT_FONTS[style.font] };
  if (style.fontSize) {
    const scale = style.fontSize / base.size.body;
    t.size = Object.fromEntries(
      Object.entries(base.size).map(([k, v]) => [k, round(v * scale)]),
    ) as ThemeTokens["size"];
  }
  if (style.lineSpacing) t.leading = style.lineSpacing;
  if (style.margins) {
    const m = mm(style.margins);
    t.margin = { top: m, right: m, bottom: m, left: m };
  }
  return t;
}

export function themeTokens(vm: Pick<ViewModel, "theme" | "style">): ThemeTokens {
  return applyStyle(themes[vm.theme], vm.style);
}

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

/** The theme's families, then a text font of the same kind, symbols, and the emoji and CJK fonts the text needs. */
export function fontStack(tokens: ThemeTokens, needs: Partial<ScriptNeeds> = {}): FontStack {
  const primary = [...new Set([tokens.font.body, tokens.font.heading])];
  const text = TEXT_FALLBACK[SERIF.has(tokens.font.body) ? "serif" : "sans"];
  return {
    primary,
    fallbacks: [
      ...(primary.includes(text) ? [] : [text]),
      SYMBOL_FAMILY,
      ...(needs.emoji ? [EMOJI_FAMILY] : []),
      ...(needs.cjk ?? []).map((c) => CJK_FAMILIES[c]),
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
