/**
 * What a layout is: everything about a page's columns that any stage asks, answered in one module
 * per layout (single.ts, sidebar.ts) and found through the theme (`layoutOf` in
 * render/themes/index.ts). Nothing outside render/layouts/ asks which layout it has.
 */
import type { Entry, Section, ViewModel } from "../../model/normalize.js";
import type { TextItem } from "../../pdf/content.js";
import type { Plan, SizedColumn } from "../flow/plan.js";
import type { Adjusted, Block, ColumnFlow, ColumnGeometry, ColumnId, SectionFlow } from "../flow/types.js";
import type { FontStack } from "../themes/stack.js";
import type { Styles } from "../themes/styles.js";
import type { ThemeTokens } from "../themes/tokens.js";
import type { LayoutId } from "./ids.js";

/** Which sections each column holds. Reading order: the side column's, then the main column's. */
export interface ColumnSections {
  side: Section[];
  main: Section[];
}

/** What render/flow/atoms.tsx gives a layout to build its columns from. */
export interface FlowKit {
  vm: ViewModel;
  tokens: ThemeTokens;
  fonts: FontStack;
  /** The theme's style sheet. */
  styles: Styles;
  /** The text area, margin to margin: the one column of a one-column page. */
  full: ColumnGeometry;
  /** What the layout changed after seeing a plan (see `Layout.repaginate`). */
  adjusted: Adjusted;
  /** The page header (name, label, photo), with the contacts in a row under them when `contacts`. */
  header(contacts: boolean): Block;
  /** The contacts as a column in `column`, one per line, in the style sheet `s` (none: no block). */
  contacts(column: ColumnId, s: Styles): Block[];
  /** A section set in `column`, its title and each block in the style sheet `styleOf` gives it. */
  section(sec: Section, column: ColumnId, styleOf: (block: Entry | Section) => Styles): SectionFlow;
}

/** A layout's columns: their flows, in the order they are filled, and where each stands. */
export interface Columns {
  columns: ColumnFlow[];
  geometry: Record<ColumnId, ColumnGeometry>;
}

/** A plan, as a pagination hook sees it. */
export interface PlanView {
  columns: SizedColumn[];
  plan: Plan;
  /** How full each page's text area is (0–1). */
  fills: number[];
}

/**
 * A pagination policy for one layout run, its state its own: shown each plan, it changes
 * `adjusted` and says whether to plan again (at most a few times).
 */
export type Repaginate = (laid: PlanView, adjusted: Set<Entry | Section>) => boolean;

/** A line as a line-grouping parser makes it (check/layout-rules.ts). */
export interface ParsedLineView {
  /** 1-based. */
  page: number;
  /** Left to right. */
  items: TextItem[];
}

/** What check/layout-rules.ts gives a layout's parser rules. */
export interface ParseRuleContext {
  vm: ViewModel;
  tokens: ThemeTokens;
  /** Every line of every page, top to bottom. */
  lines: readonly ParsedLineView[];
  /** The header's lines at the top of page 1 (the name, the label, a row of contacts), which run across the page. */
  header: readonly ParsedLineView[];
  /** Items as the parser joins them into text. */
  text(items: readonly TextItem[]): string;
  /**
   * Where an item on page `page` begins and ends, from the edge the document's lines start at:
   * the page's left edge, or its right edge in a right-to-left document (drawn mirrored), so that a
   * rule about columns holds for both.
   */
  span(item: TextItem, page: number): { start: number; end: number };
  /** A value quoted for a message. */
  quote(text: string): string;
}

export interface ParseRuleProblem {
  page: number;
  message: string;
}

export interface Layout {
  readonly id: LayoutId;
  /** Whether its pages have a column beside the main one (too narrow then for a dates column). */
  readonly sideColumn: boolean;
  /**
   * Reading order: which sections the side column holds and which the main one. Every output
   * (the PDF's read-back, the Word file, text and Markdown) reads the side's first.
   */
  sections(vm: ViewModel, k: ThemeTokens): ColumnSections;
  /** The columns: widths, positions and the style sheet of each, filled with `sections`. */
  columns(kit: FlowKit): Columns;
  /** Pagination hook: a fresh policy for each layout run, or none (the first plan stands). */
  repaginate?(): Repaginate;
  /**
   * The layout whose pages a parser must read this one's as well as: the build lays the résumé out
   * in it too and fails on any field a parser reads worse here (check/parse-check.ts). None: the
   * layout is its own measure.
   */
  readonly readsLike?: LayoutId;
  /** What a line-grouping parser must find kept on this layout's pages, beyond what every layout keeps. */
  parseRules(ctx: ParseRuleContext): ParseRuleProblem[];
}
