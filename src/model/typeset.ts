/**
 * Typography: the text a résumé gives, set as it prints. Straight quotes and ASCII dashes become
 * their typographic forms, invisible code points go, quotation marks take the résumé's language's
 * forms, and the lines of a paragraph written as bullets become bullets.
 */
import { type Locale } from "./locale.js";
import { INVISIBLE } from "./scripts.js";
import type { Entry, Section } from "./view-model.js";

export const NBSP = "\u00A0";
export const EN_DASH = "\u2013";

const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "gu");
/** Joiners and variation selectors shape emoji; the other invisible code points have no glyph. */
const KEEP_INVISIBLE = new Set(["\u200D", "\uFE0E", "\uFE0F"]);
const ZWNJ = "\u200C";
/** Letters whose shaping a zero-width non-joiner changes: Arabic-script joining, Indic conjuncts. */
const JOINING = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\u0900-\u0DFF]/u;

/**
 * Code points that are never drawn go (zero-width spaces, direction marks, soft hyphens, which
 * the line breaker drops anyway), except the joiners and selectors that shape emoji, and a
 * zero-width non-joiner after a letter it keeps apart from the next (Persian می‌خواهم, داده‌ها).
 */
export function dropInvisible(s: string): string {
  return s.replace(INVISIBLE_ALL, (ch, at: number) =>
    KEEP_INVISIBLE.has(ch) || (ch === ZWNJ && at > 0 && JOINING.test(s[at - 1]!)) ? ch : "",
  );
}

/** Straight quotes and ASCII dashes to their typographic forms; everything else untouched. */
export function typeset(s: string): string {
  return (
    dropInvisible(s)
      // Runs of spaces and tabs print as one space; none before CJK closing punctuation (。、」…),
      // which may not start a line.
      .replace(/[ \t]{2,}/g, " ")
      // Spaces around a line break go, and several blank lines are one paragraph break.
      .replace(/[ \t]*\r?\n[ \t]*/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .replace(/ (?=[、。，．・：；？！）」』】〕〉》])/g, "")
      .replace(/(^|[\s([{\u2014\u2013-])"(?=\S)/g, "$1\u201C")
      .replace(/"/g, "\u201D")
      .replace(/(\p{L}|\p{N})'(?=\p{L})/gu, "$1\u2019")
      // An elision is an apostrophe, never an opening quote: '16, '90s, rock 'n' roll, 'til.
      .replace(/(^|[\s([{\u2013-])'(?=\d\d(?!\d))/g, "$1\u2019")
      .replace(/(^|\s)'n'(?=\s)/gi, "$1\u2019n\u2019")
      .replace(/(^|\s)'(?=(?:til|em|cause|bout|tis|twas|kay)\b)/gi, "$1\u2019")
      .replace(/(^|[\s([{])'(?=\S)/g, "$1\u2018")
      .replace(/'/g, "\u2019")
      .replace(/(\S) -{2,3} (\S)/g, `$1${NBSP}\u2014 $2`)
      // Year ranges such as 2011-2012 take an en dash; other digit-dash-digit runs (phones, ISO dates) stay.
      .replace(/(?<![\d-])(\d{4})-{1,2}(\d{4})(?![\d-])/g, `$1${EN_DASH}$2`)
      .replace(/\.\.\./g, "\u2026")
  );
}

/** Text typeset and trimmed, or undefined when nothing is left of it. */
export const typesetText = (s: string | undefined) => {
  const out = s === undefined ? "" : typeset(s.trim()).trim();
  return out === "" ? undefined : out;
};
/** Bullets and keywords: tagged bullets (`{ text, tags }`) print their text. */
export const typesetList = (list: (string | { text: string })[] | undefined) =>
  (list ?? []).map((b) => typeset((typeof b === "string" ? b : b.text).trim()).trim()).filter((s) => s !== "");

/** The parts that are not empty, joined by `sep`; undefined when none is. */
export function joinNonEmpty(parts: (string | undefined)[], sep: string): string | undefined {
  const kept = parts.filter((p): p is string => !!p);
  return kept.length ? kept.join(sep) : undefined;
}

/** Double and single quotes by language: the opening and closing marks of each. */
const QUOTES: Partial<Record<Locale, [string, string, string, string]>> = {
  de: ["\u201E", "\u201C", "\u201A", "\u2018"],
  cs: ["\u201E", "\u201C", "\u201A", "\u2018"],
  pl: ["\u201E", "\u201D", "\u201A", "\u2019"],
  ro: ["\u201E", "\u201D", "\u201A", "\u2019"],
  hu: ["\u201E", "\u201D", "\u00BB", "\u00AB"],
  fr: ["\u00AB\u202F", "\u202F\u00BB", "\u2039\u202F", "\u202F\u203A"],
  es: ["\u00AB", "\u00BB", "\u201C", "\u201D"],
  it: ["\u00AB", "\u00BB", "\u201C", "\u201D"],
  ru: ["\u00AB", "\u00BB", "\u201E", "\u201C"],
  uk: ["\u00AB", "\u00BB", "\u201E", "\u201C"],
  el: ["\u00AB", "\u00BB", "\u201C", "\u201D"],
  nb: ["\u00AB", "\u00BB", "\u2018", "\u2019"],
  da: ["\u00BB", "\u00AB", "\u203A", "\u2039"],
  sv: ["\u201D", "\u201D", "\u2019", "\u2019"],
  fi: ["\u201D", "\u201D", "\u2019", "\u2019"],
  "zh-tw": ["\u300C", "\u300D", "\u300E", "\u300F"],
  ja: ["\u300C", "\u300D", "\u300E", "\u300F"],
};

/**
 * Quotation marks as the résumé's language writes them: a pair typeset set in English marks
 * (“…”, ‘…’) takes the language's (German „…“, French « … », Japanese 「…」). An apostrophe
 * stays an apostrophe.
 */
export function quotesOf(locale: Locale): (s: string | undefined) => string | undefined {
  const marks = QUOTES[locale];
  if (!marks) return (s) => s;
  const [open, close, open1, close1] = marks;
  return (s) =>
    s
      ?.replace(/\u201C([^\u201C\u201D\n]*)\u201D/g, `${open}$1${close}`)
      .replace(
        /(^|[\s([{\u201C\u201E\u00AB])\u2018([^\u2018\u2019\n]*[^\s\u2018\u2019])\u2019(?!\p{L})/gu,
        `$1${open1}$2${close1}`,
      );
}

/** A section with its text's quotation marks in the résumé's language (links untouched). */
export function inQuotes(section: Section, q: (s: string | undefined) => string | undefined): Section {
  const qs = (list: string[]) => list.map((b) => q(b)!);
  if (section.kind === "text")
    return {
      ...section,
      ...(section.paragraph === undefined ? {} : { paragraph: q(section.paragraph) }),
      bullets: qs(section.bullets),
    };
  if (section.kind === "rows")
    return { ...section, rows: section.rows.map((r) => ({ label: q(r.label)!, value: q(r.value)! })) };
  return {
    ...section,
    entries: section.entries.map((e) => {
      const out: Entry = {
        ...e,
        bullets: qs(e.bullets),
        details: e.details.map((d) => ({ ...d, value: q(d.value)! })),
      };
      for (const k of ["title", "subtitle", "note", "summary"] as const) if (e[k] !== undefined) out[k] = q(e[k]);
      return out;
    }),
  };
}

/**
 * Lines of a paragraph that start with `- `, `* ` or `• ` are bullets, as Markdown and every HTML
 * theme read them (and as HTML lists are read into them); the other lines stay the paragraph.
 */
export function splitBullets(text: string | undefined): { paragraph?: string; bullets: string[] } {
  if (text === undefined || !/(?:^|\n)[ \t]*[-*•][ \t]+\S/.test(text)) return { paragraph: text, bullets: [] };
  const bullets: string[] = [];
  const rest: string[] = [];
  for (const line of text.split("\n")) {
    const m = /^[ \t]*[-*•][ \t]+(\S.*)$/.exec(line);
    if (m) bullets.push(m[1]!.trim());
    else rest.push(line);
  }
  const paragraph = rest
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { paragraph: paragraph || undefined, bullets };
}
