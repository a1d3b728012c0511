/**
 * ATS proof: every text value of the résumé must be found in the text read back from the PDF,
 * in the order the theme lays it out. Also tells on which page each section starts.
 */
import type { PageLayout, PageLines } from "../pdf/reader.js";
import type { ViewModel } from "../model/normalize.js";
import { footerPattern, readingOrder, sectionHeading, type Expected } from "../render/themes/reading.js";
import type { ThemeTokens } from "../render/themes/tokens.js";

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;

/** Spaces of every kind become one space. */
export function normalizeSpace(s: string): string {
  return s.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/**
 * All pages as one string. A line break is a space, except where the theme broke a line without
 * one: after a slash or hyphen inside a long URL or id, and between CJK characters.
 */
export function joinLines(pages: PageLines[], vm: Pick<ViewModel, "name">): string {
  return joinPages(pages, vm).text;
}

/** Where a line of the joined text starts, and where it is printed. */
interface LineStart {
  at: number;
  page: number;
  y: number;
}

/** All pages as one string (as joinLines), and where in it each line starts (`ys`: the lines' baselines). */
function joinPages(
  pages: PageLines[],
  vm: Pick<ViewModel, "name">,
  ys?: number[][],
): { text: string; starts: LineStart[] } {
  const footer = footerPattern(vm.name);
  const starts: LineStart[] = [];
  let out = "";
  for (const [p, page] of pages.entries()) {
    for (const [l, raw] of page.entries()) {
      const line = normalizeSpace(raw);
      if (!line || footer.test(line)) continue;
      if (out) {
        const prev = out.at(-1)!;
        const brokenToken = prev === "/" || (prev === "-" && /\S-$/.test(out));
        const glue = brokenToken || CJK.test(prev) || CJK.test(line[0]!) ? "" : " ";
        out += glue;
      }
      starts.push({ at: out.length, page: p + 1, y: ys?.[p]?.[l] ?? 0 });
      out += line;
    }
  }
  return { text: out, starts };
}

export interface ReadbackFailure {
  expected: Expected;
  /** Present elsewhere in the text (so out of order), or not at all. */
  foundElsewhere: boolean;
}

/**
 * The first value that cannot be read back in order, or undefined when all can. Spacing is not
 * compared: readers disagree on it (a kerned "fI" extracts as "f I"), while a lost, replaced or
 * reordered character — what an ATS would actually get wrong — is caught.
 */
export function checkReadback(vm: ViewModel, tokens: ThemeTokens, pages: PageLines[]): ReadbackFailure | undefined {
  return checkSequence(readingOrder(vm, tokens), vm, pages);
}

/** The first of `sequence` that cannot be read back from `pages` in order (checkReadback for any document). */
export function checkSequence(
  sequence: Expected[],
  vm: Pick<ViewModel, "name">,
  pages: PageLines[],
): ReadbackFailure | undefined {
  const text = squeeze(joinLines(pages, vm));
  let cursor = 0;
  for (const expected of sequence) {
    const want = squeeze(expected.text);
    const at = text.indexOf(want, cursor);
    if (at < 0) return { expected, foundElsewhere: text.includes(want) };
    cursor = at + want.length;
  }
  return undefined;
}

/** A text in a message: in quotes, cut at 60 characters. */
export const quoted = (s: string) => `“${s.length > 60 ? `${s.slice(0, 57)}…` : s.trim()}”`;

/** Spaces and invisible code points (variation selectors, joiners) go: readers disagree on them. */
export const squeeze = (s: string) => s.normalize("NFC").replace(/[\s\p{Default_Ignorable_Code_Point}]+/gu, "");

/** For each section (by title), the 1-based page its title is printed on. */
export function sectionPages(vm: ViewModel, tokens: ThemeTokens, pages: PageLines[]): Map<string, number> {
  const found = new Map<string, number>();
  let from = 0;
  for (const sec of vm.sections) {
    const heading = normalizeSpace(sectionHeading(sec, tokens));
    for (let p = from; p < pages.length; p++) {
      if (pages[p]!.some((line) => normalizeSpace(line) === heading)) {
        found.set(sec.title, p + 1);
        from = p;
        break;
      }
    }
  }
  return found;
}

/** The first section that runs onto page `page` (1-based): the section that did not fit before it. */
export function sectionOnPage(
  vm: ViewModel,
  tokens: ThemeTokens,
  pages: PageLines[],
  page: number,
): string | undefined {
  const starts = sectionPages(vm, tokens, pages);
  const footer = footerPattern(vm.name);
  const firstLine = normalizeSpace((pages[page - 1] ?? []).find((l) => !footer.test(normalizeSpace(l))) ?? "");
  let running: string | undefined;
  for (const sec of vm.sections) {
    const p = starts.get(sec.title);
    if (p === undefined) continue;
    if (p === page && firstLine === normalizeSpace(sectionHeading(sec, tokens))) return sec.title;
    if (p < page) running = sec.title;
  }
  return running;
}

/**
 * Where each value of the reading order is printed: its 1-based page (0 when it cannot be read
 * back) and the baseline of its first line, found as the read-back check finds them: in order,
 * spaces aside.
 */
export function valuePlaces(
  vm: ViewModel,
  tokens: ThemeTokens,
  layout: PageLayout[],
): { expected: Expected; page: number; y: number }[] {
  const pages = layout.map((p) => p.lines.map((l) => l.text));
  const { text: joined, starts } = joinPages(
    pages,
    vm,
    layout.map((p) => p.lines.map((l) => l.y)),
  );
  // Squeezed line by line, so that each kept character's line is known.
  let text = "";
  const ends: number[] = [];
  starts.forEach((start, i) => {
    text += squeeze(joined.slice(start.at, starts[i + 1]?.at ?? joined.length));
    ends.push(text.length);
  });
  const lineAt = (offset: number) => starts[ends.findIndex((end) => offset < end)];
  let cursor = 0;
  return readingOrder(vm, tokens).map((expected) => {
    const want = squeeze(expected.text);
    const at = text.indexOf(want, cursor);
    const line = at < 0 ? undefined : lineAt(at);
    if (!line) return { expected, page: 0, y: 0 };
    cursor = at + want.length;
    return { expected, page: line.page, y: line.y };
  });
}
