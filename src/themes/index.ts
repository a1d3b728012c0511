import { familyFaces, type FontFace } from "../fonts.js";
import type { Theme } from "../schema.js";
import { classic } from "./classic.js";
import type { ThemeTokens } from "./tokens.js";

export const themes: Record<Theme, ThemeTokens> = { classic };

/** The faces a theme draws with (used for registration and for the glyph check). */
export function themeFaces(tokens: ThemeTokens): FontFace[] {
  const families = [...new Set([tokens.font.body, tokens.font.heading])];
  return families.flatMap(familyFaces);
}
