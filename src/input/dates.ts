/**
 * Dates as people write them, read into the forms this tool prints: `YYYY`, `YYYY-MM` or
 * `YYYY-MM-DD`. Real files write month names in their own language (`Mar. 2024`, `Ene. 2025`,
 * `März 2019`), ranges in one field (`2016 ~ 2020`, `2019 - 2021`, `Jan 2019 – Present`) and
 * approximate dates (`ca. 2015`). Each reading says what it assumed, for the located note the
 * validation stage gives; a text that is no date at all is printed as written.
 */
import { dateLocale, isPresentWord, LOCALES } from "./languages.js";

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A calendar-checked `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns a reason when it is not one. */
export function checkDate(value: string): string | undefined {
  const m = DATE_RE.exec(value);
  if (!m) return "is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2021-06)";
  const year = Number(m[1]);
  if (year < 1900 || year > 2199) return `has an unlikely year ${m[1]}`;
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return `has no month ${m[2]}; months run 01–12`;
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
      if (day < 1 || day > days) return `is not a real day: ${value.slice(0, 7)} has ${days} days`;
    }
  }
  return undefined;
}

/**
 * A date as people write it, in the form this tool keeps: `2021/07` → `2021-07`, `2021-7` →
 * `2021-07`, and an ISO date-time (`2019-05-01T00:00:00.000Z`, with or without a zone) → its
 * date as written. Anything else is returned as it is, for checkDate to explain.
 */
export function canonicalDate(value: string): string {
  const v = value.trim();
  const ym = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/.exec(v);
  if (ym) return [ym[1], ym[2]!.padStart(2, "0"), ym[3]?.padStart(2, "0")].filter(Boolean).join("-");
  // Month first, with a four-digit year: 01/2019, 1.2019 (never ambiguous, unlike 01/02/2019).
  const my = /^(\d{1,2})[/.](\d{4})$/.exec(v);
  if (my) return `${my[2]}-${my[1]!.padStart(2, "0")}`;
  const dt = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(v);
  if (dt && Number(dt[2]) < 24 && Number(dt[3]) < 60 && Number(dt[4] ?? 0) < 61) return dt[1]!;
  return v;
}

/** One date read from text: its ISO form, and what was assumed to get there (if anything). */
export interface ReadDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; undefined for an ongoing end ("Present"). */
  iso?: string;
  /** What was assumed, in words that follow the value: `read as 2015 (an approximate date)`. */
  assumed?: string;
}

/** A value of a date field read: one date, a range, or text that is no date. */
export type DateReading =
  { kind: "date"; date: ReadDate } | { kind: "range"; start: ReadDate; end: ReadDate } | { kind: "text"; why: string };

const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLocaleLowerCase("en")
    .replace(/\.$/, "")
    .trim();

let monthTable: Map<string, number> | undefined;

/**
 * Month names and their abbreviations in every supported language, folded (no case, no accents,
 * no final dot), from the runtime's own locale data (Intl), with the abbreviations people write
 * that Intl does not (`Sept`, the first three or four letters of a long name).
 */
function months(): Map<string, number> {
  if (monthTable) return monthTable;
  const table = new Map<string, number>();
  const add = (name: string, m: number) => {
    const k = fold(name);
    if (k.length >= 3 && !/\d/.test(k) && !table.has(k)) table.set(k, m);
  };
  for (const locale of LOCALES) {
    for (const style of ["long", "short"] as const) {
      for (const context of ["format", "standalone"] as const) {
        const f = new Intl.DateTimeFormat(dateLocale(locale), {
          month: style,
          timeZone: "UTC",
          ...(context === "standalone" ? {} : { day: "numeric" }),
        });
        for (let m = 1; m <= 12; m++) {
          const parts = f.formatToParts(new Date(Date.UTC(2001, m - 1, 15)));
          const name = parts.find((p) => p.type === "month")?.value;
          if (!name) continue;
          add(name, m);
          if (style === "long") {
            // `Sept`, `Janv`, `Ene`: the first three and four letters of a long name.
            const letters = fold(name);
            if (/^\p{L}+$/u.test(letters)) {
              add(letters.slice(0, 3), m);
              add(letters.slice(0, 4), m);
            }
          }
        }
      }
    }
  }
  monthTable = table;
  return table;
}

function monthOf(word: string): number | undefined {
  return months().get(fold(word));
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A month name and a year in either order: `Mar. 2024`, `March, 2024`, `2024 Mar`, `marzo de 2024`. */
function monthYear(text: string): string | undefined {
  const m = /^(\p{L}[\p{L}.]*)(?:,?\s+(?:de\s+|del\s+)?|\.\s*|\s*)(\d{4})$/u.exec(text) ?? undefined;
  if (m) {
    const month = monthOf(m[1]!);
    return month ? `${m[2]}-${pad(month)}` : undefined;
  }
  const y = /^(\d{4})\s+(\p{L}[\p{L}.]*)$/u.exec(text);
  if (y) {
    const month = monthOf(y[2]!);
    return month ? `${y[1]}-${pad(month)}` : undefined;
  }
  // A day, a month name and a year: `15 March 2024`, `March 15, 2024`.
  const d1 = /^(\d{1,2})\.?\s+(\p{L}[\p{L}.]*)\s+(\d{4})$/u.exec(text);
  if (d1) {
    const month = monthOf(d1[2]!);
    return month ? `${d1[3]}-${pad(month)}-${pad(Number(d1[1]))}` : undefined;
  }
  const d2 = /^(\p{L}[\p{L}.]*)\s+(\d{1,2}),?\s+(\d{4})$/u.exec(text);
  if (d2) {
    const month = monthOf(d2[1]!);
    return month ? `${d2[3]}-${pad(month)}-${pad(Number(d2[2]))}` : undefined;
  }
  return undefined;
}

const APPROXIMATE =
  /^(?:ca\.?|c\.|circa|approx(?:\.|imately)?|about|around|~|≈|env\.|environ|etwa|ca|hacia|cerca de)\s*(?=\S)/iu;

/** One date, in any of the forms above; `end` allows a word for "present". */
export function readOneDate(value: string, end = false): ReadDate | { why: string } {
  const text = value.trim().replace(/\s+/g, " ");
  if (isPresentWord(text))
    return end ? {} : { why: "is not a date; only an end date can be ongoing (write when it started)" };
  const approx = APPROXIMATE.exec(text);
  if (approx) {
    const inner = readOneDate(text.slice(approx[0].length), false);
    if ("why" in inner || inner.iso === undefined) return { why: "is not a date" };
    return { iso: inner.iso, assumed: `read as ${inner.iso} (an approximate date: the approximation is not printed)` };
  }
  const canonical = canonicalDate(text);
  const named = /\p{L}/u.test(canonical) ? monthYear(canonical) : undefined;
  const iso = named ?? canonical;
  const why = checkDate(iso);
  if (!why) return named ? { iso, assumed: `read as ${iso}` } : { iso };
  // A day the month does not have (`2024-09-31`): the month is still right.
  const day = /^(\d{4})-(\d{2})-\d{2}$/.exec(iso);
  if (day && !checkDate(`${day[1]}-${day[2]}`))
    return { iso: `${day[1]}-${day[2]}`, assumed: `${why}; read as ${day[1]}-${day[2]} (the month, without the day)` };
  return { why };
}

/** `2016 ~ 2020`, `2019 - 2021`, `Jan 2019 – Present`, `2019 to 2021`, `2019 bis 2021`. */
const RANGE_SEPARATORS = /\s+(?:-{1,2}|–|—|~|to|until|till|bis|à|au|a|al|hasta|até|tot|по|до)\s+|\s*(?:–|—|~|→)\s*/iu;

/**
 * The value of a date field read: one date, a range written in one field, or text that is no
 * date (with the reason). `end` is set for an end date, which may be ongoing.
 */
export function readDateField(value: string, end = false): DateReading {
  const one = readOneDate(value, end);
  if (!("why" in one)) return { kind: "date", date: one };
  const text = value.trim().replace(/\s+/g, " ");
  // `2019-2021`: two years joined by a hyphen cannot be a year and a month.
  const years = /^(\d{4})-(\d{4})$/.exec(text);
  const parts = years ? [years[1]!, years[2]!] : text.split(RANGE_SEPARATORS);
  if (parts.length === 2 && parts[0] && parts[1]) {
    const start = readOneDate(parts[0], false);
    const stop = readOneDate(parts[1], true);
    if (!("why" in start) && !("why" in stop) && start.iso !== undefined) return { kind: "range", start, end: stop };
  }
  return { kind: "text", why: one.why };
}
