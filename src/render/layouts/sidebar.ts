/**
 * Two columns under a header that runs across the page: the header is a one-column page's (the
 * name, the label, the contacts in a row under them), so that a parser reads it as it reads any
 * other theme's; then a narrow side column (the theme's `sidebar.sections`, by default skills,
 * languages, certificates and interests, as far as they fit beside the main column on page 1) and
 * the main column with the other sections. The side column stands on the left, or on the right
 * (`sidebar.side`; only beside a main column that ends on page 1, see `sections`). On the pages
 * after the side column's last, the main column takes the whole width of the text area; with
 * nothing for the side column, the page is one column. A
 * right-to-left document has them in a mirror, the side column on the right
 * (render/themes/mirror.ts): what is said here of left and right is said of the left-to-right page.
 *
 * Both columns stand on one baseline grid (`gridMetrics`): every line is one body line high and
 * every gap a whole line, so each column's baselines fall on the grid's steps — and the side
 * column's, shifted by half a line, fall midway between the main column's. A parser that groups
 * the page's text into lines by baseline, across its whole width, then never joins a side-column
 * line to a main-column line (`parseRules` holds the PDF to it). Where the grid's looser spacing
 * costs a page its fill, the main-column blocks below the side column's end are set in the theme's
 * own, tighter spacing (`repaginate`). What a parser reads from the pages is held to what it reads
 * from the same résumé in one column (`readsLike`, check/parse-check.ts): bold lines one under the
 * other read as one title, so rows keep a bold label only beside their value, and the side
 * column's entries stand a line apart.
 */
import type { Entry, Section, ViewModel } from "../../model/normalize.js";
import { LAST_PAGE_MIN, MIN_FILL, type Plan, type SizedColumn } from "../flow/plan.js";
import type { ColumnFlow, ColumnGeometry } from "../flow/types.js";
import { estimateHeaderHeight, estimateLines, estimateSectionsHeight, pageBox } from "../themes/measure.js";
import type { FontStack } from "../themes/stack.js";
import { makeStyles, type Styles } from "../themes/styles.js";
import { rowLabel } from "../themes/text.js";
import type { ThemeTokens } from "../themes/tokens.js";
import type { Layout, ParseRuleProblem } from "./layout.js";

/** The side column's share of the text area's width, and the gap between the columns (points). */
const WIDTH = 0.3;
const GAP = 18;

const round = (v: number) => Math.round(v * 100) / 100;

/** The spacing a right-hand column's estimate assumes, whatever the tokens' (see `sections`). */
const ESTIMATE_SPACE: ThemeTokens["space"] = { header: 12, section: 10, title: 4, entry: 6, line: 1.5 };

/**
 * Where the columns are on the page (PDF units from the left edge of the left-to-right page): each
 * column's edges and the middle of the gap between them. The side column stands on the side the
 * theme gives it (`sidebar.side`).
 */
export function columnEdges(
  k: ThemeTokens,
  paper: ViewModel["paper"],
): { sideLeft: number; sideRight: number; mainLeft: number; mainRight: number; gutter: number } {
  const box = pageBox(k, paper);
  const half = GAP / 2;
  const sideWidth = box.width * WIDTH - half;
  const mainWidth = box.width - box.width * WIDTH - half;
  // The columns from the left: the main one first when the side column stands on the right.
  const right = k.sidebar.side === "right";
  const [first, second] = right ? [mainWidth, sideWidth] : [sideWidth, mainWidth];
  const gutter = k.margin.left + first + half;
  const a = { left: k.margin.left, right: k.margin.left + first };
  const b = { left: gutter + half, right: gutter + half + second };
  const [side, main] = right ? [b, a] : [a, b];
  return { sideLeft: side.left, sideRight: side.right, mainLeft: main.left, mainRight: main.right, gutter };
}

/**
 * The baseline grid: one line of body text (`pitch`), which every line and gap is, and the half
 * line the side column stands lower than the main column.
 */
export function gridMetrics(k: ThemeTokens): { pitch: number; half: number } {
  const pitch = Math.round(k.size.body * k.leading * 100) / 100;
  return { pitch, half: pitch / 2 };
}

/** The side column's type size, and its line and step (both one grid pitch). */
function sideMetrics(k: ThemeTokens): { size: number; line: number; step: number } {
  const { pitch } = gridMetrics(k);
  return { size: k.size.small + 1, line: pitch, step: pitch };
}

/**
 * Rough height of a section set in the side column, for choosing what it holds before anything is
 * measured: its title, then blocks (a row; an entry's title, date, role… stacked one under the
 * other), each a step from the last, its wrapped lines a line.
 */
function estimateSideHeight(sec: Section, k: ThemeTokens, width: number): number {
  const { size, line, step } = sideMetrics(k);
  const block = (t: string | undefined, w = width) => (t ? step + (estimateLines(t, size, w) - 1) * line : 0);
  let height = step; // the title
  if (sec.kind === "rows") {
    height += sec.inline
      ? block(sec.rows.map((r) => `${r.label} (${r.value})`).join(" · "))
      : sec.rows.reduce((a, r) => a + block(`${r.label}: ${r.value}`), 0);
  } else if (sec.kind === "text") {
    height += block(sec.paragraph) + sec.bullets.reduce((a, b) => a + block(b), 0);
  } else {
    for (const e of sec.entries) {
      const w = e.badge ? width - k.badge - 8 : width;
      const parts = [
        e.title,
        e.date,
        e.subtitle,
        e.location,
        e.note,
        e.summary,
        ...e.bullets,
        ...e.details.map((d) => `${d.label}: ${d.value}`),
      ];
      height +=
        step +
        Math.max(
          parts.reduce((a, t) => a + block(t, w), 0),
          e.badge ? k.badge : 0,
        );
    }
  }
  return height;
}

/** Letters about as wide as they are high (CJK). */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;

/**
 * Whether a row's bold label and its colon are sure to fit on one line of the side column
 * (generously estimated: a bold letter at 0.6 of its size, a CJK one at its whole size).
 */
function labelFits(label: string, k: ThemeTokens, width: number): boolean {
  const { size } = sideMetrics(k);
  const em = [...`${label}: `].reduce((w, c) => w + (WIDE.test(c) ? 1 : 0.6), 0);
  return em * size <= width;
}

/**
 * A rows section as the sidebar layout sets it (in either column). A parser takes a bold line that stands alone for a
 * title, and bold lines one under the other for one title that wrapped: a row's label is bold
 * only where it shares its first line with its value after the colon ("Backend: Go, Rust"). A
 * label with no value (a skill named alone), or one too long for that, is set in the text's
 * weight, its text unchanged.
 */
const rowsAsSet = new WeakMap<Section, Map<number, Section>>();
function sideRows(sec: Section, k: ThemeTokens, width: number): Section {
  if (sec.kind !== "rows" || sec.inline) return sec;
  // The same section object on every pass (the pagination hook knows blocks by identity).
  const byWidth = rowsAsSet.get(sec) ?? new Map<number, Section>();
  rowsAsSet.set(sec, byWidth);
  const known = byWidth.get(width);
  if (known) return known;
  const rows = sec.rows.map((r) =>
    !r.label || (r.value && labelFits(r.label, k, width))
      ? r
      : { label: "", value: r.value ? `${rowLabel(r.label, r.value)}${r.value}` : r.label },
  );
  const set = { ...sec, rows };
  byWidth.set(width, set);
  return set;
}

/** Styles with every line one grid pitch high and every gap a whole pitch (both columns). */
function onGrid(s: Styles, k: ThemeTokens): Styles {
  const { pitch } = gridMetrics(k);
  const lh = { lineHeight: `${pitch}pt` };
  const rule = k.sectionTitle.decoration === "rule" ? k.sectionTitle.weight : 0;
  return {
    ...s,
    text: { ...s.text, ...lh },
    section: { marginTop: pitch },
    sectionTitle: { ...s.sectionTitle, ...lh, paddingBottom: 1.5, marginBottom: round(pitch - 1.5 - rule) },
    note: { ...s.note, ...lh },
    address: { ...s.address, ...lh },
    paragraph: { ...s.paragraph, ...lh, marginTop: 0 },
    bullets: { marginTop: 0 },
    bullet: { ...s.bullet, marginBottom: 0 },
    bulletMark: { ...s.bulletMark, ...lh },
    bulletText: { ...s.bulletText, ...lh },
    detail: { ...s.detail, ...lh, marginTop: 0 },
    row: { ...s.row, ...lh, marginBottom: 0 },
  };
}

/** The main column: the theme's styles on the grid. */
function gridMainStyles(k: ThemeTokens, fonts: FontStack): Styles {
  // Its dates beside the titles: a dates column's cells are not on the grid.
  const s = makeStyles({ ...k, entry: { ...k.entry, dates: "right" } }, fonts);
  const { pitch } = gridMetrics(k);
  const lh = { lineHeight: `${pitch}pt` };
  return {
    ...onGrid(s, k),
    entry: { marginBottom: pitch },
    entryWithBadge: { ...s.entryWithBadge, marginBottom: pitch },
    badgeBox: { ...s.badgeBox, height: Math.ceil(k.badge / pitch) * pitch },
    title: { ...s.title, ...lh },
    date: { ...s.date, ...lh },
    subtitle: { ...s.subtitle, ...lh },
    place: { ...s.place, ...lh },
  };
}

/**
 * The side column's type: one smaller size, which its text inherits from the column, and how much
 * lower than the main column it would start: half a line, plus what sets its baselines midway
 * between the main column's body lines and its larger titles (a baseline sits its font's ascent,
 * about one size, below the top of its line). The main column starts the rest of a line lower
 * instead, which puts the baselines in the same places.
 */
function sideColumn(k: ThemeTokens): { fontSize: number; paddingTop: number } {
  const { size } = sideMetrics(k);
  const { half } = gridMetrics(k);
  return { fontSize: size, paddingTop: round(half + (k.size.body + k.size.section) / 2 - size) };
}

/**
 * The side column: the theme's styles in one smaller size, on the main column's grid, half a
 * line lower. Its steps stay under 1.5 times its size, so that poppler's text extraction
 * (pdftotext, and the ATS built on it) reads it as one block, whole, before the main column
 * (tests/render/themes.test.ts): a side column of several blocks would be read interleaved with
 * the main column, blocks that line up across the columns taken for a table and read row by row.
 */
function sideStyles(k: ThemeTokens, fonts: FontStack): Styles {
  const { size } = sideMetrics(k);
  const { pitch } = gridMetrics(k);
  // Too narrow for a dates column.
  const t: ThemeTokens = {
    ...k,
    size: { ...k.size, body: size, section: size, small: size - 0.5 },
    entry: { ...k.entry, dates: "right" },
  };
  const s = onGrid(makeStyles(t, fonts), k);
  const lh = { lineHeight: `${pitch}pt` };
  // Too narrow for a date beside a title: each on its own line, in reading order.
  const stacked = <T>(style: T) =>
    ({ ...style, ...lh, flexGrow: 0, flexBasis: "auto", maxWidth: "100%", paddingRight: 0, textAlign: "left" }) as T;
  return {
    ...s,
    // Wider letter spacing reads as word breaks (poppler splits words at gaps over 0.1 em).
    // A title with its rule one line high, its text right on top of its first line: poppler takes
    // it and what follows for one block.
    sectionTitle: {
      ...s.sectionTitle,
      ...{ lineHeight: `${round(pitch - 1.5 - (k.sectionTitle.decoration === "rule" ? k.sectionTitle.weight : 0))}pt` },
      letterSpacing: Math.min(k.sectionTitle.letterSpacing, size * 0.06),
      marginBottom: 0,
    },
    // A line between entries: bold titles one under the other read as one title that wrapped.
    entry: { marginBottom: pitch },
    entryWithBadge: { ...s.entryWithBadge, marginBottom: pitch },
    stacked: true,
    title: stacked(s.title),
    date: stacked(s.date),
    subtitle: stacked(s.subtitle),
    place: stacked(s.place),
    detail: { ...s.detail, fontSize: size },
    sideContact: { ...s.sideContact, ...lh, fontSize: size, marginBottom: 0 },
    // A badge two lines high, so that the text beside it stays on the grid.
    badgeBox: { ...s.badgeBox, width: 2 * pitch, height: 2 * pitch },
    badge: { width: 2 * pitch, height: 2 * pitch },
  };
}

/**
 * Take off the grid the main-column sections and entries that begin below the side column's last
 * line (on its page or a later one), and put back on it for good those that came up beside it;
 * whether anything changed.
 */
function regrid(main: SizedColumn, plan: Plan, offGrid: Set<Entry | Section>, onGrid: Set<Entry | Section>): boolean {
  const end = plan.sideEnd ?? { page: 0, bottom: 0 };
  let changed = false;
  for (const block of main.sections.flatMap((s) => [
    s.section,
    ...(s.section.kind === "entries" ? s.section.entries : []),
  ])) {
    const at = plan.starts.get(block);
    const below = at !== undefined && (at.page > end.page || (at.page === end.page && at.top >= end.bottom - 1));
    if (offGrid.has(block) && !below) {
      offGrid.delete(block);
      onGrid.add(block);
      changed = true;
    } else if (below && !offGrid.has(block) && !onGrid.has(block)) {
      offGrid.add(block);
      changed = true;
    }
  }
  return changed;
}

/**
 * The wide twin's atoms in the structure elements of the column's, atom for atom: a section is one
 * element whichever width each of its pieces is drawn at.
 */
function sameStructure(column: ColumnFlow, wide: ColumnFlow): void {
  const atoms = (c: ColumnFlow) => c.sections.flatMap((s) => [s.title, ...s.blocks.flatMap((b) => b.atoms)]);
  const twins = atoms(wide);
  atoms(column).forEach((a, i) => {
    const twin = twins[i]!;
    twin.tag = a.tag;
    twin.textKey = a.textKey;
    twin.bookmark = a.bookmark;
  });
}

export const sidebar: Layout = {
  id: "sidebar",
  sideColumn: true,
  /** A parser reads a sidebar page as it reads the same résumé in one column, or the build fails. */
  readsLike: "single",

  /**
   * The side column is drawn first, on the left, so that every reader meets it right after the
   * contacts. It holds its sections only as far as they fit beside the main column on the first
   * page: a side column running onto a second page would be read in pieces between the main
   * column's pages, so the sections after that point are printed in the main column instead, in
   * their order.
   */
  sections(vm, k) {
    const box = pageBox(k, vm.paper);
    const width = box.width * WIDTH - GAP / 2;
    const { step } = sideMetrics(k);
    // Room on page 1, with a margin for the estimate's error.
    // The contacts are a row under the name, as in a one-column page (a line or two).
    const contacts = vm.contacts.length
      ? estimateLines(vm.contacts.map((c) => c.text).join("  |  "), k.size.small + 0.5, box.width)
      : 0;
    let room = box.height * 0.92 - estimateHeaderHeight(vm, k) - contacts * step;
    const side: Section[] = [];
    for (const sec of vm.sections) {
      if (!k.sidebar.sections.includes(sec.id)) continue;
      room -= estimateSideHeight(sec, k, width);
      if (room < 0) break;
      side.push(sec);
    }
    const main = vm.sections.filter((s) => !side.includes(s));
    // A column on the right is read after the main column beside it: were the main column to go
    // on onto a second page, a parser would read the side column's sections in the middle of it
    // (the next page's entries under the side column's last title). So it stands only beside a
    // main column that ends on page 1, by a generous estimate; a longer résumé is one column.
    // (Estimated in a fixed spacing: a plan for advice in tighter spacing, render/flow/layout.ts
    // `replan`, must find the same columns.)
    if (k.sidebar.side === "right" && side.length) {
      const mainWidth = box.width - box.width * WIDTH - GAP / 2;
      const spaced = { ...k, space: ESTIMATE_SPACE };
      const height =
        estimateHeaderHeight(vm, spaced) + contacts * step + estimateSectionsHeight(main, spaced, mainWidth);
      if (height > box.height * 0.9) return { side: [], main: vm.sections };
    }
    return { side, main };
  },

  /**
   * The header across the page ("full"), without the contacts; the side column (the contacts one
   * per line, then its sections) and the main column on the grid, but for the blocks `adjusted`
   * set off it, in the theme's own spacing.
   */
  columns(kit) {
    const { vm, tokens, fonts, full } = kit;
    const { side, main } = this.sections(vm, tokens);
    const header = kit.header(true);
    // Nothing beside the main column: one column, margin to margin.
    if (!side.length)
      return {
        columns: [
          {
            column: "full",
            lead: [header],
            sections: main.map((sec) => kit.section(sideRows(sec, tokens, full.width), "full", () => kit.styles)),
          },
        ],
        geometry: { full, side: full, main: full },
      };
    const box = pageBox(tokens, vm.paper);
    const ss = sideStyles(tokens, fonts);
    const grid = gridMainStyles(tokens, fonts);
    const column = sideColumn(tokens);
    const edges = columnEdges(tokens, vm.paper);
    const sideGeometry: ColumnGeometry = {
      width: box.width * WIDTH - GAP / 2,
      left: edges.sideLeft,
      inherit: { ...full.inherit, fontSize: column.fontSize },
      offset: 0,
    };
    const mainGeometry: ColumnGeometry = {
      width: box.width - box.width * WIDTH - GAP / 2,
      left: edges.mainLeft,
      inherit: full.inherit,
      // The side column stands a little higher, its baselines midway between the main column's, so
      // that a reader who takes the page's text in blocks from the top (poppler) meets it first.
      offset: round(gridMetrics(tokens).pitch - column.paddingTop),
    };
    const styleOf = (block: Entry | Section) => (kit.adjusted.has(block) ? kit.styles : grid);
    const sections = main.map((sec) => sideRows(sec, tokens, mainGeometry.width));
    const mainFlow: ColumnFlow = {
      column: "main",
      lead: [],
      sections: sections.map((sec) => kit.section(sec, "main", styleOf)),
      // On the pages after the side column's, the main column takes the width of the text area, in
      // the theme's own spacing (there is no other column's grid to keep to).
      wide: { column: "full", lead: [], sections: sections.map((sec) => kit.section(sec, "full", () => kit.styles)) },
    };
    sameStructure(mainFlow, mainFlow.wide!);
    return {
      columns: [
        { column: "full", lead: [header], sections: [] },
        {
          column: "side",
          lead: [],
          sections: side.map((sec) => kit.section(sideRows(sec, tokens, sideGeometry.width), "side", () => ss)),
        },
        mainFlow,
      ],
      geometry: { full, side: sideGeometry, main: mainGeometry },
    };
  },

  /**
   * Off the grid only where its looser spacing costs a page its fill, or leaves a nearly empty
   * last page; then on every pass, so that what went off the grid never ends up beside the side
   * column.
   */
  repaginate() {
    const onGridForGood = new Set<Entry | Section>();
    let main: SizedColumn | undefined;
    return (laid, offGrid) => {
      main ??= laid.columns.find((c) => c.column === "main");
      // No side column (nothing the theme puts there): one column, nothing to take off the grid.
      if (!main) return false;
      const { fills } = laid;
      const tight = fills.slice(0, -1).some((f) => f < MIN_FILL) || (fills.length > 1 && fills.at(-1)! < LAST_PAGE_MIN);
      return (tight || offGrid.size > 0) && regrid(main, laid.plan, offGrid, onGridForGood);
    };
  },

  /** The two columns never share a line (below the header, which runs across the page). */
  parseRules({ vm, tokens, lines, header, text, quote, span }) {
    const problems: ParseRuleProblem[] = [];
    // A page with nothing in the side column is one column; so are the pages after the side
    // column's last (from its last section's title on), where the main column takes the width.
    const { side } = this.sections(vm, tokens);
    if (!side.length) return problems;
    const last = side.at(-1)!;
    const lastTitle = (tokens.sectionTitle.uppercase ? last.caps : last.title).replace(/\s+/gu, " ").trim();
    const lastPage = Math.max(1, ...lines.filter((l) => text(l.items) === lastTitle).map((l) => l.page));
    // From the edge lines start at: the side column's far edge and the main column's near one.
    const edges = columnEdges(tokens, vm.paper);
    const within = (x: { start: number; end: number }, left: number, right: number) =>
      x.start >= left - 1 && x.end <= right + 1;
    for (const line of lines) {
      if (header.includes(line) || line.page > lastPage) continue;
      const at = (it: (typeof line.items)[number]) => span(it, line.page);
      const side = line.items.filter((it) => within(at(it), edges.sideLeft, edges.sideRight));
      const main = line.items.filter((it) => within(at(it), edges.mainLeft, edges.mainRight));
      if (side.length + main.length < line.items.length) continue; // full width
      if (side.length && main.length) {
        problems.push({
          page: line.page,
          message: `the sidebar's ${quote(text(side))} shares a line with the main column's ${quote(text(main))}, so a parser reads them as one line`,
        });
      }
    }
    return problems;
  },
};
