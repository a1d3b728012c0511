/**
 * Stage 3 — normalize: turn a validated résumé into the view model a theme draws: sections in
 * their final order, dates formatted, links made readable, typography applied. Pure: no I/O.
 */
import type { Assets, ImageAsset } from "../input/assets.js";
import { linkRefusal } from "../common/links.js";
import { type Cjk, type TextFont } from "../common/ids.js";
import { formatDate, formatRange, languageTag, WORDS, type Locale, type Words } from "./locale.js";
import { detectLocale, INVISIBLE, scriptNeeds, type ScriptNeeds } from "./scripts.js";
import { type Paper, type Theme } from "../common/ids.js";
import {
  BUILTIN_SECTIONS,
  customSectionId,
  emailProblem,
  urlProblem,
  type BuiltinSection,
  type Resume,
} from "../input/schema.js";

export const NBSP = "\u00A0";
export const EN_DASH = "\u2013";

export interface Link {
  text: string;
  href?: string;
}

export interface Entry {
  /** Bold first line, left: organisation, institution, project or award. */
  title?: string;
  titleHref?: string;
  /** First line, right-aligned: the dates, or a project's address when it has no dates. */
  date?: string;
  /** Makes `date` a link (it is then the readable form of this URL). */
  dateHref?: string;
  /** Second line, left (italic): role, degree, issuer. */
  subtitle?: string;
  /** Second line, right: place, or the address of a project or publication. */
  location?: string;
  /** Makes `location` a link (it is then the readable form of this URL). */
  locationHref?: string;
  /** Italic note under the heading, e.g. what the company does. */
  note?: string;
  summary?: string;
  bullets: string[];
  /** Small labelled lines after the bullets: "Courses: …", "Keywords: …". */
  details: { label: string; value: string; href?: string }[];
  badge?: ImageAsset & { href?: string; alt: string };
}

/** A section's title, and the same in capitals as its language writes them (Turkish `i` → `İ`). */
interface Titled {
  id: string;
  title: string;
  caps: string;
}

export type Section =
  | (Titled & { kind: "text"; paragraph?: string; bullets: string[] })
  | (Titled & { kind: "entries"; entries: Entry[] })
  | (Titled & { kind: "rows"; rows: { label: string; value: string }[]; inline: boolean });

export interface ViewModel {
  name: string;
  label?: string;
  contacts: Link[];
  sections: Section[];
  theme: Theme;
  paper: Paper;
  /** The emoji and CJK fonts the text needs (render.cjk forces its choice). */
  scripts: ScriptNeeds;
  locale: Locale;
  style: Style;
  photo?: ImageAsset & { alt: string };
  metadata: {
    title: string;
    author: string;
    subject?: string;
    keywords: string[];
    language: string;
  };
}

/** Render options that the command line may set over the file's `render`. */
export type RenderOptions = Partial<
  Pick<
    NonNullable<Resume["render"]>,
    | "theme"
    | "paper"
    | "accent"
    | "font"
    | "fontSize"
    | "lineSpacing"
    | "margins"
    | "locale"
    | "dateFormat"
    | "photo"
    | "order"
    | "hide"
    | "titles"
    | "cjk"
  >
>;

/** How a document is styled beyond its theme: the knobs the file and command line set. */
export interface Style {
  accent?: string;
  font?: TextFont;
  fontSize?: number;
  lineSpacing?: number;
  margins?: number;
}

const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "gu");
/** Joiners and variation selectors shape emoji; the other invisible code points have no glyph. */
const KEEP_INVISIBLE = new Set(["\u200D", "\uFE0E", "\uFE0F"]);

/**
 * Code points that are never drawn go (zero-width spaces, direction marks, soft hyphens, which
 * the line breaker drops anyway), except the joiners and selectors that shape emoji.
 */
export function dropInvisible(s: string): string {
  return s.replace(INVISIBLE_ALL, (ch) => (KEEP_INVISIBLE.has(ch) ? ch : ""));
}

/** Straight quotes and ASCII dashes to their typographic forms; everything else untouched. */
export function typeset(s: string): string {
  return (
    dropInvisible(s)
      // Runs of spaces and tabs print as one space; none before CJK closing punctuation (。、」…),
      // which may not start a line.
      .replace(/[ \t]{2,}/g, " ")
      // Spaces around a line break go, and several blank lines are one paragraph break.
      .replace(/[ \t]*\r?\n[ \t]*/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .replace(/ (?=[、。，．・：；？！）」』】〕〉》])/g, "")
      .replace(/(^|[\s([{\u2014\u2013-])"(?=\S)/g, "$1\u201C")
      .replace(/"/g, "\u201D")
      .replace(/(\p{L}|\p{N})'(?=\p{L})/gu, "$1\u2019")
      // An elision is an apostrophe, never an opening quote: '16, '90s, rock 'n' roll, 'til.
      .replace(/(^|[\s([{\u2013-])'(?=\d\d(?!\d))/g, "$1\u2019")
      .replace(/(^|\s)'n'(?=\s)/gi, "$1\u2019n\u2019")
      .replace(/(^|\s)'(?=(?:til|em|cause|bout|tis|twas|kay)\b)/gi, "$1\u2019")
      .replace(/(^|[\s([{])'(?=\S)/g, "$1\u2018")
      .replace(/'/g, "\u2019")
      .replace(/(\S) -{2,3} (\S)/g, `$1${NBSP}\u2014 $2`)
      // Year ranges such as 2011-2012 take an en dash; other digit-dash-digit runs (phones, ISO dates) stay.
      .replace(/(?<![\d-])(\d{4})-{1,2}(\d{4})(?![\d-])/g, `$1${EN_DASH}$2`)
      .replace(/\.\.\./g, "\u2026")
  );
}

/**
 * A URL as printed: short, and still a URL to a reader that only has the text. With a path it
 * loses its scheme and `www.` (`https://www.linkedin.com/in/rajat-jog/` → `linkedin.com/in/rajat-jog`);
 * a bare host keeps `www.` when it has one, or else its scheme (`https://jane.dev`): URL
 * detectors (and applicant-tracking systems) do not recognise `jane.dev`.
 */
export function displayUrl(url: string): string {
  // One that is no link prints as written: shortened, `https://a.example@b.example/x` would read as a.example.
  if (linkRefusal(url)) return url.trim();
  const rest = url.replace(/^https?:\/\//i, "").replace(/\/$/, "");
  if (/[/?#]/.test(rest)) return rest.replace(/^www\./i, "");
  if (/^www\./i.test(rest) || !/^https?:\/\//i.test(url)) return rest;
  return `https://${rest}`;
}

/** Double and single quotes by language: the opening and closing marks of each. */
const QUOTES: Partial<Record<Locale, [string, string, string, string]>> = {
  de: ["\u201E", "\u201C", "\u201A", "\u2018"],
  cs: ["\u201E", "\u201C", "\u201A", "\u2018"],
  pl: ["\u201E", "\u201D", "\u201A", "\u2019"],
  ro: ["\u201E", "\u201D", "\u201A", "\u2019"],
  hu: ["\u201E", "\u201D", "\u00BB", "\u00AB"],
  fr: ["\u00AB\u202F", "\u202F\u00BB", "\u2039\u202F", "\u202F\u203A"],
  es: ["\u00AB", "\u00BB", "\u201C", "\u201D"],
  it: ["\u00AB", "\u00BB", "\u201C", "\u201D"],
  ru: ["\u00AB", "\u00BB", "\u201E", "\u201C"],
  uk: ["\u00AB", "\u00BB", "\u201E", "\u201C"],
  el: ["\u00AB", "\u00BB", "\u201C", "\u201D"],
  nb: ["\u00AB", "\u00BB", "\u2018", "\u2019"],
  da: ["\u00BB", "\u00AB", "\u203A", "\u2039"],
  sv: ["\u201D", "\u201D", "\u2019", "\u2019"],
  fi: ["\u201D", "\u201D", "\u2019", "\u2019"],
  "zh-tw": ["\u300C", "\u300D", "\u300E", "\u300F"],
  ja: ["\u300C", "\u300D", "\u300E", "\u300F"],
};

/**
 * Quotation marks as the résumé's language writes them: a pair typeset set in English marks
 * (“…”, ‘…’) takes the language's (German „…“, French « … », Japanese 「…」). An apostrophe
 * stays an apostrophe.
 */
export function quotesOf(locale: Locale): (s: string | undefined) => string | undefined {
  const marks = QUOTES[locale];
  if (!marks) return (s) => s;
  const [open, close, open1, close1] = marks;
  return (s) =>
    s
      ?.replace(/\u201C([^\u201C\u201D\n]*)\u201D/g, `${open}$1${close}`)
      .replace(
        /(^|[\s([{\u201C\u201E\u00AB])\u2018([^\u2018\u2019\n]*[^\s\u2018\u2019])\u2019(?!\p{L})/gu,
        `$1${open1}$2${close1}`,
      );
}

/** A section with its text's quotation marks in the résumé's language (links untouched). */
function inQuotes(section: Section, q: (s: string | undefined) => string | undefined): Section {
  const qs = (list: string[]) => list.map((b) => q(b)!);
  if (section.kind === "text")
    return {
      ...section,
      ...(section.paragraph === undefined ? {} : { paragraph: q(section.paragraph) }),
      bullets: qs(section.bullets),
    };
  if (section.kind === "rows")
    return { ...section, rows: section.rows.map((r) => ({ label: q(r.label)!, value: q(r.value)! })) };
  return {
    ...section,
    entries: section.entries.map((e) => {
      const out: Entry = {
        ...e,
        bullets: qs(e.bullets),
        details: e.details.map((d) => ({ ...d, value: q(d.value)! })),
      };
      for (const k of ["title", "subtitle", "note", "summary"] as const) if (e[k] !== undefined) out[k] = q(e[k]);
      return out;
    }),
  };
}

/** A link target only for an address that can be one; the input warned about any other. */
const link = (url: string | undefined) => (url !== undefined && urlProblem(url) === undefined ? url : undefined);

/**
 * Lines of a paragraph that start with `- `, `* ` or `• ` are bullets, as Markdown and every HTML
 * theme read them (and as HTML lists are read into them); the other lines stay the paragraph.
 */
export function splitBullets(text: string | undefined): { paragraph?: string; bullets: string[] } {
  if (text === undefined || !/(?:^|\n)[ \t]*[-*•][ \t]+\S/.test(text)) return { paragraph: text, bullets: [] };
  const bullets: string[] = [];
  const rest: string[] = [];
  for (const line of text.split("\n")) {
    const m = /^[ \t]*[-*•][ \t]+(\S.*)$/.exec(line);
    if (m) bullets.push(m[1]!.trim());
    else rest.push(line);
  }
  const paragraph = rest
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { paragraph: paragraph || undefined, bullets };
}

/** A summary and its bullet lines, then the highlights. */
function withBullets(summary: string | undefined, highlights: string[]): { summary?: string; bullets: string[] } {
  const s = splitBullets(summary);
  return { summary: s.paragraph, bullets: [...s.bullets, ...highlights] };
}

/** The same address, however written: no scheme, no `www.`, no final slash, host in lower case. */
const sameAddress = (url: string) => {
  const rest = url
    .trim()
    .replace(/^https?:\/\//i, "")
    .replace(/^www\./i, "")
    .replace(/\/+$/, "");
  const slash = rest.search(/[/?#]/);
  return slash < 0 ? rest.toLowerCase() : rest.slice(0, slash).toLowerCase() + rest.slice(slash);
};

/** A link given twice (`basics.url` and a profile, often LinkedIn) prints once, where it comes first. */
function onceEach(contacts: Link[]): Link[] {
  const seen = new Set<string>();
  return contacts.filter((c) => {
    const key = c.href && /^https?:/i.test(c.href) ? sameAddress(c.href) : c.href;
    if (key === undefined) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Web addresses in the contact line print in one style: without `https://`, unless one of them
 * needs it to read as an address (a bare host such as `https://jane.dev`, which URL detectors
 * miss without it); then every one prints with it.
 */
function oneStyle(contacts: Link[]): Link[] {
  const web = (c: Link) =>
    c.href !== undefined &&
    /^https?:/i.test(c.href) &&
    /^(?:https?:\/\/)?[^\s]+$/i.test(c.text) &&
    c.text.replace(/^https?:\/\//i, "") === displayUrl(c.href).replace(/^https?:\/\//i, "");
  if (!contacts.some((c) => web(c) && /^https?:\/\//i.test(c.text))) return contacts;
  return contacts.map((c) =>
    web(c) && !/^https?:\/\//i.test(c.text)
      ? { ...c, text: `${/^http:/i.test(c.href!) ? "http" : "https"}://${c.text}` }
      : c,
  );
}

function placeText(loc: Resume["basics"]["location"] | string | undefined): string | undefined {
  if (loc === undefined) return undefined;
  if (typeof loc === "string") return loc.trim() || undefined;
  const parts = [loc.city, loc.region, loc.countryCode].filter((p): p is string => !!p && p.trim() !== "");
  return parts.length ? parts.join(", ") : undefined;
}

const t = (s: string | undefined) => {
  const out = s === undefined ? "" : typeset(s.trim()).trim();
  return out === "" ? undefined : out;
};
/** Bullets and keywords: tagged bullets (`{ text, tags }`) print their text. */
const ts = (list: (string | { text: string })[] | undefined) =>
  (list ?? []).map((b) => typeset((typeof b === "string" ? b : b.text).trim()).trim()).filter((s) => s !== "");

/**
 * An address this short fits the dates' place on an entry's first line, or the place's on its
 * second; a longer one would wrap there, and prints on a line of its own (render/themes).
 */
export const SHORT_ADDRESS = 32;

function entry(fields: Partial<Entry>): Entry {
  const e: Entry = { bullets: [], details: [] };
  for (const [k, v] of Object.entries(fields)) {
    if (v !== undefined) (e as unknown as Record<string, unknown>)[k] = v;
  }
  // A short address without dates takes the dates' place on the first line, not a line of its
  // own (a long one would wrap there, above or beside the title, and stays on the second line).
  if (
    e.date === undefined &&
    e.location !== undefined &&
    e.locationHref !== undefined &&
    e.location.length <= SHORT_ADDRESS
  ) {
    e.date = e.location;
    e.dateHref = e.locationHref;
    delete e.location;
    delete e.locationHref;
  }
  return e;
}

function joinNonEmpty(parts: (string | undefined)[], sep: string): string | undefined {
  const kept = parts.filter((p): p is string => !!p);
  return kept.length ? kept.join(sep) : undefined;
}

interface Context {
  r: Resume;
  assets: Assets;
  words: Words;
  /** Titles set by the résumé or the command line, by built-in section id. */
  titles: Partial<Record<BuiltinSection, string>>;
  date(iso: string | undefined): string | undefined;
  range(start: string | undefined, end: string | undefined): string | undefined;
  /** A title in capitals, by the rules of the résumé's language. */
  caps(title: string): string;
}

function builtinSection(
  id: BuiltinSection,
  { r, assets, words, titles, date, range, caps }: Context,
): Section | undefined {
  const title = typeset(titles[id] ?? words.titles[id]);
  const head = { id, title, caps: caps(title) };
  const entries = (all: Entry[]): Section | undefined => {
    // An entry whose fields are all empty prints nothing.
    const list = all.filter((e) => Object.keys(e).length > 2 || e.bullets.length || e.details.length);
    return list.length ? { kind: "entries", ...head, entries: list } : undefined;
  };
  const rowsOf = (all: { label: string; value: string }[], inline: boolean): Section | undefined => {
    const rows = all.filter((r) => r.label || r.value);
    return rows.length ? { kind: "rows", ...head, rows, inline } : undefined;
  };
  switch (id) {
    case "summary": {
      const { paragraph, bullets } = splitBullets(t(r.basics.summary));
      return paragraph || bullets.length
        ? { kind: "text", ...head, ...(paragraph ? { paragraph } : {}), bullets }
        : undefined;
    }
    case "work":
      return entries(
        (r.work ?? []).map((w) =>
          entry({
            title: t(w.name),
            titleHref: link(w.url),
            date: range(w.startDate, w.endDate),
            subtitle: t(w.position),
            location: t(placeText(w.location)),
            note: t(w.description),
            ...withBullets(t(w.summary), ts(w.highlights)),
          }),
        ),
      );
    case "volunteer":
      return entries(
        (r.volunteer ?? []).map((v) =>
          entry({
            title: t(v.organization),
            titleHref: link(v.url),
            date: range(v.startDate, v.endDate),
            subtitle: t(v.position),
            ...withBullets(t(v.summary), ts(v.highlights)),
          }),
        ),
      );
    case "education":
      return entries(
        (r.education ?? []).map((e) => {
          const degree = joinNonEmpty([t(e.studyType), t(e.area)], words.degreeIn);
          const details = [];
          if (e.score?.trim()) details.push({ label: words.score, value: typeset(e.score.trim()) });
          const courses = ts(e.courses);
          if (courses.length) details.push({ label: words.courses, value: courses.join(", ") });
          return entry({
            title: t(e.institution),
            titleHref: link(e.url),
            date: range(e.startDate, e.endDate),
            subtitle: degree,
            location: t(placeText(e.location)),
            ...withBullets(t(e.summary), ts(e.highlights)),
            details,
          });
        }),
      );
    case "awards":
      return entries(
        (r.awards ?? []).map((a) =>
          entry({ title: t(a.title), date: date(a.date), subtitle: t(a.awarder), ...withBullets(t(a.summary), []) }),
        ),
      );
    case "certificates":
      return entries(
        (r.certificates ?? []).map((c) => {
          const image = assets.badges.get(c);
          return entry({
            title: t(c.name),
            titleHref: link(c.url),
            date: date(c.date),
            subtitle: t(c.issuer),
            badge: image ? { ...image, href: link(c.url), alt: `${c.name ?? "Certificate"} badge` } : undefined,
            details: c.url ? [{ label: words.verify, value: displayUrl(c.url), href: link(c.url) }] : [],
          });
        }),
      );
    case "publications":
      return entries(
        (r.publications ?? []).map((p) =>
          entry({
            title: t(p.name),
            titleHref: link(p.url),
            date: date(p.releaseDate),
            subtitle: t(p.publisher),
            location: p.url ? displayUrl(p.url) : undefined,
            locationHref: link(p.url),
            ...withBullets(t(p.summary), []),
          }),
        ),
      );
    case "projects":
      return entries(
        (r.projects ?? []).map((p) => {
          const keywords = ts(p.keywords);
          return entry({
            title: t(p.name),
            titleHref: link(p.url),
            date: range(p.startDate, p.endDate),
            subtitle: joinNonEmpty([ts(p.roles).join(", ") || undefined, t(p.entity), t(p.type)], ", "),
            // The address printed readably as well as linked: paper has no hyperlinks.
            location: p.url ? displayUrl(p.url) : undefined,
            locationHref: link(p.url),
            ...withBullets(t(p.description), ts(p.highlights)),
            details: keywords.length ? [{ label: words.keywords, value: keywords.join(", ") }] : [],
          });
        }),
      );
    case "references":
      return entries(
        // A reference is its words: a name alone prints nothing (not a bold name with no text).
        (r.references ?? [])
          .filter((ref) => ref.reference?.trim())
          .map((ref) => entry({ title: t(ref.name), summary: `\u201C${typeset(ref.reference!.trim())}\u201D` })),
      );
    case "skills": {
      const rows = (r.skills ?? []).map((s) => ({
        label: joinNonEmpty([t(s.name), s.level?.trim() ? `(${typeset(s.level.trim())})` : undefined], " ") ?? "",
        value: ts(s.keywords).join(", "),
      }));
      return rowsOf(rows, false);
    }
    case "languages":
      return rowsOf(
        (r.languages ?? []).map((l) => ({ label: t(l.language) ?? "", value: t(l.fluency) ?? "" })),
        true,
      );
    case "interests":
      return rowsOf(
        (r.interests ?? []).map((i) => ({ label: t(i.name) ?? "", value: ts(i.keywords).join(", ") })),
        false,
      );
  }
}

/** The ids of the sections this résumé has, in print order (render.order first). */
/** Every section id the résumé may print: the built-in ones, then its custom sections. */
export function sectionIds(r: Resume): string[] {
  return [...BUILTIN_SECTIONS, ...(r.customSections ?? []).map(customSectionId)];
}

export function sectionOrder(r: Resume, order: string[] = r.render?.order ?? []): string[] {
  const all = sectionIds(r);
  const listed = order;
  return [...listed, ...all.filter((id) => !listed.includes(id))];
}

/**
 * `scriptsFor` tells the fonts the text needs (default: fontsFor); the pipeline passes one that
 * also looks at the installed CJK fonts, so the view model is complete when it is made.
 */
export function normalize(
  r: Resume,
  assets: Assets,
  opts: RenderOptions = {},
  scriptsFor: (text: string, locale: Locale, forced?: Cjk) => ScriptNeeds = fontsFor,
): ViewModel {
  const o = { ...r.render, ...definedOnly(opts) };
  const text = resumeText(r);
  // A résumé written in Chinese, Japanese, Korean, Greek, Russian or Ukrainian gets its titles in
  // that language unless render.locale says otherwise.
  const locale = o.locale ?? detectLocale(text) ?? "en";
  const dateFormat = o.dateFormat ?? "short";
  const tag = languageTag(locale);
  const ctx: Context = {
    r,
    assets,
    words: WORDS[locale],
    titles: { ...r.render?.titles, ...opts.titles },
    date: (iso) => (iso ? formatDate(iso, locale, dateFormat) : undefined),
    range: (start, end) => formatRange(start, end, locale, dateFormat),
    caps: (title) => title.toLocaleUpperCase(tag),
  };
  const customById = new Map((r.customSections ?? []).map((s) => [customSectionId(s), s]));
  const hidden = new Set(o.hide ?? []);
  const sections: Section[] = [];
  for (const id of sectionOrder(r, o.order)) {
    if (hidden.has(id)) continue;
    const custom = customById.get(id);
    if (custom) {
      const title = typeset(custom.title.trim());
      sections.push({
        kind: "text",
        id,
        title,
        caps: ctx.caps(title),
        paragraph: t(custom.summary),
        bullets: ts(custom.highlights),
      });
      continue;
    }
    const s = builtinSection(id as BuiltinSection, ctx);
    if (s) sections.push(s);
  }

  const b = r.basics;
  const contacts: Link[] = [];
  const place = placeText(b.location);
  if (place) contacts.push({ text: typeset(place) });
  if (b.email)
    contacts.push({ text: b.email.trim(), ...(emailProblem(b.email) ? {} : { href: `mailto:${b.email.trim()}` }) });
  const phone = b.phone?.trim();
  // A number is a tel: link; anything else ("Upon request") is printed as it is.
  if (phone)
    contacts.push(
      isPhoneNumber(phone)
        ? { text: phone, href: `tel:${phone.replace(/(?:ext\.?|x|#).*$/i, "").replace(/[^\d+]/g, "")}` }
        : { text: typeset(phone) },
    );
  if (b.url) contacts.push({ text: displayUrl(b.url), href: link(b.url) });
  for (const p of b.profiles ?? []) {
    // A link that is not a web address (skype:…) reads better as the network and user name.
    const handle = p.username?.trim() ? joinNonEmpty([t(p.network), p.username.trim()], ": ") : undefined;
    if (p.url && !/^https?:/i.test(p.url) && handle) contacts.push({ text: handle, href: link(p.url) });
    else if (p.url) contacts.push({ text: displayUrl(p.url), href: link(p.url) });
    else if (p.username?.trim()) contacts.push({ text: joinNonEmpty([t(p.network), p.username.trim()], ": ")! });
  }

  const contactLine = oneStyle(onceEach(contacts));

  const keywords = new Set<string>();
  for (const s of r.skills ?? []) {
    for (const k of s.keywords?.length ? s.keywords : [s.name]) if (k?.trim()) keywords.add(k.trim());
  }

  const name = dropInvisible(b.name.trim());
  const forced = o.cjk;
  const q = quotesOf(locale);
  return {
    name,
    label: q(t(b.label)),
    contacts: contactLine.map((c) => ({ ...c, text: q(c.text)! })),
    sections: sections.map((sec) => inQuotes(sec, q)),
    theme: o.theme ?? "classic",
    paper: o.paper ?? "a4",
    scripts: scriptsFor(text, locale, forced),
    locale,
    style: { accent: o.accent, font: o.font, fontSize: o.fontSize, lineSpacing: o.lineSpacing, margins: o.margins },
    photo: o.photo && assets.photo ? { ...assets.photo, alt: `Photo of ${name}` } : undefined,
    metadata: {
      title: `${name} \u2014 ${ctx.words.resume}`,
      author: name,
      subject: b.label?.trim() || undefined,
      keywords: [...keywords],
      language: tag,
    },
  };
}

/**
 * The emoji and script fonts a résumé's text needs, with the words its locale prints (titles,
 * "Present", dates); a CJK font asked for by name replaces the one the text would choose.
 */
export function fontsFor(text: string, locale: Locale, forced?: Cjk): ScriptNeeds {
  const words = WORDS[locale];
  const needs = scriptNeeds(
    `${text}\n${Object.values(words.titles).join("\n")}\n${words.present}\n${formatDate("2021-06", locale)}`,
    locale,
  );
  return forced ? { ...needs, cjk: [forced] } : needs;
}

/** Keys whose values are never printed: paths, ids, tags and settings. */
export const NOT_PRINTED = new Set([
  "badge",
  "$schema",
  "meta",
  "render",
  "id",
  "image",
  "tags",
  "variants",
  "variant",
  "resume",
]);

/** Every string the résumé may print, one per line (to tell its scripts and language). */
export function resumeText(data: unknown): string {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === "object")
      for (const [k, x] of Object.entries(v)) if (!NOT_PRINTED.has(k)) visit(x);
  };
  visit(data);
  return out.join("\n");
}

/** Digits with the usual separators, an optional + and extension: something a phone can dial. */
export function isPhoneNumber(s: string): boolean {
  return /^\+?[\d\s().\-/]+(?:\s*(?:ext\.?|x|#)\s*\d+)?$/i.test(s) && (s.match(/\d/g)?.length ?? 0) >= 5;
}

/** The keys of `o` that are set: an undefined option must not hide the file's value. */
export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
