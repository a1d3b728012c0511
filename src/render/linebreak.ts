/**
 * Where a line may break inside a "word" (react-pdf splits words at spaces only). Hyphenation
 * stays off — it would break names, emails and URLs with a hyphen that is not in the text — but
 * two kinds of word need break points without a hyphen:
 * - CJK text, which has no spaces: a break is allowed between characters (except before closing
 *   and after opening punctuation);
 * - long URLs, paths and ids (30 characters or more), which may break after a slash, and after
 *   an existing hyphen only inside a part between slashes that is itself that long: readers such
 *   as poppler take a hyphen at the end of a line for hyphenation and drop it when they join the
 *   lines ("visualization-" + "mongodb" → "visualizationmongodb"). Such a part may also break
 *   before `?`, `&` and `#` and after `=` before a long value (a query string), and a run of LONG_RUN characters with
 *   none of these (a signature, a hash) every RUN_STEP characters, so that nothing runs past the
 *   column's edge.
 *
 * - Thai, Lao, Khmer and Myanmar, which have no spaces between words either: a break is allowed
 *   at the word boundaries ICU's dictionaries find (Intl.Segmenter), never inside a word.
 *
 * Whatever the script, a break never falls inside a grapheme cluster (a letter and its marks, an
 * emoji sequence, an Indic conjunct: never between a virama and the consonant after it).
 *
 * react-pdf inserts a hyphen when it breaks between two parts of a word, unless the next part is
 * blank. It strips soft hyphens from the parts first, so a part that is a lone soft hyphen
 * becomes an empty, zero-width break: nothing is added to the text, drawn or extracted.
 */
import { clusters, segmenter } from "../common/segments.js";

export const BREAK = "\u00AD";

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;
/** Never at the start of a line. */
const NO_START = new Set([
  ..."、。，．・：；？！）」』】〕〉》”’ー…ゃゅょっャュョッぁぃぅぇぉァィゥェォ々〜,.:;?!)]}%",
  // Thai and Lao repetition and abbreviation marks, Khmer and Myanmar sentence marks.
  ..."ๆฯໆ។៕ៗ၊။",
]);
/** Never at the end of a line. */
const NO_END = new Set([..."（「『【〔〈《“‘([{"]);

/** A URL-like token this long may break after its slashes. */
const LONG_TOKEN = 30;
/** A part between slashes this long (too long for a narrow column) may also break after a hyphen. */
const LONG_PART = 30;
/** A run this long with no break point (a hash) breaks every RUN_STEP characters. */
const LONG_RUN = 36;
const RUN_STEP = 16;

/** Letters of the scripts written without spaces between words, and the language whose segmenter cuts them. */
const NO_SPACES = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const NO_SPACES_LANGUAGE: [RegExp, string][] = [
  [/\p{Script=Thai}/u, "th"],
  [/\p{Script=Lao}/u, "lo"],
  [/\p{Script=Khmer}/u, "km"],
  [/\p{Script=Myanmar}/u, "my"],
];
/**
 * What may make a character more than one code point, or call for a word segmenter: marks
 * (accents written apart, Indic vowel signs and viramas), joiners, variation selectors, emoji
 * modifiers, flags and tags, Hangul jamo, and the scripts without spaces. A word with none of
 * these (most Latin words) is cut by code points without asking Intl.
 */
const COMPLEX =
  /\p{M}|[\u0E00-\u0EFF\u1000-\u109F\u1100-\u11FF\u1780-\u17FF\u19E0-\u19FF\uA9E0-\uA9FF\uAA60-\uAA7F\uD7B0-\uD7FF]|\u200C|\u200D|[\uFE00-\uFE0F]|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|[\u{E0020}-\u{E007F}]|[\u{E0100}-\u{E01EF}]/u;

/** Anything beyond Latin letters and common punctuation: only then is COMPLEX asked (the quick test first). */
const BEYOND_LATIN = /[^\t -\u02FF\u2010-\u2027\u2030-\u205E]/;

export function breakWord(word: string): string[] {
  let chars: string[];
  if (BEYOND_LATIN.test(word) && COMPLEX.test(word)) {
    if (NO_SPACES.test(word)) return breakWords(word);
    chars = clusters(word);
  } else chars = [...word];
  const cjk = CJK.test(word);
  const longPath = !cjk && chars.length >= LONG_TOKEN && /[/-]/.test(word);
  // Any other word too long for a line (a hash, a compound word, a dotted or snake_case name) breaks as a long part
  // does.
  if (!cjk && !longPath) return chars.length >= LONG_RUN ? breakLongPart(word) : [word];
  const parts: string[] = [];
  let current = "";
  /** For each character, the length of the part between slashes it is in. */
  const partLength: number[] = [];
  if (longPath) {
    let start = 0;
    for (let i = 0; i <= chars.length; i++) {
      if (i === chars.length || chars[i] === "/") {
        for (let j = start; j < i; j++) partLength[j] = i - start;
        partLength[i] = 0;
        start = i + 1;
      }
    }
  }
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const next = chars[i + 1];
    current += ch;
    if (next === undefined) break;
    const allowed = cjk
      ? (CJK.test(ch) || CJK.test(next)) && !NO_START.has(next) && !NO_END.has(ch)
      : (ch === "/" && next !== "/") || (ch === "-" && next !== "-" && partLength[i]! >= LONG_PART);
    if (allowed) {
      parts.push(current, BREAK);
      current = "";
    }
  }
  parts.push(current);
  if (longPath) return parts.flatMap(breakLongPart);
  // A word set in its own font run (a CJK run beside a Latin one) may break at its edges too,
  // where the rules allow: react-pdf only breaks between runs at spaces or at these empty parts.
  if (cjk) {
    if (CJK.test(chars[0]!) && !NO_START.has(chars[0]!)) parts.unshift(BREAK);
    if (CJK.test(chars.at(-1)!) && !NO_END.has(chars.at(-1)!)) parts.push(BREAK);
  }
  return parts;
}

/** After these, a long run breaks first: they end a part of a name (`snake_case`, `com.example`, `a:b`). */
const SEPARATOR = /^[_.,;:@+~!*|\\)\]}]$/u;
const graphemes = (text: string) => (COMPLEX.test(text) ? clusters(text) : [...text]);

/**
 * A run of LONG_RUN characters or more with no other break point, in pieces: after a separator
 * when the piece has at least MIN_PIECE characters, and at the latest every RUN_STEP characters,
 * always between grapheme clusters (an accent stays on its letter, an emoji sequence and an Indic
 * conjunct whole).
 */
function breakRun(piece: string): string[] {
  const gs = graphemes(piece);
  if (gs.length < LONG_RUN) return [piece];
  const runs: string[] = [];
  let current: string[] = [];
  for (const g of gs) {
    current.push(g);
    if (current.length >= RUN_STEP || (current.length >= MIN_PIECE && SEPARATOR.test(g))) {
      runs.push(current.join(""));
      current = [];
    }
  }
  if (current.length) runs.push(current.join(""));
  // No short last piece: the last two share what is left.
  if (runs.length > 1 && graphemes(runs.at(-1)!).length < RUN_STEP / 2) runs.splice(-2, 2, runs.at(-2)! + runs.at(-1)!);
  return runs;
}
const MIN_PIECE = 4;

/** A part between break points: as it is, or, when it is that long, broken in its query and runs. */
function breakLongPart(part: string): string[] {
  if (part === BREAK || [...part].length < LONG_PART) return [part];
  const pieces = part.split(/(?=[?&#])|(?<==)(?=[^&#]{8})/).flatMap(breakRun);
  return pieces.flatMap((piece, i) => (i ? [BREAK, piece] : [piece]));
}

/**
 * A word of Thai, Lao, Khmer or Myanmar text (with any Latin words, numbers and punctuation glued
 * to it), cut at the word boundaries of ICU's dictionary for its script: between two segments
 * when one of them is in the script, at a grapheme cluster boundary, and not before closing or
 * after opening punctuation. Nothing is added at its edges: where a run of the script meets a
 * Latin one with no space between (`PostgreSQLลด`, `ระบบ,`), react-pdf does not break. A
 * segment the dictionary leaves LONG_RUN clusters long or more (a string of unknown words) breaks
 * as any other long run does, so that it cannot run past the column.
 */
function breakWords(word: string): string[] {
  const lang = NO_SPACES_LANGUAGE.find(([re]) => re.test(word))![1];
  const boundaries = new Set<number>();
  let at = 0;
  for (const c of clusters(word)) boundaries.add((at += c.length));
  const parts: string[] = [];
  let current = "";
  let previous = "";
  for (const { segment, index } of segmenter("word", lang).segment(word)) {
    if (
      current &&
      boundaries.has(index) &&
      (NO_SPACES.test(previous) || NO_SPACES.test(segment)) &&
      !NO_START.has(segment[0]!) &&
      !NO_END.has(previous.at(-1)!)
    ) {
      parts.push(...breakLongSegment(current), BREAK);
      current = "";
    }
    current += segment;
    previous = segment;
  }
  parts.push(...breakLongSegment(current));
  return parts;
}

function breakLongSegment(text: string): string[] {
  if (text.length < LONG_RUN) return [text];
  const runs = breakRun(text);
  return runs.flatMap((piece, i) => (i ? [BREAK, piece] : [piece]));
}
