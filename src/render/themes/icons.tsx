/**
 * The icons a theme may draw before its contacts: simple geometric drawings on a 24-unit square,
 * made here (no icon font, no copied artwork). Each is drawn as vector paths and marked as an
 * artifact of the tagged PDF (tagging.ts), so it is no text at all: a reader, a parser or a screen
 * reader reads the contact beside it exactly as it reads it without the icon.
 */
import { Path, Svg } from "@react-pdf/renderer";
import type { Style } from "@react-pdf/types";
import type { ContactIcon as Kind } from "../../model/view-model.js";
import { mirror } from "./mirror.js";
import { tagged } from "./tagging.js";

/** An icon's drawing: a path filled (even-odd, so that inner shapes cut holes) and a path stroked. */
interface Drawing {
  fill?: string;
  stroke?: string;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/** A circle as a path. */
const circle = (cx: number, cy: number, r: number) =>
  `M${r2(cx - r)} ${cy}A${r} ${r} 0 1 0 ${r2(cx + r)} ${cy}A${r} ${r} 0 1 0 ${r2(cx - r)} ${cy}Z`;

/** A rectangle with rounded corners as a path. */
const rounded = (x: number, y: number, w: number, h: number, r: number) =>
  `M${x + r} ${y}H${x + w - r}A${r} ${r} 0 0 1 ${x + w} ${y + r}V${y + h - r}A${r} ${r} 0 0 1 ${x + w - r} ${y + h}` +
  `H${x + r}A${r} ${r} 0 0 1 ${x} ${y + h - r}V${y + r}A${r} ${r} 0 0 1 ${x + r} ${y}Z`;

/** A bar `w` long and `h` thick, centred on (cx, cy) and turned `deg` degrees anticlockwise. */
function bar(cx: number, cy: number, w: number, h: number, deg: number): string {
  const a = (-deg * Math.PI) / 180;
  const [c, s] = [Math.cos(a), Math.sin(a)];
  const corners = [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ].map(([x, y]) => `${r2(cx + x! * c - y! * s)} ${r2(cy + x! * s + y! * c)}`);
  return `M${corners.join("L")}Z`;
}

/** The drawings, by what the contact is. */
export const ICONS: Record<Kind, Drawing> = {
  // A map pin with a hole.
  location: {
    fill: "M12 22.5C12 22.5 4.5 15 4.5 9.5A7.5 7.5 0 0 1 19.5 9.5C19.5 15 12 22.5 12 22.5Z" + circle(12, 9.5, 2.9),
  },
  // An envelope and its flap.
  email: { stroke: rounded(2.5, 5, 19, 14, 2) + "M3.5 6.5L12 13L20.5 6.5" },
  // A handset.
  phone: {
    fill:
      "M6.6 2.5C7.3 2.3 7.9 2.7 8.2 3.3L9.9 7.2C10.2 7.8 10 8.5 9.5 8.9L7.9 10.1C9 12.5 11.4 14.9 13.9 16.1" +
      "L15.1 14.5C15.5 14 16.2 13.8 16.8 14.1L20.7 15.8C21.3 16.1 21.7 16.7 21.5 17.4L20.9 19.8" +
      "C20.7 20.7 19.9 21.4 19 21.4C10.3 21.2 2.8 13.7 2.6 5C2.6 4.1 3.3 3.3 4.2 3.1Z",
  },
  // A globe: its outline, a meridian and the equator.
  website: { stroke: circle(12, 12, 9.5) + "M12 2.5C8.8 6.5 8.8 17.5 12 21.5C15.2 17.5 15.2 6.5 12 2.5M2.5 12H21.5" },
  // Two links of a chain.
  link: {
    stroke:
      "M10 13.5A4 4 0 0 0 15.7 13.9L18.7 10.9A4 4 0 0 0 13.1 5.3L11.5 6.9" +
      "M14 10.5A4 4 0 0 0 8.3 10.1L5.3 13.1A4 4 0 0 0 10.9 18.7L12.5 17.1",
  },
  // A cat's head (ears up) cut out of a disc.
  github: {
    fill:
      circle(12, 12, 10.5) +
      "M8.2 21.6V17.6C6.6 17.1 5.8 15.6 5.8 13.4C5.8 12.2 6.2 11.2 6.9 10.4C6.6 9.4 6.7 8.2 7.1 7" +
      "C8.1 7 9.1 7.5 10 8.2C11.3 7.9 12.7 7.9 14 8.2C14.9 7.5 15.9 7 16.9 7C17.3 8.2 17.4 9.4 17.1 10.4" +
      "C17.8 11.2 18.2 12.2 18.2 13.4C18.2 15.6 17.4 17.1 15.8 17.6V21.6C13.3 22.3 10.7 22.3 8.2 21.6Z",
  },
  // "in" cut out of a rounded square.
  linkedin: {
    fill:
      rounded(2, 2, 20, 20, 3) +
      circle(7.4, 7.1, 1.7) +
      "M5.9 9.8H8.9V18.5H5.9Z" +
      "M10.8 9.8H13.6V11.1C14.2 10.2 15.2 9.6 16.5 9.6C18.8 9.6 19.6 11.1 19.6 13.4V18.5H16.7V14" +
      "C16.7 12.9 16.3 12.2 15.3 12.2C14.2 12.2 13.7 13 13.7 14.1V18.5H10.8Z",
  },
  // A fox's head: two ears over a broad jaw.
  gitlab: { fill: "M12 21.5L2.3 14.3L4 8.8L5.9 2.8L8.1 8.8H15.9L18.1 2.8L20 8.8L21.7 14.3Z" },
  // A thick stroke down to the right, a thin one up to the right broken where they cross.
  x: { fill: "M3.3 3H8.7L20.7 21H15.3Z" + bar(16.95, 6.4, 8.3, 1.9, 48.5) + bar(7.05, 17.6, 8.3, 1.9, 48.5) },
  // A speech bubble with an m cut out.
  mastodon: {
    fill:
      "M12 2.5C17.2 2.5 20.5 4 20.5 8.3V12.6C20.5 15.6 17.9 17.2 14 17.5C11.9 17.6 9.9 17.4 8.3 16.9" +
      "C8.4 18.6 9.8 19.4 12.3 19.4C13.5 19.4 14.7 19.2 15.7 18.9V21C14.3 21.5 13 21.7 11.6 21.7" +
      "C7.3 21.6 4.6 20 3.9 15.5C3.6 13.4 3.5 10.8 3.5 8.3C3.5 4 6.8 2.5 12 2.5Z" +
      "M6.9 14.3H9.1V9.7C9.1 8.8 9.6 8.4 10.3 8.4C11.1 8.4 11.5 8.9 11.5 9.9V12.3H12.5V9.9" +
      "C12.5 8.9 12.9 8.4 13.7 8.4C14.4 8.4 14.9 8.8 14.9 9.7V14.3H17.1V9.5C17.1 7.5 16 6.4 14.3 6.4" +
      "C13.2 6.4 12.5 6.9 12 7.7C11.5 6.9 10.8 6.4 9.7 6.4C8 6.4 6.9 7.5 6.9 9.5Z",
  },
  // "iD" cut out of a disc.
  orcid: {
    fill:
      circle(12, 12, 10.5) +
      circle(7.6, 7, 1.25) +
      "M6.6 9.3H8.6V17.4H6.6Z" +
      "M10.6 9.3H13.7C16.3 9.3 18.1 11 18.1 13.35C18.1 15.7 16.3 17.4 13.7 17.4H10.6Z" +
      "M12.5 10.9V15.8H13.6C15.1 15.8 16.2 14.9 16.2 13.35C16.2 11.8 15.1 10.9 13.6 10.9Z",
  },
  // A mortarboard over a head.
  scholar: { fill: "M12 2L1.5 10.2L6.4 14A6.4 6.4 0 0 1 17.6 14L22.5 10.2Z" + circle(12, 17, 4.6) },
  // A tray and the papers stacked in it, fanning out.
  stackoverflow: {
    fill:
      "M3.8 14.5H5.8V19.7H16.6V14.5H18.6V21.7H3.8Z" +
      bar(11.2, 17.6, 8.4, 1.9, 0) +
      bar(11.5, 14.6, 8.4, 1.9, -12) +
      bar(12.5, 11.2, 8.4, 1.9, -27) +
      bar(14.4, 8.1, 8.4, 1.9, -45) +
      bar(17, 5.6, 8.4, 1.9, -62),
  },
};

/** An icon's size as a share of its contact's font size (about the capitals' height). */
const EM = 0.6;
/** The space between an icon and its contact, as a share of the font size. */
const GAP = 0.29;

/**
 * The bundled text fonts' ascent (where react-pdf sets a line's baseline below the line's top,
 * whatever its line height), cap height, x-height and no-break space, in ems, from the font files
 * (tests/render/icons.test.ts checks them); other fonts are taken to be like these.
 */
export const FONT_METRICS: Record<string, { ascent: number; cap: number; x: number; space: number }> = {
  "Source Serif 4": { ascent: 1.036, cap: 0.67, x: 0.475, space: 0.237 },
  "Source Sans 3": { ascent: 1.024, cap: 0.66, x: 0.486, space: 0.2 },
  Inter: { ascent: 0.969, cap: 0.728, x: 0.546, space: 0.281 },
  "IBM Plex Sans": { ascent: 1.025, cap: 0.698, x: 0.516, space: 0.236 },
  "EB Garamond": { ascent: 1.007, cap: 0.65, x: 0.4, space: 0.2 },
};
const TYPICAL = { ascent: 1, cap: 0.7, x: 0.5, space: 0.25 };

/**
 * Where an icon stands beside a contact in `text`'s style: its side (0.6 em), its distance from
 * the top of the line (its middle on the first line's optical middle, between half the capitals'
 * height and half the lower-case letters' above the baseline, which react-pdf sets the font's
 * ascent below the line's top whatever the line height), the gap between it and the text (0.29
 * em), and the width of a no-break space in the font.
 */
export function iconPlace(text: Style): { side: number; top: number; gap: number; space: number; size: number } {
  const size = typeof text.fontSize === "number" ? text.fontSize : 10;
  const side = r2(size * EM);
  const family = Array.isArray(text.fontFamily) ? text.fontFamily[0] : text.fontFamily;
  const m = (family && FONT_METRICS[family]) || TYPICAL;
  const top = r2(Math.max(0, size * (m.ascent - (m.cap + m.x) / 4 - 0.03) - side / 2));
  return { side, top, gap: r2(size * GAP), space: size * m.space, size };
}

/**
 * The icon of a contact drawn in `text`'s style, before it in a row (on its right in a mirrored
 * sheet), or where `at` places it.
 */
export function ContactIcon({
  kind,
  text,
  color,
  mirrored,
  at,
}: {
  kind: Kind;
  text: Style;
  color: string;
  mirrored: boolean;
  at?: Style;
}) {
  const { side, top, gap } = iconPlace(text);
  const box: Style = at
    ? { width: side, height: side, position: "absolute", top, ...at }
    : { width: side, height: side, marginTop: top, marginRight: gap, flexShrink: 0 };
  const d = ICONS[kind];
  return (
    <Svg viewBox="0 0 24 24" style={mirrored ? mirror(box) : box} {...tagged("Artifact")}>
      {d.fill ? <Path d={d.fill} fill={color} fillRule="evenodd" /> : null}
      {d.stroke ? (
        <Path d={d.stroke} fill="none" stroke={color} strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" />
      ) : null}
    </Svg>
  );
}
