/**
 * A RenderCV file (`cv:` with `sections:` of its entry types, `design:`, `locale:`) as a JSON
 * Resume document, so that people moving from it retype nothing: each section goes where its
 * entries belong (experience → work, education, publications, projects, awards, skills…), any
 * other section becomes a custom section, the section order is kept, and `design.theme` picks
 * the closest theme here, with a note.
 */
import type { Diagnostic } from "../common/errors.js";
import { ResumeError } from "../common/errors.js";
import { withoutEmpty } from "../common/objects.js";
import type { Imported } from "./imported.js";
import { writtenIn } from "./imported.js";
import type { LoadedSource } from "./load.js";
import { readDateField } from "./dates.js";
import type { Theme } from "../common/ids.js";
import { BUILTIN_SECTIONS } from "../common/ids.js";
import { asRecord, customSectionId } from "./schema.js";
import { LOCALES } from "./languages.js";
import { own } from "./own.js";

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
  english: "en",
  german: "de",
  french: "fr",
  spanish: "es",
  portuguese: "pt",
  italian: "it",
  dutch: "nl",
  polish: "pl",
  czech: "cs",
  swedish: "sv",
  danish: "da",
  norwegian: "nb",
  finnish: "fi",
  hungarian: "hu",
  romanian: "ro",
  turkish: "tr",
  greek: "el",
  russian: "ru",
  ukrainian: "uk",
  chinese: "zh",
  japanese: "ja",
  korean: "ko",
  arabic: "ar",
  hebrew: "he",
  persian: "fa",
  farsi: "fa",
  urdu: "ur",
  hindi: "hi",
  marathi: "mr",
  nepali: "ne",
  bengali: "bn",
  bangla: "bn",
  tamil: "ta",
  thai: "th",
  lao: "lo",
  khmer: "km",
  vietnamese: "vi",
  indonesian: "id",
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
type Kind =
  | "text"
  | "experience"
  | "education"
  | "normal"
  | "publication"
  | "oneLine"
  | "bullet"
  | "numbered"
  | "reversedNumbered";

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

const str = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : undefined;

/** `snake_case` and other keys as RenderCV prints them: `selected_honors` → `Selected Honors`. */
export function sectionTitle(key: string): string {
  if (/[A-Z ]/.test(key)) return key.replace(/_/g, " ");
  return key.replace(/_/g, " ").replace(/(^|\s)(\p{Ll})/gu, (_, s: string, c: string) => s + c.toUpperCase());
}

/**
 * A section's key, read for the built-in section it stands for, in the languages this tool prints
 * (`Experiencia laboral`, `Formação`, `Berufserfahrung`, `Compétences`): accents and case folded.
 */
function builtinFor(
  key: string,
):
  | "work"
  | "education"
  | "projects"
  | "publications"
  | "awards"
  | "volunteer"
  | "skills"
  | "languages"
  | "interests"
  | "certificates"
  | "summary"
  | undefined {
  const k = key
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[_-]+/g, " ")
    .trim();
  if (
    /^(summary|about( me)?|profile|professional summary|objective|resumen|resumo|perfil( profesional| profissional)?|sobre mi|acerca de mi|sobre mim|profil|zusammenfassung|uber mich|a propos|profilo|sommario|samenvatting|profiel)$/.test(
      k,
    )
  )
    return "summary";
  if (/volunt|ehrenamt|benevol|frivillig|vapaaehto|onkentes|волонт|εθελοντ/.test(k)) return "volunteer";
  if (
    /experien|employment|work|career|trabajo|laboral|profesional|profissional|erfahrung|beruf|emploi|parcours|lavoro|werkervaring|doswiadczenie|praca|deneyim|zkusenost|erfarenhet|erfaring|kokemus|tapasztalat|опыт|досвід|εμπειρια|经历|经验|職歴|経歴|경력/.test(
      k,
    )
  )
    return "work";
  if (
    /educa|academic|studies|formacion|formacao|formation|ausbildung|studium|bildung|istruzione|opleiding|wyksztalcenie|egitim|vzdelani|utbildning|uddannelse|utdanning|koulutus|tanulmany|vegzettseg|studii|образован|освіт|εκπαιδευση|教育|学歴|학력/.test(
      k,
    )
  )
    return "education";
  if (/proje[ck]t|proyecto|progetti|projet|prosjekt|proiect|проект|проєкт|εργα|项目|プロジェクト|프로젝트/.test(k))
    return "projects";
  if (
    /publica|papers|publikation|pubblicazion|julkaisu|publikaci|публикац|публікац|δημοσιευσ|论文|出版|論文|논문/.test(k)
  )
    return "publications";
  if (
    /award|honou?r|prize|achievement|premio|premi|logro|auszeichnung|preis|distinction|reconocimiento|oceneni|utmarkelse|palkinto|dij|odul|наград|нагород|βραβει|奖|受賞|수상/.test(
      k,
    )
  )
    return "awards";
  if (
    /certific|licen|zertifi|zertifikat|attestation|certifik|sertifik|tanusitvany|сертифик|сертифік|πιστοποι|证书|資格|자격/.test(
      k,
    )
  )
    return "certificates";
  if (
    /^(technical )?skills?$|technolog|tools|habilidades|competencias|competencia|kenntnisse|fahigkeiten|competences|competenze|vaardigheden|umiejetnosci|dovednost|fardighet|kompetens|faerdighed|ferdighet|kompetanse|taidot|keszseg|competent|abilitat|yetenek|beceri|навык|навичк|δεξιοτητ|技能|スキル|기술/.test(
      k,
    )
  )
    return "skills";
  if (
    /^(languages?|idiomas?|linguas?|sprachen|langues|lingue|talen|jezyki|jazyky|sprak|sprog|kielet|nyelvek|limbi|diller|языки|мови|γλωσσες|语言|言語|언어)$/.test(
      k,
    )
  )
    return "languages";
  if (/interest|hobb|intereses|interesses|interessen|loisirs|centres d interet/.test(k)) return "interests";
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

/** The language a CV's text is written in, when it is sure and this tool prints it. */
function languageOf(cv: Record<string, unknown>): string | undefined {
  return writtenIn(cv.sections, Object.keys(asRecord(cv.sections)).map(sectionTitle));
}

/** RenderCV's own (English) titles of the sections this tool has: a title like these is not kept. */
const ENGLISH_TITLES: Record<string, RegExp> = {
  work: /^(work )?experience$/i,
  education: /^education$/i,
  projects: /^projects$/i,
  publications: /^publications$/i,
  awards: /^awards$/i,
  volunteer: /^volunteer(ing)?$/i,
  certificates: /^certificat(es|ions)$/i,
  skills: /^(technical )?skills$/i,
  languages: /^languages$/i,
  interests: /^interests$/i,
};
const sameTitle = (id: string, title: string) => own(ENGLISH_TITLES, id)?.test(title.trim()) ?? false;

/** Dates of an entry, as importRenderCv reads them. */
interface Dates {
  start?: string;
  end?: string;
  point?: string;
  loose?: string;
}

/** The fields of an entry of any RenderCV type that say what it is, who, and where. */
function fieldsOf(e: Entry) {
  const { name, url } = linkedName(str(e.company) ?? str(e.institution) ?? str(e.name) ?? str(e.title) ?? str(e.label));
  return {
    name,
    url: str(e.url) ?? url ?? (str(e.doi) ? `https://doi.org/${str(e.doi)}` : undefined),
    role: str(e.position) ?? str(e.degree),
    area: str(e.area),
    place: str(e.location),
    summary: str(e.summary),
    highlights: highlights(e.highlights),
    authors: Array.isArray(e.authors) ? e.authors.map(str).filter(Boolean).join(", ") : str(e.authors),
    journal: str(e.journal),
    details: str(e.details),
  };
}

/** An entry of any RenderCV type as an entry of the JSON Resume section `target`. */
function entryFor(target: string, e: Entry, d: Dates): Entry {
  const f = fieldsOf(e);
  const text = [d.loose, f.summary].filter(Boolean).join(" \u2014 ") || undefined;
  const range = { startDate: d.start, endDate: d.end ?? d.point };
  const one = d.point ?? d.end ?? d.start;
  switch (target) {
    case "work":
      return withoutEmpty({
        name: f.name,
        position: f.role,
        url: f.url,
        location: f.place,
        ...range,
        summary: text,
        highlights: f.highlights,
      });
    case "volunteer":
      return withoutEmpty({
        organization: f.name,
        position: f.role,
        url: f.url,
        ...range,
        summary: text,
        highlights: f.highlights,
      });
    case "education":
      return withoutEmpty({
        institution: f.name,
        studyType: f.role,
        area: f.area,
        url: f.url,
        location: f.place,
        ...range,
        summary: text,
        highlights: f.highlights,
      });
    case "publications":
      return withoutEmpty({
        name: f.name,
        publisher: f.journal,
        releaseDate: one,
        url: f.url,
        summary: [f.authors, text].filter(Boolean).join("\n\n") || undefined,
      });
    case "awards":
      return withoutEmpty({
        title: f.name,
        date: one,
        awarder: f.place,
        summary: [text, ...f.highlights].filter(Boolean).join("\n\n") || undefined,
      });
    case "certificates":
      return withoutEmpty({ name: f.name, date: one, url: f.url, issuer: f.place ?? f.details });
    case "skills":
    case "interests":
      return withoutEmpty({ name: f.name, keywords: (f.details ?? "").split(/\s*,\s*/).filter(Boolean) });
    case "languages":
      return withoutEmpty({ language: f.name, fluency: f.details });
    default:
      // projects
      return withoutEmpty({
        name: f.name,
        url: f.url,
        roles: f.role ? [f.role] : undefined,
        ...range,
        description: [text, f.place].filter(Boolean).join(" \u2014 ") || undefined,
        highlights: f.highlights,
      });
  }
}

/** A section of its own ("Research", "Talks"): each entry one bullet, its highlights after it. */
function customLines(kind: Kind, entries: Entry[]): string[] {
  switch (kind) {
    case "text":
      return [];
    case "oneLine":
      return entries.map((e) => `**${str(e.label)}:** ${str(e.details) ?? ""}`.trim());
    case "bullet":
      return entries.map((e) => str(e.bullet) ?? "");
    case "numbered":
      return entries.map((e, i) => `${i + 1}. ${str(e.number) ?? ""}`);
    case "reversedNumbered":
      return entries.map((e, i) => `${entries.length - i}. ${str(e.reversed_number) ?? ""}`);
    default:
      return entries.flatMap((e) => {
        const f = fieldsOf(e);
        const when = str(e.date) ?? [str(e.start_date), str(e.end_date)].filter(Boolean).join(" \u2013 ");
        return [
          [f.name ? `**${f.name}**` : undefined, f.role, when, f.place, f.summary].filter(Boolean).join(" \u2014 "),
          ...f.highlights,
        ];
      });
  }
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

  /**
   * Start and end, or the single `date`, read as dates.ts reads them (month names in the supported
   * languages, `Ago 2021 – Ago 2025`, `Mar. 2024 - Presente`). A lone `date` is a point in time —
   * a degree's date, not a start that never ends — so it is the entry's only date (`point`), which
   * JSON Resume writes as an end date alone. Text that is no date goes in the summary.
   */
  const dates = (e: Entry, path: Path) => {
    const read = (v: unknown, key: string, end: boolean) => {
      const s = str(v);
      if (!s) return { text: undefined };
      const r = readDateField(s, end);
      if (r.kind === "text") {
        note([...path, key], `"${s}" is not a date this tool reads; it is kept in the entry's summary`);
        return { text: s };
      }
      return r.kind === "date"
        ? { start: r.date.iso, end: r.date.iso, ongoing: r.date.iso === undefined }
        : { start: r.start.iso, end: r.end.iso, ongoing: r.end.iso === undefined, range: true };
    };
    const from = read(e.start_date, "start_date", false);
    const to = read(e.end_date, "end_date", true);
    const single =
      e.start_date === undefined && e.end_date === undefined ? read(e.date, "date", true) : { text: undefined };
    if ("range" in single && single.range)
      return { start: single.start, end: single.end, point: undefined, loose: undefined };
    if ("start" in single && single.start !== undefined)
      return { start: undefined, end: undefined, point: single.start, loose: undefined };
    const start = "start" in from ? from.start : undefined;
    const end = "end" in to && start !== undefined ? to.end : undefined;
    return {
      start,
      end,
      point: start === undefined && "end" in to ? to.end : undefined,
      loose: from.text ?? to.text ?? single.text,
    };
  };

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
    const to = own(NETWORKS, network.toLowerCase());
    profiles.push(withoutEmpty({ network, username, url: to?.(username) }));
  });
  (Array.isArray(cv.custom_connections) ? cv.custom_connections : []).forEach((c) => {
    const r = asRecord(c);
    const text = str(r.placeholder);
    if (text) profiles.push(withoutEmpty({ network: text, url: str(r.url) }));
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

  /** The author's titles of the built-in sections their sections became. */
  const titles: Record<string, string> = {};
  /** Section ids taken: the built-in ones used, and every custom one. */
  const taken = new Set<string>();
  const asCustom = (title: string, at: Path, paragraphs: string[], bullets: string[]) => {
    const base = customSectionId({ title }) || `section-${custom.length + 1}`;
    let id = base;
    for (let n = 2; taken.has(id) || (BUILTIN_SECTIONS as readonly string[]).includes(id); n++) id = `${base}-${n}`;
    if (id !== base)
      note(
        at,
        `the section id "${base}" is ${(BUILTIN_SECTIONS as readonly string[]).includes(base) ? "a built-in section's" : "taken"}; this section is "${id}", titled "${title}"`,
      );
    taken.add(id);
    custom.push(withoutEmpty({ id, title, summary: paragraphs.join("\n\n") || undefined, highlights: bullets }));
    order.push(id);
  };

  for (const [key, raw] of Object.entries(asRecord(cv.sections))) {
    const at: Path = ["cv", "sections", key];
    if (!Array.isArray(raw)) {
      fail(at, "expected a list of entries");
      continue;
    }
    // Entries the importer cannot read, or of another type than the section's (its most common
    // one), are left out, each named at its place; the rest of the file is imported.
    const kinds = raw.map(kindOf);
    const counts = new Map<Kind, number>();
    for (const k of kinds) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
    const kind = [...counts].sort((x, y) => y[1] - x[1])[0]?.[0];
    const keep: number[] = [];
    kinds.forEach((k, i) => {
      if (!k)
        note(
          [...at, i],
          "left out: not an entry of a type RenderCV has (a text, or one with company, institution, name, title and authors, label and details, bullet, or number)",
        );
      else if (k !== kind)
        note(
          [...at, i],
          `left out: a ${k} entry in a section of ${kind} entries (RenderCV allows one type per section)`,
        );
      else keep.push(i);
    });
    if (!kind || !keep.length) continue;
    const title = sectionTitle(key);
    const named = builtinFor(key);
    const entries = keep.map((i) => raw[i] as Entry);
    const paths = keep.map((i): Path => [...at, i]);
    if (
      (kind === "text" || kind === "bullet") &&
      named === "summary" &&
      !summary.length &&
      !order.includes("summary")
    ) {
      summary.push(
        ...entries.map((e) => (kind === "text" ? String(e as unknown) : (str(e.bullet) ?? "")).trim()).filter(Boolean),
      );
      order.push("summary");
      continue;
    }
    // A section goes where its title says (in any supported language), or else where its entry
    // type belongs; a second section for a built-in one that is taken keeps its own boundary.
    const natural =
      kind === "experience"
        ? "work"
        : kind === "education"
          ? "education"
          : kind === "publication"
            ? "publications"
            : undefined;
    let target = named && named !== "summary" ? named : natural;
    if (target && taken.has(target)) target = undefined;
    const fits = (t: string | undefined): boolean =>
      t === "work" ||
      t === "volunteer" ||
      t === "education" ||
      t === "projects" ||
      t === "awards" ||
      t === "certificates" ||
      t === "publications"
        ? kind === "experience" || kind === "education" || kind === "normal" || kind === "publication"
        : t === "skills" || t === "languages" || t === "interests"
          ? kind === "oneLine"
          : false;
    if (!fits(target)) {
      asCustom(
        title,
        at,
        kind === "text" ? (entries as unknown as string[]).map((s) => s.trim()) : [],
        customLines(kind, entries),
      );
      continue;
    }
    if (natural && target !== natural) {
      const keys =
        kind === "experience"
          ? "company, position"
          : kind === "education"
            ? "institution, area, degree"
            : "title, authors";
      note(
        at,
        `entries written with ${kind} keys (${keys}) under "${title}": kept in their own section, ${target}, with their keys read as its fields`,
      );
    }
    taken.add(target!);
    if (!sameTitle(target!, title)) titles[target!] = title;
    push(
      target!,
      entries.map((e, i) => entryFor(target!, e, dates(e, paths[i]!))),
    );
  }
  if (!Object.keys(asRecord(cv.sections)).length) note(["cv"], "has no sections; only the header is imported");

  if (summary.length) basics.summary = summary.join("\n\n");
  doc.basics = withoutEmpty(basics);
  Object.assign(doc, lists);
  if (custom.length) doc.customSections = custom;

  const render: Record<string, unknown> = {};
  if (order.length) render.order = order;
  const design = asRecord(data.design);
  const theme = str(design.theme);
  if (theme) {
    const ours = own(THEME_MAP, theme.toLowerCase()) ?? "classic";
    render.theme = ours;
    note(
      ["design", "theme"],
      `RenderCV's "${theme}" theme is drawn with this tool's closest, ${ours}${own(THEME_MAP, theme.toLowerCase()) ? "" : " (the default: no close match)"}; \`resume themes\` lists the others`,
    );
  }
  const size = str(asRecord(design.page).size);
  if (size && /letter/i.test(size)) render.paper = "letter";
  const language = str(asRecord(data.locale).language)?.toLowerCase();
  const locale = language
    ? (own(LANGUAGES, language) ?? ((LOCALES as readonly string[]).includes(language) ? language : undefined))
    : undefined;
  if (locale && locale !== "en") render.locale = locale;
  else if (language && !locale)
    note(
      ["locale", "language"],
      `"${language}" is not a language this tool prints its titles in; they print in English`,
    );
  else if (!language) {
    // No locale: the language the text is written in (franc's reading of every text value).
    const inferred = languageOf(cv);
    if (inferred && inferred !== "en") {
      render.locale = inferred;
      note(
        ["cv"],
        `written in ${inferred} (read from its text, as the file names no locale): its dates and the titles it does not give print in that language; set render.locale to choose another`,
      );
    }
  }
  if (Object.keys(titles).length) render.titles = titles;
  if (Object.keys(render).length) doc.render = render;

  if (problems.length) throw new ResumeError(problems);
  return { doc, notes };
}
