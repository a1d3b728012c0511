/**
 * Page breaks a typesetter would sign. An entry (or a short section) is kept whole where that
 * costs little; where moving it whole to the next page left more than 15 % of a page's text area
 * empty, it is split between bullets instead — two on each side, the heading with the first two,
 * the last two together — and the document is drawn again. Each split only moves text up, so a
 * few passes settle it; the read-back of the last one is kept for the checks after it.
 *
 * In the sidebar theme, the main column stands on a baseline grid shared with the sidebar, so
 * that no line of one shares a baseline with a line of the other. When the grid's looser spacing
 * leaves a page under MIN_FILL (or a last page of a few lines), the main-column sections and
 * entries that begin below the sidebar's last line, with nothing beside them, are drawn again in
 * the theme's own, tighter spacing — unless that brings one up beside the sidebar, where it goes
 * back on the grid for good.
 */
import { readPdfPages, type PageLayout } from "../check/pdftext.js";
import { normalizeSpace, valuePlaces } from "../check/verify.js";
import type { Entry, Section, ViewModel } from "../model/normalize.js";
import type { RenderResult } from "../render/render.js";
import { columnEdges, splittable, type Plan, type Splits } from "../render/themes/measure.js";
import { footerPattern, layoutSections } from "../render/themes/reading.js";
import type { ThemeTokens } from "../render/themes/tokens.js";

/** Every page but the last is at least this full; a last page under LAST_PAGE_MIN is mentioned. */
export const MIN_FILL = 0.85;
export const LAST_PAGE_MIN = 0.15;
const MAX_PASSES = 8;

export interface Paginated {
  rendered: RenderResult;
  layout: PageLayout[];
  /** How full each page's text area is, from its top margin to its lowest line (0–1). */
  fills: number[];
  splits: Splits;
  plan: Plan;
}

/** How far down its text area each page is printed: its lowest line but the footer. */
export function pageFills(layout: PageLayout[], vm: ViewModel, tokens: ThemeTokens): number[] {
  const footer = footerPattern(vm.name);
  return layout.map((page) => {
    const top = page.height - tokens.margin.top;
    const area = top - tokens.margin.bottom;
    const ys = page.lines.filter((l) => !footer.test(normalizeSpace(l.text))).map((l) => l.y);
    return ys.length && area > 0 ? Math.min(1, Math.max(0, (top - Math.min(...ys)) / area)) : 0;
  });
}

/**
 * Draw, then split what a page break moved whole when that left the page before it too empty,
 * until no page but the last is under MIN_FILL or nothing more can be split. `splitAll` starts
 * with every splittable block split (what --fit tries before smaller type).
 */
export async function paginate(
  draw: (plan: Plan) => Promise<RenderResult>,
  vm: ViewModel,
  tokens: ThemeTokens,
  opts: { splitAll?: boolean } = {},
): Promise<Paginated> {
  const splits = new Set<Entry | Section>(opts.splitAll ? blocks(vm).filter(splittable) : []);
  const offGrid = new Set<Entry | Section>();
  const plan: Plan = { splits, offGrid };
  const onGrid = new Set<Entry | Section>();
  const { main } = tokens.layout.kind === "sidebar" ? layoutSections(vm, tokens) : { main: [] };
  let rendered = await draw(plan);
  let layout = readPdfPages(rendered.bytes);
  let fills = pageFills(layout, vm, tokens);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    // Off the grid only where its looser spacing costs a page its fill, or a nearly empty last
    // page; then on every pass, so that what went off the grid never ends up beside the sidebar.
    const tight = fills.slice(0, -1).some((f) => f < MIN_FILL) || (fills.length > 1 && fills.at(-1)! < LAST_PAGE_MIN);
    if (!(main.length && (tight || offGrid.size > 0) && regrid(vm, tokens, layout, main, offGrid, onGrid))) {
      const block = movedBlock(vm, tokens, layout, fills, splits);
      if (!block) break;
      splits.add(block);
    }
    rendered = await draw(plan);
    layout = readPdfPages(rendered.bytes);
    fills = pageFills(layout, vm, tokens);
  }
  return { rendered, layout, fills, splits, plan };
}

/**
 * Take off the grid the main-column sections and entries that begin below the sidebar's last line
 * (on its page or a later one), and put back on it for good those that came up beside it; whether
 * anything changed. A block's first line stays where it is when it goes off the grid (only what
 * follows it moves up), so what is off the grid stays below the sidebar.
 */
function regrid(vm: ViewModel, tokens: ThemeTokens, layout: PageLayout[], main: Section[], offGrid: Set<Entry | Section>, onGrid: Set<Entry | Section>): boolean {
  const end = sidebarEnd(vm, tokens, layout);
  const starts = new Map<Entry | Section, { page: number; y: number }>();
  for (const { expected, page, y } of valuePlaces(vm, tokens, layout)) if (expected.block && page && !starts.has(expected.block)) starts.set(expected.block, { page, y });
  let changed = false;
  for (const block of main.flatMap(withEntries)) {
    const at = starts.get(block);
    const below = at !== undefined && (at.page > end.page || (at.page === end.page && at.y < end.y - 1));
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

/** The sidebar's last page and the baseline of its lowest line there (page footers aside). */
function sidebarEnd(vm: ViewModel, tokens: ThemeTokens, layout: PageLayout[]): { page: number; y: number } {
  const edge = columnEdges(tokens, vm.paper).gutter;
  let end = { page: 1, y: Infinity };
  layout.forEach((p, i) => {
    const ys = p.items.filter((it) => it.str.trim() && it.x < edge && it.y > tokens.margin.bottom).map((it) => it.y);
    if (ys.length) end = { page: i + 1, y: Math.min(...ys) };
  });
  return end;
}

const withEntries = (sec: Section): (Entry | Section)[] => [sec, ...(sec.kind === "entries" ? sec.entries : [])];

/** Every entry and every section that is not a list of entries. */
function blocks(vm: ViewModel): (Entry | Section)[] {
  return vm.sections.flatMap((sec): (Entry | Section)[] => (sec.kind === "entries" ? sec.entries : [sec]));
}

/**
 * The first block that a page break moved whole to the next page while the page it left is under
 * MIN_FILL, and that may be split and is not yet: the entry or section printed first on that
 * next page (a section's first entry when the section title moved with it).
 */
function movedBlock(vm: ViewModel, tokens: ThemeTokens, layout: PageLayout[], fills: number[], splits: Splits): Entry | Section | undefined {
  const where = valuePlaces(vm, tokens, layout);
  const firstPage = new Map<Entry | Section, number>();
  for (const { expected, page } of where) if (expected.block && page && !firstPage.has(expected.block)) firstPage.set(expected.block, page);
  for (let p = 1; p < layout.length; p++) {
    if (fills[p - 1]! >= MIN_FILL) continue;
    const first = where.find((w) => w.page === p + 1 && w.expected.block);
    if (!first) continue;
    let block = first.expected.block!;
    // Begun on an earlier page: it already flows; nothing moved whole.
    if ((firstPage.get(block) ?? 0) < p + 1) continue;
    if ("kind" in block && block.kind === "entries") block = block.entries[0]!;
    if (splittable(block) && !splits.has(block)) return block;
  }
  return undefined;
}
