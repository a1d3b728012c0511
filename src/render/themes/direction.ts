/**
 * The direction of each paragraph of a right-to-left document. react-pdf sets every paragraph left
 * to right unless its style says `direction: "rtl"` (a style no element inherits), and the
 * paragraph's direction orders its runs: "מפתחת Full-Stack בכירה" set left to right puts its
 * first word at the left. `directed` gives every paragraph that holds a right-to-left letter, and
 * every run inside it, `direction: "rtl"`, so that its first word stands at the right; a paragraph
 * with none (a date, an address, a phone number, whose digits a right-to-left paragraph would
 * reorder) stays left to right, aligned as its column aligns it (mirror.ts).
 */
import { Fragment, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { hasRtlLetter } from "../../model/scripts.js";

/** react-pdf's elements that hold text (Text, Link, Tspan are these strings). */
const TEXT = new Set(["TEXT", "LINK", "TSPAN"]);

type Props = { children?: ReactNode; style?: unknown };

/** The text an element draws, its components expanded (they are pure). */
function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (!isValidElement(node)) return "";
  const { type, props } = node as ReactElement<Props>;
  if (typeof type === "function") return textOf((type as (p: unknown) => ReactNode)(props));
  return textOf(props.children);
}

const RTL = { direction: "rtl" } as const;
const withRtl = (style: unknown) =>
  Array.isArray(style) ? [...(style as unknown[]), RTL] : { ...(style ?? {}), ...RTL };

/**
 * `node` with every paragraph that holds a right-to-left letter set right to left (see the
 * module's comment); `inRtl`: inside such a paragraph, whose runs all take its direction.
 */
export function directed(node: ReactNode, inRtl = false): ReactNode {
  if (Array.isArray(node)) return node.map((n) => directed(n, inRtl));
  if (!isValidElement(node)) return node;
  const el = node as ReactElement<Props>;
  const { type, props } = el;
  if (type === Fragment) return withChildren(el, undefined, directed(props.children, inRtl));
  if (typeof type === "function") return directed((type as (p: unknown) => ReactNode)(props), inRtl);
  if (typeof type !== "string") return el;
  const rtl = TEXT.has(type) && (inRtl || hasRtlLetter(textOf(props.children)));
  const children = directed(props.children, rtl);
  return withChildren(el, rtl ? { style: withRtl(props.style) } : undefined, children);
}

/** The element with new children, given as its children were (a list as separate children, not as one list). */
const withChildren = (el: ReactElement<Props>, props: Partial<Props> | undefined, children: ReactNode) =>
  Array.isArray(children) ? cloneElement(el, props, ...(children as ReactNode[])) : cloneElement(el, props, children);
