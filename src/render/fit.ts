/**
 * Tightening, for `--fit N` (fitting the résumé to N pages, pipeline/paginate.ts `fitLayout`): a
 * theme's tokens tightened step by step — spacing first, then leading, then font size and
 * margins — never below legible floors (body 9 pt, margins 12 mm).
 *
 * "Fit" says three things in this program, each with its own word in the code: fitting to N pages
 * (`--fit`, `fitLayout`), made of these tightening steps; whether a block has room on a page
 * (render/flow/plan.ts `hasRoom`); and an image contained in its box (themes/primitives.tsx
 * `containedIn`).
 */
import { mm, type ThemeTokens } from "./themes/tokens.js";

export const FLOORS = { body: 9, margin: mm(12), leading: 1.15 };

/** One tightening step: the tightened tokens and what changed. */
export interface Tightening {
  tokens: ThemeTokens;
  /** What differs from the theme, in words ("spacing −30%", "body 9.5 pt"). */
  changes: string[];
  /** Only the space between blocks and lines changes, not the text's size or leading. */
  spacingOnly: boolean;
}

/** How far a step tightens: spacing scaled, leading, body size and margins capped. */
interface TighteningLevel {
  spacing: number;
  leading?: number;
  body?: number;
  margin?: number;
}

const LEVELS: TighteningLevel[] = [
  { spacing: 0.85 },
  { spacing: 0.7 },
  { spacing: 0.55 },
  { spacing: 0.55, leading: 1.2 },
  { spacing: 0.55, leading: 1.15 },
  { spacing: 0.55, leading: 1.15, body: 9.5 },
  { spacing: 0.55, leading: 1.15, body: 9.5, margin: mm(14) },
  { spacing: 0.55, leading: 1.15, body: 9, margin: mm(14) },
  { spacing: 0.55, leading: 1.15, body: 9, margin: mm(12) },
];

const round = (v: number) => Math.round(v * 100) / 100;

export function tighten(base: ThemeTokens, level: TighteningLevel): Tightening {
  const changes: string[] = [];
  const space = Object.fromEntries(
    Object.entries(base.space).map(([k, v]) => [k, round(v * level.spacing)]),
  ) as ThemeTokens["space"];
  changes.push(`spacing −${Math.round((1 - level.spacing) * 100)}%`);
  let leading = base.leading;
  if (level.leading !== undefined && level.leading < base.leading) {
    leading = Math.max(FLOORS.leading, level.leading);
    changes.push(`leading ${leading.toFixed(2)}`);
  }
  let size = base.size;
  if (level.body !== undefined && level.body < base.size.body) {
    const scale = Math.max(FLOORS.body, level.body) / base.size.body;
    size = Object.fromEntries(Object.entries(base.size).map(([k, v]) => [k, round(v * scale)])) as ThemeTokens["size"];
    changes.push(`body ${size.body} pt`);
  }
  let margin = base.margin;
  if (level.margin !== undefined) {
    const m = Math.max(FLOORS.margin, level.margin);
    margin = {
      top: Math.min(base.margin.top, m),
      right: Math.min(base.margin.right, m),
      bottom: Math.min(base.margin.bottom, m),
      left: Math.min(base.margin.left, m),
    };
    if (JSON.stringify(margin) !== JSON.stringify(base.margin))
      changes.push(`margins ${Math.round((m * 25.4) / 72)} mm`);
  }
  return {
    tokens: { ...base, space, leading, size, margin },
    changes,
    spacingOnly: leading === base.leading && size === base.size && margin === base.margin,
  };
}

/** The tightening steps, loosest first. */
export function tighteningSteps(base: ThemeTokens): Tightening[] {
  return LEVELS.map((l) => tighten(base, l));
}
