import { describe, expect, it } from "vitest";
import { ResumeError } from "../src/errors.js";
import { checkGlyphs, missingGlyphs } from "../src/glyphs.js";
import { EN_DASH, NBSP } from "../src/normalize.js";
import { TEXT_FONTS, type TextFont } from "../src/fonts.js";
import { WORDS } from "../src/locale.js";
import { applyStyle, fontStack, themes } from "../src/themes/index.js";
import { validate } from "../src/validate.js";
import { source } from "./helpers.js";

const faces = fontStack(themes.classic);

function glyphProblems(text: string) {
  const src = source(text);
  try {
    const resume = validate(src);
    checkGlyphs(resume, src, fontStack(themes.classic, resume.render?.cjk));
  } catch (err) {
    if (err instanceof ResumeError) return err.diagnostics;
    throw err;
  }
  return [];
}

describe("glyph coverage", () => {
  it.each(Object.keys(TEXT_FONTS) as TextFont[])("covers every character a theme itself prints, in %s", (font) => {
    // Bullets, dashes, quotes, ellipsis, separators, the no-break space of dates and separators,
    // and the words the locales print (titles, "Present", labels).
    const words = Object.values(WORDS).flatMap((w) => [...Object.values(w.titles), w.present, w.courses, w.score, w.keywords, w.verify, w.resume]);
    const themeChars = `\u2022${EN_DASH}\u2014\u2018\u2019\u201C\u201D\u2026\u00B7|${NBSP}${words.join("")}`;
    const stack = fontStack(applyStyle(themes.classic, { font }));
    expect(missingGlyphs(themeChars, { ...stack, fallbacks: [] })).toEqual([]);
  });

  it("covers Latin with diacritics, Greek and Cyrillic", () => {
    expect(missingGlyphs("Łódź Žluťoučký İstanbul Nguyễn Ærøskøbing Ελληνικά Кириллица", faces)).toEqual([]);
  });

  it("names the missing character, its code point, the field and the line", () => {
    const list = glyphProblems("basics:\n  name: Wei\n  label: 工程师\nwork:\n  - name: Acme\n    highlights: [Shipped it 🚀]\n");
    expect(list.map((d) => [d.line, d.col, d.path])).toEqual([
      [3, 10, "basics.label"],
      [3, 10, "basics.label"],
      [3, 10, "basics.label"],
      [6, 18, "work[0].highlights[0]"],
    ]);
    expect(list[0]!.message).toBe(
      'character "工" (U+5DE5) is in none of the fonts (Source Serif 4, Noto Sans Symbols 2) and would print as an empty box; set render.cjk to sc or tc (Chinese), jp (Japanese) or kr (Korean) to print it',
    );
    expect(list[3]!.message).toContain('"🚀" (U+1F680)');
    expect(list[3]!.message).toContain("emoji cannot be printed");
  });

  it("ignores what is never drawn (badge paths, meta) and layout whitespace", () => {
    expect(glyphProblems("basics:\n  name: A\n  summary: \"line one\\nline two\\tend\"\nmeta:\n  version: 版本\n")).toEqual([]);
  });

  it("reports control characters by code point", () => {
    const list = glyphProblems('basics:\n  name: "A\\u0007B"\n');
    expect(list[0]!.message).toContain('"U+0007"');
  });
});
