/**
 * What an applicant-tracking system's parser takes from a résumé PDF — any PDF, not only ours.
 *
 * It reads as line-grouping parsers do: text items that share a baseline are one line, across the
 * whole page (layout-rules.ts `groupLines`), so two columns whose lines share baselines are joined. Lines
 * are then read top to bottom, except that a page split by a clear vertical gutter (a sidebar) is
 * read column by column, as the better parsers do. The first line with the largest text is the
 * name; the header (the lines before the first section heading) holds the contacts; a section
 * heading is a short line on its own in bold capitals, or a short line that names a usual section;
 * a section splits into entries at bold lines (the organisation, with the dates on the same line)
 * and dates that stand alone on a line before one; bullets start with a bullet mark.
 */
import type { PageLayout, TextItem } from "../pdf/reader.js";
import { groupLines, isBold, joinItems, segments, wordItems, type ParsedLine } from "./layout-rules.js";

/**
 * A right-to-left page is read in a mirror: its lines' items from the right edge, the first one
 * the one a line starts with, so that every rule about where a line starts (a title's bold start,
 * a bullet's indent, a wrapped line under its first) and which column comes first holds for it
 * as for a left-to-right page. Their text is read from the items as drawn.
 */
const drawn = new WeakMap<TextItem, TextItem>();
function mirrored(l: ParsedLine, width: number): ParsedLine {
  const items = l.items
    .map((it) => {
      const m = { ...it, x: width - it.x - it.width };
      drawn.set(m, it);
      return m;
    })
    .reverse();
  return { ...l, items };
}

/** Items as text (see joinItems), mirrored ones as they were drawn. */
function joinText(items: readonly TextItem[]): string {
  const mirror = items.some((it) => drawn.has(it));
  return joinItems(mirror ? items.map((it) => drawn.get(it) ?? it).sort((a, b) => a.x - b.x) : items);
}
import { WORDS } from "../model/locale.js";

export interface AtsEntry {
  organisation?: string;
  position?: string;
  dates?: string;
  location?: string;
  bullets: string[];
  /** Other lines of the entry: its summary, notes, details. */
  text: string[];
}

export interface AtsSection {
  title: string;
  /** Whether the heading was found by its look (bold capitals; bold in a script without case) or only by its name. */
  found: "capitals" | "name";
  entries: AtsEntry[];
  /** The section's lines, when it has no entries (a summary, a list of skills). */
  lines: string[];
}

export interface AtsResult {
  name?: string;
  email?: string;
  phone?: string;
  links: string[];
  location?: string;
  /** Header lines that are none of the above (a label, a headline). */
  headline: string[];
  sections: AtsSection[];
  /** Lines that join text from both sides of a column gutter: what a parser reads as one line. */
  merged: { page: number; text: string }[];
  pages: number;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u;
const PHONE = /(?:\(?\+\d{1,3}\)?[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.()-]{5,}\d/;
/** A URL as detectors recognise one: a scheme, `www.`, or a domain with a path. */
const URL = /\b(?:https?:\/\/\S+|www\.[^\s/]+\.\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*)/i;
/** A place: a capitalised name, then one to three more after commas (`Paris, FR`, `成都, 中国, CN`). */
/** A place: two to four comma-separated names of at most four words each (a headline's clauses are longer). */
const LOCATION =
  /^[\p{Lu}\p{Lo}][\p{L}\p{M}.'’-]*(?: [\p{L}\p{M}.'’-]+){0,3}(?:,\s*[\p{L}][\p{L}\p{M}.'’-]*(?: [\p{L}\p{M}.'’-]+){0,3}){1,3}$/u;
const YEAR = /(?:^|[^\d])(?:19|20)\d{2}(?:[^\d]|$)/;
/** A bullet mark; a dash only with a space after it ("-gjennomføring" is a word cut short, not a bullet). */
const BULLET = /^(?:[•●▪◦‣·∙○■□]\s*|[–-](?:\s+|$))/u;
/** Separators between contacts on one line. */
const SEPARATORS = /\s+[·|•]\s+|\s{3,}/u;
/**
 * Section names a parser knows: common English ones and this tool's titles in every language (compared in capitals).
 */
const SECTION_NAMES = new Set(
  [
    "summary",
    "profile",
    "about",
    "about me",
    "objective",
    "experience",
    "work experience",
    "professional experience",
    "employment",
    "work history",
    "education",
    "skills",
    "technical skills",
    "core skills",
    "projects",
    "publications",
    "awards",
    "honors",
    "certifications",
    "certificates",
    "languages",
    "interests",
    "volunteering",
    "volunteer",
    "references",
    "activities",
    "leadership",
    "achievements",
    "courses",
    ...Object.values(WORDS).flatMap((w) => Object.values(w.titles)),
  ].map((s) => s.toUpperCase()),
);

const hasCase = (s: string) => s !== s.toLowerCase() || s !== s.toUpperCase();

/** Parses the pages of a PDF as an applicant-tracking system would. */
export function parseResume(layout: readonly PageLayout[]): AtsResult {
  const pages = groupLines(layout).map((lines, i) =>
    layout[i]!.items.some((it) => it.rtl) ? lines.map((l) => mirrored(l, layout[i]!.width)) : lines,
  );
  const merged: AtsResult["merged"] = [];
  const ordered: ParsedLine[] = [];
  for (const [i, lines] of pages.entries()) {
    const body = withoutFooter(lines);
    const split = columns(body, layout[i]!.width);
    if (!split) {
      ordered.push(...body);
      continue;
    }
    for (const l of split.merged) merged.push({ page: l.page, text: l.text });
    ordered.push(...split.header, ...split.left, ...split.right);
  }
  const result: AtsResult = { links: [], headline: [], sections: [], merged, pages: layout.length };
  if (!ordered.length) return result;

  const sizes = ordered.flatMap((l) => l.items.map((it) => Math.abs(it.size)));
  // The name is on the first page with text (a cover or a scanned first page has none).
  const namePage = ordered[0]!.page;
  const nameSize = maxOf(
    ordered.filter((l) => l.page === namePage).flatMap((l) => l.items.map((it) => Math.abs(it.size))),
  );
  const nameAt = ordered.findIndex((l) => l.page === namePage && l.items.some((it) => Math.abs(it.size) === nameSize));
  result.name = joinText(ordered[nameAt]!.items.filter((it) => Math.abs(it.size) === nameSize));
  const body = bodySize(sizes);

  // A bold line right under a bold line that starts where it does, in its font and within a
  // line's gap, is that line's wrapped end (a text block to a parser that groups lines into
  // blocks), not a heading.
  const wraps = (l: ParsedLine, prev: ParsedLine | undefined) =>
    !!prev &&
    prev.page === l.page &&
    prev.y - l.y <= body * 1.5 &&
    Math.abs(prev.items[0]!.x - l.items[0]!.x) < 1 &&
    isBold(prev.items[0]!.font) &&
    prev.items[0]!.font === l.items[0]!.font &&
    Math.abs(prev.items[0]!.size - l.items[0]!.size) < 0.1 &&
    !/[:：]$/.test(prev.text);
  const headingAt = (l: ParsedLine, i: number) =>
    i === nameAt || wraps(l, ordered[i - 1]) ? undefined : heading(l, body);
  // Where the column a line stands in ends: where the lines of its page that start where it
  // starts end (a short section's own lines may all be short).
  const edgeAt = (l: ParsedLine) =>
    maxOf(
      ordered
        .filter((o) => o.page === l.page && Math.abs(o.items[0]!.x - l.items[0]!.x) < 1)
        .map((o) => maxOf(o.items.map((it) => it.x + it.width))),
    );
  let current: { section: AtsSection; lines: ParsedLine[] } | undefined;
  const header: ParsedLine[] = [];
  const flush = () => {
    if (current) result.sections.push(finishSection(current.section, current.lines, body, edgeAt));
  };
  ordered.forEach((line, i) => {
    const found = headingAt(line, i);
    if (found) {
      flush();
      current = { section: { title: line.text, found, entries: [], lines: [] }, lines: [] };
    } else if (current) current.lines.push(line);
    else if (i !== nameAt) header.push(line);
  });
  flush();
  readContacts(header, result, body);
  return result;
}

/** The largest and smallest of many numbers (a spread of a page's items could pass the engine's argument limit). */
const maxOf = (xs: readonly number[]) => xs.reduce((m, x) => (x > m ? x : m), -Infinity);
const minOf = (xs: readonly number[]) => xs.reduce((m, x) => (x < m ? x : m), Infinity);

/**
 * Text longer than this is no contact (an email address is at most 254 characters): the contact patterns are not tried
 * on it.
 */
const MAX_CONTACT = 320;

/** Lines, without the page footer: a last line that is a page number, alone or after a name. */
function withoutFooter(lines: ParsedLine[]): ParsedLine[] {
  const last = lines.at(-1);
  return last &&
    last.text.length <= 200 &&
    /(?:^|\s)(?:\d+\s*(?:\/|of|von|de|di|z)\s*\d+|page\s+\d+|seite\s+\d+)$/i.test(last.text)
    ? lines.slice(0, -1)
    : lines;
}

/**
 * A page's lines split at a vertical gutter: the header above the columns (down to the last line
 * that crosses the gutter, or that runs across it above the right-hand column's first line: a row
 * of contacts under the name), the left column, the right one. Lines with text on both sides of the gutter (but none
 * across it) are what a line-grouping parser joins: they are read with the right column, joined,
 * and reported. Undefined when the page has no such gutter.
 */
function columns(
  lines: ParsedLine[],
  width: number,
): { header: ParsedLine[]; left: ParsedLine[]; right: ParsedLine[]; merged: ParsedLine[] } | undefined {
  let best: { x: number; score: number; top: number } | undefined;
  const body = bodySize(lines.flatMap((l) => l.items.map((it) => Math.abs(it.size))));
  const crosses = (l: ParsedLine, x: number) => l.items.some((it) => it.x < x - 3 && it.x + it.width > x + 3);
  // Every 2 points across a page of paper; a page wider than paper (its size comes from the file) gets at most 300
  // tries.
  const step = Math.max(2, (width * 0.7) / 300);
  const leftOf = (l: ParsedLine, x: number) => l.items.every((it) => it.x + it.width <= x);
  const rightOf = (l: ParsedLine, x: number) => l.items.every((it) => it.x >= x);
  // (A side column may stand on either side: the gutter anywhere from 15 % to 85 % across.)
  for (let x = Math.round(width * 0.15); x <= width * 0.85; x += step) {
    // The columns begin below the header: the last line that runs across the gutter (crossing it, or
    // with text on both sides of it) above the right-hand column's first line.
    const firstRight = maxOf(lines.filter((l) => rightOf(l, x)).map((l) => l.y));
    const top = minOf(
      lines.filter((l) => !leftOf(l, x) && !rightOf(l, x) && (crosses(l, x) || l.y > firstRight)).map((l) => l.y),
    );
    const below = lines.filter((l) => l.y < top);
    // A column of dates and labels, each on the first line of what it dates or labels, is read
    // across with that line, as the reader's eye does: no gutter.
    const shared = below.filter((l) => !leftOf(l, x) && !rightOf(l, x) && !crosses(l, x));
    const labelled = (l: ParsedLine) => {
      const text = joinText(l.items.filter((it) => it.x < x)).trim();
      return onlyDates(text) || /[:：]$/.test(text);
    };
    if (shared.length && shared.filter(labelled).length >= shared.length * 0.8) continue;
    // A gutter is a gap between columns, wider than the one between a bullet and its text.
    const gap = (l: ParsedLine) =>
      minOf(l.items.filter((it) => it.x >= x).map((it) => it.x)) -
      maxOf(l.items.filter((it) => it.x < x).map((it) => it.x + it.width));
    if (shared.some((l) => gap(l) < 8)) continue;
    const lefts = below.filter((l) => leftOf(l, x));
    // Section titles alone on the left, their sections beside them, are a labels column's.
    if (lefts.length && lefts.every((l) => heading(l, body))) continue;
    const left = lefts.length;
    const rights = below.filter((l) => rightOf(l, x));
    const right = rights.length;
    // Columns stand side by side: a block on the right with at most one line beside it or sharing
    // a line with it (a header's contacts, one per line, beside the name's headline) is not a column.
    const [high, low] = [maxOf(rights.map((l) => l.y)), minOf(rights.map((l) => l.y))];
    if (below.filter((l) => !rightOf(l, x) && !crosses(l, x) && l.y <= high && l.y >= low).length < 2) continue;
    // A gutter: each side has lines, and the columns hold most of the page.
    if (left >= 1 && right >= 3 && below.length >= lines.length / 2 && (!best || left + right > best.score))
      best = { x, score: left + right, top };
  }
  if (!best) return undefined;
  const { x, top } = best;
  const out = {
    header: [] as ParsedLine[],
    left: [] as ParsedLine[],
    right: [] as ParsedLine[],
    merged: [] as ParsedLine[],
  };
  for (const l of lines) {
    if (l.y >= top) out.header.push(l);
    else if (l.items.every((it) => it.x + it.width <= x)) out.left.push(l);
    else if (l.items.every((it) => it.x >= x)) out.right.push(l);
    else {
      out.merged.push(l);
      out.right.push(l);
    }
  }
  return out;
}

/** The size most of the text is set in. */
function bodySize(sizes: number[]): number {
  const count = new Map<number, number>();
  for (const s of sizes) count.set(Math.round(s * 2) / 2, (count.get(Math.round(s * 2) / 2) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 10;
}

/** Whether a line is a section heading, and how it was recognised. */
function heading(line: ParsedLine, body: number): AtsSection["found"] | undefined {
  const text = line.text;
  if (!/\p{L}/u.test(text) || text.length > 40 || text.split(/\s+/).length > 5 || /\d/.test(text)) return undefined;
  const bold = wordItems(line.items).every((it) => isBold(it.font));
  // A narrow column may set its titles a little smaller than the body text.
  const large = line.items.every((it) => Math.abs(it.size) >= body * 0.9);
  const named = SECTION_NAMES.has(text.replace(/[:：]$/, "").toUpperCase());
  if (!EMAIL.test(text) && bold && large) {
    // In a script without case (Chinese, Japanese, Korean) bold is the whole look: a bold line
    // is a heading when it is larger than the text or names a section.
    if (
      hasCase(text) ? text === text.toUpperCase() : named || line.items.every((it) => Math.abs(it.size) >= body + 0.4)
    )
      return "capitals";
  }
  if ((bold || Math.abs(line.items[0]!.size) > body + 0.5) && named) return "name";
  return undefined;
}

const isDates = (s: string) => YEAR.test(s) && s.length <= 40;
/** A line that is only dates: years and at most a few short words (months, "Present"). */
const onlyDates = (s: string) => {
  if (!isDates(s) || BULLET.test(s)) return false;
  const words = s
    .replace(/\d+/g, " ")
    .replace(/[\s\p{P}\p{S}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  return words.length <= 4 && words.every((w) => [...w].length <= 10) && words.join("").length <= 24;
};

/**
 * A line that starts with dates, set apart (more than a word space), before a bold title: an
 * entry's first line from a dates column ("Jan 2020 – Present   Acme"), read as that title with
 * those dates. Its dates and the line without them; undefined for any other line.
 */
function datesFirst(l: ParsedLine, body: number): { dates: string; rest: ParsedLine } | undefined {
  const bold = l.items.findIndex((it) => isBold(it.font));
  if (bold < 1) return undefined;
  const lead = l.items.slice(0, bold);
  const dates = joinText(lead).trim();
  const end = maxOf(lead.map((it) => it.x + it.width));
  if (!onlyDates(dates) || l.items[bold]!.x - end < body * 0.6) return undefined;
  const items = l.items.slice(bold);
  return { dates, rest: { ...l, items, text: joinText(items) } };
}

/** A section's lines as entries (when they have bold headings) or as lines. */
function finishSection(
  section: AtsSection,
  lines: ParsedLine[],
  body: number,
  edgeAt: (l: ParsedLine) => number,
): AtsSection {
  // A bold start that ends in a colon is a label ("Keywords: …"), not an entry's title.
  // A colon inside a bold title ("SaTech / Country Club: El Tipal") is the title's own.
  const firstBold = (l: ParsedLine) => {
    if (!isBold(l.items[0]!.font) || BULLET.test(l.text)) return false;
    const lead = l.items.findIndex((it) => !isBold(it.font));
    return !/[:：]$/.test(joinText(l.items.slice(0, lead < 0 ? l.items.length : lead)).trim());
  };
  // Not a bullet's last words (indented like its text), which may be a date too; but dates that
  // end before any bullet starts (right-aligned in a column of dates) are no bullet's words.
  const left = minOf(lines.map((l) => l.items[0]!.x));
  const bulletsStart = minOf(lines.filter((l) => BULLET.test(l.text)).map((l) => l.items[0]!.x));
  // And any line that starts where a bullet's text does is that bullet's.
  const bulletText = lines
    .filter((l) => BULLET.test(l.text))
    .map((l) => l.items.find((it) => !BULLET.test(it.str.trim()) || it.str.trim().length > 1)?.x ?? -1);
  const indented = (l: ParsedLine) =>
    (l.items[0]!.x - left > 2 &&
      l.items[0]!.x - left < 60 &&
      maxOf(l.items.map((it) => it.x + it.width)) > bulletsStart - 2) ||
    bulletText.some((x) => Math.abs(x - l.items[0]!.x) < 1);
  // A bold start is a title ("Siemens Medical  Jan 2000 – Jan 2001"), never dates alone.
  const dateOnly = (l: ParsedLine) => !isBold(l.items[0]!.font) && onlyDates(l.text) && !indented(l);
  // A line as its title starts it: without the dates a dates column sets before it.
  const titled = (l: ParsedLine) => datesFirst(l, body)?.rest ?? l;
  const entries: { lines: ParsedLine[] }[] = [];
  const loose: ParsedLine[] = [];
  for (const [i, line] of lines.entries()) {
    const prev = lines[i - 1];
    const gap = prev && prev.page === line.page ? prev.y - line.y : Infinity;
    // A bold line right under a bold first line without dates continues the title (it wrapped).
    const continues =
      prev &&
      firstBold(titled(prev)) &&
      (line.items.every((it) => isBold(it.font)) || (wrappedWithDates(prev, line) && isBold(line.items[0]!.font))) &&
      gap <= body * 1.5 &&
      Math.abs(titled(prev).items[0]!.x - line.items[0]!.x) < 1;
    // Dates alone on a line start an entry too: one without a title, or a narrow column's, whose
    // dates come before its title.
    // A line that a sentence wraps into is the sentence's end, even when it ends in a year
    // ("…moved to the DevOps / team throughout 2023"): the line before it, at the same place and
    // leading, stops without a full stop.
    const wrapsInto =
      prev &&
      gap <= body * 1.6 &&
      Math.abs(prev.items[0]!.x - line.items[0]!.x) < 1 &&
      !isBold(prev.items[0]!.font) &&
      !BULLET.test(prev.text) &&
      !/[.!?:;。！？]$/.test(prev.text.trim());
    const startsEntry =
      (firstBold(line) && !continues && !(prev && dateOnly(prev) && entries.at(-1)?.lines.length === 1)) ||
      datesFirst(line, body) !== undefined ||
      (dateOnly(line) && !wrapsInto);
    if (startsEntry) entries.push({ lines: [line] });
    else if (entries.length) entries.at(-1)!.lines.push(line);
    else loose.push(line);
  }
  if (!entries.length) return { ...section, lines: lines.map((l) => l.text) };
  section.lines = loose.map((l) => l.text);
  section.entries = entries.map((e) => entry(e.lines, body, edgeAt));
  return section;
}

/**
 * Whether `line` goes on with a title and its dates that both wrapped: its bold start under the
 * title's, the rest where the dates stand on the line above, nothing between.
 */
function wrappedWithDates(prev: ParsedLine, line: ParsedLine): boolean {
  const rest = line.items.filter((it) => !isBold(it.font));
  const dates = prev.items.filter((it) => !isBold(it.font));
  // (Dates of their own, with a year, are the next entry's.)
  if (!rest.length || !dates.length || !YEAR.test(joinText(dates)) || YEAR.test(joinText(rest))) return false;
  const right = (items: TextItem[]) => maxOf(items.map((it) => it.x + it.width));
  return (
    Math.abs(prev.items[0]!.x - line.items[0]!.x) < 1 &&
    rest[0]!.x >= minOf(dates.map((it) => it.x)) - 1 &&
    Math.abs(right(rest) - right(dates)) < 2
  );
}

function entry(entryLines: ParsedLine[], body: number, edgeAt: (l: ParsedLine) => number): AtsEntry {
  const out: AtsEntry = { bullets: [], text: [] };
  let i = 0;
  const parts = (l: ParsedLine) => segments(l, body * 1.5).map((s) => joinText(s));
  // Dates before the title, on its line (a dates column's): the title's line without them.
  const lead = entryLines[0] && datesFirst(entryLines[0], body);
  const lines = lead ? [lead.rest, ...entryLines.slice(1)] : entryLines;
  if (lead) out.dates = lead.dates;
  // Dates alone on the first line (a narrow column sets them above the title).
  else if (lines[0] && !isBold(lines[0].items[0]!.font) && onlyDates(lines[0].text)) out.dates = lines[i++]!.text;
  const first = lines[i];
  if (first && (isBold(first.items[0]!.font) || !out.dates)) {
    i++;
    const segs = segments(first, body * 1.5);
    const bold = segs[0]!.filter((it) => isBold(it.font));
    out.organisation = joinText(bold.length ? bold : segs[0]!);
    const restOfFirst = segs[0]!.filter((it) => !bold.includes(it));
    for (const s of [joinText(restOfFirst), ...segs.slice(1).map((s) => joinText(s))].filter(Boolean)) {
      if (!out.dates && isDates(s)) out.dates = s;
      else out.location ??= s;
    }
    // A wrapped title (beside dates that wrapped too, which go on with the dates).
    let prev = first;
    while (
      lines[i] &&
      !BULLET.test(lines[i]!.text) &&
      (lines[i]!.items.every((it: TextItem) => isBold(it.font)) ||
        (isBold(lines[i]!.items[0]!.font) && (out.dates ?? out.location) && wrappedWithDates(prev, lines[i]!)))
    ) {
      prev = lines[i++]!;
      out.organisation += ` ${joinText(prev.items.filter((it) => isBold(it.font)))}`;
      const rest = joinText(prev.items.filter((it) => !isBold(it.font)));
      if (rest && out.dates) out.dates += ` ${rest}`;
      else if (rest) out.location += ` ${rest}`;
    }
  }
  const second = lines[i];
  if (second && !BULLET.test(second.text) && !isBold(second.items[0]!.font)) {
    const [position, ...rest] = parts(second);
    if (position && !(isDates(position) && !out.dates)) {
      out.position = position;
      i++;
      // A wrapped position: it runs to the column's edge, and the next line goes on in its font.
      let last = second;
      const edge = edgeAt(second);
      const right = (items: readonly TextItem[]) => maxOf(items.map((it) => it.x + it.width));
      const under = (l: ParsedLine) =>
        l.items[0]!.font === second.items[0]!.font &&
        Math.abs(l.items[0]!.x - second.items[0]!.x) < 1 &&
        last.y - l.y < body * 1.6 &&
        !BULLET.test(l.text);
      const wraps = (l: ParsedLine) => parts(last).length === 1 && right(last.items) > edge - body * 4 && under(l);
      while (lines[i] && wraps(lines[i]!)) {
        last = lines[i++]!;
        out.position += ` ${last.text}`;
      }
      // A position and a place beside it that both wrapped: the next line has two parts, the
      // first under the position, the second ending where the place ends.
      const segs = segments(second, body * 1.5);
      if (last === second && segs.length === 2 && rest.length === 1) {
        let place = rest[0]!;
        while (lines[i] && under(lines[i]!)) {
          const next = segments(lines[i]!, body * 1.5);
          if (next.length !== 2 || Math.abs(right(next[1]!) - right(segs[1]!)) > 2) break;
          out.position += ` ${joinText(next[0]!)}`;
          place += ` ${joinText(next[1]!)}`;
          last = lines[i++]!;
        }
        rest[0] = place;
      }
      for (const s of rest) {
        if (!out.dates && isDates(s)) out.dates = s;
        else if (!out.location) out.location = s;
        else out.text.push(s);
      }
    }
  }
  let bulletX: number | undefined;
  const textX = (l: ParsedLine) => l.items.find((it) => !BULLET.test(it.str.trim()) || it.str.trim().length > 1)?.x;
  for (const line of lines.slice(i)) {
    // A mark starts a bullet, left of its text; a wrapped line of a bullet's text (where the
    // last bullet's text starts) that begins with a character like one ("· 57 migrations", a
    // separator) goes on that bullet.
    const markOnly = bulletX !== undefined && out.bullets.length > 0 && Math.abs(line.items[0]!.x - bulletX) < 1;
    if (BULLET.test(line.text) && !markOnly) {
      out.bullets.push(line.text.replace(BULLET, ""));
      bulletX = textX(line);
    } else if (
      (BULLET.test(line.text) && markOnly) ||
      (bulletX !== undefined &&
        line.items[0]!.x >= bulletX - (/^\s/.test(line.items[0]!.str) ? 3 : 1) &&
        out.bullets.length)
    ) {
      // (A continuation that starts with a space, as a CJK line can, begins a space's width left.)
      out.bullets[out.bullets.length - 1] += ` ${line.text}`;
    } else {
      bulletX = undefined;
      if (!out.dates && isDates(line.text) && line.text.length < 30) out.dates = line.text;
      else out.text.push(line.text);
    }
  }
  return out;
}

/** Email, phone, links and location from the header's lines. */
function readContacts(header: ParsedLine[], result: AtsResult, body: number): void {
  for (let i = 0; i < header.length; i++) {
    const line = header[i]!;
    const parts = segments(line, body * 1.2)
      .flatMap((s) => joinText(s).split(SEPARATORS))
      .map((s) => s.trim())
      .filter(Boolean);
    const rest: string[] = [];
    for (const part of parts) {
      if (part.length > MAX_CONTACT) {
        rest.push(part);
        continue;
      }
      const email = EMAIL.exec(part)?.[0];
      const url = URL.exec(part)?.[0];
      if (email && !result.email) result.email = email;
      else if (url && !email) result.links.push(url.replace(/[.,;)]$/, ""));
      else if (PHONE.test(part) && !result.phone && part.replace(/\D/g, "").length >= 7)
        result.phone = PHONE.exec(part)![0].trim();
      else if (!result.location && LOCATION.test(part)) {
        result.location = part;
        // A place that wrapped in a narrow column goes on, in the same font, on the next line.
        const next = header[i + 1];
        if (
          parts.length === 1 &&
          next &&
          next.page === line.page &&
          line.y - next.y < body * 1.6 &&
          Math.abs(next.items[0]!.x - line.items[0]!.x) < 1 &&
          next.items[0]!.font === line.items[0]!.font &&
          LOCATION.test(`${part} ${next.text}`) &&
          /^[\p{L}]/u.test(next.text)
        ) {
          result.location = `${part} ${next.text}`;
          i++;
        }
      } else if (!email) rest.push(part);
    }
    if (rest.length) result.headline.push(rest.join(" · "));
  }
}
