/** What an importer (linkedin.ts, rendercv.ts) hands back, and what both read the same way. */
import { franc } from "franc-min";
import type { Diagnostic } from "../common/errors.js";

export interface Imported {
  /** The résumé, as JSON Resume with this tool's extensions. */
  doc: Record<string, unknown>;
  /** What was done that the user should know: files skipped, values left out. */
  notes: Diagnostic[];
}

/** franc's ISO 639-3 codes of the languages this tool prints in. */
const FRANC: Record<string, string> = {
  eng: "en",
  deu: "de",
  fra: "fr",
  spa: "es",
  por: "pt",
  ita: "it",
  nld: "nl",
  pol: "pl",
  ces: "cs",
  swe: "sv",
  dan: "da",
  nob: "nb",
  fin: "fi",
  hun: "hu",
  ron: "ro",
  tur: "tr",
  ell: "el",
  rus: "ru",
  ukr: "uk",
  cmn: "zh",
  jpn: "ja",
  kor: "ko",
  arb: "ar",
  heb: "he",
  pes: "fa",
  urd: "ur",
  hin: "hi",
  mar: "mr",
  npi: "ne",
  ben: "bn",
  tam: "ta",
  tha: "th",
  vie: "vi",
  ind: "id",
};

/** Keys (RenderCV's and JSON Resume's) whose values are no prose: addresses, dates, handles. */
const NOT_PROSE =
  /^(url|urls|email|phone|website|photo|image|doi|date|start_?date|end_?date|release_?date|releaseDate|username|network|country_?code|countryCode|postal_?code|postalCode)$/i;

/**
 * The language the prose among `value` (and `more`) is written in, when franc is sure of it (at
 * least 200 characters of text) and this tool prints in it.
 */
export function writtenIn(value: unknown, more: string[] = []): string | undefined {
  const texts: string[] = [];
  const walk = (v: unknown, key = ""): void => {
    if (typeof v === "string") {
      if (!NOT_PROSE.test(key)) texts.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(value);
  texts.push(...more);
  const text = texts.join("\n");
  if (text.length < 200) return undefined;
  return FRANC[franc(text, { only: Object.keys(FRANC) })];
}
