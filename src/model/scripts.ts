/**
 * Writing systems in a résumé's text: which Noto CJK font and whether the emoji font are needed,
 * which script a character belongs to (to name what cannot be printed), and, for a résumé
 * written in one non-Latin script, the language its titles should be in.
 */
import { type Cjk, type ScriptFont } from "../common/ids.js";
import { formatDate, WORDS, type Locale } from "./locale.js";
import { segmenter } from "../common/segments.js";

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
/** Han ideographs, and the CJK punctuation and full-width forms that come with them. */
const HAN = /[\p{Script=Han}\p{Script=Bopomofo}\u3000-\u303F\uFF00-\uFFEF]/u;
/** What asks for the emoji font: pictographs drawn as emoji, and the code points that join or style them. */
const EMOJI =
  /\p{Emoji_Presentation}|\u200D|\uFE0E|\uFE0F|\u20E3|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|[\u{E0020}-\u{E007F}]|[\u{1F000}-\u{1FAFF}]/u;

/** Common characters written differently in Simplified and Traditional Chinese, pair by pair. */
const SIMPLIFIED = "们这说时为来个国会对发经学开业务员产实现进动体长问题际设计网络数据统项负责术历职与万间见关门车东";
const TRADITIONAL = "們這說時為來個國會對發經學開業務員產實現進動體長問題際設計網絡數據統項負責術歷職與萬間見關門車東";

export interface ScriptNeeds {
  /** Noto CJK fonts the text needs, most specific first. */
  cjk: Cjk[];
  /** Whether the text has emoji (drawn in monochrome from Noto Emoji). */
  emoji: boolean;
  /** Scripts with a font of their own (Arabic, Hebrew, Devanagari …) that the text is written in. */
  scripts: ScriptFont[];
}

/** The characters each bundled script font is chosen for. */
const SCRIPT_TEXT: Record<ScriptFont, RegExp> = {
  arabic: /\p{Script=Arabic}/u,
  hebrew: /\p{Script=Hebrew}/u,
  devanagari: /\p{Script=Devanagari}/u,
  bengali: /\p{Script=Bengali}/u,
  tamil: /\p{Script=Tamil}/u,
  thai: /\p{Script=Thai}/u,
  lao: /\p{Script=Lao}/u,
  khmer: /\p{Script=Khmer}/u,
};

/** The bundled script fonts `text` needs, in a fixed order. */
export function scriptFonts(text: string): ScriptFont[] {
  return (Object.keys(SCRIPT_TEXT) as ScriptFont[]).filter((script) => SCRIPT_TEXT[script].test(text));
}

/**
 * The fallback fonts `text` needs: kana → Japanese, hangul → Korean, other Han → Chinese
 * (Traditional when the locale is zh-tw, or when the text is written in Traditional characters).
 */
export function scriptNeeds(text: string, locale?: Locale): ScriptNeeds {
  const cjk: Cjk[] = [];
  if (KANA.test(text)) cjk.push("jp");
  if (HANGUL.test(text)) cjk.push("kr");
  if (!cjk.length && HAN.test(text))
    cjk.push(locale === "zh-tw" || (locale !== "zh" && traditional(text)) ? "tc" : "sc");
  return { cjk, emoji: EMOJI.test(text), scripts: scriptFonts(text) };
}

function traditional(text: string): boolean {
  let simplified = 0;
  let trad = 0;
  for (const ch of text) {
    if (SIMPLIFIED.includes(ch)) simplified++;
    else if (TRADITIONAL.includes(ch)) trad++;
  }
  return trad > simplified;
}

/** Letters only Urdu writes among the languages of Arabic script here (ٹ ڈ ڑ ں ے ہ). */
const URDU = /[\u0679\u0688\u0691\u06BA\u06D2\u06C1]/u;
/** Letters Persian (and Urdu) write where Arabic does not (پ چ ژ گ ک ی). */
const PERSIAN = /[\u067E\u0686\u0698\u06AF\u06A9\u06CC]/u;
/** Letters Arabic writes where Persian does not (ة ي ك ى). */
const ARABIC_ONLY = /[\u0629\u064A\u0643\u0649]/u;
/**
 * Letters only Vietnamese writes: ơ and ư, a vowel with both a circumflex, breve or horn and a
 * tone mark, a dot below or a hook above, and ĩ ũ ỹ ẽ ỳ (in NFC). ă and đ are Vietnamese too,
 * but Romanian and Croatian write them.
 */
const VIETNAMESE = /[ơưƠƯĩũĨŨ\u1EA0-\u1EF9]/u;
/** Letters of Assamese, which shares the Bengali script (ৰ ৱ). */
const ASSAMESE = /[\u09F0\u09F1]/u;
/** Scripts written without spaces between words, whose words are counted with ICU's dictionaries. */
const NO_SPACES = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

type Counts = Record<
  | "han"
  | "kana"
  | "hangul"
  | "greek"
  | "cyrillic"
  | "arabic"
  | "hebrew"
  | "devanagari"
  | "bengali"
  | "tamil"
  | "thai"
  | "lao"
  | "khmer"
  | "vietnamese"
  | "other"
  /** Of the Arabic-script words: those with Urdu's own letters, with Persian letters, with Arabic-only ones. */
  | "urdu"
  | "persian"
  | "arabicOnly",
  number
>;

/**
 * The words of `text` by script: a word is a run of letters and their marks, each Chinese or
 * Japanese character one, and a run of Thai, Lao, Khmer or Myanmar as many words as ICU's
 * dictionary finds in it. A Latin word with a letter only Vietnamese writes counts as Vietnamese.
 */
function countWords(text: string): Counts {
  const n: Counts = {
    han: 0,
    kana: 0,
    hangul: 0,
    greek: 0,
    cyrillic: 0,
    arabic: 0,
    hebrew: 0,
    devanagari: 0,
    bengali: 0,
    tamil: 0,
    thai: 0,
    lao: 0,
    khmer: 0,
    vietnamese: 0,
    other: 0,
    urdu: 0,
    persian: 0,
    arabicOnly: 0,
  };
  for (const [unit] of text.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|\p{L}[\p{L}\p{M}]*/gu)) {
    if (KANA.test(unit)) n.kana++;
    else if (/\p{Script=Han}/u.test(unit)) n.han++;
    else if (HANGUL.test(unit)) n.hangul++;
    else if (/\p{Script=Greek}/u.test(unit)) n.greek++;
    else if (/\p{Script=Cyrillic}/u.test(unit)) n.cyrillic++;
    else if (/\p{Script=Arabic}/u.test(unit)) {
      n.arabic++;
      if (URDU.test(unit)) n.urdu++;
      if (PERSIAN.test(unit)) n.persian++;
      if (ARABIC_ONLY.test(unit)) n.arabicOnly++;
    } else if (/\p{Script=Hebrew}/u.test(unit)) n.hebrew++;
    else if (/\p{Script=Devanagari}/u.test(unit)) n.devanagari++;
    else if (/\p{Script=Bengali}/u.test(unit)) n.bengali++;
    else if (/\p{Script=Tamil}/u.test(unit)) n.tamil++;
    else if (NO_SPACES.test(unit)) {
      let words = 0;
      for (const w of segmenter("word", "th").segment(unit)) if (w.isWordLike) words++;
      if (/\p{Script=Thai}/u.test(unit)) n.thai += words;
      else if (/\p{Script=Lao}/u.test(unit)) n.lao += words;
      else if (/\p{Script=Khmer}/u.test(unit)) n.khmer += words;
      else n.other += words;
    } else if (VIETNAMESE.test(unit.normalize("NFC"))) n.vietnamese++;
    else n.other++;
  }
  return n;
}

/**
 * The language of a résumé written mostly in a script that names it: Chinese, Japanese, Korean,
 * Greek, Russian, Ukrainian, Arabic, Persian, Urdu, Hebrew, Hindi, Marathi, Nepali, Bengali,
 * Tamil, Thai, Lao or Khmer; or in Vietnamese. "Mostly" counts words (countWords): more than half
 * of them in the script (a Chinese résumé full of English product names is still Chinese; a
 * Hebrew name in an English résumé leaves it English). Arabic script is Urdu when Urdu's own
 * letters are in a tenth of its words, Persian when words with Persian letters outnumber those
 * with Arabic-only ones, else Arabic. Devanagari is Marathi or Nepali when that language's own
 * frequent words outnumber those of the others (devanagariLanguage), else Hindi. Vietnamese is
 * Latin with Vietnamese-only letters (ơ ư, stacked tone marks) in a third of all words (its other
 * words look like any Latin word). Latin-script text, and Cyrillic, Bengali and Myanmar text that
 * may be another language (Bulgarian, Serbian, Assamese…), name none.
 */
export function detectLocale(text: string): Locale | undefined {
  const { urdu, persian, arabicOnly, ...n } = countWords(text);
  const units = Object.values(n).reduce((a, b) => a + b, 0);
  const most = (count: number) => count * 2 > units;
  if (n.kana > 0 && most(n.kana + n.han)) return "ja";
  if (n.hangul > 0 && most(n.hangul + n.han)) return "ko";
  if (most(n.han)) return traditional(text) ? "zh-tw" : "zh";
  if (most(n.greek)) return "el";
  if (most(n.cyrillic)) {
    if (/[ђјљњћџўѓќѕ]/iu.test(text)) return undefined;
    const russian = /[ыэё]/iu.test(text);
    const ukrainian = /[іїєґ]/iu.test(text);
    if (ukrainian && !russian) return "uk";
    if (russian && !ukrainian) return "ru";
    return undefined;
  }
  if (most(n.arabic)) {
    if (urdu * 10 >= n.arabic) return "ur";
    return persian > arabicOnly ? "fa" : "ar";
  }
  if (most(n.hebrew)) return "he";
  if (most(n.devanagari)) return devanagariLanguage(text);
  if (most(n.bengali)) return ASSAMESE.test(text) ? undefined : "bn";
  if (most(n.tamil)) return "ta";
  if (most(n.thai)) return "th";
  if (most(n.lao)) return "lo";
  if (most(n.khmer)) return "km";
  if (n.vietnamese * 3 >= units && n.vietnamese > 0) return "vi";
  return undefined;
}

type Devanagari = "hi" | "mr" | "ne";

/**
 * What marks a word as Hindi, Marathi or Nepali: the language's frequent words on their own
 * (conjunctions, the verb "to be", postpositions written apart), and the endings its
 * postpositions and verbs leave on a word (Marathi and Nepali join them to the noun:
 * कंपनीमध्ये, टोलीलाई). Each is one the other two do not write, or rarely: Hindi's और, है, में,
 * के, की, ने; Marathi's आणि, आहे, मध्ये, -च्या, -ांना and the letter ळ, which neither Hindi nor
 * Nepali writes; Nepali's र, छ, हो, गर्न, -हरू, -लाई, -ेको.
 */
const DEVANAGARI_MARKERS: Record<Devanagari, { words: Set<string>; endings: string[]; letters?: RegExp }> = {
  hi: {
    words: new Set(["और", "है", "हैं", "में", "के", "की", "ने", "था", "थे", "थी", "लिए", "साथ", "किया", "किए", "यह", "से"]),
    endings: [],
  },
  mr: {
    words: new Set(["आणि", "आहे", "आहेत", "होते", "होतो", "होती", "व", "केले", "केली", "केला", "झाले", "तसेच", "मी", "हे"]),
    endings: ["मध्ये", "च्या", "साठी", "ांना", "ांचा", "ांची", "ांचे", "पर्यंत"],
    letters: /ळ/u,
  },
  ne: {
    words: new Set(["र", "छ", "छु", "छन्", "हो", "गर्न", "गरें", "गरेँ", "भएको", "पनि", "थियो", "यो", "म", "सँग"]),
    endings: ["हरू", "लाई", "ेको", "न्छ", "र्छ", "र्छु", "न्छन्", "बाट"],
  },
};

/**
 * Hindi, Marathi or Nepali, for text written in Devanagari: each word that is a marker of one of
 * them (DEVANAGARI_MARKERS) scores for it, and Marathi or Nepali is chosen when it scores at least
 * two and more than either other; otherwise, as when nothing tells them apart, Hindi, the most
 * written of the three.
 */
function devanagariLanguage(text: string): Devanagari {
  const score: Record<Devanagari, number> = { hi: 0, mr: 0, ne: 0 };
  for (const [word] of text.normalize("NFC").matchAll(/[\p{Script=Devanagari}\u200C\u200D]+/gu)) {
    for (const language of Object.keys(score) as Devanagari[]) {
      const { words, endings, letters } = DEVANAGARI_MARKERS[language];
      if (words.has(word) || endings.some((e) => word.length > e.length && word.endsWith(e)) || letters?.test(word))
        score[language]++;
    }
  }
  const [best, second] = (Object.entries(score) as [Devanagari, number][]).sort((a, b) => b[1] - a[1]);
  return best![0] !== "hi" && best![1] >= 2 && best![1] > second![1] ? best![0] : "hi";
}

/** Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko …). */
const RTL_LETTER =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]/u;

/** Whether a text has a letter of a right-to-left script. */
export const hasRtlLetter = (text: string): boolean => RTL_LETTER.test(text);

/** Languages written right to left (the ones with a locale here, and their neighbours). */
const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur", "yi", "ps", "sd", "ckb", "dv", "ug"]);

export type Direction = "ltr" | "rtl";

/**
 * The direction a document is laid out in: right to left when its language is written so, or
 * when most of its words are in a right-to-left script (counted as detectLocale counts, so a
 * Hebrew name in an English résumé leaves it left to right).
 */
export function documentDirection(text: string, language: string): Direction {
  if (RTL_LANGUAGES.has(language.toLowerCase().split("-")[0]!)) return "rtl";
  let rtl = 0;
  let units = 0;
  for (const [unit] of text.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|\p{L}+/gu)) {
    units++;
    if (RTL_LETTER.test(unit)) rtl++;
  }
  return rtl * 2 > units ? "rtl" : "ltr";
}

const SCRIPTS = [
  "Latin",
  "Greek",
  "Cyrillic",
  "Armenian",
  "Hebrew",
  "Arabic",
  "Syriac",
  "Thaana",
  "Nko",
  "Devanagari",
  "Bengali",
  "Gurmukhi",
  "Gujarati",
  "Oriya",
  "Tamil",
  "Telugu",
  "Kannada",
  "Malayalam",
  "Sinhala",
  "Thai",
  "Lao",
  "Tibetan",
  "Myanmar",
  "Georgian",
  "Ethiopic",
  "Cherokee",
  "Khmer",
  "Mongolian",
  "Tifinagh",
  "Javanese",
  "Balinese",
].map((name) => [name, new RegExp(`\\p{Script=${name}}`, "u")] as const);

/**
 * What a character is, for a message about characters the fonts lack: its script's name, or
 * "CJK", "emoji", "control characters" or "symbols".
 */
export function scriptOf(ch: string): string {
  if (KANA.test(ch) || HANGUL.test(ch) || HAN.test(ch)) return "CJK";
  if (EMOJI.test(ch) || /\p{Extended_Pictographic}/u.test(ch)) return "emoji";
  if (/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u.test(ch)) return "control characters";
  for (const [name, re] of SCRIPTS) if (re.test(ch)) return name;
  return "symbols";
}

/** Code points that are never drawn (variation selectors, zero-width joiners and spaces, marks of direction). */
export const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;

/**
 * The emoji and script fonts a résumé's text needs, with the words its locale prints (titles,
 * "Present", dates); a CJK font asked for by name replaces the one the text would choose.
 */
export function fontsFor(text: string, locale: Locale, forced?: Cjk): ScriptNeeds {
  const words = WORDS[locale];
  const needs = scriptNeeds(
    `${text}\n${Object.values(words.titles).join("\n")}\n${words.present}\n${formatDate("2021-06", locale)}`,
    locale,
  );
  return forced ? { ...needs, cjk: [forced] } : needs;
}

/**
 * Scripts that name the language written in them, or its most likely one: for Arabic script, by
 * its letters; for Devanagari, the document's own language when it is one written in Devanagari
 * (a Marathi name in a Marathi résumé is Marathi), else by its words (devanagariLanguage).
 */
const LANGUAGE_OF_SCRIPT: [RegExp, string | ((text: string, documentLanguage: string) => string)][] = [
  [/\p{Script=Hebrew}/u, "he"],
  [/\p{Script=Arabic}/u, (t) => (/[ٹڈڑںےھ]/u.test(t) ? "ur" : /[پچژگک]|ی/u.test(t) ? "fa" : "ar")],
  [/\p{Script=Devanagari}/u, (t, doc) => (["hi", "mr", "ne"].includes(doc) ? doc : devanagariLanguage(t))],
  [/\p{Script=Bengali}/u, "bn"],
  [/\p{Script=Tamil}/u, "ta"],
  [/\p{Script=Thai}/u, "th"],
  [/\p{Script=Lao}/u, "lo"],
  [/\p{Script=Khmer}/u, "km"],
  [/\p{Script=Hangul}/u, "ko"],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, "ja"],
  [/\p{Script=Han}/u, "zh"],
  [/\p{Script=Greek}/u, "el"],
  [/\p{Script=Georgian}/u, "ka"],
  [/\p{Script=Armenian}/u, "hy"],
];

/**
 * The language a short text (a name, a phrase) is written in, when its script names one and most
 * of its words are in that script, and it is not `documentLanguage`: what a screen reader needs to
 * switch voices (`/Lang` on the text's span in the tagged PDF). Latin and Cyrillic name no one
 * language, so they give none.
 */
export function otherLanguage(text: string, documentLanguage: string): string | undefined {
  let words = 0;
  const counts = new Map<number, number>();
  for (const [word] of text.matchAll(/\p{L}[\p{L}\p{M}]*/gu)) {
    words++;
    const i = LANGUAGE_OF_SCRIPT.findIndex(([re]) => re.test(word));
    if (i >= 0) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  for (const [i, n] of counts) {
    if (n * 2 <= words) continue;
    const [, lang] = LANGUAGE_OF_SCRIPT[i]!;
    const primary = documentLanguage.toLowerCase().split("-")[0]!;
    const tag = typeof lang === "string" ? lang : lang(text, primary);
    return tag === primary ? undefined : tag;
  }
  return undefined;
}
