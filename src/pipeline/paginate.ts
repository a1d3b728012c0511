/**
 * Pagination policy over the planned layout (render/flow/): fitting to N pages (--fit), and the
 * advice a build gives about a last page of a few lines. Both work from measurements: the document
 * is drawn once, with the layout chosen here. Fitting is made of tightening steps (render/fit.ts);
 * whether a block has room on a page is the planner's (render/flow/plan.ts).
 */
import { tighteningSteps } from "../render/fit.js";
import type { ResumeLayout } from "../render/flow/layout.js";
import type { ThemeTokens } from "../render/themes/tokens.js";
import type { Section } from "../model/normalize.js";

export { LAST_PAGE_MIN, MIN_FILL } from "../render/flow/plan.js";

/** Lay the résumé out with `tokens` (all blocks that may split, split: `splitAll`). */
export type Lay = (tokens: ThemeTokens, splitAll?: boolean) => Promise<ResumeLayout>;
/** Plan the laid-out résumé again with other tokens or rules, measuring nothing (render/flow/layout.ts replan). */
export type Replan = (base: ResumeLayout, tokens: ThemeTokens, opts?: { splitAll?: boolean }) => Promise<ResumeLayout>;

/** A layout fitted to a page count: the layout, its tightened tokens, what changed. */
export interface Fitted {
  laid: ResumeLayout;
  tokens: ThemeTokens;
  /** What differs from the theme, in words. */
  changes: string[];
}

const SPLIT = "entries split between pages, at the same size";

/**
 * Fitting to `pages` pages: the layout that takes no more, with entries split between pages at the
 * same size first (fewer pages at the same size beat smaller type), then the tightening steps of
 * render/fit.ts in order.
 */
export async function fitLayout(lay: Lay, base: ThemeTokens, pages: number): Promise<Fitted | undefined> {
  const flowed = await lay(base, true);
  if (flowed.pages <= pages) return { laid: flowed, tokens: base, changes: [SPLIT] };
  for (const step of tighteningSteps(base)) {
    const laid = await lay(step.tokens);
    if (laid.pages <= pages) return { laid, tokens: step.tokens, changes: step.changes };
  }
  return undefined;
}

/**
 * What --fit would change to save the last page, from the measurements at hand: splitting
 * entries, then tighter spacing (space between atoms, which needs no text measured again).
 * Undefined when only tighter leading or smaller type could tell, which would mean laying the
 * text out again to answer a question nobody asked.
 */
export async function lastPageAdvice(laid: ResumeLayout, replan: Replan): Promise<string[] | undefined> {
  const fewer = laid.pages - 1;
  if ((await replan(laid, laid.tokens, { splitAll: true })).pages <= fewer) return [SPLIT];
  for (const step of tighteningSteps(laid.tokens)) {
    if (!step.spacingOnly) break;
    if ((await replan(laid, step.tokens)).pages <= fewer) return step.changes;
  }
  return undefined;
}

/** The section that runs onto page `page` (1-based): the one its first line belongs to. */
export function sectionOnPage(laid: ResumeLayout, page: number): Section | undefined {
  const list = laid.plan.pages[page - 1] ?? [];
  const first =
    [...list].filter((p) => p.item.section && p.column !== "side").sort((a, b) => a.top - b.top)[0] ??
    list.find((p) => p.item.section);
  return first?.item.section;
}
