import { describe, expect, it } from "vitest";
import { glyphProblems, missingGlyphs } from "../../src/render/glyphs.js";
import { EN_DASH, NBSP } from "../../src/model/normalize.js";
import { TEXT_FONTS, type TextFont } from "../../src/render/fonts.js";
import { formatDate, WORDS, type Locale } from "../../src/model/locale.js";
import { scriptNeeds } from "../../src/model/scripts.js";
import { applyStyle, fontStack, installedStack, themes } from "../../src/render/themes/index.js";
import { validate } from "../../src/input/validate.js";
import { source } from "../helpers.js";

const faces = fontStack(themes.classic);

/** What the glyph check says of a document drawn in the classic theme, with no CJK or emoji font. */
function problemsOf(text: string) {
  const src = source(text);
  return glyphProblems(validate(src), src, fontStack(themes.classic));
}

const CJK_LOCALES: Locale[] = ["zh", "zh-tw", "ja", "ko"];
/** Locales whose words are in a script with a bundled font of its own (Arabic, Hebrew, Indic, Thai, Lao, Khmer). */
const SCRIPT_LOCALES: Locale[] = ["ar", "he", "fa", "ur", "hi", "mr", "ne", "bn", "ta", "th", "lo", "km"];
const wordsOf = (locales: Locale[]) =>
  locales.flatMap((l) => {
    const w = WORDS[l];
    return [...Object.values(w.titles), w.present, w.courses, w.score, w.keywords, w.verify, w.resume, w.degreeIn];
  });

describe("glyph coverage", () => {
  it.each(Object.keys(TEXT_FONTS) as TextFont[])("covers every character a theme itself prints, in %s", (font) => {
    // Bullets, dashes, quotes, ellipsis, separators, the no-break space of dates and separators,
    // and the words the locales print (titles, "Present", labels): the text fonts for every
    // language in Latin, Greek or Cyrillic (Vietnamese and Indonesian among them); the CJK font
    // and the script fonts the text calls for have the others' words.
    const latin = (Object.keys(WORDS) as Locale[]).filter((l) => ![...CJK_LOCALES, ...SCRIPT_LOCALES].includes(l));
    expect(latin).toContain("vi");
    const themeChars = `\u2022${EN_DASH}\u2014\u2018\u2019\u201C\u201D\u2026\u00B7|${NBSP}${wordsOf(latin).join("")}`;
    const stack = fontStack(applyStyle(themes.classic, { font }));
    expect(missingGlyphs(themeChars, { ...stack, fallbacks: [] })).toEqual([]);
  });

  it.each(CJK_LOCALES)("covers the words of %s with the CJK font its text calls for", (locale) => {
    const text = wordsOf([locale]).join("");
    const needs = scriptNeeds(text, locale);
    const { stack, missing } = installedStack(fontStack(themes.classic, needs));
    if (missing.length) return; // Traditional Chinese's font is not installed here (see ats.test.ts)
    expect(missingGlyphs(text, stack)).toEqual([]);
  });

  it.each(SCRIPT_LOCALES)("covers the words and dates of %s with the script font its text calls for", (locale) => {
    const text = wordsOf([locale]).join("") + formatDate("2021-06", locale) + WORDS[locale].letter;
    const needs = scriptNeeds(text, locale);
    expect(needs.scripts).toHaveLength(1);
    for (const font of Object.keys(TEXT_FONTS) as TextFont[]) {
      const stack = fontStack(applyStyle(themes.classic, { font }), needs);
      expect(missingGlyphs(text, stack), font).toEqual([]);
    }
  });

  it("covers Latin with diacritics, Greek and Cyrillic", () => {
    expect(missingGlyphs("Łódź Žluťoučký İstanbul Nguyễn Ærøskøbing Ελληνικά Кириллица", faces)).toEqual([]);
  });

  it("names each script that cannot be printed once, at its first field, with its characters", () => {
    const list = problemsOf(
      'basics:\n  name: Priya\n  label: सॉफ़्टवेयर\nwork:\n  - name: Acme\n    summary: इंजीनियर\n    highlights: [שלום, "A\\u0007B"]\n',
    );
    expect(list.map((d) => [d.line, d.col, d.path])).toEqual([
      [3, 10, "basics.label"],
      [7, 18, "work[0].highlights[0]"],
      [7, 24, "work[0].highlights[1]"],
    ]);
    expect(list[0]!.message).toMatch(
      /^Devanagari text \("स" U\+0938, .*\) in 2 fields, the first here, cannot be printed: none of the fonts \(Source Serif 4, Noto Sans Symbols 2\)/,
    );
    expect(list[1]!.message).toMatch(/^Hebrew text \("ש" U\+05E9, .*\) in 1 field cannot be printed/);
    expect(list[2]!.message).toBe("control characters (U+0007) in 1 field cannot be printed; remove them");
  });

  it("says which CJK font to choose when the one in use lacks a character", () => {
    const src = source("basics:\n  name: 王小明\n");
    const list = glyphProblems(validate(src), src, fontStack(themes.classic, { cjk: [] }));
    expect(list).toHaveLength(1);
    expect(list[0]!.message).toContain(
      "choose the font with render.cjk or --cjk (sc or tc for Chinese, jp for Japanese, kr for Korean)",
    );
  });

  it("ignores what is never drawn (badge paths, meta), layout whitespace and invisible code points", () => {
    expect(problemsOf('basics:\n  name: A\n  summary: "line one\\nline two\\tend"\nmeta:\n  version: 版本\n')).toEqual(
      [],
    );
    // Variation selectors, zero-width joiners and spaces, direction marks, soft hyphens.
    expect(problemsOf('basics:\n  name: "A\\uFE0FB\\u200DC\\u200BD\\u200EE\\u00ADF\\uFE0E"\n')).toEqual([]);
  });
});
