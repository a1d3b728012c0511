/**
 * Bundled fonts: static TTFs from the @expo-google-fonts npm packages, resolved by file path
 * (never the built-in Helvetica, which is WinAnsi-only and silently drops characters).
 */
import { createRequire } from "node:module";
import * as fontkit from "fontkit";

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
  /** File prefix inside the package, e.g. `SourceSerif4`. */
  prefix: string;
  weights: Record<number, string>;
}

const FAMILY_SPECS: Record<string, FamilySpec> = {
  "Source Serif 4": {
    pkg: "@expo-google-fonts/source-serif-4",
    prefix: "SourceSerif4",
    weights: { 400: "400Regular", 600: "600SemiBold", 700: "700Bold" },
  },
  "Source Sans 3": {
    pkg: "@expo-google-fonts/source-sans-3",
    prefix: "SourceSans3",
    weights: { 400: "400Regular", 600: "600SemiBold", 700: "700Bold" },
  },
};

export type FamilyName = keyof typeof FAMILY_SPECS;

/** Every face (weight × style) of a bundled family, with its file path resolved. */
export function familyFaces(family: string): FontFace[] {
  const spec = FAMILY_SPECS[family];
  if (!spec) throw new Error(`unknown font family ${family}`);
  const faces: FontFace[] = [];
  for (const [weight, dir] of Object.entries(spec.weights)) {
    for (const style of ["normal", "italic"] as const) {
      const variant = style === "italic" ? `${dir}_Italic` : dir;
      faces.push({
        family,
        weight: Number(weight),
        style,
        file: require.resolve(`${spec.pkg}/${variant}/${spec.prefix}_${variant}.ttf`),
      });
    }
  }
  return faces;
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
