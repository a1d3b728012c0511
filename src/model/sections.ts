/**
 * The résumé's sections as the view model holds them: each built-in section's entries, rows or
 * text from its JSON Resume fields, the custom sections, and the order they print in.
 */
import { BUILTIN_SECTIONS, type BuiltinSection } from "../common/ids.js";
import { definedOnly } from "../common/objects.js";
import type { Assets } from "../input/assets.js";
import { customSectionId, type Resume } from "../input/schema.js";
import { displayUrl, linkTarget, placeText } from "./contacts.js";
import type { Words } from "./locale.js";
import { joinNonEmpty, splitBullets, typeset, typesetList as ts, typesetText as t } from "./typeset.js";
import type { Entry, Section } from "./view-model.js";

/**
 * An address this short fits the dates' place on an entry's first line, or the place's on its
 * second; a longer one would wrap there, and prints on a line of its own (render/themes, and the
 * Word file's output/docx-resume.ts).
 */
export const SHORT_ADDRESS = 32;

/** An entry of the fields given (an undefined one is left out), its short address placed. */
function entry(fields: Partial<Entry>): Entry {
  const e: Entry = { bullets: [], details: [], ...definedOnly(fields) };
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

/** The dates an entry prints, as given: for outputs that mark them up (a web page's `time`). */
function when(from: string | undefined, to?: string): Entry["when"] {
  return from || to ? definedOnly({ from: from || undefined, to: to || undefined }) : undefined;
}

/** A summary and its bullet lines, then the highlights. */
function withBullets(summary: string | undefined, highlights: string[]): { summary?: string; bullets: string[] } {
  const s = splitBullets(summary);
  return { summary: s.paragraph, bullets: [...s.bullets, ...highlights] };
}

/** What a section is made with: the résumé, its images, and its language's words, dates and capitals. */
export interface SectionContext {
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
  { r, assets, words, titles, date, range, caps }: SectionContext,
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
            titleHref: linkTarget(w.url),
            date: range(w.startDate, w.endDate),
            when: when(w.startDate, w.endDate),
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
            titleHref: linkTarget(v.url),
            date: range(v.startDate, v.endDate),
            when: when(v.startDate, v.endDate),
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
            titleHref: linkTarget(e.url),
            date: range(e.startDate, e.endDate),
            when: when(e.startDate, e.endDate),
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
          entry({
            title: t(a.title),
            date: date(a.date),
            when: when(a.date),
            subtitle: t(a.awarder),
            ...withBullets(t(a.summary), []),
          }),
        ),
      );
    case "certificates":
      return entries(
        (r.certificates ?? []).map((c) => {
          const image = assets.badges.get(c);
          return entry({
            title: t(c.name),
            titleHref: linkTarget(c.url),
            date: date(c.date),
            when: when(c.date),
            subtitle: t(c.issuer),
            badge: image ? { ...image, href: linkTarget(c.url), alt: `${c.name ?? "Certificate"} badge` } : undefined,
            details: c.url ? [{ label: words.verify, value: displayUrl(c.url), href: linkTarget(c.url) }] : [],
          });
        }),
      );
    case "publications":
      return entries(
        (r.publications ?? []).map((p) =>
          entry({
            title: t(p.name),
            titleHref: linkTarget(p.url),
            date: date(p.releaseDate),
            when: when(p.releaseDate),
            subtitle: t(p.publisher),
            location: p.url ? displayUrl(p.url) : undefined,
            locationHref: linkTarget(p.url),
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
            titleHref: linkTarget(p.url),
            date: range(p.startDate, p.endDate),
            when: when(p.startDate, p.endDate),
            subtitle: joinNonEmpty([ts(p.roles).join(", ") || undefined, t(p.entity), t(p.type)], ", "),
            // The address printed readably as well as linked: paper has no hyperlinks.
            location: p.url ? displayUrl(p.url) : undefined,
            locationHref: linkTarget(p.url),
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

/** Every section id the résumé may print: the built-in ones, then its custom sections. */
export function sectionIds(r: Resume): string[] {
  return [...BUILTIN_SECTIONS, ...(r.customSections ?? []).map(customSectionId)];
}

/** The ids of the sections this résumé has, in print order (`order`, by default render.order, first). */
export function sectionOrder(r: Resume, order: string[] = r.render?.order ?? []): string[] {
  const all = sectionIds(r);
  const listed = order;
  return [...listed, ...all.filter((id) => !listed.includes(id))];
}

/** The sections to print, in `order` (then the default order), without the `hide`den ones. */
export function buildSections(ctx: SectionContext, order: string[] | undefined, hide: string[] | undefined): Section[] {
  const { r } = ctx;
  const customById = new Map((r.customSections ?? []).map((s) => [customSectionId(s), s]));
  const hidden = new Set(hide ?? []);
  const sections: Section[] = [];
  for (const id of sectionOrder(r, order)) {
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
  return sections;
}
