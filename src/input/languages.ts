/**
 * The languages a résumé may be printed in, and what the input needs to know of them: their ids,
 * the date styles, and each language's word for an ongoing end date ("Present"), which the schema
 * reads as a missing endDate. The printed words themselves are the view model's (model/locale.ts).
 */
export const LOCALES = [
  "en",
  "de",
  "fr",
  "es",
  "pt",
  "it",
  "nl",
  "pl",
  "cs",
  "sv",
  "da",
  "nb",
  "fi",
  "hu",
  "ro",
  "tr",
  "el",
  "ru",
  "uk",
  "zh",
  "zh-tw",
  "ja",
  "ko",
  "ar",
  "he",
  "fa",
  "ur",
  "hi",
  "mr",
  "ne",
  "bn",
  "ta",
  "th",
  "lo",
  "km",
  "vi",
  "id",
] as const;
export type Locale = (typeof LOCALES)[number];

export const DATE_FORMATS = ["short", "long", "numeric", "year"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** Each language's word for "present", as printed in `Jun 2021 – Present`. */
export const PRESENT: Record<Locale, string> = {
  en: "Present",
  de: "heute",
  fr: "aujourd’hui",
  es: "actualidad",
  pt: "atual",
  it: "oggi",
  nl: "heden",
  pl: "obecnie",
  cs: "současnost",
  sv: "nu",
  da: "nu",
  nb: "nå",
  fi: "nyt",
  hu: "jelenleg",
  ro: "prezent",
  tr: "günümüz",
  el: "σήμερα",
  ru: "настоящее время",
  uk: "дотепер",
  zh: "至今",
  "zh-tw": "至今",
  ja: "現在",
  ko: "현재",
  ar: "حتى الآن",
  he: "היום",
  fa: "تاکنون",
  ur: "تاحال",
  hi: "वर्तमान",
  mr: "आजपर्यंत",
  ne: "हालसम्म",
  bn: "বর্তমান",
  ta: "தற்போது",
  th: "ปัจจุบัน",
  lo: "ປັດຈຸບັນ",
  km: "បច្ចុប្បន្ន",
  vi: "nay",
  id: "sekarang",
};

/**
 * The digits each language writes its dates in, where Intl's default is not the custom: Persian
 * résumés write dates in Persian digits (۰–۹), while Arabic, Urdu, Hindi, Marathi, Nepali,
 * Bengali, Tamil and Thai ones write them in Latin digits (Intl gives Bengali, Marathi and Nepali
 * their own digits, and older ICU gives Arabic its Arabic-Indic ones). Marathi and Nepali are
 * written in Latin digits as Hindi is, on purpose: Devanagari digits (२०२१) are common in their
 * official and literary writing, but a résumé's own numbers (years of experience, percentages,
 * telephone numbers) are written in Latin digits, its dates sit beside them, and applicant-tracking
 * systems read dates in Latin digits. Every other language (Khmer and Lao among them) writes
 * Latin digits in Intl's default already.
 */
const DATE_DIGITS: Partial<Record<Locale, string>> = {
  fa: "arabext",
  ar: "latn",
  ur: "latn",
  hi: "latn",
  mr: "latn",
  ne: "latn",
  bn: "latn",
  ta: "latn",
  th: "latn",
};

/**
 * The BCP 47 tag Intl formats a locale's dates with: always the Gregorian calendar (Intl's default
 * for Persian is the Solar Hijri one, for Thai the Buddhist one, which would print 2564 for 2021),
 * and the digits of DATE_DIGITS. `fa` → `fa-u-ca-gregory-nu-arabext`, `zh-tw` → `zh-TW-u-ca-gregory`.
 */
export function dateLocale(locale: Locale): string {
  const digits = DATE_DIGITS[locale];
  return `${Intl.getCanonicalLocales(locale)[0]!}-u-ca-gregory${digits ? `-nu-${digits}` : ""}`;
}

/** Words that mean an end date is "now": "Present" (any case) and each locale's word for it. */
const PRESENT_WORDS = new Set(
  [
    ...[
      "present",
      "current",
      "currently",
      "now",
      "ongoing",
      "today",
      "to date",
      "to present",
      "till date",
      "till now",
      "until now",
    ],
    ...[
      "presente",
      "actual",
      "actualmente",
      "atualmente",
      "aktuell",
      "bis heute",
      "en cours",
      "à ce jour",
      "in corso",
      "nu",
      "tot heden",
      "hiện tại",
      "hiện nay",
      "saat ini",
      "sampai sekarang",
      "עד היום",
      "الآن",
      "الحاضر",
      "اکنون",
      "تا کنون",
      "अब तक",
      "सध्या",
      "आतापर्यंत",
      "हाल",
      "अहिलेसम्म",
      "ปัจจุบันนี้",
    ],
    ...Object.values(PRESENT),
  ].map(foldWord),
);

function foldWord(s: string): string {
  return s
    .normalize("NFKC")
    .toLocaleLowerCase("en")
    .replace(/[\u2019`]/g, "'")
    .replace(/[\s.]+$/u, "")
    .trim();
}

/** Whether `s` is a word for "present" in any supported language (an ongoing end date). */
export function isPresentWord(s: string): boolean {
  return PRESENT_WORDS.has(foldWord(s));
}
