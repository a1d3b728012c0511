/**
 * A right-to-left document is its left-to-right layout in a mirror: every style a page is drawn
 * with (the theme's sheet, a layout's column sheets, a letter's) goes through `mirror` once,
 * where the drawing takes it, and every column's place on the page through `mirrorColumn`.
 *
 * react-pdf hands Yoga no `direction`, so flex rows and start/end cannot be mirrored by the layout
 * engine; the styles are mirrored instead: left and right swap in margins, paddings, borders,
 * radii and positions, a row runs right to left (`row-reverse`), a column's children hug its
 * right edge where they hugged its left, and text aligned left is aligned right (text with no
 * alignment of its own inherits `right` from its column, `INHERIT_RTL`). Vertical styles are
 * untouched. Mirroring twice gives the style back.
 */
import type { Style } from "@react-pdf/types";

export type Direction = "ltr" | "rtl";

/** What a right-to-left column or page gives its text to inherit: right-aligned lines. */
export const INHERIT_RTL = { textAlign: "right" } as const;

const FLIPPED: Record<string, string> = {
  row: "row-reverse",
  "row-reverse": "row",
  left: "right",
  right: "left",
  "flex-start": "flex-end",
  "flex-end": "flex-start",
};

/** A style's key with its side swapped: `marginLeft` → `marginRight`, `borderTopRightRadius` → `…Left…`. */
function mirroredKey(key: string): string {
  if (key === "left") return "right";
  if (key === "right") return "left";
  if (key.includes("Left")) return key.replace("Left", "Right");
  if (key.includes("Right")) return key.replace("Right", "Left");
  return key;
}

/** A style seen in a mirror (see the module's comment). */
export function mirror<T extends Style>(style: T): T {
  const row = style.flexDirection === "row" || style.flexDirection === "row-reverse";
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(style)) {
    let v: unknown = value;
    if (typeof value === "string") {
      // A row's children run the other way, which mirrors its main axis (justifyContent
      // included); a column's cross axis is the horizontal one.
      if (key === "flexDirection" || key === "textAlign" || (!row && key === "alignItems")) v = FLIPPED[value] ?? value;
    }
    out[mirroredKey(key)] = v;
  }
  return out as T;
}

/**
 * Every style of a style sheet mirrored (its `mirrored` flag turned, its other flags kept), once per sheet: the same
 * sheet gives the same mirrored sheet, so what is measured once is found again.
 */
export function mirrorSheet<S extends object>(sheet: S): S {
  let m = mirrored.get(sheet) as S | undefined;
  if (!m) {
    m = Object.fromEntries(
      Object.entries(sheet).map(([k, v]) => [
        k,
        k === "mirrored" ? !v : v && typeof v === "object" && !Array.isArray(v) ? mirror(v) : v,
      ]),
    ) as S;
    mirrored.set(sheet, m);
  }
  return m;
}
const mirrored = new WeakMap<object, object>();

/** A sheet as a document in `direction` draws it. */
export const inDirection = <S extends object>(sheet: S, direction: Direction): S =>
  direction === "rtl" ? mirrorSheet(sheet) : sheet;

/** A column `width` wide standing `left` from a page's left edge, seen in a mirror: its new left edge. */
export const mirrorColumn = (left: number, width: number, pageWidth: number): number => pageWidth - left - width;
