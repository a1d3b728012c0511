/**
 * The page as a line-grouping résumé parser reads it. Such parsers (and the applicant-tracking
 * systems built on them) sort a page's text items by baseline and join those that share one into a
 * line, across the whole width of the page, whatever column each came from; then they look for
 * section headings (short, bold lines in capitals, alone on their line), take the first line for
 * the name and split sections into entries at lines that hold dates.
 *
 * `groupLines` does that grouping for any PDF; `checkLayoutRules` proves that our layout survives it:
 * every section title stands alone on its line, in bold capitals, the name is the first line and
 * the largest text, an entry's dates are on its first line, a page's footer is alone on the page's
 * last line, and whatever the theme's layout adds (render/layouts/: the sidebar's two columns never
 * share a line).
 */
import type { PageLayout } from "../pdf/reader.js";
import { joinRun, type TextItem } from "../pdf/content.js";
import { normalizeSpace, quoted as quote, squeeze as squeezeText } from "./verify.js";
import type { Section, ViewModel } from "../model/normalize.js";
import { layoutOf } from "../render/themes/index.js";
import {
  footerPattern,
  layoutSections,
  readingOrder,
  sectionHeading,
  type Expected,
} from "../render/themes/reading.js";
import type { ThemeTokens } from "../render/themes/tokens.js";

export interface ParsedLine {
  /** 1-based. */
  page: number;
  /** The baseline of the line's first item (PDF units, from the bottom of the page). */
  y: number;
  /** Left to right. */
  items: TextItem[];
  text: string;
}

/** Items whose baselines are this close (in points, or a quarter of the smaller size) share a line. */
const SAME_LINE = 1;

export function sameLine(a: TextItem, y: number, size: number): boolean {
  return Math.abs(a.y - y) <= Math.max(SAME_LINE, Math.min(Math.abs(a.size), Math.abs(size)) * 0.25);
}

/** Every page's text items grouped into lines by baseline, top to bottom, each left to right. */
export function groupLines(layout: readonly PageLayout[]): ParsedLine[][] {
  return layout.map((page, p) => {
    const items = page.items.filter((it) => it.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
    const lines: { y: number; size: number; items: TextItem[] }[] = [];
    for (const it of items) {
      const line = lines.at(-1);
      if (line && sameLine(it, line.y, line.size)) line.items.push(it);
      else lines.push({ y: it.y, size: it.size, items: [it] });
    }
    return lines.map((l) => {
      const sorted = l.items.sort((a, b) => a.x - b.x);
      return { page: p + 1, y: l.y, items: sorted, text: joinItems(sorted) };
    });
  });
}

/** Items of one line as text: a space where there is a gap between two of them; icons (private-use characters) go. */
export function joinItems(items: readonly TextItem[]): string {
  return normalizeSpace(joinRun(items).replace(/\p{Co}/gu, ""));
}

/** The line's parts, split where a gap wider than `gap` points separates two items. */
export function segments(line: ParsedLine, gap: number): TextItem[][] {
  const out: TextItem[][] = [];
  let end = -Infinity;
  for (const it of line.items) {
    if (it.x - end > gap || !out.length) out.push([it]);
    else out.at(-1)!.push(it);
    end = Math.max(end, it.x + it.width);
  }
  return out;
}

/**
 * The lines of a title too long for one line: lines that start where its first does, one under
 * the other, each holding only the title's text, that together make the title.
 */
function wrapped(lines: readonly ParsedLine[], title: string, caps: (s: string) => string): ParsedLine[] | undefined {
  for (const [i, first] of lines.entries()) {
    if (!caps(first.text) || !title.startsWith(caps(first.text)) || caps(first.text) === title) continue;
    const run = [first];
    let text = caps(first.text);
    for (const l of lines.slice(i + 1)) {
      // A title wraps at one edge: its lines start together, or end together (right-aligned, as
      // in a labels column or a right-to-left page).
      const sameStart = Math.abs(l.items[0]!.x - first.items[0]!.x) <= 1;
      if (l.page !== first.page || !(sameStart || Math.abs(lineEnd(l) - lineEnd(first)) <= 1.5)) continue;
      if (!title.startsWith(text + caps(l.text))) break;
      run.push(l);
      text += caps(l.text);
      if (text === title) return run;
    }
  }
  return undefined;
}

/**
 * Where a line's text ends (PDF units from the page's left edge): its last item's end, less a
 * space it ends in (about a third of its size, where the line broke).
 */
const lineEnd = (l: ParsedLine) => {
  const last = l.items.reduce((a, b) => (b.x + b.width > a.x + a.width ? b : a));
  return last.x + last.width - (/\s$/u.test(last.str) ? Math.abs(last.size) * 0.3 : 0);
};

function takeWhile<T>(list: readonly T[], keep: (x: T) => boolean): T[] {
  const end = list.findIndex((x) => !keep(x));
  return list.slice(0, end < 0 ? list.length : end);
}

/** A font name that says bold (or heavier than regular): `SourceSans3-Bold`, `Inter-SemiBold`. */
export const isBold = (font: string) => /bold|black|heavy|semibold|demi/i.test(font);

/** The items with letters or digits: a symbol or emoji may come from a font that has no bold. */
export const wordItems = (items: readonly TextItem[]) => items.filter((it) => /[\p{L}\p{N}]/u.test(it.str));

export interface LayoutRuleProblem {
  page: number;
  message: string;
}

/** What a line-grouping parser would get wrong on this PDF of `vm`, in page order. */
export function checkLayoutRules(
  vm: ViewModel,
  tokens: ThemeTokens,
  layout: readonly PageLayout[],
): LayoutRuleProblem[] {
  const pages = groupLines(layout);
  const all = pages.flat();
  const problems: LayoutRuleProblem[] = [];
  // Each line is compared with many values: its squeezed text is made once.
  const squeeze = remembered(squeezeText);

  // The header's lines, from the top of page 1: the name (which may wrap), then the label.
  const nameText = squeeze(vm.name);
  const labelText = squeeze(vm.label ?? "");
  const nameLines = takeWhile(pages[0] ?? [], (l) => nameText.includes(squeeze(l.text)));
  const labelLines = takeWhile(
    (pages[0] ?? []).slice(nameLines.length),
    (l) => labelText !== "" && labelText.includes(squeeze(l.text)),
  );
  // Then the contacts, when they are a row under them (their separators read as `|`).
  const contactsText = squeeze(vm.contacts.map((c) => c.text).join("|"));
  const headerLines = [
    ...nameLines,
    ...labelLines,
    ...takeWhile(
      (pages[0] ?? []).slice(nameLines.length + labelLines.length),
      (l) => contactsText !== "" && contactsText.includes(squeeze(l.text).replace(/^\||\|$/g, "")),
    ),
  ];

  // The name: the first line, and the largest text on every page.
  const first = all[0];
  if (first && !nameLines.length) {
    problems.push({ page: 1, message: `the first line reads ${quote(first.text)}, not the name ${quote(vm.name)}` });
  } else if (first) {
    const nameSize = Math.max(...first.items.map((it) => Math.abs(it.size)));
    const larger = all
      .slice(nameLines.length)
      .flatMap((l) => l.items.map((it) => ({ l, it })))
      .find(({ it }) => Math.abs(it.size) >= nameSize);
    if (larger)
      problems.push({
        page: larger.l.page,
        message: `${quote(larger.it.str.trim())} is set as large as the name (${Math.abs(larger.it.size)} pt), so a parser may take it for the name`,
      });
  }

  // The layout's own rules (two columns never on one line).
  problems.push(
    ...layoutOf(tokens).parseRules({
      vm,
      tokens,
      lines: all,
      header: headerLines,
      text: joinItems,
      quote,
      span: (it, page) =>
        vm.direction === "rtl"
          ? { start: layout[page - 1]!.width - it.x - it.width, end: layout[page - 1]!.width - it.x }
          : { start: it.x, end: it.x + it.width },
    }),
  );

  // Section titles: alone on their line, bold, in capitals.
  const { side, main } = layoutSections(vm, tokens);
  // Found whatever its case, which is checked next.
  const caps = remembered((s: string) => squeeze(s).toLocaleUpperCase(vm.metadata.language));
  for (const sec of [...side, ...main]) {
    const heading = normalizeSpace(sectionHeading(sec, tokens));
    // Not the name's line (a one-word name may read like a title).
    const candidates = all.slice(1).filter((l) => caps(l.text) === caps(heading));
    const alone =
      candidates.find((l) => l.text === heading) ?? candidates[0] ?? wrapped(all.slice(1), caps(heading), caps)?.[0];
    if (!alone) {
      const shared = all.slice(1).find((l) => caps(l.text).includes(caps(heading)));
      problems.push({
        page: shared?.page ?? 1,
        message: shared
          ? `the section title ${quote(heading)} shares its line with other text: ${quote(shared.text)}`
          : `the section title ${quote(heading)} is not on a line of its own`,
      });
      continue;
    }
    if (alone.text !== alone.text.toLocaleUpperCase(vm.metadata.language))
      problems.push({
        page: alone.page,
        message: `the section title ${quote(alone.text)} is not in capitals, so parsers that find headings by their capitals miss it`,
      });
    if (!wordItems(alone.items).every((it) => isBold(it.font)))
      problems.push({
        page: alone.page,
        message: `the section title ${quote(heading)} is not bold, so parsers that find headings by weight miss it`,
      });
  }

  // An entry's dates on its first line in reading order.
  const firstValues = new Map<unknown, Expected>();
  for (const x of readingOrder(vm, tokens)) if (!firstValues.has(x.block)) firstValues.set(x.block, x);
  for (const sec of [...side, ...main] as Section[]) {
    if (sec.kind !== "entries") continue;
    for (const e of sec.entries) {
      if (!e.date) continue;
      const firstValue = firstValues.get(e);
      if (!firstValue) continue;
      // The line that holds the start of the entry's first value (as much of it as is on one line).
      const text = squeeze(firstValue.text);
      const lines =
        [24, 12, 6]
          .map((n) => all.filter((l) => squeeze(l.text).includes(text.slice(0, n))))
          .find((found) => found.length) ?? [];
      // The dates begin there (a long range may wrap in its place, beside the title).
      const dates = squeeze(e.date).slice(0, 8);
      if (lines.length && !lines.some((l) => squeeze(l.text).includes(dates))) {
        problems.push({
          page: lines[0]!.page,
          message: `the dates ${quote(e.date)} of ${quote(e.title ?? firstValue.text)} are not on the entry's first line, where parsers look for them`,
        });
      }
    }
  }

  // Footers: alone, and the last line of their page.
  const footer = footerPattern(vm.name);
  const unanchored = new RegExp(footer.source.replace(/^\^|\$$/g, ""));
  for (const lines of pages) {
    const at = lines.findIndex((l) => unanchored.test(l.text));
    if (at < 0) continue;
    const line = lines[at]!;
    if (!footer.test(line.text))
      problems.push({
        page: line.page,
        message: `the page footer shares its line with other text: ${quote(line.text)}`,
      });
    else if (at !== lines.length - 1)
      problems.push({
        page: line.page,
        message: `text is printed below the page footer (${quote(lines[at + 1]!.text)}), so a parser joins the footer to the page's content`,
      });
  }
  return problems.sort((a, b) => a.page - b.page);
}

/** `f` with its results kept by argument (within one check). */
function remembered(f: (s: string) => string): (s: string) => string {
  const kept = new Map<string, string>();
  return (s) => {
    let r = kept.get(s);
    if (r === undefined) kept.set(s, (r = f(s)));
    return r;
  };
}
