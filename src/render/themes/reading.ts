/**
 * The text a theme prints, in the order it prints it: the primitives compose their strings with
 * the helpers of text.ts, the layout orders the sections, and the read-back check expects exactly
 * this sequence.
 */
import { plainText } from "../../model/markup.js";
import type { Entry, Section, ViewModel } from "../../model/normalize.js";
import { layoutOf } from "./index.js";
import { inlineRows, rowLabel } from "./text.js";
import type { ThemeTokens } from "./tokens.js";

export { CONTACT_SEPARATOR, footerPattern, footerText, inlineRows, rowLabel } from "./text.js";

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
 * Which sections go in the side column and which in the main one, as the theme's layout sets them
 * (render/layouts/): the side column's are read first.
 */
export function layoutSections(vm: ViewModel, k: ThemeTokens): { side: Section[]; main: Section[] } {
  return layoutOf(k).sections(vm, k);
}

/**
 * Every text value of the view model, in reading order. `oneColumn`: as a one-column document
 * (the Word file) reads it, the side column's sections first, each entry's title before its dates.
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
          // The side column stacks an entry's heading, dates first (its `stacked` style sheet); a
          // dates column sets them before the title, on its line (but beside a badge, or an address
          // in the dates' place, after it).
          const datesFirst =
            !opts.oneColumn && (side.includes(sec) || (k.entry.dates === "column" && !e.badge && !e.dateHref));
          const heading = datesFirst ? [e.date, e.title] : [e.title, e.date];
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
