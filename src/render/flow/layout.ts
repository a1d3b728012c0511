/**
 * The résumé's layout, decided before anything is drawn: its atoms (atoms.tsx), measured
 * (measure.ts, reused between builds), planned into pages (plan.ts). In the sidebar theme, the
 * main column stands on a baseline grid shared with the sidebar, so that no line of one shares a
 * baseline with a line of the other. When the grid's looser spacing leaves a page under MIN_FILL
 * (or a last page of a few lines), the main-column sections and entries that begin below the
 * sidebar's last line, with nothing beside them, are set in the theme's own, tighter spacing —
 * unless that brings one up beside the sidebar, where it goes back on the grid for good. Each of
 * those decisions is a new plan from measurements, never a new drawing.
 */
import type { Entry, Section, ViewModel } from "../../model/normalize.js";
import { registerFonts } from "../fontstore.js";
import { fontStack, stackFaces, type FontStack } from "../themes/index.js";
import type { ThemeTokens } from "../themes/tokens.js";
import { resumeFlows, type Atom, type Block, type Flows, type OffGrid } from "./atoms.js";
import type { Laid } from "./compose.js";
import { measureAtoms, type MeasureStats, type Measured } from "./measure.js";
import {
  LAST_PAGE_MIN,
  MIN_FILL,
  planPages,
  type Plan,
  type PlanOptions,
  type Sized,
  type SizedBlock,
  type SizedColumn,
} from "./plan.js";

export interface ResumeLayout {
  vm: ViewModel;
  tokens: ThemeTokens;
  fonts: FontStack;
  flows: Flows;
  columns: SizedColumn[];
  plan: Plan;
  pages: number;
  /** How full each page's text area is (0–1), from its top to its lowest text. */
  fills: number[];
  offGrid: OffGrid;
  /** Measuring done for this layout. */
  stats: MeasureStats;
}

const MAX_REGRID = 8;

/** Lay the résumé out with `tokens`: measure what has not been measured, plan the pages. */
export async function layoutResume(
  vm: ViewModel,
  tokens: ThemeTokens,
  opts: PlanOptions & { stats?: MeasureStats } = {},
): Promise<ResumeLayout> {
  const stats = opts.stats ?? { passes: 0, measured: 0, reused: 0 };
  const fonts = fontStack(tokens, vm.scripts);
  registerFonts(stackFaces(fonts));
  const offGrid = new Set<Entry | Section>();
  const onGrid = new Set<Entry | Section>();
  let laid = await planned(vm, tokens, fonts, offGrid, opts, stats);
  if (tokens.layout.kind !== "sidebar") return laid;
  const main = laid.columns.find((c) => c.column === "main")!;
  for (let pass = 0; pass < MAX_REGRID; pass++) {
    // Off the grid only where its looser spacing costs a page its fill, or a nearly empty last
    // page; then on every pass, so that what went off the grid never ends up beside the sidebar.
    const { fills } = laid;
    const tight = fills.slice(0, -1).some((f) => f < MIN_FILL) || (fills.length > 1 && fills.at(-1)! < LAST_PAGE_MIN);
    if (!((tight || offGrid.size > 0) && regrid(main, laid.plan, offGrid, onGrid))) break;
    laid = await planned(vm, tokens, fonts, offGrid, opts, stats);
  }
  return laid;
}

async function planned(
  vm: ViewModel,
  tokens: ThemeTokens,
  fonts: FontStack,
  offGrid: OffGrid,
  opts: PlanOptions,
  stats: MeasureStats,
): Promise<ResumeLayout> {
  const flows = resumeFlows(vm, tokens, fonts, new Set(offGrid));
  const columns = await sized(flows, stats);
  return plannedFrom(vm, tokens, fonts, flows, columns, new Set(offGrid), opts, stats);
}

function plannedFrom(
  vm: ViewModel,
  tokens: ThemeTokens,
  fonts: FontStack,
  flows: Flows,
  columns: SizedColumn[],
  offGrid: OffGrid,
  opts: PlanOptions,
  stats: MeasureStats,
): ResumeLayout {
  const area = flows.page.height - flows.page.top - flows.page.bottom;
  const plan = planPages(columns, area, opts, { side: flows.geometry.side.offset });
  return { vm, tokens, fonts, flows, columns, plan, pages: plan.pages.length, fills: plan.fills, offGrid, stats };
}

/**
 * The same résumé planned with other tokens or rules from the measurements at hand, measuring
 * nothing: for advice (the last-page hint), never for drawing. Only tokens that change the space
 * between atoms, not their text, can be planned so; an atom whose own drawing depends on the
 * spacing (an entry beside a badge) keeps its measured height, which tighter spacing can only
 * reduce, so a plan that fits here fits when measured.
 */
export async function replan(base: ResumeLayout, tokens: ThemeTokens, opts: PlanOptions = {}): Promise<ResumeLayout> {
  const flows = resumeFlows(base.vm, tokens, base.fonts, base.offGrid);
  const atoms = allAtoms(flows);
  const known = await measureAtoms(atoms, flows.geometry, { passes: 0, measured: 0, reused: 0 }, { lookupOnly: true });
  const fallback = allSized(base.columns);
  if (fallback.length !== atoms.length) throw new Error("replan: the flows do not match");
  const measured = known.map((m, i) => m ?? (fallback[i] as Laid).measured);
  return plannedFrom(base.vm, tokens, base.fonts, flows, sizeWith(flows, measured), base.offGrid, opts, base.stats);
}

/** Every atom of the flows, in order. */
function allAtoms(flows: Flows): Atom[] {
  return flows.columns.flatMap((c) => [
    ...c.lead.flatMap((b) => b.atoms),
    ...c.sections.flatMap((s) => [s.title, ...s.blocks.flatMap((b) => b.atoms)]),
  ]);
}

function allSized(columns: SizedColumn[]): Sized[] {
  return columns.flatMap((c) => [
    ...c.lead.flatMap((b) => b.atoms),
    ...c.sections.flatMap((s) => [s.title, ...s.blocks.flatMap((b) => b.atoms)]),
  ]);
}

async function sized(flows: Flows, stats: MeasureStats): Promise<SizedColumn[]> {
  const measured = await measureAtoms(allAtoms(flows), flows.geometry, stats);
  return sizeWith(flows, measured as Measured[]);
}

/** The flows with each atom's measurement, in the order allAtoms gives them. */
function sizeWith(flows: Flows, measured: Measured[]): SizedColumn[] {
  let i = 0;
  const laid = (atom: Atom, owner?: Entry | Section, section?: Section): Laid => {
    const m = measured[i++]!;
    return { atom, owner, section, height: m.height, lines: m.lines, baselines: m.baselines, ink: m.ink, measured: m };
  };
  const block = (b: Block, section?: Section): SizedBlock => {
    const owner = typeof b.owner === "object" ? b.owner : undefined;
    return { ...b, atoms: b.atoms.map((a) => laid(a, owner, section)) };
  };
  return flows.columns.map((c) => ({
    column: c.column,
    lead: c.lead.map((b) => block(b)),
    sections: c.sections.map((s) => ({
      section: s.section,
      title: laid(s.title, s.section, s.section),
      blocks: s.blocks.map((b) => block(b, s.section)),
    })),
  }));
}

/**
 * Take off the grid the main-column sections and entries that begin below the sidebar's last
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
