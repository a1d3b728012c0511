/**
 * The scripts (and so the fonts) a document needs, in one place for résumés and letters: what the
 * text and its locale's words need (model/normalize.ts's fontsFor), with the installed CJK fonts
 * added that cover characters the chosen one lacks (render/glyphs.ts's completeCjk: it opens fonts,
 * which the model stage may not). Given to `normalize`, so a view model is complete when it is made.
 */
import type { Cjk } from "../common/ids.js";
import type { Locale } from "../model/locale.js";
import { fontsFor } from "../model/normalize.js";
import type { ScriptNeeds } from "../model/scripts.js";
import { completeCjk } from "../render/glyphs.js";

/** `text`'s needs, completed for every CJK character of `everyText` (default: the same text). */
export function scriptsFor(text: string, locale: Locale, forced?: Cjk, everyText = text): ScriptNeeds {
  return completeCjk(fontsFor(text, locale, forced), everyText);
}
