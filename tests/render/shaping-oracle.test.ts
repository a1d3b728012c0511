/**
 * fontkit shapes as HarfBuzz does: for every bundled script font, each of its weights, and every
 * theme text font (upright and italic) with Vietnamese as typed and decomposed, the glyphs and
 * their advances and offsets from fontkit's `layout` (called as react-pdf's textkit calls it, with
 * the direction the script is written in) are HarfBuzz's for the same text.
 *
 * Every face file counts: all three weights, and italics where the family has its own.
 *
 * The words are résumé vocabulary chosen to exercise what fontkit got wrong before the changes of
 * patches/fontkit+2.0.4.patch (F4–F8 in patches/README.md): Hebrew points and Arabic harakat out of
 * HarfBuzz's mark order, Thai and Lao SARA AM, decomposed Vietnamese, lookups with mark filtering
 * sets, chaining-context backtracks, Bengali's word-initial forms, Khmer anchors.
 */
import path from "node:path";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import type { ScriptFont } from "../../src/common/ids.js";
import { familyFaces, SCRIPT_FAMILIES, TEXT_FONTS, type FamilyName } from "../../src/render/fonts.js";
import { format, harfbuzzShape, SCRIPT_WORDS, VIETNAMESE_WORDS, type Shaped } from "../support/harfbuzz-oracle.js";

interface Run {
  glyphs: { id: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
}
type Shaper = {
  layout(text: string, features?: unknown, script?: unknown, language?: unknown, direction?: unknown): Run;
};

/** The scripts written right to left, which textkit should shape with direction "rtl". */
const RIGHT_TO_LEFT = new Set<ScriptFont>(["arabic", "hebrew"]);

/** fontkit's glyphs for `text`, in visual order: textkit passes no features, script or language. */
function fontkitShape(font: Shaper, text: string, direction: "ltr" | "rtl"): Shaped[] {
  const run = font.layout(text, undefined, undefined, undefined, direction);
  return run.glyphs.map((g, i) => ({ id: g.id, ...run.positions[i]! }));
}

/** The words of `words` that fontkit shapes differently from HarfBuzz in the face at `file`. */
function differences(file: string, words: readonly string[], direction: "ltr" | "rtl"): string[] {
  const font = fontkit.openSync(file) as unknown as Shaper;
  const out: string[] = [];
  for (const word of words) {
    const reference = harfbuzzShape(file, word);
    // Every character has a glyph: no word compares .notdef with .notdef.
    expect(
      reference.filter((g) => g.id === 0),
      `${path.basename(file)} has no glyph for part of ${word}`,
    ).toEqual([]);
    const ours = format(fontkitShape(font, word, direction));
    const theirs = format(reference);
    if (ours !== theirs) out.push(`${word}\n  fontkit  ${ours}\n  HarfBuzz ${theirs}`);
  }
  return out;
}

describe("fontkit shapes as HarfBuzz does", () => {
  // Every face file of every family that draws a script, upright and italic where they differ.
  const scriptFaces = (Object.keys(SCRIPT_WORDS) as ScriptFont[]).flatMap((script) =>
    [...new Set(Object.values(SCRIPT_FAMILIES[script]))].flatMap((family: FamilyName) => {
      const faces = familyFaces(family).filter((f, i, all) => all.findIndex((g) => g.file === f.file) === i);
      return faces.map((f) => [script, path.basename(f.file), f.file] as const);
    }),
  );

  it.each(scriptFaces)("%s in %s", (script, _name, file) => {
    const words = SCRIPT_WORDS[script];
    expect(words.length).toBeGreaterThan(30);
    expect(differences(file, words, RIGHT_TO_LEFT.has(script) ? "rtl" : "ltr")).toEqual([]);
  });

  const textFaces = [...new Set(Object.values(TEXT_FONTS))].flatMap((family) =>
    familyFaces(family).map((f) => [path.basename(f.file), f.file] as const),
  );

  it.each(textFaces)("Vietnamese in %s, precomposed and decomposed", (_name, file) => {
    expect(VIETNAMESE_WORDS.some((w) => w !== w.normalize("NFC"))).toBe(true);
    expect(differences(file, VIETNAMESE_WORDS, "ltr")).toEqual([]);
  });
});

describe("the oracle", () => {
  it("tells fontkit's old output from HarfBuzz's", () => {
    // The same glyphs with a mark's offset changed, or two marks swapped, are a difference.
    const file = familyFaces("Noto Sans Hebrew")[0]!.file;
    const reference = harfbuzzShape(file, "שָׁלוֹם");
    const swapped = [...reference];
    const i = swapped.findIndex((g, k) => k > 0 && g.xAdvance === 0 && swapped[k + 1]?.xAdvance === 0);
    expect(i).toBeGreaterThan(0);
    [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
    expect(format(swapped)).not.toBe(format(reference));
    const moved = reference.map((g, k) => (k === i ? { ...g, xOffset: g.xOffset + 1 } : g));
    expect(format(moved)).not.toBe(format(reference));
  });
});
