/**
 * Text cut by Intl.Segmenter: grapheme clusters (what a reader takes for one character) and the
 * words of the scripts written without spaces between words (Thai, Lao, Khmer, Myanmar), which
 * ICU finds with its dictionaries. Line breaking asks for them word by word, so each segmenter is
 * made on first use and kept; `clearSegmenters` forgets them, because an Intl object cannot be
 * held in a startup snapshot.
 */
const segmenters = new Map<string, Intl.Segmenter>();

/** The segmenter of `granularity` for `lang` (undefined: the runtime's default), made once. */
export function segmenter(granularity: "grapheme" | "word", lang?: string): Intl.Segmenter {
  const key = `${granularity}/${lang ?? ""}`;
  let s = segmenters.get(key);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity });
    segmenters.set(key, s);
  }
  return s;
}

/** Forget the segmenters (before a startup snapshot is written). */
export function clearSegmenters(): void {
  segmenters.clear();
}

/**
 * Signs that silence a consonant's vowel and join it to the next consonant (virama, Khmer coeng,
 * Myanmar's invisible stacker …): a cluster that ends in one belongs with the letter after it.
 */
const VIRAMA =
  /[\u094D\u09CD\u0A4D\u0ACD\u0B4D\u0BCD\u0C4D\u0CCD\u0D3B\u0D3C\u0D4D\u0DCA\u0E3A\u0F84\u1039\u1714\u1734\u17D2\u1A60\u1B44\u1BAA\u1BAB\uA806\uA8C4\uA953\uA9C0\uAAF6\u{10A3F}\u{11046}\u{110B9}\u{11133}\u{111C0}\u{11235}\u{112EA}\u{1134D}\u{11442}\u{114C2}\u{115BF}\u{1163F}\u{116B6}\u{1172B}][\u200C\u200D]?$/u;

/**
 * `text` in extended grapheme clusters, with none ending after a virama before a letter (ICU
 * before Unicode 15.1 split a conjunct such as क्ष there). Joined, they give `text` back.
 */
export function clusters(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter("grapheme").segment(text)) {
    const last = out.length - 1;
    if (last >= 0 && VIRAMA.test(out[last]!) && /^\p{L}/u.test(segment)) out[last] += segment;
    else out.push(segment);
  }
  return out;
}
