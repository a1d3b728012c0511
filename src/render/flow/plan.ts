/**
 * Page breaks a typesetter would sign, planned from measured heights before anything is drawn.
 *
 * A column is filled from the top, block by block. A block (an entry, or a section's paragraph,
 * bullets or rows) is kept whole where that costs little. Where moving it whole to the next page
 * would leave the page before it under MIN_FILL, it is split instead: between bullets (the heading
 * with the first two, the last two together, a lone bullet never at a page's top), between rows,
 * or between the lines of a paragraph of four lines or more (two on each side). A block taller
 * than most of a page always splits. A section's title always travels with what follows it, and
 * the space above an atom is dropped at the top of a page.
 *
 * Pure: heights in, placements out. atoms.tsx makes the blocks, measure.ts measures them and
 * compose.ts draws the plan.
 */
import type { Atom, Block, ColumnId, SectionFlow } from "./types.js";
import type { Entry, Section } from "../../model/normalize.js";

/** Every page but the last is at least this full; a last page under LAST_PAGE_MIN is mentioned. */
export const MIN_FILL = 0.85;
export const LAST_PAGE_MIN = 0.15;
/** A block taller than this share of a page is never kept whole. */
const TALL = 0.85;
/** A paragraph this many lines long or more may break between pages, two lines on each side. */
export const MIN_SPLIT_LINES = 4;
/** Rounding slack, in points. */
const EPS = 0.01;

export interface Sized {
  atom: Atom;
  /** The entry or section it belongs to (a title: its section). */
  owner?: Entry | Section;
  /** The section it is printed in. */
  section?: Section;
  height: number;
  /** A paragraph's line heights (it may break between them). */
  lines?: number[];
  /** And their baselines, from its top. */
  baselines?: number[];
  /** Its lowest baseline, from its top (undefined: no text). */
  ink?: number;
}

export interface SizedBlock extends Omit<Block, "atoms"> {
  atoms: Sized[];
}
export interface SizedSection extends Omit<SectionFlow, "title" | "blocks"> {
  title: Sized;
  blocks: SizedBlock[];
}
export interface SizedColumn {
  column: ColumnId;
  lead: SizedBlock[];
  sections: SizedSection[];
  /** The same atoms measured across the text area, for the pages after the side column's last (ColumnFlow.wide). */
  wide?: SizedColumn;
}

/** A column's atoms in order: its lead's, then each section's title and blocks. */
export function columnAtoms(c: Pick<SizedColumn, "lead" | "sections">): Sized[] {
  return [
    ...c.lead.flatMap((b) => b.atoms),
    ...c.sections.flatMap((s) => [s.title, ...s.blocks.flatMap((b) => b.atoms)]),
  ];
}

/** An atom (or some of a paragraph's lines) at its place: `top` from the top of the page's text area. */
export interface Placed {
  item: Sized;
  column: ColumnId;
  top: number;
  height: number;
  /** Lines [from, to) of a paragraph that breaks across pages. */
  lines?: [number, number];
}

export interface Plan {
  pages: Placed[][];
  /** How full each page's text area is (0–1), from its top to its lowest line of text (its baseline). */
  fills: number[];
  /** Where each entry and section begins: its page (from 0) and top. */
  starts: Map<Entry | Section, { page: number; top: number }>;
  /** The side column's last page (from 0) and its bottom there; undefined without a side column. */
  sideEnd?: { page: number; bottom: number };
  /** Blocks split between pages though they would fit on one (for a fuller page). */
  splits: Set<Entry | Section>;
}

export interface PlanOptions {
  /** Split every block that may be split (what --fit tries before smaller type). */
  splitAll?: boolean;
}

/** A block (one that cannot be split) taller than a page. */
export class TooTall extends Error {
  constructor() {
    super(
      "a block that cannot be split is taller than a page and would be cut off; shorten the longest entry or split it",
    );
  }
}

/** Part of a unit: an atom, or a range of a paragraph's lines. */
interface Piece {
  item: Sized;
  from?: number;
  to?: number;
  /** Set at the width it started at: the rest of a paragraph that broke where its column widens. */
  keep?: boolean;
}

const pieceHeight = (p: Piece): number =>
  p.item.lines && p.from !== undefined ? sum(p.item.lines.slice(p.from, p.to)) : p.item.height;
/** A piece's lowest baseline, from its top. */
const pieceInk = (p: Piece): number | undefined =>
  p.item.baselines && p.from !== undefined
    ? p.item.baselines[(p.to ?? p.item.baselines.length) - 1]! - sum(p.item.lines!.slice(0, p.from))
    : p.item.ink;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const whole = (items: Sized[]): Piece[] => items.map((item) => ({ item }));

/**
 * Plan the pages of the columns, in order: a column named "full" (a header above two columns)
 * stands above the others on the first page; the others stand side by side below it.
 * `area` is the height of a page's text area.
 */
export function planPages(
  columns: SizedColumn[],
  area: number,
  opts: PlanOptions = {},
  offsets: Partial<Record<ColumnId, number>> = {},
): Plan {
  const splits = new Set<Entry | Section>();
  const starts = new Map<Entry | Section, { page: number; top: number }>();
  /** Each page's lowest baseline, from the top of its text area. */
  const bottoms: number[] = [];
  const pages: Placed[][] = [];
  const full = columns.length > 1 ? columns.find((c) => c.column === "full") : undefined;
  let below = 0;
  if (full) {
    const cursor = new Cursor(full.column, () => ({ top: 0, height: area }), area, bottoms, pages);
    for (const block of full.lead) cursor.placeBlock(block, undefined, opts, splits);
    below = cursor.y + cursor.trailing;
  }
  let sideEnd: Plan["sideEnd"];
  for (const column of columns) {
    if (column === full) continue;
    const offset = offsets[column.column] ?? 0;
    const frame = (page: number) =>
      page === 0 ? { top: below + offset, height: area - below - offset } : { top: 0, height: area };
    const cursor = new Cursor(column.column, frame, area, bottoms, pages, below > 0);
    if (column.wide) {
      // Across the text area on the pages after the side column's last.
      const wide = columnAtoms(column.wide);
      const twins = new Map(columnAtoms(column).map((item, i) => [item, wide[i]!]));
      cursor.widen(twins, (sideEnd?.page ?? 0) + 1);
    }
    for (const block of column.lead) cursor.placeBlock(block, undefined, opts, splits);
    for (const sec of column.sections) {
      sec.blocks.forEach((block, i) => cursor.placeBlock(block, i === 0 ? sec.title : undefined, opts, splits));
      // A section with no blocks is its title alone.
      if (!sec.blocks.length) cursor.placeUnit(whole([sec.title]), false);
    }
    if (column.column === "side") sideEnd = { page: cursor.page, bottom: frame(cursor.page).top + cursor.y };
  }
  for (let p = 0; p < pages.length; p++) pages[p] ??= [];
  const fills = pages.map((_, p) => Math.min(1, Math.max(0, (bottoms[p] ?? 0) / area)));
  // Where each entry and section begins: its first atom's place.
  pages.forEach((list, page) => {
    for (const p of list) if (p.item.owner && !starts.has(p.item.owner)) starts.set(p.item.owner, { page, top: p.top });
  });
  return { pages, fills, starts, sideEnd, splits };
}

/** Filling one column, page by page. */
class Cursor {
  page = 0;
  /** Bottom of the last atom on this page, from the column's top on the page. */
  y = 0;
  /** Space after the last atom (dropped if a page break follows). */
  trailing = 0;
  /** Nothing placed on this page yet. */
  empty = true;
  /** At the top of a page, where the space before an atom is dropped (not below a header beside another column). */
  atTop: boolean;

  /** The atoms' wide twins, and the first page they stand on (see SizedColumn.wide). */
  private twins?: Map<Sized, Sized>;
  private wideFrom = Infinity;

  widen(twins: Map<Sized, Sized>, from: number): void {
    this.twins = twins;
    this.wideFrom = from;
  }

  /** Whether the column is set across the text area on page `page`. */
  private wideOn(page: number): boolean {
    return this.twins !== undefined && page >= this.wideFrom;
  }

  /** The unit as set on the current page: its atoms' wide twins where the column is wide. */
  private here(unit: Piece[]): Piece[] {
    if (!this.wideOn(this.page)) return unit;
    return unit.map((p) => {
      const twin = p.keep ? undefined : this.twins!.get(p.item);
      return twin ? { ...p, item: twin } : p;
    });
  }

  constructor(
    private readonly column: ColumnId,
    private readonly frame: (page: number) => { top: number; height: number },
    private readonly area: number,
    private readonly bottoms: number[],
    private readonly pages: Placed[][],
    /**
     * The column starts below something on its first page (a header above two columns): the space before its first atom
     * stays.
     */
    below = false,
  ) {
    this.atTop = !below;
  }

  /** How full the page is so far, to its lowest line, counting the other columns on it. */
  fill(): number {
    return (this.bottoms[this.page] ?? 0) / this.area;
  }

  /** Height the unit adds to the page, from the last atom's bottom. */
  private need(unit: Piece[]): number {
    const set = this.here(unit);
    return (this.atTop || !set.length ? 0 : this.trailing + set[0]!.item.atom.before) + height(set);
  }

  /** Whether the unit has room on this page. */
  private hasRoom(unit: Piece[]): boolean {
    return this.y + this.need(unit) <= this.frame(this.page).height + EPS;
  }

  private newPage(): void {
    this.page++;
    this.y = 0;
    this.trailing = 0;
    this.empty = true;
    this.atTop = true;
  }

  private place(unit: Piece[]): void {
    const frame = this.frame(this.page);
    const list = (this.pages[this.page] ??= []);
    for (const p of this.here(unit)) {
      const top = this.y + (this.atTop ? 0 : this.trailing + p.item.atom.before);
      const lines: [number, number] | undefined =
        p.from !== undefined ? [p.from, p.to ?? p.item.lines!.length] : undefined;
      list.push({ item: p.item, column: p.item.atom.column, top: frame.top + top, height: pieceHeight(p), lines });
      const ink = pieceInk(p);
      if (ink !== undefined) this.bottoms[this.page] = Math.max(this.bottoms[this.page] ?? 0, frame.top + top + ink);
      this.y = top + pieceHeight(p);
      this.trailing = p.item.atom.after;
      this.empty = false;
      this.atTop = false;
    }
  }

  /**
   * Place a unit (atoms kept together). When it does not fit and its last piece is a paragraph
   * that may break (`lines`), as many of its lines as fit stay, two at least, and two at least go on.
   */
  placeUnit(unit: Piece[], lines: boolean): void {
    if (this.hasRoom(unit)) return this.place(unit);
    // A paragraph that breaks where its column widens goes on at the width it started at.
    const widens = this.wideOn(this.page) !== this.wideOn(this.page + 1);
    unit = this.here(unit);
    const last = unit.at(-1)!;
    if (lines && last.item.lines) {
      const from = last.from ?? 0;
      const to = last.to ?? last.item.lines.length;
      if (to - from >= MIN_SPLIT_LINES) {
        const head = unit.slice(0, -1);
        const room = this.frame(this.page).height - this.y - this.need([...head, { item: last.item, from, to: from }]);
        let k = 0;
        let h = 0;
        while (from + k < to - 2 && h + last.item.lines[from + k]! <= room + EPS) h += last.item.lines[from + k++]!;
        if (k >= 2) {
          this.place([...head, { item: last.item, from, to: from + k }]);
          this.newPage();
          return this.placeUnit([{ item: last.item, from: from + k, to, keep: widens || last.keep }], lines);
        }
      }
    }
    if (this.empty) throw new TooTall();
    this.newPage();
    this.placeUnit(unit, lines);
  }

  /**
   * Place a block, after its section's title when it is the section's first; split it where that makes a fuller page.
   */
  placeBlock(block: SizedBlock, title: Sized | undefined, opts: PlanOptions, splits: Set<Entry | Section>): void {
    const owner = typeof block.owner === "object" ? block.owner : undefined;
    const unit = whole(title ? [title, ...block.atoms] : block.atoms);
    const tall = height(whole(block.atoms)) > this.area * TALL;
    const may = splittable(block);
    if (!tall && !(opts.splitAll && may)) {
      if (this.hasRoom(unit)) return this.place(unit);
      // Moved whole to the next page, it would leave this one too empty: it is split instead.
      if (!may || this.empty || this.fill() >= MIN_FILL) {
        if (!this.empty) this.newPage();
        if (this.hasRoom(unit)) return this.place(unit);
      }
      if (owner) splits.add(owner);
    }
    for (const u of splitUnits(block, title)) this.placeUnit(u, true);
  }
}

/**
 * Whether a block may be split between pages for a fuller page: rows, two on each side; an
 * entry's or section's bullets, two on each side (four at least); a paragraph of MIN_SPLIT_LINES
 * lines or more, between its lines. A badge's entry, the header and the contacts never split.
 */
function splittable(block: SizedBlock): boolean {
  const roles = block.atoms.map((a) => a.atom.role);
  if (!roles.length || roles.some((r) => r === "badge" || r === "header" || r === "contacts")) return false;
  if (roles.every((r) => r === "row")) return roles.length >= 2;
  return (
    roles.filter((r) => r === "bullet").length >= 4 ||
    block.atoms.some(
      (a) => (a.atom.role === "summary" || a.atom.role === "paragraph") && (a.lines?.length ?? 0) >= MIN_SPLIT_LINES,
    )
  );
}

/** The height of a unit's atoms and the space between them. */
function height(unit: Piece[]): number {
  return unit.reduce((h, p, i) => h + (i ? unit[i - 1]!.item.atom.after + p.item.atom.before : 0) + pieceHeight(p), 0);
}

/**
 * A block as the units it splits into; the first carries the section's title. An entry: its
 * heading with its first two bullets (one, when it has fewer than four), or with a long summary
 * that may then break between its lines; each bullet after that alone but the last two, which
 * stay together; each detail line. A section's paragraph, bullets or rows likewise.
 */
function splitUnits(block: SizedBlock, title: Sized | undefined): Piece[][] {
  const atoms = block.atoms;
  const role = (r: Atom["role"]) => atoms.filter((a) => a.atom.role === r);
  const bullets = role("bullet");
  const lead = atoms.filter(
    (a) => a.atom.role === "heading" || a.atom.role === "summary" || a.atom.role === "paragraph",
  );
  const rest = atoms.filter((a) => !lead.includes(a) && a.atom.role !== "bullet");
  const flowing = lead.at(-1)?.lines !== undefined && lead.at(-1)!.lines!.length >= MIN_SPLIT_LINES;
  const units: Sized[][] = [];
  if (atoms.every((a) => a.atom.role === "row")) {
    atoms.forEach((a) => units.push([a]));
  } else if (flowing) {
    // The heading with the paragraph's first lines; then the bullets, the first two together
    // (a list too short for two on each side stays whole), the last two together.
    units.push(lead);
    if (bullets.length)
      units.push(...(bullets.length < 4 ? [bullets] : [bullets.slice(0, 2), ...tailed(bullets.slice(2))]));
  } else {
    const keep = bullets.length >= 4 ? 2 : Math.min(1, bullets.length);
    units.push([...lead, ...bullets.slice(0, keep)]);
    units.push(...tailed(bullets.slice(keep)));
  }
  for (const a of rest) if (a.atom.role !== "row" || !atoms.every((x) => x.atom.role === "row")) units.push([a]);
  const pieces = units.filter((u) => u.length).map(whole);
  if (title) {
    if (pieces.length) pieces[0]!.unshift({ item: title });
    else pieces.push([{ item: title }]);
  }
  return pieces;
}

/** Each alone, but the last two together: a page never starts with the last bullet alone. */
function tailed(items: Sized[]): Sized[][] {
  if (items.length <= 2) return items.length ? [items] : [];
  return [...items.slice(0, -2).map((i) => [i]), items.slice(-2)];
}
