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
};

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
