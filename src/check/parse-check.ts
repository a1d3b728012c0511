/**
 * A page in columns read as a one-column page is: what a parser (parser.ts) reads from it is
 * compared with what it reads from the same résumé laid out in one column, which single-column
 * themes are held to (the layout's `readsLike`). The build fails on any field read worse, with
 * the reason: the name, the email, phone, location, links and headline, each section title (and
 * no other line taken for one), each section's entries and their dates; and the rows of a rows
 * section (skill groups) are never read as fewer entries than the one-column page reads.
 */
import type { ViewModel } from "../model/normalize.js";
import { sectionHeading } from "../render/themes/reading.js";
import type { ThemeTokens } from "../render/themes/tokens.js";
import type { AtsResult, AtsSection } from "./parser.js";
import { normalizeSpace, quoted as quote, squeeze } from "./verify.js";

export interface ParseProblem {
  page: number;
  message: string;
  /**
   * A warning, not a refusal: skill groups read as fewer entries. The groups' words are all read,
   * only where one group ends; the build says so.
   */
  warning?: { section: string };
}

/**
 * What a parser reads from the PDF (`read`) where it reads less from it than from the same résumé
 * laid out in one column (`reference`): the header's fields, the section titles, each section's
 * entries and their dates; and rows (skill groups) read as fewer entries than one column reads.
 */
export function compareParses(
  vm: ViewModel,
  tokens: ThemeTokens,
  read: AtsResult,
  reference: AtsResult,
): ParseProblem[] {
  const problems: ParseProblem[] = [];
  const say = (message: string) => problems.push({ page: 1, message });
  const same = (a: string | undefined, b: string | undefined) => squeeze(a ?? "") === squeeze(b ?? "");
  const shown = (s: string | undefined) => (s ? quote(s) : "nothing");

  if (!same(read.name, reference.name))
    say(`a parser reads the name as ${shown(read.name)}, where a one-column page gives ${shown(reference.name)}`);
  for (const field of ["email", "phone", "location"] as const)
    if (!same(read[field], reference[field]))
      say(
        `a parser reads the ${field} as ${shown(read[field])}, where a one-column page gives ${shown(reference[field])}`,
      );
  const links = new Set(read.links.map(squeeze));
  for (const link of reference.links)
    if (!links.has(squeeze(link))) say(`a parser does not read the link ${quote(link)} whole`);
  const headline = new Set(reference.headline.map(squeeze));
  for (const line of read.headline)
    if (!headline.has(squeeze(line))) say(`a parser takes ${quote(line)} for part of the headline`);

  const byTitle = (r: AtsResult) => {
    const m = new Map<string, AtsSection>();
    for (const s of r.sections) if (!m.has(normalizeSpace(s.title))) m.set(normalizeSpace(s.title), s);
    return m;
  };
  const headings = new Set(vm.sections.map((s) => normalizeSpace(sectionHeading(s, tokens))));
  const ours = byTitle(read);
  const theirs = byTitle(reference);
  for (const title of ours.keys()) if (!theirs.has(title)) say(`a parser takes ${quote(title)} for a section title`);
  // Rows are held to the résumé below: a one-column page may read them worse.
  const rows = new Set(
    vm.sections.filter((s) => s.kind === "rows").map((s) => normalizeSpace(sectionHeading(s, tokens))),
  );
  for (const [title, ref] of theirs) {
    const sec = ours.get(title);
    // (A line a one-column page takes for a title is no title to find.)
    if (!sec && !headings.has(title)) continue;
    if (!sec) {
      say(`a parser does not find the section title ${quote(title)}`);
      continue;
    }
    if (rows.has(title)) continue;
    if (sec.entries.length !== ref.entries.length && ref.entries.length) {
      say(
        `a parser reads ${count(sec.entries.length, "entry", "entries")} in ${quote(title)}, where a one-column page gives ${ref.entries.length}`,
      );
      continue;
    }
    // Dates by position, where a one-column page reads each entry.
    const entries = vm.sections.find((s) => normalizeSpace(sectionHeading(s, tokens)) === title);
    if (entries?.kind !== "entries" || entries.entries.length !== ref.entries.length) continue;
    const lost = ref.entries.findIndex((e, i) => e.dates && !same(e.dates, sec.entries[i]?.dates));
    if (lost >= 0)
      say(
        `a parser reads the dates ${quote(ref.entries[lost]!.dates!)} of ${quote(ref.entries[lost]!.organisation ?? title)} as ${shown(sec.entries[lost]?.dates)}`,
      );
  }

  // Rows (skill groups) are not read as fewer entries than the one-column page reads them (never
  // fewer than there are rows, where it reads each).
  for (const s of vm.sections) {
    if (s.kind !== "rows" || s.inline) continue;
    const heading = normalizeSpace(sectionHeading(s, tokens));
    const sec = ours.get(heading);
    const ref = theirs.get(heading);
    const floor = Math.min(s.rows.length, ref ? ref.entries.length : s.rows.length);
    if (sec && sec.entries.length && sec.entries.length < floor)
      problems.push({
        page: 1,
        message: `a parser reads the ${s.rows.length} rows of ${quote(heading)} as ${count(sec.entries.length, "entry", "entries")}`,
        warning: { section: s.id },
      });
  }
  return problems;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
