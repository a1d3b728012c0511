/**
 * Shaping word by word, as browsers do (Blink's word cache): a run of text is shaped as its
 * words, each with the spaces after it, and each word is shaped once however often it comes back
 * (fontstore.ts keeps the results). It gives exactly what shaping the whole run gives where
 * nothing in the font reaches across a space, and it is used only where that can be shown:
 * - in scripts whose shaping stops at a space (WORDWISE), given the script fontkit finds for the
 *   whole run (a word of digits alone would find none);
 * - with features none of whose contextual rules (or ligatures) names the space glyph, the way
 *   a class-based rule names it too by naming class 0 (Inter's `calt` sets a colon between
 *   capitals in its case form, looking past a space: Inter is shaped run by run; Source Serif
 *   4's `frac` names the space, and applies only around a fraction slash);
 * - with no break before a letter the font pairs with a space before it (Source Serif 4 kerns a
 *   space before T or V), found by shaping the pair once per letter.
 * tests/render/shaping.test.ts compares both ways over the fixtures and the real corpus, in every face.
 */
/** What a shaping result is here (fontstore.ts's Shaped). */
export interface ShapedRun {
  glyphs: object[];
  positions: object[];
  rest: object;
}

type Shape<T> = (text: string, features: unknown, script: unknown, language: unknown, direction: unknown) => T;

/** Scripts whose shaping never reaches across a space. */
const WORDWISE = new Set(["latn", "cyrl", "grek"]);
/** A character with a script of its own (fontkit takes the first such for a string's script). */
const STRONG = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
/** After a space, before anything but a space or a mark (a mark stays with what it marks). */
const BREAK = /(?<= )(?=[^ \p{M}\u200C\u200D])/u;
/** Runs shorter than this are shaped whole (a word or two: nothing to gain). */
const SHORT = 12;
/** The features fontkit applies to a horizontal run of these scripts unasked (its default shaper). */
const DEFAULT_FEATURES = [
  "rvrn",
  "ltra",
  "ltrm",
  "ccmp",
  "locl",
  "rlig",
  "mark",
  "mkmk",
  "calt",
  "clig",
  "liga",
  "rclt",
  "curs",
  "kern",
];
/** And around a fraction slash. */
const FRACTION_FEATURES = ["frac", "numr", "dnom"];

/** The tags of features asked for (fontkit takes an array of tags or an object of tags to on/off). */
function askedFor(features: unknown): string[] {
  if (Array.isArray(features)) return features.map(String);
  if (features && typeof features === "object")
    return Object.entries(features)
      .filter(([, on]) => on)
      .map(([tag]) => tag);
  return [];
}

/** The font's layout tables and cmap, as far as this module reads them (fontkit's parse). */
interface LayoutFont {
  glyphForCodePoint(cp: number): { id: number };
  GSUB?: { lookupList: unknown };
  GPOS?: { lookupList: unknown };
}

/**
 * A shaper of `font` that shapes long runs word by word where that is exact, with `shape` (memoised) doing the work.
 */
export function wordShaper<T extends ShapedRun>(font: LayoutFont, shape: Shape<T>): Shape<T[]> {
  let touching: Set<string> | undefined;
  /** Whether a feature in play for `text` has a rule that looks across a space. */
  const crosses = (text: string, features: unknown): boolean => {
    touching ??= spaceFeatures(font);
    if (!touching.size) return false;
    const active = [...DEFAULT_FEATURES, ...askedFor(features), ...(text.includes("\u2044") ? FRACTION_FEATURES : [])];
    return active.some((tag) => touching!.has(tag));
  };
  const scripts = new Map<string, string | undefined>();
  const scriptOf = (text: string): string | undefined => {
    const ch = STRONG.exec(text)?.[0];
    if (ch === undefined) return undefined;
    if (!scripts.has(ch)) {
      const found = (shape(ch, undefined, undefined, undefined, "ltr").rest as { script?: string }).script;
      // A character fontkit's Unicode data gives no script of its own: the run is shaped whole.
      scripts.set(ch, found && found !== "zyyy" && found !== "zzzz" ? found : undefined);
    }
    return scripts.get(ch);
  };
  const paired = new Map<string, boolean>();
  /** Whether the font shapes a space before `ch` otherwise than the two apart. */
  const pairsWithSpace = (ch: string, features: unknown, script: string, language: unknown): boolean => {
    const key = `${ch}\u0000${script}\u0000${JSON.stringify(features ?? null)}\u0000${String(language)}`;
    let v = paired.get(key);
    if (v === undefined) {
      const pair = shape(` ${ch}`, features, script, language, "ltr");
      const apart = [shape(" ", features, script, language, "ltr"), shape(ch, features, script, language, "ltr")];
      const glyphs = apart.flatMap((p) => p.glyphs);
      const positions = apart.flatMap((p) => p.positions);
      v = !(
        pair.glyphs.length === glyphs.length &&
        pair.glyphs.every((g, i) => g === glyphs[i]) &&
        pair.positions.every((p, i) => samePosition(p, positions[i]!))
      );
      paired.set(key, v);
    }
    return v;
  };
  return (text, features, script, language, direction) => {
    const whole = () => [shape(text, features, script, language, direction)];
    if (direction !== "ltr" || script !== undefined || text.length < SHORT || !text.includes(" ")) return whole();
    const found = scriptOf(text);
    if (!found || !WORDWISE.has(found) || crosses(text, features)) return whole();
    const words: string[] = [];
    for (const word of text.split(BREAK)) {
      if (words.length && pairsWithSpace(String.fromCodePoint(word.codePointAt(0)!), features, found, language))
        words[words.length - 1] += word;
      else words.push(word);
    }
    return words.map((w) => shape(w, features, found, language, direction));
  };
}

const samePosition = (a: object, b: object): boolean => {
  const x = a as Record<string, number>;
  const y = b as Record<string, number>;
  return x.xAdvance === y.xAdvance && x.yAdvance === y.yAdvance && x.xOffset === y.xOffset && x.yOffset === y.yOffset;
};

/* eslint-disable @typescript-eslint/no-explicit-any -- fontkit's parsed tables are untyped */
const list = (x: any): any[] =>
  x == null ? [] : Array.isArray(x) ? x : typeof x.toArray === "function" ? x.toArray() : [];

const covers = (coverage: any, gid: number): boolean =>
  !!coverage &&
  (list(coverage.glyphs).includes(gid) || list(coverage.rangeRecords).some((r: any) => r.start <= gid && gid <= r.end));

function classOf(def: any, gid: number): number {
  const values = list(def?.classValueArray);
  if (values.length)
    return gid >= def.startGlyph && gid < def.startGlyph + values.length ? values[gid - def.startGlyph] : 0;
  return list(def?.classRangeRecord).find((r: any) => r.start <= gid && gid <= r.end)?.class ?? 0;
}

/**
 * The features of the font's GSUB and GPOS with a contextual rule (or a ligature) that names the
 * space glyph: in a coverage, a rule's glyphs, or a class, class 0 (every glyph a class table
 * leaves out) included.
 */
export function spaceFeatures(font: LayoutFont): Set<string> {
  const gid = font.glyphForCodePoint(0x20).id;
  const tags = new Set<string>();
  for (const [tag, table] of [
    ["GSUB", font.GSUB],
    ["GPOS", font.GPOS],
  ] as const) {
    const naming = new Set<number>();
    list((table as any)?.lookupList).forEach((lookup: any, index: number) => {
      for (let sub of list(lookup.subTables)) {
        let type = lookup.lookupType;
        if ((tag === "GSUB" && type === 7) || (tag === "GPOS" && type === 9)) {
          type = sub.lookupType;
          sub = sub.extension;
        }
        const contextual = tag === "GSUB" ? type === 5 || type === 6 || type === 8 : type === 7 || type === 8;
        const ligature = tag === "GSUB" && type === 4;
        if ((ligature && covers(sub.coverage, gid)) || (contextual && ruleNames(sub, gid))) naming.add(index);
      }
    });
    for (const record of list((table as any)?.featureList)) {
      if (list(record.feature?.lookupListIndexes).some((i: number) => naming.has(i)))
        tags.add(String(record.tag).trim());
    }
  }
  return tags;
}

function ruleNames(sub: any, gid: number): boolean {
  const coverages = [
    sub.coverage,
    ...list(sub.backtrackCoverage),
    ...list(sub.inputCoverage),
    ...list(sub.lookaheadCoverage),
    ...list(sub.coverages),
  ];
  if (coverages.some((c) => covers(c, gid))) return true;
  const defs = [sub.backtrackClassDef, sub.inputClassDef, sub.lookaheadClassDef, sub.classDef].filter(Boolean);
  if (defs.some((d) => classOf(d, gid) !== 0)) return true;
  // Class-based rules: a rule naming class 0 names the space too.
  const classRules = list(sub.chainClassSet ?? sub.classSet).flatMap(list);
  if (defs.length && classRules.some((r) => [...list(r.backtrack), ...list(r.input), ...list(r.lookahead)].includes(0)))
    return true;
  // Glyph-based rules.
  const glyphRules = list(sub.chainRuleSets ?? sub.ruleSets).flatMap(list);
  return glyphRules.some((r) => [...list(r.backtrack), ...list(r.input), ...list(r.lookahead)].includes(gid));
}
