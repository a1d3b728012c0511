/**
 * Translations: any text of a résumé or letter may be a map keyed by language tag
 * (`summary: { en: "…", de: "…" }`); a plain string is the same in every language. This module
 * knows the tags (each names one of the languages this tool prints, `pt-BR` as `pt`), finds a
 * document's languages (`render.languages`, else the tags its translations use, in the order they
 * first appear; the first is the default), and picks each map's value for the language being
 * built: its own, else the default's, else another's, noting every value that was not translated.
 * A key of such a map that is not one of the document's languages is a problem (a typo guard).
 * Knows nothing of the schema: coerce.ts says where text is expected.
 */
import { formatPath, nearest, type Diagnostic } from "../common/errors.js";
import { LOCALES, type Locale } from "./languages.js";

type Path = readonly PropertyKey[];

/** `pt-br` → `pt-BR`; undefined for what is not a well-formed BCP 47 tag. */
export function canonicalTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, "-"))[0];
  } catch {
    return undefined;
  }
}

const TRADITIONAL = /^zh-(?:hant|tw|hk|mo)\b/;

/**
 * The locale a language tag prints with (`en-GB` → `en`, `zh-Hant` → `zh-tw`), or undefined for
 * one this tool has none for.
 */
export function localeOfTag(tag: string): Locale | undefined {
  const canonical = canonicalTag(tag)?.toLowerCase();
  if (!canonical) return undefined;
  if ((LOCALES as readonly string[]).includes(canonical)) return canonical as Locale;
  if (TRADITIONAL.test(canonical)) return "zh-tw";
  const primary = canonical.split("-")[0]!;
  const base = primary === "no" || primary === "nn" ? "nb" : primary;
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : undefined;
}

/** A language tag as a document's languages are written: canonical, for a language this tool prints. */
export function languageTagOf(key: string): string | undefined {
  const tag = canonicalTag(key);
  return tag && localeOfTag(tag) ? tag : undefined;
}

/** The languages a document declares in `render.languages` (as written; the schema checks them). */
export function declaredLanguages(data: unknown): string[] | undefined {
  const render = record(record(data)?.render);
  const list = render?.languages;
  if (!Array.isArray(list) || !list.length) return undefined;
  const tags = list.map((x) => (typeof x === "string" ? languageTagOf(x) : undefined));
  return tags.every((t): t is string => t !== undefined) ? [...new Set(tags)] : undefined;
}

/**
 * Whether text at this path of the data may be translated: what is printed, not what names or
 * selects something (render settings other than titles, variants, tags, ids, a letter's variant).
 */
export function translatable(dataAt: Path): boolean {
  const [first, second] = dataAt;
  if (dataAt.includes("tags") || first === "$schema" || first === "meta" || first === "variants") return false;
  if (first === "render") return second === "titles";
  if (first === "letters") return !["id", "variant", "language", "date"].includes(String(dataAt[2]));
  if (first === "customSections") return dataAt[2] !== "id";
  return true;
}

/** What a language tag looks like to an editor: a language, then a script or region (`en`, `pt-BR`, `zh-Hant`). */
export const LANGUAGE_TAG_PATTERN = "^[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*$";

/** What a translation map is, for editors (the JSON Schema's `$defs.translations`). */
export const TRANSLATIONS_JSON_SCHEMA = {
  type: "object",
  description:
    "The text in each language, keyed by language tag (en, de, pt-BR); a plain string is the same in every language. A language left out prints the default language's text; an empty one prints nothing in that language",
  propertyNames: { pattern: LANGUAGE_TAG_PATTERN },
  additionalProperties: { type: ["string", "number", "null"] },
  minProperties: 1,
};

const record = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** Keys that name an entry where text is expected (`{name: Chess, url: …}`): such a mapping is no translation. */
const NOT_TRANSLATIONS = new Set(["name", "title", "text", "value", "label", "url", "tags"]);

/** A translation map met in the document: where it is, and the languages it gives. */
export interface TranslationMap {
  /** Where the map is in the file. */
  at: PropertyKey[];
  /** Its languages, canonical, in the order written. */
  keys: string[];
}

/** A value printed in another language than the one being built. */
export interface Untranslated {
  at: PropertyKey[];
  /** The language printed instead. */
  from: string;
}

/** What picking found: the value to read (and its key), nothing in this language, or no translation map at all. */
export type Picked = { kind: "value"; key: string; value: unknown } | { kind: "empty"; key: string } | { kind: "none" };

/**
 * Picks the values of one language from a document's translation maps, as the document is walked
 * in file order; says which maps it met, which values fell back to another language and which keys
 * are no language of the document.
 */
export class TranslationPicker {
  readonly maps: TranslationMap[] = [];
  readonly untranslated: Untranslated[] = [];
  readonly problems: { at: PropertyKey[]; message: string }[] = [];
  /** The document's languages: declared, or found in its maps in the order they first appear. */
  readonly languages: string[];
  private readonly declared: boolean;

  /** `language`: the one to build (canonical), or undefined for the default (the first of the document's). */
  constructor(
    declared: string[] | undefined,
    private readonly language?: string,
  ) {
    this.declared = declared !== undefined;
    this.languages = [...(declared ?? [])];
  }

  /** The language being built: the one asked for, else the default; undefined while none is known. */
  get chosen(): string | undefined {
    return this.language ?? this.languages[0];
  }

  /**
   * The value `map` gives for the language being built, when `map` is a translation map: a
   * mapping with at least one key that is a language (of the document's, when it declares them)
   * and none that names an entry. Its other keys are problems, located at `at`.
   */
  pick(map: Record<string, unknown>, at: Path): Picked {
    const entries = Object.entries(map);
    if (!entries.length || entries.some(([k]) => NOT_TRANSLATIONS.has(k))) return { kind: "none" };
    const tags = entries.map(([k]) => this.tagOf(k));
    if (tags.every((t) => t === undefined)) return { kind: "none" };
    const given = new Map<string, unknown>();
    entries.forEach(([k, v], i) => {
      const tag = tags[i];
      if (tag === undefined) {
        this.problems.push({ at: [...at, k], message: this.notALanguage(k) });
        return;
      }
      if (given.has(tag)) {
        this.problems.push({ at: [...at, k], message: `gives ${tag} a second time; keep one` });
        return;
      }
      if (v !== null && typeof v === "object") {
        // Checked in every language, whichever is built: all problems in one report.
        this.problems.push({
          at: [...at, k],
          message: `a translation is text, not ${Array.isArray(v) ? "a list" : "a mapping"}`,
        });
        return;
      }
      given.set(tag, v);
      if (!this.declared && !this.languages.includes(tag)) this.languages.push(tag);
    });
    if (!given.size) return { kind: "empty", key: entries[0]![0] };
    const keyOf = new Map(entries.map(([k], i) => [tags[i], k] as const));
    this.maps.push({ at: [...at], keys: [...given.keys()] });
    const want = this.chosen!;
    const order = [want, ...this.languages.filter((l) => l !== want), ...given.keys()];
    const key = order.find((l) => given.has(l))!;
    if (key !== want) this.untranslated.push({ at: [...at], from: key });
    const value = given.get(key);
    const empty = value === null || value === undefined || (typeof value === "string" && value.trim() === "");
    return empty ? { kind: "empty", key: keyOf.get(key)! } : { kind: "value", key: keyOf.get(key)!, value };
  }

  /** The document language `key` names, canonical; undefined when it names none. */
  private tagOf(key: string): string | undefined {
    const tag = languageTagOf(key);
    if (tag === undefined) return undefined;
    if (!this.declared) return tag;
    return this.languages.find((l) => l.toLowerCase() === tag.toLowerCase());
  }

  private notALanguage(key: string): string {
    const known = this.declared ? this.languages : [...LOCALES];
    const guess = nearest(key.toLowerCase(), known, 1, { transpositions: true, fold: (s) => s.toLowerCase() });
    if (this.declared && languageTagOf(key))
      return `"${key}" is not one of the résumé's languages (render.languages: ${this.languages.join(", ")}); add it there, or remove this translation`;
    return `"${key}" is not a language tag${guess ? `; did you mean "${guess}"?` : ""} (translations are keyed by language: ${this.declared ? this.languages.join(", ") : "en, de, fr, …"})`;
  }
}

/** How much of the document each language has: values translated, and those printed in another language. */
export interface Coverage {
  language: string;
  default: boolean;
  translated: number;
  total: number;
  missing: { path: string; line?: number; col?: number }[];
}

/** Each language's coverage of a document's translation maps. */
export function coverage(
  languages: readonly string[],
  maps: readonly TranslationMap[],
  locate: (at: PropertyKey[]) => { line?: number; col?: number } | undefined,
): Coverage[] {
  return languages.map((language, i) => {
    const missing = maps
      .filter((m) => !m.keys.includes(language))
      .map((m) => ({ path: formatPath(m.at), ...locate(m.at) }));
    return { language, default: i === 0, translated: maps.length - missing.length, total: maps.length, missing };
  });
}

/**
 * The warning for the values a language's build printed in another language: one for the whole
 * document, listing where each is ("de: 7 values not translated, printed in en: work[0].highlights[2] (line 41), …").
 */
export function untranslatedWarning(
  language: string,
  list: readonly Untranslated[],
  locate: (at: PropertyKey[]) => Diagnostic,
): Diagnostic | undefined {
  if (!list.length) return undefined;
  const from = [...new Set(list.map((u) => u.from))].join(" or ");
  const items = list.map((u) => {
    const d = locate(u.at);
    return `${formatPath(u.at)}${d.line !== undefined ? ` (line ${d.line})` : ""}`;
  });
  const shown = items.length > 8 ? `${items.slice(0, 8).join(", ")} and ${items.length - 8} more` : items.join(", ");
  const n = list.length;
  return {
    ...locate(list[0]!.at),
    path: "",
    message: `${language}: ${n} value${n === 1 ? "" : "s"} not translated, printed in ${from} instead: ${shown}`,
  };
}
