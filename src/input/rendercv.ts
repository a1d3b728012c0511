/**
 * A RenderCV file (`cv:` with `sections:` of its entry types, `design:`, `locale:`) as a JSON
 * Resume document, so that people moving from it retype nothing: each section goes where its
 * entries belong (experience → work, education, publications, projects, awards, skills…), any
 * other section becomes a custom section, the section order is kept, and `design.theme` picks
 * the closest theme here, with a note.
 */
import type { Diagnostic } from "../common/errors.js";
import { ResumeError } from "../common/errors.js";
import { compact, type Imported } from "./imported.js";
import type { LoadedSource } from "./load.js";
import { asRecord, canonicalDate, customSectionId, type Theme } from "./schema.js";
import { LOCALES } from "./languages.js";

/** Whether a parsed document is a RenderCV file. */
export function isRenderCv(data: unknown): boolean {
  const doc = asRecord(data);
  return typeof doc.cv === "object" && doc.cv !== null && !("basics" in doc);
}

/** RenderCV's themes and the closest theme here. */
const THEME_MAP: Record<string, Theme> = {
  classic: "classic",
  engineeringclassic: "classic",
  harvard: "classic",
  sb2nov: "compact",
  engineeringresumes: "compact",
  moderncv: "modern",
  ember: "modern",
  ink: "modern",
  opal: "sidebar",
};

/** RenderCV's locale names and this tool's. */
const LANGUAGES: Record<string, string> = {
  english: "en", german: "de", french: "fr", spanish: "es", portuguese: "pt", italian: "it", dutch: "nl", polish: "pl", czech: "cs", swedish: "sv", danish: "da",
  norwegian: "nb", finnish: "fi", hungarian: "hu", romanian: "ro", turkish: "tr", greek: "el", russian: "ru", ukrainian: "uk", chinese: "zh", japanese: "ja", korean: "ko",
};

/** Profile addresses for RenderCV's social networks. */
const NETWORKS: Record<string, (u: string) => string> = {
  linkedin: (u) => `https://linkedin.com/in/${u}`,
  github: (u) => `https://github.com/${u}`,
  gitlab: (u) => `https://gitlab.com/${u}`,
  instagram: (u) => `https://instagram.com/${u}`,
  orcid: (u) => `https://orcid.org/${u}`,
  mastodon: (u) => {
    const [, user, host] = /^@?([^@]+)@(.+)$/.exec(u) ?? [];
    return user && host ? `https://${host}/@${user}` : `https://mastodon.social/@${u.replace(/^@/, "")}`;
  },
  stackoverflow: (u) => `https://stackoverflow.com/users/${u}`,
  researchgate: (u) => `https://researchgate.net/profile/${u}`,
  youtube: (u) => `https://youtube.com/@${u.replace(/^@/, "")}`,
  "google scholar": (u) => `https://scholar.google.com/citations?user=${u}`,
  telegram: (u) => `https://t.me/${u}`,
  x: (u) => `https://x.com/${u}`,
  twitter: (u) => `https://x.com/${u}`,
  bluesky: (u) => `https://bsky.app/profile/${u}`,
  imdb: (u) => `https://imdb.com/name/${u}`,
  reddit: (u) => `https://reddit.com/user/${u}`,
  leetcode: (u) => `https://leetcode.com/${u}`,
  whatsapp: (u) => `https://wa.me/${u.replace(/\D/g, "")}`,
};

type Path = (string | number)[];
type Entry = Record<string, unknown>;
type Kind = "text" | "experience" | "education" | "normal" | "publication" | "oneLine" | "bullet" | "numbered" | "reversedNumbered";

/** An entry's RenderCV type, by the keys it has. */
function kindOf(e: unknown): Kind | undefined {
  if (typeof e === "string") return "text";
  const r = asRecord(e);
  if ("company" in r) return "experience";
  if ("institution" in r) return "education";
  if ("title" in r && "authors" in r) return "publication";
  if ("label" in r && "details" in r) return "oneLine";
  if ("bullet" in r) return "bullet";
  if ("reversed_number" in r) return "reversedNumbered";
  if ("number" in r) return "numbered";
  if ("name" in r) return "normal";
  return undefined;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : undefined);

/** `snake_case` and other keys as RenderCV prints them: `selected_honors` → `Selected Honors`. */
export function sectionTitle(key: string): string {
  if (/[A-Z ]/.test(key)) return key.replace(/_/g, " ");
  return key.replace(/_/g, " ").replace(/(^|\s)(\p{Ll})/gu, (_, s: string, c: string) => s + c.toUpperCase());
}

/** A section's key, read for the built-in section it stands for. */
function builtinFor(key: string): "work" | "education" | "projects" | "publications" | "awards" | "volunteer" | "skills" | "languages" | "interests" | "certificates" | "summary" | undefined {
  const k = key.toLowerCase().replace(/[_-]+/g, " ").trim();
  if (/^(summary|about( me)?|profile|professional summary|objective)$/.test(k)) return "summary";
  if (/experience|employment|work|career/.test(k) && !/volunteer/.test(k)) return "work";
  if (/education|academic|studies/.test(k)) return "education";
  if (/project/.test(k)) return "projects";
  if (/publication|papers/.test(k)) return "publications";
  if (/award|honou?r|prize|achievement/.test(k)) return "awards";
  if (/volunteer/.test(k)) return "volunteer";
  if (/certific|licen/.test(k)) return "certificates";
  if (/^(technical )?skills?$|technolog|tools/.test(k)) return "skills";
  if (/^languages?$/.test(k)) return "languages";
  if (/interest|hobb/.test(k)) return "interests";
  return undefined;
}

/** A name with a Markdown link (`[FlashInfer](https://…)`): the text and the address. */
function linkedName(v: string | undefined): { name?: string; url?: string } {
  const m = v ? /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(v) : null;
  return m ? { name: m[1], url: m[2] } : { name: v };
}

/**
 * Highlights, with RenderCV's nested bullets as bullets of their own: RenderCV reads " - " inside
 * a highlight as the start of a sub-bullet (YAML folds the indented `- sub` lines into the text).
 */
function highlights(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((h) => (typeof h === "string" ? h.split(/ - |\n\s*-\s+/).map((s) => s.trim()) : [])).filter(Boolean);
}


export function importRenderCv(source: LoadedSource): Imported {
  const data = asRecord(source.data);
  const cv = asRecord(data.cv);
  const notes: Diagnostic[] = [];
  const problems: Diagnostic[] = [];
  const note = (path: Path, message: string) => {
    const d = source.at(path, message);
    notes.push({ ...d, severity: "note" });
  };
  const fail = (path: Path, message: string) => problems.push(source.at(path, message));

  /** A RenderCV date as JSON Resume's: `2020-09`, `2020`; `present` is an open end. */
  const date = (v: unknown, path: Path): string | undefined => {
    const s = str(v);
    if (!s || /^present$/i.test(s)) return undefined;
    const d = canonicalDate(s);
    if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d)) return d;
    note(path, `"${s}" is not a date this tool prints; it is kept in the entry's summary`);
    return undefined;
  };
  /** Start and end, or the single `date`; a free-text date that is not a date goes in the summary. */
  const dates = (e: Entry, path: Path) => {
    const start = date(e.start_date, [...path, "start_date"]);
    const endText = str(e.end_date);
    const end = endText && /^present$/i.test(endText) ? undefined : date(e.end_date, [...path, "end_date"]);
    const single = str(e.date);
    const singleDate = single && !start ? date(e.date, [...path, "date"]) : undefined;
    const loose = single && !start && !singleDate ? single : undefined;
    return { start: start ?? singleDate, end: start ? end : undefined, loose };
  };
  const withLoose = (summary: string | undefined, loose: string | undefined) => [loose, summary].filter(Boolean).join(" \u2014 ") || undefined;

  if (!str(cv.name)) fail(["cv", "name"], "is missing; the résumé needs the person's name");
  const basics: Record<string, unknown> = {
    name: str(cv.name),
    label: str(cv.headline) ?? str(cv.label),
    email: str(cv.email),
    phone: str(cv.phone)?.replace(/^tel:/i, ""),
    url: str(cv.website),
    location: str(cv.location) ? { city: str(cv.location) } : undefined,
  };
  if (str(cv.photo)) {
    basics.image = str(cv.photo);
    note(["cv", "photo"], "kept as basics.image; build with --photo to print it");
  }
  const profiles: Entry[] = [];
  (Array.isArray(cv.social_networks) ? cv.social_networks : []).forEach((n, i) => {
    const network = str(asRecord(n).network);
    const username = str(asRecord(n).username);
    if (!network || !username) return fail(["cv", "social_networks", i], "a social network needs network and username");
    const to = NETWORKS[network.toLowerCase()];
    profiles.push(compact({ network, username, url: to?.(username) }));
  });
  (Array.isArray(cv.custom_connections) ? cv.custom_connections : []).forEach((c) => {
    const r = asRecord(c);
    const text = str(r.placeholder);
    if (text) profiles.push(compact({ network: text, url: str(r.url) }));
  });
  if (profiles.length) basics.profiles = profiles;

  const doc: Record<string, unknown> = { basics };
  const lists: Record<string, Entry[]> = {};
  const custom: Entry[] = [];
  const order: string[] = [];
  const push = (id: string, entries: Entry[]) => {
    (lists[id] ??= []).push(...entries);
    if (!order.includes(id)) order.push(id);
  };
  const summary: string[] = [];

  for (const [key, raw] of Object.entries(asRecord(cv.sections))) {
    const at: Path = ["cv", "sections", key];
    if (!Array.isArray(raw)) {
      fail(at, "expected a list of entries");
      continue;
    }
    const kinds = raw.map(kindOf);
    const bad = kinds.findIndex((k) => !k);
    if (bad >= 0) {
      fail([...at, bad], "is not an entry of a type RenderCV has (a text, or one with company, institution, name, title and authors, label and details, bullet, or number)");
      continue;
    }
    const kind = kinds[0]!;
    if (kinds.some((k) => k !== kind)) {
      fail([...at, kinds.findIndex((k) => k !== kind)], "mixes entry types in one section; RenderCV allows one type per section");
      continue;
    }
    const title = sectionTitle(key);
    const builtin = builtinFor(key);
    const entries = raw as Entry[];
    const paths = entries.map((_, i): Path => [...at, i]);
    if (kind === "text" && builtin === "summary" && !summary.length && !order.includes("summary")) {
      summary.push(...(raw as string[]).map((s) => s.trim()));
      order.push("summary");
      continue;
    }
    const asCustom = (paragraphs: string[], bullets: string[]) => {
      const id = customSectionId({ title }) || `section-${custom.length + 1}`;
      custom.push(compact({ id, title, summary: paragraphs.join("\n\n") || undefined, highlights: bullets }));
      order.push(id);
    };
    switch (kind) {
      case "experience":
        push(
          builtin === "volunteer" ? "volunteer" : "work",
          entries.map((e, i) => {
            const d = dates(e, paths[i]!);
            const common = { position: str(e.position), startDate: d.start, endDate: d.end, summary: withLoose(str(e.summary), d.loose), highlights: highlights(e.highlights) };
            return builtin === "volunteer" ? compact({ organization: str(e.company), ...common }) : compact({ name: str(e.company), location: str(e.location), ...common });
          }),
        );
        break;
      case "education":
        push(
          "education",
          entries.map((e, i) => {
            const d = dates(e, paths[i]!);
            return compact({ institution: str(e.institution), area: str(e.area), studyType: str(e.degree), location: str(e.location), startDate: d.start, endDate: d.end, summary: withLoose(str(e.summary), d.loose), highlights: highlights(e.highlights) });
          }),
        );
        break;
      case "publication":
        push(
          "publications",
          entries.map((e, i) => {
            const d = dates(e, paths[i]!);
            const authors = Array.isArray(e.authors) ? e.authors.map(str).filter(Boolean).join(", ") : str(e.authors);
            const doi = str(e.doi);
            return compact({ name: str(e.title), publisher: str(e.journal), releaseDate: d.start, url: str(e.url) ?? (doi ? `https://doi.org/${doi}` : undefined), summary: withLoose([authors, str(e.summary)].filter(Boolean).join("\n\n") || undefined, d.loose) });
          }),
        );
        break;
      case "normal": {
        const target = builtin === "projects" || builtin === "awards" || builtin === "volunteer" || builtin === "certificates" || builtin === "work" ? builtin : undefined;
        if (!target) {
          // A section of its own ("Research", "Talks"): each entry one bullet, its highlights after it.
          const line = (e: Entry) => [`**${str(e.name)}**`, str(e.date) ?? [str(e.start_date), str(e.end_date)].filter(Boolean).join(" \u2013 "), str(e.location), str(e.summary)].filter(Boolean).join(" \u2014 ");
          asCustom([], entries.flatMap((e) => [line(e), ...highlights(e.highlights)]));
          break;
        }
        push(
          target,
          entries.map((e, i) => {
            const d = dates(e, paths[i]!);
            const { name, url } = linkedName(str(e.name));
            const text = withLoose(str(e.summary), d.loose);
            if (target === "awards") return compact({ title: name, date: d.start, summary: [text, ...highlights(e.highlights)].filter(Boolean).join("\n\n") || undefined, awarder: str(e.location) });
            if (target === "certificates") return compact({ name, date: d.start, url, issuer: str(e.location) });
            if (target === "volunteer") return compact({ organization: name, url, startDate: d.start, endDate: d.end, summary: text, highlights: highlights(e.highlights) });
            if (target === "work") return compact({ name, url, location: str(e.location), startDate: d.start, endDate: d.end, summary: text, highlights: highlights(e.highlights) });
            return compact({ name, url, startDate: d.start, endDate: d.end, description: [text, str(e.location)].filter(Boolean).join(" \u2014 ") || undefined, highlights: highlights(e.highlights) });
          }),
        );
        break;
      }
      case "oneLine":
        if (builtin === "languages") push("languages", entries.map((e) => compact({ language: str(e.label), fluency: str(e.details) })));
        else if (builtin === "skills" || builtin === "interests") push(builtin, entries.map((e) => compact({ name: str(e.label), keywords: (str(e.details) ?? "").split(/\s*,\s*/).filter(Boolean) })));
        else asCustom([], entries.map((e) => `**${str(e.label)}:** ${str(e.details) ?? ""}`.trim()));
        break;
      case "bullet":
        asCustom([], entries.map((e) => str(e.bullet) ?? ""));
        break;
      case "numbered":
        asCustom([], entries.map((e, i) => `${i + 1}. ${str(e.number) ?? ""}`));
        break;
      case "reversedNumbered":
        asCustom([], entries.map((e, i) => `${entries.length - i}. ${str(e.reversed_number) ?? ""}`));
        break;
      case "text":
        asCustom((raw as string[]).map((s) => s.trim()), []);
        break;
    }
  }
  if (!Object.keys(asRecord(cv.sections)).length) note(["cv"], "has no sections; only the header is imported");

  if (summary.length) basics.summary = summary.join("\n\n");
  doc.basics = compact(basics);
  Object.assign(doc, lists);
  if (custom.length) doc.customSections = custom;

  const render: Record<string, unknown> = {};
  if (order.length) render.order = order;
  const design = asRecord(data.design);
  const theme = str(design.theme);
  if (theme) {
    const ours = THEME_MAP[theme.toLowerCase()] ?? "classic";
    render.theme = ours;
    note(["design", "theme"], `RenderCV's "${theme}" theme is drawn with this tool's closest, ${ours}${THEME_MAP[theme.toLowerCase()] ? "" : " (the default: no close match)"}; \`resume themes\` lists the others`);
  }
  const size = str(asRecord(design.page).size);
  if (size && /letter/i.test(size)) render.paper = "letter";
  const language = str(asRecord(data.locale).language)?.toLowerCase();
  const locale = language ? (LANGUAGES[language] ?? ((LOCALES as readonly string[]).includes(language) ? language : undefined)) : undefined;
  if (locale && locale !== "en") render.locale = locale;
  else if (language && !locale) note(["locale", "language"], `"${language}" is not a language this tool prints its titles in; they print in English`);
  if (Object.keys(render).length) doc.render = render;

  if (problems.length) throw new ResumeError(problems);
  return { doc, notes };
}
