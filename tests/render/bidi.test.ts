/**
 * react-pdf's bidi step (patched: text with no right-to-left character and no directional
 * control is one level-0 run without running the algorithm) finds the runs the Unicode bidi
 * algorithm finds, for every code point.
 */
import { bidi } from "@react-pdf/textkit";
import * as bidiJs from "bidi-js";
import type { Bidi } from "bidi-js";
import { describe, expect, it } from "vitest";

// bidi-js's one export is its factory (its types declare it as an ES default export of a CommonJS file).
const algorithm = (bidiJs as unknown as { default: () => Bidi }).default();

/** The runs of equal level, as the unpatched step made them from bidi-js's levels. */
function runsOf(string: string, direction?: "ltr" | "rtl") {
  const { levels } = algorithm.getEmbeddingLevels(string, direction);
  const runs: { start: number; end: number; attributes: { bidiLevel: number } }[] = [];
  levels.forEach((level: number, i: number) => {
    const last = runs.at(-1);
    if (last && last.attributes.bidiLevel === level) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, attributes: { bidiLevel: level } });
  });
  return runs;
}

const step = bidi();
const runsFound = (string: string, direction?: "ltr" | "rtl") =>
  step({ string, runs: [{ start: 0, end: string.length, attributes: direction ? { direction } : {} }] } as never).runs;

/** The code points in four parts, a test each (all in one test took a minute on a loaded machine). */
const PARTS = [0, 1, 2, 3].map((i) => {
  const hex = (cp: number) => cp.toString(16).toUpperCase().padStart(4, "0");
  return [`U+${hex(i * 0x44000)}–U+${hex((i + 1) * 0x44000 - 1)}`, i * 0x44000, (i + 1) * 0x44000] as const;
});

describe("the bidi step", () => {
  it.each(PARTS)("gives the algorithm's runs for every code point in %s, alone and among others", (_, first, end) => {
    // Alone: each code point between a letter and a digit (where a right-to-left or numeric
    // class would raise a level), in a paragraph of each direction.
    const alone: string[] = [];
    for (let cp = first; cp < end; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const text = `${String.fromCodePoint(cp)} a${String.fromCodePoint(cp)}1`;
      for (const direction of [undefined, "ltr"] as const) {
        if (JSON.stringify(runsFound(text, direction)) !== JSON.stringify(runsOf(text, direction)))
          alone.push(`U+${cp.toString(16)} ${direction}`);
      }
    }
    expect(alone.slice(0, 10)).toEqual([]);
    // Among others: 256 code points at a time.
    const mismatches: string[] = [];
    for (let from = first; from < end; from += 256) {
      let text = "";
      for (let cp = from; cp < from + 256; cp++)
        if (cp < 0xd800 || cp > 0xdfff) text += String.fromCodePoint(cp) + (cp % 3 ? " " : "a1");
      for (const direction of [undefined, "ltr", "rtl"] as const) {
        if (JSON.stringify(runsFound(text, direction)) !== JSON.stringify(runsOf(text, direction)))
          mismatches.push(`U+${from.toString(16)} ${direction}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("finds right-to-left runs in mixed text, and none in plain Latin text", () => {
    expect(runsFound("Senior Engineer, Acme — 2019–2024").map((r) => r.attributes.bidiLevel)).toEqual([0]);
    expect(runsFound("Worked at שלום in Tel Aviv").map((r) => r.attributes.bidiLevel)).toEqual([0, 1, 0]);
    expect(runsFound("").length).toBe(0);
  });
});
