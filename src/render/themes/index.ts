/**
 * The registry: every theme by its name, each naming its layout (render/layouts/), and what a
 * résumé's style knobs make of a theme's tokens. The built-in themes are files in the package's
 * `themes/` folder (files.ts reads them), each read when it is first asked for.
 */
import { TEXT_FONTS } from "../fonts.js";
import type { Style, ViewModel } from "../../model/normalize.js";
import { THEMES, type Theme } from "../../common/ids.js";
import { layouts } from "../layouts/index.js";
import type { Layout } from "../layouts/layout.js";
import { builtinTheme, themeByKey } from "./files.js";
import { mm, type ThemeTokens } from "./tokens.js";

export { fontStack, installedStack, stackFaces, type FontStack } from "./stack.js";

/**
 * The built-in themes, by the names the input may choose (common/ids.ts): each read from its file
 * the first time it is looked at.
 */
export const themes = Object.defineProperties(
  {},
  Object.fromEntries(
    THEMES.map((name) => [name, { enumerable: true, get: () => builtinTheme(name).tokens }]),
  ) as PropertyDescriptorMap,
) as Readonly<Record<Theme, ThemeTokens>>;

/** The layout a theme's tokens name: what every stage asks about columns, reading order and pages. */
export const layoutOf = (k: Pick<ThemeTokens, "layout">): Layout => layouts[k.layout];

const round = (v: number) => Math.round(v * 100) / 100;

/** A theme's tokens with a résumé's style knobs (accent, font, size, leading, margins) applied. */
export function applyStyle(base: ThemeTokens, style: Style): ThemeTokens {
  const t: ThemeTokens = {
    ...base,
    color: { ...base.color },
    font: { ...base.font },
    margin: { ...base.margin },
    size: { ...base.size },
  };
  if (style.accent) {
    // The accent takes every coloured role the theme gives its own accent.
    for (const role of ["rule", "link", "name", "title"] as const)
      if (base.color[role] === base.color.accent) t.color[role] = style.accent;
    t.color.accent = style.accent;
  }
  if (style.font) t.font = { body: TEXT_FONTS[style.font], heading: TEXT_FONTS[style.font] };
  if (style.fontSize) {
    const scale = style.fontSize / base.size.body;
    t.size = Object.fromEntries(
      Object.entries(base.size).map(([k, v]) => [k, round(v * scale)]),
    ) as ThemeTokens["size"];
  }
  if (style.lineSpacing) t.leading = style.lineSpacing;
  if (style.margins) {
    const m = mm(style.margins);
    t.margin = { top: m, right: m, bottom: m, left: m };
  }
  if (style.icons !== undefined) t.icons = style.icons;
  return t;
}

/**
 * The tokens a view model is drawn with: its theme (a built-in name, or the file that
 * pipeline/resume.ts resolved `render.theme` to) with its style knobs applied.
 */
export function themeTokens(vm: Pick<ViewModel, "theme" | "style">): ThemeTokens {
  return applyStyle(themeByKey(vm.theme).tokens, vm.style);
}

/**
 * The plain arrangement of a theme's page: one column, the header's lines one under the other, the
 * dates at the end of an entry's first line, titles above their sections; its fonts, sizes and
 * colours kept. Undefined when the theme is arranged so already. A parser must read a theme's
 * pages as well as it reads its plain arrangement's (pipeline/draw.ts, check/parse-check.ts).
 */
export function plainArrangement(k: ThemeTokens): ThemeTokens | undefined {
  const oneColumn = layoutOf(k).readsLike;
  if (!oneColumn && k.header.align !== "split" && k.entry.dates === "right" && k.sectionTitle.position === "above")
    return undefined;
  return {
    ...k,
    layout: oneColumn ?? k.layout,
    header: { ...k.header, align: k.header.align === "split" ? "left" : k.header.align },
    entry: { ...k.entry, dates: "right" },
    sectionTitle: { ...k.sectionTitle, position: "above" },
  };
}
