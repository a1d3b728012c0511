/**
 * Measure atoms: lay each out once at its column's width with react-pdf's own layout (styles,
 * yoga, textkit), and keep the laid-out atom. Planning reads its height (and, for a paragraph,
 * the height of each line); drawing places the same laid-out atom on its page, so what is drawn
 * is exactly what was measured.
 *
 * Measurements are kept between builds, by what the atom draws (its elements, styles and text,
 * images by digest) and the column it stands in: a rebuild in --watch mode measures only the
 * atoms that changed, and --fit's tighter spacing, which is space between atoms, measures none.
 * A laid-out atom is shared, never changed: compose.ts copies what it moves.
 */
import { createHash } from "node:crypto";
import reactPdfLayout from "@react-pdf/layout";
import { Font } from "@react-pdf/renderer";
import { Fragment, isValidElement, type ReactElement, type ReactNode } from "react";
import type { Atom, ColumnGeometry } from "./types.js";

/** A react-pdf node: before layout as react-pdf's reconciler makes it, after layout with its box and (text) lines. */
export interface PdfNode {
  type: string;
  style?: object;
  props?: Record<string, unknown>;
  box?: Box;
  children?: PdfNode[];
  value?: string;
  lines?: TextLine[];
  [more: string]: unknown;
}

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
  [edge: string]: number;
}

/** A line of text as textkit lays it out (only what is read here). */
export interface TextLine {
  box: { x: number; y: number; width: number; height: number };
  ascent?: number;
}

export interface Measured {
  /** The atom laid out at its column's width, at the top left of its column. */
  node: PdfNode;
  height: number;
  /** For an atom that is one paragraph: the height of each of its lines, top to bottom. */
  lines?: number[];
  /** For such an atom, each line's baseline, from the atom's top. */
  baselines?: number[];
  /**
   * Its lowest baseline, from its top (undefined: it has no text). How full a page is goes by text, as a reader sees
   * it.
   */
  ink?: number;
}

/** What measuring did: how many layout passes, how many atoms were laid out and how many were reused. */
export interface MeasureStats {
  passes: number;
  measured: number;
  reused: number;
}

const MAX_KEPT = 8000;
const kept = new Map<string, Measured>();

/** Forget every measurement (the startup snapshot's warm-up measures with a stand-in for yoga). */
export function clearMeasurements(): void {
  kept.clear();
}

/**
 * Each atom's measurement, in the order given: those measured before (in this process, by the
 * same key) are reused, the rest are laid out together in one pass.
 */
export async function measureAtoms(
  atoms: Atom[],
  geometry: Record<string, ColumnGeometry>,
  stats: MeasureStats,
): Promise<Measured[]>;
/** `lookupOnly`: what was measured before, and undefined for the rest (nothing is laid out). */
export async function measureAtoms(
  atoms: Atom[],
  geometry: Record<string, ColumnGeometry>,
  stats: MeasureStats,
  opts: { lookupOnly: true },
): Promise<(Measured | undefined)[]>;
export async function measureAtoms(
  atoms: Atom[],
  geometry: Record<string, ColumnGeometry>,
  stats: MeasureStats,
  opts: { lookupOnly?: boolean } = {},
): Promise<(Measured | undefined)[]> {
  const nodes = atoms.map((a) => toNodes(a.element));
  const keys = atoms.map((a, i) => atomKey(nodes[i]!, geometry[a.column]!));
  const result: (Measured | undefined)[] = keys.map((k) => kept.get(k));
  const todo = new Map<string, { atom: Atom; nodes: PdfNode[] }>();
  atoms.forEach((a, i) => {
    if (result[i]) {
      stats.reused++;
      // Recently used: kept longest.
      kept.delete(keys[i]!);
      kept.set(keys[i]!, result[i]!);
    } else if (!todo.has(keys[i]!)) todo.set(keys[i]!, { atom: a, nodes: nodes[i]! });
  });
  if (todo.size && !opts.lookupOnly) {
    const measured = await layOut([...todo.values()], geometry);
    stats.passes++;
    stats.measured += todo.size;
    [...todo.keys()].forEach((key, i) => {
      if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
      kept.set(key, measured[i]!);
    });
    keys.forEach((k, i) => (result[i] ??= kept.get(k)));
  }
  return result;
}

/** Lay out single text elements in a page of the given size (page footers): each in a page of its own. */
export async function layOutOnPage(
  elements: ReactElement[],
  size: { width: number; height: number },
  inherit: ColumnGeometry["inherit"],
): Promise<PdfNode[]> {
  // A page's own height is given to yoga only through its box (react-pdf sets it while paginating).
  const pages = elements.map((el) => ({
    ...page([size.width, size.height], inherit, withBoxes(toNodes(el))),
    box: { height: size.height } as Box,
  }));
  const laid = await layoutDocument(document(pages), Font);
  return laid.children!.map((p) => p.children![0]!);
}

/** react-pdf's layout (its types omit the font store it takes). */
const layoutDocument = reactPdfLayout as unknown as (doc: PdfNode, fonts: unknown) => Promise<PdfNode>;

async function layOut(
  items: { atom: Atom; nodes: PdfNode[] }[],
  geometry: Record<string, ColumnGeometry>,
): Promise<Measured[]> {
  // One page per column, as wide as the column, as tall as it needs (a page's height is left to
  // its content until react-pdf paginates, which these pages never are): the atoms one under the other.
  const columns = [...new Set(items.map((it) => it.atom.column))];
  const pages = columns.map((c) => {
    const g = geometry[c]!;
    return page(
      [g.width, 1e6],
      g.inherit,
      items.filter((it) => it.atom.column === c).map((it) => wrapper(withBoxes(it.nodes))),
    );
  });
  const laid = await layoutDocument(document(pages), Font);
  const next = columns.map(() => 0);
  return items.map((it) => {
    const c = columns.indexOf(it.atom.column);
    const node = laid.children![c]!.children![next[c]!++]!;
    const only = node.children?.length === 1 ? node.children[0]! : undefined;
    const lines = it.atom.textKey && only?.lines ? only.lines.map((l) => l.box.height) : undefined;
    const baselines = lines ? textBaselines(only!, 0) : undefined;
    return { node, height: node.box!.height, lines, baselines, ink: lowestBaseline(node, -node.box!.top) };
  });
}

/**
 * The baselines of a text node's lines, from `top` (where the node's parent starts), as react-pdf's renderer draws
 * them.
 */
function textBaselines(text: PdfNode, top: number): number[] {
  const lines = text.lines ?? [];
  const origin = top + (text.box?.top ?? 0) + (text.box?.paddingTop ?? 0) - (lines[0]?.box.y ?? 0);
  return lines.map((l) => origin + l.box.y + (l.ascent ?? 0));
}

/** The lowest baseline of any text in `node`, from `top` (where its parent starts). */
function lowestBaseline(node: PdfNode, top: number): number | undefined {
  if (node.lines?.length) return textBaselines(node, top).at(-1);
  let low: number | undefined;
  const inner = top + (node.box?.top ?? 0);
  for (const child of node.children ?? []) {
    const b = lowestBaseline(child, inner);
    if (b !== undefined && (low === undefined || b > low)) low = b;
  }
  return low;
}

const document = (pages: PdfNode[]): PdfNode => ({
  type: "DOCUMENT",
  style: {},
  props: {},
  box: {} as Box,
  children: pages,
});
const page = (size: [number, number], inherit: ColumnGeometry["inherit"], children: PdfNode[]): PdfNode => ({
  type: "PAGE",
  style: { ...inherit },
  props: { size, wrap: false },
  box: {} as Box,
  children,
});
const wrapper = (children: PdfNode[]): PdfNode => ({ type: "VIEW", style: {}, props: {}, box: {} as Box, children });

/** Elements whose text children react-pdf keeps (anywhere else a string is dropped). */
const TEXT_PARENTS = new Set(["TEXT", "LINK", "TSPAN", "NOTE"]);

/**
 * React elements as react-pdf's nodes, function components called (they are pure): what
 * react-pdf's reconciler makes of them (see createInstances in @react-pdf/renderer), without
 * React.
 */
export function toNodes(el: ReactNode, inText = false): PdfNode[] {
  if (el === null || el === undefined || typeof el === "boolean") return [];
  if (Array.isArray(el)) return el.flatMap((c: ReactNode) => toNodes(c, inText));
  if (typeof el === "string" || typeof el === "number")
    return inText ? [{ type: "TEXT_INSTANCE", value: String(el) }] : [];
  if (!isValidElement(el)) return [];
  const { type, props } = el as ReactElement<{ children?: ReactNode; style?: object }>;
  if (type === Fragment) return toNodes(props.children, inText);
  if (typeof type === "function") return toNodes((type as (p: unknown) => ReactNode)(props), inText);
  if (typeof type !== "string") return [];
  const { children, style, ...rest } = props as { children?: ReactNode; style?: object };
  return [{ type, style: style ?? {}, props: rest, children: toNodes(children, TEXT_PARENTS.has(type)) }];
}

/** Nodes made ready for react-pdf's layout, which writes each element's box into it. */
function withBoxes(nodes: PdfNode[]): PdfNode[] {
  for (const n of nodes) {
    if (n.type === "TEXT_INSTANCE") continue;
    n.box = {} as Box;
    if (n.children) withBoxes(n.children);
  }
  return nodes;
}

const digests = new WeakMap<Uint8Array, string>();
const digest = (bytes: Uint8Array): string => {
  let d = digests.get(bytes);
  if (!d) digests.set(bytes, (d = createHash("sha1").update(bytes).digest("hex")));
  return d;
};

const hasImage = (nodes: PdfNode[]): boolean =>
  nodes.some((n) => n.type === "IMAGE" || (n.children !== undefined && hasImage(n.children)));

/** Everything that decides an atom's layout: its column and its nodes (images by digest). */
function atomKey(nodes: PdfNode[], g: ColumnGeometry): string {
  const column = `${g.width}|${JSON.stringify(g.inherit)}|`;
  // A replacer is called for every value: only an atom with an image needs one.
  if (!hasImage(nodes)) return column + JSON.stringify(nodes);
  return (
    column +
    JSON.stringify(nodes, function (this: Record<string, unknown>, key: string, value: unknown) {
      const raw = this[key];
      return raw instanceof Uint8Array ? `sha1:${digest(raw)}` : value;
    })
  );
}
