/**
 * Bundled fonts: static TTFs from the @expo-google-fonts npm packages, resolved by file path
 * (never the built-in Helvetica, which is WinAnsi-only and silently drops characters).
 *
 * A theme's text font comes first; after it, fallbacks that react-pdf tries character by
 * character: Noto Sans Symbols 2 for symbols (★ ✓ ☎ …), then, when the text has them, Noto Emoji
 * (monochrome) for emoji and a Noto CJK font for Chinese, Japanese or Korean.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as fontkit from "fontkit";
import { PACKAGE_ROOT } from "../common/package.js";
import { type Cjk, type ScriptFont, type TextFont } from "../common/ids.js";

export type { Cjk, TextFont };

const require = createRequire(import.meta.url);

export type FontStyle = "normal" | "italic";

export interface FontFace {
  family: string;
  weight: number;
  style: FontStyle;
  file: string;
}

interface FamilySpec {
  pkg: string;
  /**
   * File prefix inside the package: `SourceSerif4` for an @expo-google-fonts package's
   * `400Regular/SourceSerif4_400Regular.ttf`, or, for a @fontsource package (which has WOFF files,
   * one per Unicode subset), the subset's `files/noto-sans-hebrew-hebrew` of
   * `files/noto-sans-hebrew-hebrew-400-normal.woff`.
   */
  prefix: string;
  /** Weight → folder name in the package (for @fontsource, any name: the weight is in the file). */
  weights: Record<number, string>;
  /** Whether the package has italic files; fallbacks without them reuse the upright ones. */
  italics: boolean;
}

/** The weights themes draw with; a fallback family answers for all of them. */
const THEME_WEIGHTS = [400, 600, 700];

const FAMILY_SPECS = {
  "Source Serif 4": {
    pkg: "@expo-google-fonts/source-serif-4",
    prefix: "SourceSerif4",
    weights: { 400: "400Regular", 600: "600SemiBold", 700: "700Bold" },
    italics: true,
  },
  "Source Sans 3": {
    pkg: "@expo-google-fonts/source-sans-3",
    prefix: "SourceSans3",
    weights: { 400: "400Regular", 600: "600SemiBold", 700: "700Bold" },
    italics: true,
  },
  Inter: {
    pkg: "@expo-google-fonts/inter",
    prefix: "Inter",
    weights: { 400: "400Regular", 600: "600SemiBold", 700: "700Bold" },
    italics: true,
  },
  "IBM Plex Sans": {
    pkg: "@expo-google-fonts/ibm-plex-sans",
    prefix: "IBMPlexSans",
    weights: { 400: "400Regular", 600: "600SemiBold", 700: "700Bold" },
    italics: true,
  },
  "EB Garamond": {
    pkg: "@expo-google-fonts/eb-garamond",
    prefix: "EBGaramond",
    weights: { 400: "400Regular", 600: "600SemiBold", 700: "700Bold" },
    italics: true,
  },
  "Noto Sans Symbols 2": {
    pkg: "@expo-google-fonts/noto-sans-symbols-2",
    prefix: "NotoSansSymbols2",
    weights: { 400: "400Regular" },
    italics: false,
  },
  "Noto Emoji": {
    pkg: "@expo-google-fonts/noto-emoji",
    prefix: "NotoEmoji",
    weights: { 400: "400Regular" },
    italics: false,
  },
  "Noto Sans SC": {
    pkg: "@expo-google-fonts/noto-sans-sc",
    prefix: "NotoSansSC",
    weights: { 400: "400Regular", 700: "700Bold" },
    italics: false,
  },
  "Noto Sans TC": {
    pkg: "@expo-google-fonts/noto-sans-tc",
    prefix: "NotoSansTC",
    weights: { 400: "400Regular", 700: "700Bold" },
    italics: false,
  },
  "Noto Sans JP": {
    pkg: "@expo-google-fonts/noto-sans-jp",
    prefix: "NotoSansJP",
    weights: { 400: "400Regular", 700: "700Bold" },
    italics: false,
  },
  "Noto Sans KR": {
    pkg: "@expo-google-fonts/noto-sans-kr",
    prefix: "NotoSansKR",
    weights: { 400: "400Regular", 700: "700Bold" },
    italics: false,
  },
  // Scripts with shaping of their own, chosen from the text like the CJK fonts but small enough
  // to ship with the tool (about 4 MB of dist/fonts).
  // Arabic, Persian and Urdu: Vazirmatn for sans-serif themes.
  Vazirmatn: expoFont("vazirmatn", "Vazirmatn"),
  // Noto Naskh Arabic for serif themes. Amiri, a finer Naskh, kerns reh and zain by up to half
  // an em, which pdf.js and poppler read as a space inside the word (الشهر ية) or as two words
  // in the wrong order (كةشر); Noto Naskh has no kerning. Its letters are a dotless shape plus
  // dot glyphs: a dot stands for no letter, so it is drawn as an outline, and the shape
  // carries the letter's text (the renderer's R4: a shape drawn for two letters is two glyphs).
  "Noto Naskh Arabic": expoFont("noto-naskh-arabic", "NotoNaskhArabic"),
  "Noto Sans Hebrew": notoFontsource("noto-sans-hebrew", "hebrew"),
  "Noto Sans Devanagari": expoFont("noto-sans-devanagari", "NotoSansDevanagari"),
  "Noto Sans Bengali": notoFontsource("noto-sans-bengali", "bengali"),
  "Noto Sans Tamil": notoFontsource("noto-sans-tamil", "tamil"),
  "Noto Sans Thai": expoFont("noto-sans-thai", "NotoSansThai"),
  "Noto Sans Lao": expoFont("noto-sans-lao", "NotoSansLao"),
  "Noto Sans Khmer": expoFont("noto-sans-khmer", "NotoSansKhmer"),
} satisfies Record<string, FamilySpec>;

/** A script font from its @expo-google-fonts package (static TTFs, no italics). */
function expoFont(name: string, prefix: string): FamilySpec {
  return {
    pkg: `@expo-google-fonts/${name}`,
    prefix,
    weights: { 400: "400Regular", 600: "600SemiBold", 700: "700Bold" },
    italics: false,
  };
}

/** A Noto script font from its @fontsource package: the WOFF file of the script's own subset. */
function notoFontsource(name: string, subset: string): FamilySpec {
  return {
    pkg: `@fontsource/${name}`,
    prefix: `files/${name}-${subset}`,
    weights: { 400: "400", 600: "600", 700: "700" },
    italics: false,
  };
}

export type FamilyName = keyof typeof FAMILY_SPECS;

export const SYMBOL_FAMILY: FamilyName = "Noto Sans Symbols 2";
export const EMOJI_FAMILY: FamilyName = "Noto Emoji";

/** The text families a résumé may choose with `render.font`, by id (the ids are the input's). */
export const TEXT_FONTS = {
  "source-serif-4": "Source Serif 4",
  "source-sans-3": "Source Sans 3",
  inter: "Inter",
  "ibm-plex-sans": "IBM Plex Sans",
  "eb-garamond": "EB Garamond",
} as const satisfies Record<TextFont, FamilyName>;

/** `render.cjk` values and the Noto family each selects. */
export const CJK_FAMILIES = {
  sc: "Noto Sans SC",
  tc: "Noto Sans TC",
  jp: "Noto Sans JP",
  kr: "Noto Sans KR",
} as const satisfies Record<Cjk, FamilyName>;

/** The family that draws each script with a font of its own, for serif and for sans-serif themes. */
export const SCRIPT_FAMILIES = {
  arabic: { serif: "Noto Naskh Arabic", sans: "Vazirmatn" },
  hebrew: { serif: "Noto Sans Hebrew", sans: "Noto Sans Hebrew" },
  devanagari: { serif: "Noto Sans Devanagari", sans: "Noto Sans Devanagari" },
  bengali: { serif: "Noto Sans Bengali", sans: "Noto Sans Bengali" },
  tamil: { serif: "Noto Sans Tamil", sans: "Noto Sans Tamil" },
  thai: { serif: "Noto Sans Thai", sans: "Noto Sans Thai" },
  lao: { serif: "Noto Sans Lao", sans: "Noto Sans Lao" },
  khmer: { serif: "Noto Sans Khmer", sans: "Noto Sans Khmer" },
} as const satisfies Record<ScriptFont, Record<"serif" | "sans", FamilyName>>;

/** Thrown when a family's npm package is not installed (CJK fonts are large and opt-in). */
export class MissingFontPackage extends Error {
  constructor(
    readonly family: FamilyName,
    readonly pkg: string,
  ) {
    super(`the font ${family} is not installed; run: ${installCommand(pkg)}`);
  }
}

/**
 * The command that installs `pkg` where this tool will find it, for the way the tool itself was
 * installed: globally (`npm install -g`), run by npx, as a project's dependency, or a checkout.
 */
export function installCommand(pkg: string, root: string = PACKAGE_ROOT): string {
  if (root.split(/[\\/]/).includes("_npx"))
    return `npx -p resume-builder -p ${pkg} resume build (npx keeps the tool and its font together)`;
  let parent = path.dirname(root);
  if (path.basename(parent).startsWith("@")) parent = path.dirname(parent);
  if (path.basename(parent) !== "node_modules") return `npm install ${pkg}`;
  // A project's node_modules sits beside its package.json; the global one (…/lib/node_modules) does not.
  const owner = path.dirname(parent);
  return existsSync(path.join(owner, "package.json")) ? `npm install ${pkg} (in ${owner})` : `npm install -g ${pkg}`;
}

/**
 * Every face (weight × style) of a bundled family, with its file path resolved. Missing weights
 * and italics are served by the nearest file, so a fallback answers for any style a theme uses.
 */
const facesByFamily = new Map<FamilyName, FontFace[]>();

export function familyFaces(family: FamilyName): FontFace[] {
  // Resolved once per process: the glyph check asks for every character.
  let faces = facesByFamily.get(family);
  if (!faces) {
    faces = resolveFaces(family);
    facesByFamily.set(family, faces);
  }
  return faces;
}

/** One face of a family as a file of its npm package: `pkg`/`inPackage`. */
export interface FaceSource {
  family: FamilyName;
  weight: number;
  style: FontStyle;
  pkg: string;
  inPackage: string;
}

/** The files a family draws with: one per theme weight and style (the nearest one the package has). */
export function faceSources(family: FamilyName): FaceSource[] {
  const spec: FamilySpec = FAMILY_SPECS[family];
  const available = Object.keys(spec.weights).map(Number);
  const faces: FaceSource[] = [];
  for (const weight of THEME_WEIGHTS) {
    const nearest = available.reduce((a, b) => (Math.abs(b - weight) < Math.abs(a - weight) ? b : a));
    for (const style of ["normal", "italic"] as const) {
      const dir = spec.weights[nearest]!;
      const variant = style === "italic" && spec.italics ? `${dir}_Italic` : dir;
      const inPackage = spec.pkg.startsWith("@fontsource/")
        ? `${spec.prefix}-${nearest}-normal.woff`
        : `${variant}/${spec.prefix}_${variant}.ttf`;
      faces.push({ family, weight, style, pkg: spec.pkg, inPackage });
    }
  }
  return faces;
}

/**
 * The families that ship with the tool: every one but the CJK fonts, which are large and
 * installed on demand. The build copies the files they draw with (`faceSources`, about a third of
 * what their packages hold) into dist/fonts (scripts/ship-fonts.mjs), and an installed tool reads
 * them there; a checkout without that copy reads them from the packages.
 */
export const SHIPPED_FAMILIES = (Object.keys(FAMILY_SPECS) as FamilyName[]).filter(
  (f) => !(Object.values(CJK_FAMILIES) as FamilyName[]).includes(f),
);

/** Where the build puts a shipped face: dist/fonts/<package>/<path in the package>. */
export function shippedPath(face: Pick<FaceSource, "pkg" | "inPackage">, root: string = PACKAGE_ROOT): string {
  return path.join(root, "dist", "fonts", face.pkg, face.inPackage);
}

function resolveFaces(family: FamilyName): FontFace[] {
  return faceSources(family).map(({ weight, style, pkg, inPackage }) => {
    const shipped = shippedPath({ pkg, inPackage });
    if (existsSync(shipped)) return { family, weight, style, file: shipped };
    try {
      return { family, weight, style, file: require.resolve(`${pkg}/${inPackage}`) };
    } catch {
      throw new MissingFontPackage(family, pkg);
    }
  });
}

interface GlyphSource {
  hasGlyphForCodePoint(cp: number): boolean;
}

const opened = new Map<string, GlyphSource>();

/** Open a font file once per process (glyph coverage checks). */
export function openFont(file: string): GlyphSource {
  let font = opened.get(file);
  if (!font) {
    const f = fontkit.openSync(file);
    if ("fonts" in f) throw new Error(`${file} is a font collection; use a single TTF`);
    font = f as GlyphSource;
    opened.set(file, font);
  }
  return font;
}
