/**
 * The glyphs in our PDF are HarfBuzz's: each script's words (tests/support/harfbuzz-oracle.ts),
 * built into a résumé through the pipeline, come out of the PDF (the embedded subset font, the
 * content stream's codes and positions) as the glyphs and positions HarfBuzz gives for the same
 * words in the original font. A subset's glyph is matched to the original font's by its outline
 * and advance.
 *
 * Only the words drawn as one run of the script's font are compared: a word that takes a
 * character from another font (a digit, a dash, a space from the theme's text font) is drawn as
 * several runs, each shaped on its own; the test requires most words to be whole runs.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import type { ScriptFont } from "../../src/common/ids.js";
import { build } from "../../src/pipeline/build.js";
import { familyFaces, SCRIPT_FAMILIES, TEXT_FONTS, type FamilyName } from "../../src/render/fonts.js";
import { harfbuzzShape, SCRIPT_WORDS, VIETNAMESE_WORDS } from "../support/harfbuzz-oracle.js";
import { drawnRuns, outline, outlineOps, sameOutline, type DrawnRun, type SubsetFont } from "../support/pdf-glyphs.js";
import { tempDir, writeFixture } from "../helpers.js";

interface OriginalFont {
  file: string;
  font: SubsetFont;
  unitsPerEm: number;
  /** Glyph ids by outline and advance. */
  byOutline: Map<string, number[]>;
}

/** Every bundled script and text face, by PostScript name (the BaseFont a PDF names it by). */
const facesByName = (() => {
  const families = new Set<FamilyName>([
    ...Object.values(SCRIPT_FAMILIES).flatMap((f) => [f.serif, f.sans]),
    ...Object.values(TEXT_FONTS),
  ]);
  const byName = new Map<string, string>();
  for (const family of families)
    for (const face of familyFaces(family)) {
      const font = fontkit.openSync(face.file) as unknown as { postscriptName: string };
      byName.set(font.postscriptName, face.file);
    }
  return byName;
})();

const originals = new Map<string, OriginalFont>();
function original(file: string): OriginalFont {
  let font = originals.get(file);
  if (!font) {
    const f = fontkit.openSync(file) as unknown as SubsetFont & { numGlyphs: number };
    const byOutline = new Map<string, number[]>();
    for (let id = 0; id < f.numGlyphs; id++) {
      // A @fontsource subset keeps glyph ids whose outlines it dropped: fontkit cannot read those.
      let key: string;
      try {
        key = outline(f.getGlyph(id));
      } catch {
        continue;
      }
      byOutline.set(key, [...(byOutline.get(key) ?? []), id]);
    }
    font = { file, font: f, unitsPerEm: f.unitsPerEm, byOutline };
    originals.set(file, font);
  }
  return font;
}

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/** The run's text in logical order: a right-to-left run is drawn (and read) in visual order. */
const runText = (run: DrawnRun) => {
  const text = run.glyphs.map((g) => g.text);
  return (RTL.test(text.join("")) ? text.reverse() : text).join("");
};

/**
 * How the run differs from HarfBuzz's shaping of its text in the original font, or undefined. A
 * glyph that stands for no letter is drawn as its outline (patches/README.md, R4): it must be the
 * outline of the glyph HarfBuzz gives there; the others are drawn as text, in HarfBuzz's order.
 */
function difference(run: DrawnRun, font: OriginalFont): string | undefined {
  const text = runText(run);
  const reference = harfbuzzShape(font.file, text);
  const scale = run.size / font.unitsPerEm;
  const origins: { x: number; y: number }[] = [];
  let pen = 0;
  for (const g of reference) {
    origins.push({ x: (pen + g.xOffset) * scale, y: g.yOffset * scale });
    pen += g.xAdvance;
  }
  const at = (i: number, x: number, y: number) =>
    Math.abs(x - run.x0 - origins[i]!.x) <= 0.01 && Math.abs(y - run.y0 - origins[i]!.y) <= 0.01;
  const ids = run.glyphs.map((g) => {
    try {
      return font.byOutline.get(outline(run.subset.getGlyph(g.code))) ?? [];
    } catch (e) {
      throw new Error(`${run.font}: glyph ${g.code} of the embedded subset cannot be read`, {
        cause: e,
      });
    }
  });
  const describe = () =>
    `${text}\n  PDF      ${run.glyphs
      .map((g, i) => `${ids[i]!.join("|")}@${(g.x - run.x0).toFixed(2)},${(g.y - run.y0).toFixed(2)}`)
      .concat(run.outlines.map((o) => `outline@${(o.x - run.x0).toFixed(2)},${(o.y - run.y0).toFixed(2)}`))
      .join(" ")}\n  HarfBuzz ${reference
      .map((g, i) => `${g.id}@${origins[i]!.x.toFixed(2)},${origins[i]!.y.toFixed(2)}`)
      .join(" ")}`;
  const asText = new Set(reference.keys());
  for (const o of run.outlines) {
    const i = [...asText].find(
      (i) => at(i, o.x, o.y) && sameOutline(o.ops, outlineOps(font.font.getGlyph(reference[i]!.id))),
    );
    if (i === undefined) return describe();
    asText.delete(i);
  }
  const textual = [...asText];
  if (textual.length !== run.glyphs.length) return describe();
  for (const [k, i] of textual.entries()) {
    const drawn = run.glyphs[k]!;
    if (!ids[k]!.includes(reference[i]!.id) || !at(i, drawn.x, drawn.y)) return describe();
  }
  return undefined;
}

/** Builds a résumé whose highlights are `words`, one to a line, and compares the runs that are whole words. */
async function compare(words: readonly string[], font?: string) {
  const dir = tempDir();
  const yaml = [
    "basics:",
    "  name: Test Person",
    "work:",
    "  - name: Company",
    "    position: Engineer",
    "    highlights:",
    ...words.map((w) => `      - ${JSON.stringify(w)}`),
    // English titles: a title in the script (its locale, detected) is letter-spaced, unlike HarfBuzz's words.
    "render:",
    "  locale: en",
    ...(font ? [`  font: ${font}`] : []),
  ].join("\n");
  const file = writeFixture(dir, "resume.yaml", yaml + "\n");
  // The read-back check is another test's: here only the glyphs drawn matter.
  const result = await build(file, { output: path.join(dir, "resume.pdf"), maxPages: 10, verify: false });
  const wanted = new Set(words.map((w) => w.normalize("NFD")));
  const found = new Set<string>();
  const differences: string[] = [];
  for (const run of drawnRuns(readFileSync(result.output))) {
    const text = runText(run).normalize("NFD");
    const file = facesByName.get(run.font);
    if (!file || !wanted.has(text)) continue;
    found.add(text);
    const diff = difference(run, original(file));
    if (diff) differences.push(`${run.font}: ${diff}`);
  }
  return { wanted: wanted.size, found: found.size, differences };
}

describe("the glyphs in the PDF are HarfBuzz's", () => {
  it.each(Object.keys(SCRIPT_WORDS) as ScriptFont[])("%s", async (script) => {
    const words = SCRIPT_WORDS[script];
    const { wanted, found, differences } = await compare(words);
    expect(found).toBeGreaterThan(wanted / 2);
    expect(differences).toEqual([]);
  });

  it.each(Object.keys(TEXT_FONTS))("Vietnamese in %s", async (font) => {
    const { wanted, found, differences } = await compare(VIETNAMESE_WORDS, font);
    expect(found).toBeGreaterThan(wanted / 2);
    expect(differences).toEqual([]);
  });
});
