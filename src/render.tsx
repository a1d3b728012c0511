/**
 * Stage 4 — render: draw the view model with a theme into PDF bytes. Knows layout, nothing
 * about YAML.
 */
import { Font, renderToBuffer } from "@react-pdf/renderer";
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
  data: { _glyphs?: object; layout?: (s: string) => unknown } | null;
  load(): Promise<void>;
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
    if (!first) sourceByFile.set(f.file, source);
    else {
      source.load = async () => {
        await first.load();
        source.data = first.data;
      };
    }
  }
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
    for (const source of registeredSources()[family]?.sources ?? []) source.data?.layout?.("Résumé 2024–2026, fi ffl “AWS” → ✓");
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
