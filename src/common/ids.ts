/**
 * The names a résumé's `render` settings may choose from, in one place that every stage may
 * import: the input schema validates against them, and each stage that gives a name its meaning
 * (the theme registry in render/themes, the fonts in render/fonts.ts, the section titles in
 * model/locale.ts, the paper sizes below) is typed as a complete record over them, so a name
 * added here and not given a meaning fails the type-check.
 */

/**
 * Ids of the built-in sections, in their default order (`summary` is basics.summary): what
 * `render.order`, `render.hide` and `render.titles` name; model/locale.ts gives each its title.
 */
export const BUILTIN_SECTIONS = [
  "summary",
  "work",
  "projects",
  "skills",
  "education",
  "certificates",
  "awards",
  "publications",
  "volunteer",
  "languages",
  "interests",
  "references",
] as const;
export type BuiltinSection = (typeof BUILTIN_SECTIONS)[number];

/** The built-in themes (render/themes/index.ts gives each its tokens and layout). */
export const THEMES = [
  "classic",
  "modern",
  "compact",
  "sidebar",
  "dense",
  "awesome",
  "timeline",
  "academic",
  "engineering",
  "europass",
  "aside",
  "split",
] as const;
export type Theme = (typeof THEMES)[number];

/**
 * What `render.theme` names: a built-in theme, a theme file (a path, relative to the résumé:
 * `./my-theme.yaml`), or an npm package that holds one (`resume-theme-x`, `@me/resume-theme`).
 */
export type ThemeSpecKind = "builtin" | "file" | "package";

/** What kind of theme `spec` names, or undefined when it can be none of them. */
export function themeSpecKind(spec: string): ThemeSpecKind | undefined {
  if ((THEMES as readonly string[]).includes(spec)) return "builtin";
  if (/^\.{1,2}([/\\]|$)|^[/\\~]|^[a-z]:[/\\]|\.(ya?ml|json)$/i.test(spec)) return "file";
  if (/^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(spec)) return "package";
  if (/[/\\]/.test(spec)) return "file";
  return undefined;
}

/** Paper sizes. */
export const PAPERS = ["a4", "letter"] as const;
export type Paper = (typeof PAPERS)[number];

/** Each paper's size in PDF points (1/72 in): A4 595.28 × 841.89, US Letter 612 × 792. */
export const PAPER_SIZES: Record<Paper, { width: number; height: number }> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
};

/** Noto CJK faces `render.cjk` may name. */
export const CJK = ["sc", "tc", "jp", "kr"] as const;
export type Cjk = (typeof CJK)[number];

/** The text fonts `render.font` may name (render/fonts.ts maps each to its family). */
export const FONT_IDS = ["source-serif-4", "source-sans-3", "inter", "ibm-plex-sans", "eb-garamond"] as const;
export type TextFont = (typeof FONT_IDS)[number];

/**
 * Scripts that have a bundled font of their own (render/fonts.ts), chosen from the text as the
 * CJK fonts are: each needs OpenType shaping beyond Latin's (joining, reordering, stacking).
 */
export const SCRIPT_FONTS = ["arabic", "hebrew", "devanagari", "bengali", "tamil", "thai", "lao", "khmer"] as const;
export type ScriptFont = (typeof SCRIPT_FONTS)[number];
