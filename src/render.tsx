/**
 * Stage 4 — render: draw the view model with a theme into PDF bytes. Knows layout, nothing
 * about YAML.
 */
import { Font, renderToBuffer } from "@react-pdf/renderer";
import PDFDocument from "pdfkit";
import type { FontFace } from "./fonts.js";
import { breakWord } from "./linebreak.js";
import type { ViewModel } from "./normalize.js";
import { ResumeDocument } from "./themes/components.js";
import { fontStack, stackFaces, themeTokens, type FontStack } from "./themes/index.js";
import type { ThemeTokens } from "./themes/tokens.js";
import { TOOL_NAME, VERSION } from "./version.js";

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
  _glyphs?: object;
  createSubset(): FontSubset;
  getGlyph(id: number, codePoints?: number[]): { id: number };
  layout(text: string, features?: unknown, script?: unknown, language?: unknown, direction?: unknown): GlyphRun;
}
/** fontkit's subset of a font: the glyphs a document uses, and the font file made of them. */
interface FontSubset {
  glyphs: number[];
  encode(): Uint8Array;
}
interface GlyphRun {
  glyphs: { id: number }[];
  positions: object[];
}

/** A shaping result without glyph objects: what to replay, and the numbers to copy. */
interface Shaped {
  /** Every getGlyph call the shaping made, in order: [glyph id, code points]. */
  calls: [number, number[] | undefined][];
  ids: number[];
  positions: object[];
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
 * the same strings come back: react-pdf shapes a string again each time it lays a page out
 * while paginating, and a rebuild in --watch mode reshapes a résumé that barely changed. Results
 * are kept per font by text and options, without glyph objects: fontkit's glyph objects remember
 * the code points they were first made for and feed the PDF's ToUnicode map, and each document
 * starts with an empty glyph cache (resetGlyphCaches). A hit therefore replays the shaping's
 * getGlyph calls in their order, leaving the document's glyph cache exactly as shaping would
 * have, and copies the positions (later stages change them). A build is byte-identical whether
 * its strings were shaped before or not (tests/build.test.ts, tests/perf.test.ts).
 */
function memoizeFontWork(font: ShapingFont & { [SHAPING]?: true }): void {
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
  const getGlyph = font.getGlyph.bind(font);
  font.layout = (text, features, script, language, direction) => {
    const key = `${text}\u0000${JSON.stringify(features ?? null)}\u0000${String(script)}\u0000${String(language)}\u0000${String(direction)}`;
    const hit = cache.get(key);
    if (hit) {
      for (const [id, codePoints] of hit.calls) getGlyph(id, codePoints);
      const run = Object.assign(Object.create(hit.proto) as GlyphRun, hit.rest);
      run.glyphs = hit.ids.map((id) => getGlyph(id));
      run.positions = hit.positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p) as object) as object, p));
      return run;
    }
    const calls: Shaped["calls"] = [];
    font.getGlyph = (id, codePoints) => {
      calls.push([id, codePoints?.slice()]);
      return getGlyph(id, codePoints);
    };
    let run: GlyphRun;
    try {
      run = layout(text, features, script, language, direction);
    } finally {
      font.getGlyph = getGlyph;
    }
    if (cache.size >= MAX_SHAPED) cache.clear();
    const { glyphs, positions, ...rest } = run;
    cache.set(key, {
      calls,
      ids: glyphs.map((g) => g.id),
      positions: positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p) as object) as object, p)),
      rest,
      proto: Object.getPrototypeOf(run) as object,
    });
    return run;
  };
}
const registeredSources = () => Font.getRegisteredFonts() as Record<string, { sources: FontSource[] }>;

/** The first source registered for each font file: faces that share a file share its parse. */
const sourceByFile = new Map<string, FontSource>();

function registerFonts(faces: FontFace[]): void {
  for (const f of faces) {
    const key = `${f.family}/${f.weight}/${f.style}`;
    if (registered.has(key)) continue;
    Font.register({ family: f.family, src: f.file, fontWeight: f.weight, fontStyle: f.style });
    registered.add(key);
    // A family without a file per weight or style (the symbol fallback: one file answers for
    // six faces) would otherwise read and parse the same file once per face.
    const source = registeredSources()[f.family]!.sources.find((s) => s.fontWeight === f.weight && s.fontStyle === f.style)!;
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
 * react-pdf selects the font for every run of text with `doc.font(fontkitFont, size)`. pdfkit
 * has no cache for fonts given as objects: each call builds a new embedded-font wrapper, then
 * recognises it as a font it already has by comparing JSON of the name tables — about 11 ms per
 * page of a long résumé. Each document keeps its own map from fontkit font to embedded font, so
 * a repeated font is a lookup. Everything else `font()` does (size, current font) is kept.
 */
/** Marks pdfkit's font() as wrapped, across copies of this module. */
const FONT_CACHE = Symbol.for("resume-builder.pdfkit-font-cache");
type FontMethod = (this: PdfKitDocument, src: unknown, family?: unknown, size?: unknown) => PdfKitDocument;
interface PdfKitDocument {
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
  fontSize(size: unknown): PdfKitDocument;
}
const pdfkitProto = (PDFDocument as unknown as { prototype: PdfKitDocument & { font: FontMethod & { [FONT_CACHE]?: true } } }).prototype;
const pdfkitFont = pdfkitProto.font;
const embeddedFonts = new WeakMap<PdfKitDocument, Map<object, unknown>>();
if (!pdfkitFont[FONT_CACHE]) pdfkitProto.font = Object.assign(function (this: PdfKitDocument, src: unknown, family?: unknown, size?: unknown) {
  if (typeof src !== "object" || src === null || typeof family !== "number" || size !== undefined) return pdfkitFont.call(this, src, family, size);
  let fonts = embeddedFonts.get(this);
  if (!fonts) embeddedFonts.set(this, (fonts = new Map()));
  const known = fonts.get(src);
  if (!known) {
    pdfkitFont.call(this, src, family);
    fonts.set(src, this._font);
    return this;
  }
  this._fontSource = src;
  this._fontFamily = null;
  this.fontSize(family);
  this._font = known;
  return this;
}, { [FONT_CACHE]: true as const });

/**
 * A new pdfkit document selects Helvetica as its default font, which parses Helvetica's AFM
 * metrics (~1.5 ms a document). react-pdf always selects a font before it draws text, and this
 * tool never draws with a standard font, so documents start with no font.
 */
const pdfkitInit = pdfkitProto as unknown as { initFonts: ((this: unknown, font?: unknown, ...rest: unknown[]) => void) & { [FONT_CACHE]?: true } };
const initFonts = pdfkitInit.initFonts;
if (!initFonts[FONT_CACHE]) {
  pdfkitInit.initFonts = Object.assign(
    function (this: unknown, font?: unknown, ...rest: unknown[]) {
      return initFonts.call(this, font === undefined ? null : font, ...rest);
    },
    { [FONT_CACHE]: true as const },
  );
}

// Hyphenation splits words, emails and URLs ("exam-ple.com"): a résumé never wants it. Only
// CJK text and long URLs get break points, which draw no hyphen.
Font.registerHyphenationCallback(breakWord);

export interface RenderResult {
  bytes: Buffer;
  pages: number;
}

/**
 * fontkit caches glyph objects per font, and the code points a glyph was first made with stay
 * on it. A later document in the same process then gets a wrong ToUnicode map ("Dr." extracts
 * as "Dr\u0003"). Fonts are parsed once, but each document starts with an empty glyph cache.
 */
function resetGlyphCaches(): void {
  for (const family of Object.values(registeredSources())) {
    for (const source of family.sources) {
      if (source.data?._glyphs) source.data._glyphs = {};
    }
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
    for (const source of registeredSources()[family]?.sources ?? []) source.data?.layout("Résumé 2024–2026, fi ffl “AWS” → ✓");
  }
  resetGlyphCaches();
}

/** Draw `vm` with its theme (or with `tokens`, a tightened copy of the theme's). */
export async function renderPdf(vm: ViewModel, creationDate: Date, tokens: ThemeTokens = themeTokens(vm)): Promise<RenderResult> {
  const stack = fontStack(tokens, vm.cjk);
  registerFonts(stackFaces(stack));
  resetGlyphCaches();
  const overflow: string[] = [];
  const warn = console.warn;
  // react-pdf only warns when an unbreakable block is taller than a page, then draws it off the
  // page's edge. That would be a silently wrong page, so it fails the build instead.
  console.warn = (...args: unknown[]) => {
    const message = args.map(String).join(" ");
    if (/can't wrap between pages/.test(message)) overflow.push(message);
    else warn(...args);
  };
  let bytes: Buffer;
  try {
    bytes = await renderToBuffer(
      <ResumeDocument vm={vm} tokens={tokens} fonts={stack} info={{ creator: `${TOOL_NAME} ${VERSION}`, creationDate }} />,
    );
  } finally {
    console.warn = warn;
  }
  if (overflow.length) {
    throw new Error("a block that cannot be split is taller than a page and would be cut off; shorten the longest entry or split it");
  }
  return { bytes, pages: countPages(bytes) };
}

/** Page objects in the PDF (react-pdf writes no object streams, so they are plain text). */
export function countPages(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
