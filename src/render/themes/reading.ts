/**
 * The text a theme prints, in the order it prints it. The components build their composed
 * strings with these helpers, and the read-back check expects exactly this sequence.
 */
import { plainText } from "../../model/markup.js";
import type { Entry, Section, ViewModel } from "../../model/normalize.js";
import { estimateHeaderHeight, estimateLines, estimateSideHeight, pageBox, sideMetrics } from "./measure.js";
import type { ThemeTokens } from "./tokens.js";

/**
 * Separators are made of no-break spaces: react-pdf only treats a single space as a plain break
 * opportunity, and inserts a hyphen when it breaks at a run of two.
 */
const GAP = "\u00A0\u00A0";
export const CONTACT_SEPARATOR = `${GAP}|${GAP}`;

export const rowLabel = (label: string, value: string) => (label && value ? `${label}: ` : label);
export const inlineRows = (rows: { label: string; value: string }[]) =>
  rows
    .map((r) => (r.label && r.value ? `${r.label} (${r.value})` : r.label || r.value))
    .filter(Boolean)
    .join("\u00A0\u00B7 ");
export const footerText = (name: string, page: number, total: number) => `${name}${GAP}\u2014${GAP}${page} / ${total}`;
/** Matches a footer line as read back (spaces collapsed). */
export const footerPattern = (name: string) =>
  new RegExp(
    `^${name
      .replace(/\s+/g, " ")
      .trim()
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \u2014 \\d+ / \\d+$`,
  );

export interface Expected {
  /** Section title, or undefined for the header. */
  section?: string;
  text: string;
  /** The section or entry the text belongs to (an entry's values name the entry). */
  block?: Section | Entry;
}

export function sectionHeading(sec: Section, k: ThemeTokens): string {
  return k.sectionTitle.uppercase ? sec.caps : sec.title;
}

/**
 * Which sections go in the sidebar column and which in the main one. The sidebar is drawn first,
 * on the left, so that every reader meets it right after the contacts. It holds its sections
 * only as far as they fit beside the main column on the first page: a sidebar running onto a
 * second page would be read in pieces between the main column's pages, so the sections after
 * that point are printed in the main column instead, in their order.
 */
export function layoutSections(vm: ViewModel, k: ThemeTokens): { side: Section[]; main: Section[] } {
  if (k.layout.kind !== "sidebar") return { side: [], main: vm.sections };
  const box = pageBox(k, vm.paper);
  const width = box.width * k.layout.width - k.layout.gap / 2;
  const { step } = sideMetrics(k);
  // Room on page 1, with a margin for the estimate's error.
  let room =
    box.height * 0.92 -
    estimateHeaderHeight(vm, k) -
    vm.contacts.reduce((n, c) => n + estimateLines(c.text, sideMetrics(k).size, width), 0) * step;
  const inSide = new Set(k.layout.sections);
  const side: Section[] = [];
  for (const sec of vm.sections) {
    if (!inSide.has(sec.id)) continue;
    room -= estimateSideHeight(sec, k, width);
    if (room < 0) break;
    side.push(sec);
  }
  return { side, main: vm.sections.filter((s) => !side.includes(s)) };
}

/**
 * Every text value of the view model, in reading order. `oneColumn`: as a one-column document
 * (the Word file) reads it, the sidebar's sections first, each entry's title before its dates.
 */
export function readingOrder(vm: ViewModel, k: ThemeTokens, opts: { oneColumn?: boolean } = {}): Expected[] {
  const out: Expected[] = [];
  // Only paragraphs and bullets are set from inline markup; every other value prints as it is
  // (an address such as `a.dev/*/x` keeps its asterisks).
  const push = (value: string | undefined, section?: string, block?: Section | Entry, markup = false) => {
    const text = value === undefined ? undefined : markup ? plainText(value) : value;
    if (text && text.trim()) out.push({ section, text, block });
  };
  push(vm.name);
  push(vm.label);
  for (const c of vm.contacts) push(c.text);
  const { side, main } = layoutSections(vm, k);
  for (const sec of [...side, ...main]) {
    const at = sec.title;
    push(sectionHeading(sec, k), at, sec);
    switch (sec.kind) {
      case "text":
        push(sec.paragraph, at, sec, true);
        for (const b of sec.bullets) push(b, at, sec, true);
        break;
      case "rows":
        if (sec.inline) push(inlineRows(sec.rows), at, sec);
        else for (const r of sec.rows) push(rowLabel(r.label, r.value) + r.value, at, sec);
        break;
      case "entries":
        for (const e of sec.entries) {
          // The sidebar column stacks an entry's heading, dates first (components.tsx).
          const heading = side.includes(sec) && !opts.oneColumn ? [e.date, e.title] : [e.title, e.date];
          for (const text of [...heading, e.subtitle, e.location, e.note]) push(text, at, e);
          push(e.summary, at, e, true);
          for (const b of e.bullets) push(b, at, e, true);
          for (const d of e.details) push(`${d.label}: ${d.value}`, at, e);
        }
        break;
    }
  }
  return out;
}
