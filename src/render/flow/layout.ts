/**
 * The résumé's layout, decided before anything is drawn: its atoms (atoms.tsx), measured
 * (measure.ts, reused between builds), planned into pages (plan.ts). A theme's layout may then
 * set some blocks differently after seeing the plan, and ask for a new one (its `repaginate`
 * hook, render/layouts/: the sidebar layout sets the main-column blocks below its side column off
 * its baseline grid when the grid costs a page its fill). Each of those decisions is a new plan
 * from measurements, never a new drawing.
 */
import type { Entry, Section, ViewModel } from "../../model/normalize.js";
import { registerFonts } from "../fontstore.js";
import { fontStack, layoutOf, stackFaces, type FontStack } from "../themes/index.js";
import type { ThemeTokens } from "../themes/tokens.js";
import { resumeFlows } from "./atoms.js";
import type { Laid } from "./compose.js";
import { measureAtoms, type MeasureStats, type Measured } from "./measure.js";
import {
  columnAtoms,
  planPages,
  type Plan,
  type PlanOptions,
  type Sized,
  type SizedBlock,
  type SizedColumn,
} from "./plan.js";
import type { Adjusted, Atom, Block, ColumnFlow, Flows } from "./types.js";

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
  /** What the layout set differently after seeing a plan (see render/layouts/layout.ts `repaginate`). */
  adjusted: Adjusted;
  /** Measuring done for this layout. */
  stats: MeasureStats;
}

/** How many times a layout's pagination hook may ask for a new plan. */
const MAX_REPLANS = 8;

/** Lay the résumé out with `tokens`: measure what has not been measured, plan the pages. */
export async function layoutResume(
  vm: ViewModel,
  tokens: ThemeTokens,
  opts: PlanOptions & { stats?: MeasureStats } = {},
): Promise<ResumeLayout> {
  const stats = opts.stats ?? { passes: 0, measured: 0, reused: 0 };
  const fonts = fontStack(tokens, vm.scripts);
  registerFonts(stackFaces(fonts));
  const adjusted = new Set<Entry | Section>();
  let laid = await planned(vm, tokens, fonts, adjusted, opts, stats);
  const again = layoutOf(tokens).repaginate?.();
  if (!again) return laid;
  for (let pass = 0; pass < MAX_REPLANS; pass++) {
    if (!again(laid, adjusted)) break;
    laid = await planned(vm, tokens, fonts, adjusted, opts, stats);
  }
  return laid;
}

async function planned(
  vm: ViewModel,
  tokens: ThemeTokens,
  fonts: FontStack,
  adjusted: Adjusted,
  opts: PlanOptions,
  stats: MeasureStats,
): Promise<ResumeLayout> {
  const flows = resumeFlows(vm, tokens, fonts, new Set(adjusted));
  const columns = await sized(flows, stats);
  return plannedFrom(vm, tokens, fonts, flows, columns, new Set(adjusted), opts, stats);
}

function plannedFrom(
  vm: ViewModel,
  tokens: ThemeTokens,
  fonts: FontStack,
  flows: Flows,
  columns: SizedColumn[],
  adjusted: Adjusted,
  opts: PlanOptions,
  stats: MeasureStats,
): ResumeLayout {
  const area = flows.page.height - flows.page.top - flows.page.bottom;
  const plan = planPages(columns, area, opts, {
    side: flows.geometry.side.offset,
    main: flows.geometry.main.offset,
  });
  return { vm, tokens, fonts, flows, columns, plan, pages: plan.pages.length, fills: plan.fills, adjusted, stats };
}

/**
 * The same résumé planned with other tokens or rules from the measurements at hand, measuring
 * nothing: for advice (the last-page hint), never for drawing. Only tokens that change the space
 * between atoms, not their text, can be planned so; an atom whose own drawing depends on the
 * spacing (an entry beside a badge) keeps its measured height, which tighter spacing can only
 * reduce, so a plan that keeps to its pages here keeps to them when measured.
 */
export async function replan(base: ResumeLayout, tokens: ThemeTokens, opts: PlanOptions = {}): Promise<ResumeLayout> {
  const flows = resumeFlows(base.vm, tokens, base.fonts, base.adjusted);
  const atoms = allAtoms(flows);
  const known = await measureAtoms(atoms, flows.geometry, { passes: 0, measured: 0, reused: 0 }, { lookupOnly: true });
  const fallback = allSized(base.columns);
  if (fallback.length !== atoms.length) throw new Error("replan: the flows do not match");
  const measured = known.map((m, i) => m ?? (fallback[i] as Laid).measured);
  return plannedFrom(base.vm, tokens, base.fonts, flows, sizeWith(flows, measured), base.adjusted, opts, base.stats);
}

/** Every atom of the flows, in order. */
function allAtoms(flows: Flows): Atom[] {
  const of = (c: ColumnFlow) => [
    ...c.lead.flatMap((b) => b.atoms),
    ...c.sections.flatMap((s) => [s.title, ...s.blocks.flatMap((b) => b.atoms)]),
  ];
  return flows.columns.flatMap((c) => [...of(c), ...(c.wide ? of(c.wide) : [])]);
}

function allSized(columns: SizedColumn[]): Sized[] {
  return columns.flatMap((c) => [...columnAtoms(c), ...(c.wide ? columnAtoms(c.wide) : [])]);
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
  const column = (c: ColumnFlow): SizedColumn => ({
    column: c.column,
    lead: c.lead.map((b) => block(b)),
    sections: c.sections.map((s) => ({
      section: s.section,
      title: laid(s.title, s.section, s.section),
      blocks: s.blocks.map((b) => block(b, s.section)),
    })),
  });
  // In the order allAtoms gives: a column's atoms, then its wide twin's.
  return flows.columns.map((c) => {
    const sized = column(c);
    return c.wide ? { ...sized, wide: column(c.wide) } : sized;
  });
}
