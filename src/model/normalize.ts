/**
 * Stage 3 — normalize: turn a validated résumé into the view model a theme draws (view-model.ts):
 * sections in their final order (sections.ts), dates formatted (locale.ts), the contact line
 * (contacts.ts), typography applied (typeset.ts), the fonts its scripts need (scripts.ts). Pure: no I/O.
 */
import { definedOnly } from "../common/objects.js";
import type { Assets } from "../input/assets.js";
import type { Resume } from "../input/schema.js";
import { contactLine } from "./contacts.js";
import { formatDate, formatRange, languageTag, WORDS } from "./locale.js";
import { resumeText } from "./resume-text.js";
import type { Cjk } from "../common/ids.js";
import type { Locale } from "./locale.js";
import { detectLocale, documentDirection, fontsFor, type ScriptNeeds } from "./scripts.js";
import { buildSections, type SectionContext } from "./sections.js";
import { dropInvisible, inQuotes, quotesOf, typesetText } from "./typeset.js";
import type { RenderOptions, ViewModel } from "./view-model.js";

// Named here too for the stages after this one, which import them from normalize.js.
export { definedOnly } from "../common/objects.js";
export { NOT_PRINTED, resumeText } from "./resume-text.js";
export { fontsFor } from "./scripts.js";
export { SHORT_ADDRESS, sectionIds } from "./sections.js";
export { EN_DASH, NBSP, typeset } from "./typeset.js";
export type { Entry, Link, RenderOptions, Section, Style, ViewModel } from "./view-model.js";

/**
 * `scriptsFor` tells the fonts the text needs (default: fontsFor); the pipeline passes one that
 * also looks at the installed CJK fonts, so the view model is complete when it is made.
 */
export function normalize(
  r: Resume,
  assets: Assets,
  opts: RenderOptions & { language?: string } = {},
  scriptsFor: (text: string, locale: Locale, forced?: Cjk) => ScriptNeeds = fontsFor,
): ViewModel {
  const { language: _language, ...knobs } = opts;
  const o = { ...r.render, ...definedOnly(knobs) };
  const text = resumeText(r);
  // A résumé written mostly in a script that names its language (Chinese, Arabic, Thai …), or in
  // Vietnamese, gets its titles in that language unless render.locale says otherwise.
  const locale = o.locale ?? detectLocale(text) ?? "en";
  const dateFormat = o.dateFormat ?? "short";
  const tag = languageTag(locale);
  const ctx: SectionContext = {
    r,
    assets,
    words: WORDS[locale],
    titles: { ...r.render?.titles, ...opts.titles },
    date: (iso) => (iso ? formatDate(iso, locale, dateFormat) : undefined),
    range: (start, end) => formatRange(start, end, locale, dateFormat),
    caps: (title) => title.toLocaleUpperCase(tag),
  };
  const sections = buildSections(ctx, o.order, o.hide);

  const b = r.basics;
  const contacts = contactLine(b);

  const keywords = new Set<string>();
  for (const s of r.skills ?? []) {
    for (const k of s.keywords?.length ? s.keywords : [s.name]) if (k?.trim()) keywords.add(k.trim());
  }

  const name = dropInvisible(b.name.trim());
  const forced = o.cjk;
  const q = quotesOf(locale);
  return {
    name,
    label: q(typesetText(b.label)),
    contacts: contacts.map((c) => ({ ...c, text: q(c.text)! })),
    sections: sections.map((sec) => inQuotes(sec, q)),
    theme: o.theme ?? "classic",
    paper: o.paper ?? "a4",
    scripts: scriptsFor(text, locale, forced),
    locale,
    direction: documentDirection(text, locale),
    style: {
      accent: o.accent,
      font: o.font,
      fontSize: o.fontSize,
      lineSpacing: o.lineSpacing,
      margins: o.margins,
      ...(o.icons === undefined ? {} : { icons: o.icons }),
    },
    photo: o.photo && assets.photo ? { ...assets.photo, alt: `Photo of ${name}` } : undefined,
    metadata: {
      title: `${name} \u2014 ${ctx.words.resume}`,
      author: name,
      subject: b.label?.trim() || undefined,
      keywords: [...keywords],
      language: opts.language ?? tag,
    },
  };
}
