/**
 * Rough heights from character counts, for the decisions taken before anything is measured: a
 * document far too long to lay out is refused (estimatePages), and a layout chooses what a column
 * holds (render/layouts/sidebar.ts: its side column holds its sections as far as they fit beside
 * the main column on page 1). The page breaks themselves are planned from measured heights
 * (render/flow/). Overestimating is the safe side.
 */
import { PAPER_SIZES } from "../../common/ids.js";
import type { Entry, Section, ViewModel } from "../../model/normalize.js";
import type { ThemeTokens } from "./tokens.js";

/** Average advance of a character, as a fraction of the font size (generous for body text). */
const AVG_CHAR_EM = 0.52;

export function estimateLines(text: string, fontSize: number, width: number): number {
  const perLine = Math.max(1, Math.floor(width / (fontSize * AVG_CHAR_EM)));
  return text.split("\n").reduce((n, para) => n + Math.max(1, Math.ceil(para.length / perLine)), 0);
}

export function pageBox(k: ThemeTokens, paper: "a4" | "letter"): { width: number; height: number } {
  const { width: w, height: h } = PAPER_SIZES[paper];
  return { width: w - k.margin.left - k.margin.right, height: h - k.margin.top - k.margin.bottom };
}

export function estimateEntryHeight(e: Entry, k: ThemeTokens, width: number): number {
  const line = k.size.body * k.leading;
  const textWidth = e.badge ? width - k.badge - 8 : width;
  let lines = 0;
  if (e.title || e.date) lines += 1;
  if (e.subtitle || e.location) lines += 1;
  if (e.note) lines += estimateLines(e.note, k.size.body, textWidth);
  if (e.summary) lines += estimateLines(e.summary, k.size.body, textWidth);
  for (const b of e.bullets) lines += estimateLines(b, k.size.body, textWidth - 10);
  for (const d of e.details) lines += estimateLines(`${d.label}: ${d.value}`, k.size.body, textWidth);
  const gaps = (e.bullets.length + e.details.length + 2) * k.space.line;
  return Math.max(lines * line + gaps, e.badge ? k.badge : 0) + k.space.entry;
}

/** Height of a text or rows section's content (entries sections are measured entry by entry). */
export function estimateSectionHeight(sec: Section, k: ThemeTokens, width: number): number {
  const line = k.size.body * k.leading;
  const lines = (texts: string[], indent = 0) =>
    texts.reduce((n, t) => n + estimateLines(t, k.size.body, width - indent), 0);
  switch (sec.kind) {
    case "text":
      return (
        lines(sec.paragraph ? [sec.paragraph] : []) * line +
        lines(sec.bullets, 10) * line +
        sec.bullets.length * k.space.line
      );
    case "rows":
      return lines(sec.rows.map((r) => `${r.label}: ${r.value}`)) * line + sec.rows.length * (k.space.line + 0.5);
    case "entries":
      return 0;
  }
}

/** Height of the page header above the columns: name, label and photo. */
export function estimateHeaderHeight(vm: Pick<ViewModel, "label" | "photo">, k: ThemeTokens): number {
  const text = k.size.name * 1.25 + (vm.label ? k.size.label * 1.4 : 0);
  return Math.max(text, vm.photo ? k.photo : 0) + k.space.header;
}

/** Rough height of `sections` set one under the other in a column `width` wide, titles included. */
export function estimateSectionsHeight(sections: readonly Section[], k: ThemeTokens, width: number): number {
  const section = (sec: Section) =>
    k.size.section * 2 +
    k.space.section +
    (sec.kind === "entries"
      ? sec.entries.reduce((h, e) => h + estimateEntryHeight(e, k, width), 0)
      : estimateSectionHeight(sec, k, width));
  return sections.reduce((h, sec) => h + section(sec), 0);
}

/** Roughly how many pages `vm` needs in one column: enough to refuse a document far too long to lay out. */
export function estimatePages(vm: ViewModel, k: ThemeTokens): number {
  const box = pageBox(k, vm.paper);
  const height = estimateHeaderHeight(vm, k) + estimateSectionsHeight(vm.sections, k, box.width);
  return Math.ceil(height / box.height);
}
