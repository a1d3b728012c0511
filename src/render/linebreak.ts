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
 * react-pdf inserts a hyphen when it breaks between two parts of a word, unless the next part is
 * blank. It strips soft hyphens from the parts first, so a part that is a lone soft hyphen
 * becomes an empty, zero-width break: nothing is added to the text, drawn or extracted.
 */
export const BREAK = "\u00AD";

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;
/** Never at the start of a line. */
const NO_START = new Set([..."、。，．・：；？！）」』】〕〉》”’ー…ゃゅょっャュョッぁぃぅぇぉァィゥェォ々〜,.:;?!)]}"]);
/** Never at the end of a line. */
const NO_END = new Set([..."（「『【〔〈《“‘([{"]);

/** A URL-like token this long may break after its slashes. */
const LONG_TOKEN = 30;
/** A part between slashes this long (too long for a narrow column) may also break after a hyphen. */
const LONG_PART = 30;
/** A run this long with no break point (a hash) breaks every RUN_STEP characters. */
const LONG_RUN = 36;
const RUN_STEP = 16;

export function breakWord(word: string): string[] {
  const chars = [...word];
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
// Made when first used: an Intl object cannot be held in the startup snapshot.
let segmenter: Intl.Segmenter | undefined;
const graphemes = (text: string) =>
  [...(segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" })).segment(text)].map((g) => g.segment);

/**
 * A run of LONG_RUN characters or more with no other break point, in pieces: after a separator
 * when the piece has at least MIN_PIECE characters, and at the latest every RUN_STEP characters,
 * always between graphemes (an accent stays on its letter, an emoji sequence whole).
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
