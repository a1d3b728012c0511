/**
 * ATS proof: every text value of the résumé must be found in the text read back from the PDF,
 * in the order the theme lays it out. Also tells on which page each section starts.
 */
import type { PageLines } from "./pdftext.js";
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
export function joinLines(pages: PageLines[], vm: ViewModel): string {
  return joinPages(pages, vm).text;
}

/** All pages as one string (as joinLines), and where in it each page starts. */
function joinPages(pages: PageLines[], vm: ViewModel): { text: string; starts: number[] } {
  const footer = footerPattern(vm.name);
  const starts: number[] = [];
  let out = "";
  for (const page of pages) {
    starts.push(out.length);
    for (const raw of page) {
      const line = normalizeSpace(raw);
      if (!line || footer.test(line)) continue;
      if (out) {
        const prev = out.at(-1)!;
        const brokenToken = prev === "/" || (prev === "-" && /\S-$/.test(out));
        const glue = brokenToken || CJK.test(prev) || CJK.test(line[0]!) ? "" : " ";
        out += glue;
      }
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
  const text = squeeze(joinLines(pages, vm));
  let cursor = 0;
  for (const expected of readingOrder(vm, tokens)) {
    const want = squeeze(expected.text);
    const at = text.indexOf(want, cursor);
    if (at < 0) return { expected, foundElsewhere: text.includes(want) };
    cursor = at + want.length;
  }
  return undefined;
}

/** Spaces and invisible code points (variation selectors, joiners) go: readers disagree on them. */
const squeeze = (s: string) => s.normalize("NFC").replace(/[\s\p{Default_Ignorable_Code_Point}]+/gu, "");

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
export function sectionOnPage(vm: ViewModel, tokens: ThemeTokens, pages: PageLines[], page: number): string | undefined {
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
 * The 1-based page each value of the reading order is printed on (0 when it cannot be read
 * back), found as the read-back check finds them: in order, spaces aside.
 */
export function valuePages(vm: ViewModel, tokens: ThemeTokens, pages: PageLines[]): { expected: Expected; page: number }[] {
  const { text: joined, starts } = joinPages(pages, vm);
  // Squeezed page by page, so that each kept character's page is known.
  let text = "";
  const ends: number[] = [];
  starts.forEach((start, i) => {
    text += squeeze(joined.slice(start, starts[i + 1] ?? joined.length));
    ends.push(text.length);
  });
  const pageAt = (offset: number) => ends.findIndex((end) => offset < end) + 1;
  let cursor = 0;
  return readingOrder(vm, tokens).map((expected) => {
    const want = squeeze(expected.text);
    const at = text.indexOf(want, cursor);
    if (at < 0) return { expected, page: 0 };
    cursor = at + want.length;
    return { expected, page: pageAt(at) };
  });
}
