/**
 * The fonts react-pdf draws with, registered once per process: faces that share a file share
 * one parse, and the work fontkit repeats from build to build — OpenType shaping and font
 * subsets — is kept per font (see memoizeFontWork).
 */
import { Font } from "@react-pdf/renderer";
import type { FontFace } from "./fonts.js";
import { stackFaces, type FontStack } from "./themes/index.js";
import { wordShaper } from "./words.js";

const registered = new Set<string>();

/** The part of react-pdf's FontSource used here: its parsed font, and how it is loaded. */
interface FontSource {
  fontWeight: number;
  fontStyle: string;
  data: ShapingFont | null;
  load(): Promise<void>;
}

/** A fontkit font, as far as this module touches it. */
interface ShapingFont {
  createSubset(): FontSubset;
  layout(text: string, features?: unknown, script?: unknown, language?: unknown, direction?: unknown): GlyphRun;
}
/** fontkit's subset of a font: the glyphs a document uses, and the font file made of them. */
interface FontSubset {
  glyphs: number[];
  encode(): Uint8Array;
}
/** fontkit's GlyphPosition. */
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  constructor: new (xAdvance: number, yAdvance: number, xOffset: number, yOffset: number) => Position;
}
interface GlyphRun {
  glyphs: object[];
  positions: Position[];
}

/** A shaping result: the glyphs, the positions to copy, and the run's other fields. */
interface Shaped {
  glyphs: object[];
  positions: Position[];
  /** The run's other fields (script, language, direction, features) and its prototype. */
  rest: object;
  proto: object;
}

const MAX_SHAPED = 20_000;
const MAX_SUBSETS = 64;
/** Marks a font whose shaping is memoised, across copies of this module (one wrapper per font). */
const SHAPING = Symbol.for("resume-builder.shaping");

/**
 * OpenType shaping (fontkit's GSUB and GPOS) is the largest single cost of laying text out, and
 * the same strings come back: words within a document (a long run is shaped word by word where
 * that is exact, words.ts), a rebuild in --watch mode, --fit laying the same words out at
 * several sizes. Results are kept per font by text and options. fontkit's glyph objects are shared safely: each stands
 * for one glyph *and* the code
 * points it was made for (patches/fontkit+*.patch), so a glyph reused from an earlier string or
 * an earlier document reads back as the characters it stands for here. Positions are copied
 * (later stages change them). A build is byte-identical whether its strings were shaped before
 * or not (tests/cli/cli.test.ts, tests/pipeline/perf.test.ts).
 */
export function memoizeFontWork(font: ShapingFont & { [SHAPING]?: true }): void {
  if (font[SHAPING]) return;
  font[SHAPING] = true;
  const cache = new Map<string, Shaped>();
  // A document embeds each font as a subset of the glyphs it used, in the order it used them;
  // the subset's font file depends on nothing else, so a rebuild that uses the same glyphs
  // reuses the file instead of decoding and re-encoding every glyph (~4 ms a build).
  const subsets = new Map<string, Uint8Array>();
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const key = subset.glyphs.join(",");
      let bytes = subsets.get(key);
      if (!bytes) {
        bytes = encode();
        if (subsets.size >= MAX_SUBSETS) subsets.clear();
        subsets.set(key, bytes);
      }
      return bytes;
    };
    return subset;
  };
  const layout = font.layout.bind(font);
  // A glyph position is fontkit's GlyphPosition, whose four fields are all it ever sets; copies
  // are made with its constructor (pdfkit scales the positions it is given in place).
  const copy = (p: Position) => new p.constructor(p.xAdvance, p.yAdvance, p.xOffset, p.yOffset);
  const shaped = (text: string, features: unknown, script: unknown, language: unknown, direction: unknown): Shaped => {
    const key = `${text}\u0000${JSON.stringify(features ?? null)}\u0000${String(script)}\u0000${String(language)}\u0000${String(direction)}`;
    let hit = cache.get(key);
    if (!hit) {
      const run = layout(text, features, script, language, direction);
      const { glyphs, positions, ...rest } = run;
      hit = { glyphs, positions: positions.map(copy), rest, proto: Object.getPrototypeOf(run) as object };
      if (cache.size >= MAX_SHAPED) cache.clear();
      cache.set(key, hit);
    }
    return hit;
  };
  const words = wordShaper(font as unknown as Parameters<typeof wordShaper>[0], shaped);
  font.layout = (text, features, script, language, direction) => {
    const parts = words(text, features, script, language, direction);
    const first = parts[0]!;
    const run = Object.assign(Object.create(first.proto) as GlyphRun, first.rest);
    run.glyphs = parts.length === 1 ? first.glyphs.slice() : parts.flatMap((p) => p.glyphs);
    run.positions = parts.flatMap((p) => p.positions.map(copy));
    return run;
  };
}

const registeredSources = () => Font.getRegisteredFonts() as Record<string, { sources: FontSource[] }>;

/** The first source registered for each font file: faces that share a file share its parse. */
const sourceByFile = new Map<string, FontSource>();

export function registerFonts(faces: FontFace[]): void {
  for (const f of faces) {
    const key = `${f.family}/${f.weight}/${f.style}`;
    if (registered.has(key)) continue;
    Font.register({ family: f.family, src: f.file, fontWeight: f.weight, fontStyle: f.style });
    registered.add(key);
    // A family without a file per weight or style (the symbol fallback: one file answers for
    // six faces) would otherwise read and parse the same file once per face.
    const source = registeredSources()[f.family]!.sources.find(
      (s) => s.fontWeight === f.weight && s.fontStyle === f.style,
    )!;
    const first = sourceByFile.get(f.file);
    const load = first ? () => first.load().then(() => void (source.data = first.data)) : source.load.bind(source);
    if (!first) sourceByFile.set(f.file, source);
    source.load = async () => {
      await load();
      if (source.data) memoizeFontWork(source.data);
    };
  }
}

/**
 * Load and parse a font stack ahead of the first render: the font files are read and the tables
 * shaping needs (cmap, GSUB, GPOS, hmtx) decoded. The startup snapshot does this for the
 * default theme, so a cold build starts with those fonts ready.
 */
export async function preloadFonts(stack: FontStack): Promise<void> {
  const faces = stackFaces(stack);
  registerFonts(faces);
  for (const f of faces) await Font.load({ fontFamily: f.family, fontWeight: f.weight, fontStyle: f.style });
  for (const family of [...stack.primary, ...stack.fallbacks]) {
    for (const source of registeredSources()[family]?.sources ?? [])
      source.data?.layout("Résumé 2024–2026, fi ffl “AWS” → ✓");
  }
}
