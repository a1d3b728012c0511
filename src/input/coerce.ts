/**
 * Stage 2a — coerce: meet the documents people have where they are, before the schema checks
 * them. The rule: **refuse only what cannot be printed faithfully; build everything else, with a
 * located note or warning that says what was assumed, and let `--strict` refuse those.** JSON
 * Resume files in the wild carry keys from older versions of the format and names other tools
 * give sections, keys of other tools and themes, empty strings, nulls, placeholders, HTML, lists
 * where text belongs, dates as people write them and addresses that cannot be links. Guided by
 * the schema, this pass
 *   - reads a key under the name JSON Resume gives it: an older version's (`company` → `name`),
 *     another tool's (`certifications` → `certificates`, `experience` → `work`) or a near-miss
 *     typo (`higlights`, `volunteers`);
 *   - sets any other key aside: kept (`-f json` writes it back), not printed, named in one
 *     warning, or refused one by one under `--strict`;
 *   - drops empty strings, nulls and placeholders (`N/A`, `-`): a value that is not there;
 *   - takes a number where text is expected as the text written in the file (`02143`, `3.90`),
 *     a list where a paragraph is expected as paragraphs, text where a list is expected as its
 *     lines, and leaves out what has no natural rendering (a list as a skill's level);
 *   - reads HTML as the inline markup it means (html.ts), and dates, ranges and approximate
 *     dates as people write them (dates.ts); a date that is no date prints as written;
 *   - names every address that cannot be a link (it prints as text) and every end before its start.
 * The schema then sees only keys it knows. Inside this tool's own extensions (render, variants,
 * custom sections, tagged bullets) every key must be known and every value right: no other tool
 * writes them, so nothing there is assumed.
 */
import type { z } from "zod";
import { formatPath, nearest, type Diagnostic } from "../common/errors.js";
import { readDateField } from "./dates.js";
import { fromHtml } from "./html.js";
import type { LoadedSource } from "./load.js";
import { linkRefusal } from "../common/links.js";
import { CLOSED_OBJECTS, DATE_FIELDS, EMAIL_FIELDS, ResumeSchema, URL_FIELDS } from "./schema.js";
import { completeUrl, emailProblem, urlProblem } from "./urls.js";
import { own, setOwn } from "./own.js";
import {
  declaredLanguages,
  languageTagOf,
  translatable,
  TranslationPicker,
  untranslatedWarning,
  type TranslationMap,
  type Untranslated,
} from "./translations.js";
import { slug } from "../common/text.js";

type Path = readonly PropertyKey[];
type Schema = z.core.$ZodType;
type Def = { type: string } & Record<string, unknown>;

/**
 * Keys of older JSON Resume versions, and names other tools write for the same field, by the
 * object they are in ("*": anywhere the new key exists), with the name JSON Resume gives it now.
 */
export const RENAMED_KEYS: Record<string, Record<string, string>> = {
  "*": {
    website: "url",
    start: "startDate",
    end: "endDate",
    from: "startDate",
    to: "endDate",
    link: "url",
    homepage: "url",
  },
  basics: {
    picture: "image",
    photo: "image",
    title: "label",
    headline: "label",
    mail: "email",
    telephone: "phone",
    mobile: "phone",
    about: "summary",
    bio: "summary",
  },
  work: {
    company: "name",
    employer: "name",
    organization: "name",
    title: "position",
    role: "position",
    responsibilities: "highlights",
    achievements: "highlights",
  },
  volunteer: { name: "organization", role: "position", responsibilities: "highlights" },
  education: {
    gpa: "score",
    grade: "score",
    school: "institution",
    university: "institution",
    degree: "studyType",
    major: "area",
    field: "area",
  },
  projects: { title: "name", technologies: "keywords", stack: "keywords" },
  awards: { name: "title", issuer: "awarder" },
  certificates: { title: "name", authority: "issuer", organization: "issuer" },
  publications: { title: "name", date: "releaseDate", journal: "publisher", venue: "publisher", abstract: "summary" },
  languages: { name: "language", level: "fluency", proficiency: "fluency" },
  skills: { skills: "keywords" },
  references: { text: "reference", quote: "reference" },
};

/**
 * Names other tools and older files give JSON Resume's sections, with the section each means.
 * Near-miss typos of a section (`volunteers`, `certifcates`) are found by typoOf, as any key's.
 */
export const SECTION_NAMES: Record<string, string> = {
  experience: "work",
  experiences: "work",
  workexperience: "work",
  professionalexperience: "work",
  employment: "work",
  employmenthistory: "work",
  jobs: "work",
  positions: "work",
  certifications: "certificates",
  certification: "certificates",
  certs: "certificates",
  licenses: "certificates",
  licences: "certificates",
  licensesandcertifications: "certificates",
  courses: "certificates",
  trainings: "certificates",
  training: "certificates",
  volunteering: "volunteer",
  volunteerwork: "volunteer",
  volunteerexperience: "volunteer",
  honors: "awards",
  honours: "awards",
  achievements: "awards",
  papers: "publications",
  articles: "publications",
  recognition: "awards",
  recognitions: "awards",
  accomplishments: "awards",
  schools: "education",
  skillset: "skills",
  technicalskills: "skills",
  hobbies: "interests",
  referees: "references",
  studies: "education",
  academic: "education",
  personalprojects: "projects",
  sideprojects: "projects",
  portfolio: "projects",
  spokenlanguages: "languages",
};

/** Fields printed as paragraphs: a list there prints its items as paragraphs. */
const PARAGRAPHS = new Set(["summary", "description", "reference"]);
/** Fields whose text carries inline markup (paragraphs and bullets): HTML there becomes markup. */
const MARKUP = new Set(["summary", "reference", "highlights"]);
/** The field that names an entry, for text found where an entry is expected, in this order. */
const ENTRY_NAMES = ["name", "title", "language", "institution", "organization"];
/** Keys whose text names a mapping found where text is expected (`{name: Chess, url: …}`). */
const NAMING_KEYS = ["name", "title", "text", "value", "label"];
/** Text that stands for no value: a dash, N/A, "none", "null". */
const PLACEHOLDER = /^(?:[-–—_.?]+|n\/?a\.?|none|null|nil|undefined|tbd|tba|xxx)$/i;

/** What was assumed to build a value as written: a note or warning, a problem under --strict. */
interface Assumption {
  path: PropertyKey[];
  message: string;
  severity: "note" | "warning";
  /** Locate it at the key rather than the value. */
  key?: boolean;
  /** Said once for the whole document, listing each (`read dates written in words: …`). */
  group?: string;
}

/** A value left out: the walk returns it for a value with no natural rendering. */
const LEFT_OUT: unique symbol = Symbol("left out");

/** What the schema should see, and what was changed or set aside on the way. */
export interface Coerced {
  data: unknown;
  /** Typos of known keys, unknown keys in extensions, and (under --strict) every extra key. */
  problems: Diagnostic[];
  /** One note for the renamed keys and one warning for the keys not printed, when there are any. */
  warnings: Diagnostic[];
  /** Keys kept but not printed, where they are in the file, with their values. */
  extras: { path: PropertyKey[]; value: unknown }[];
  /** Where a path of the coerced data is in the file: renamed keys are found under their old name. */
  sourcePath(path: Path): PropertyKey[];
  /** The document's languages and translations, and the language whose values were read. */
  translations: {
    /** Declared in render.languages, else those its translations give, in the order they first appear. */
    languages: string[];
    /**
     * The language read: the one asked for, else the default (the first); undefined for a document
     * without languages.
     */
    chosen?: string;
    maps: TranslationMap[];
    /** Values of the chosen language printed in another. */
    untranslated: Untranslated[];
    /** Translated text in the default language, by its path in the data (`basics.name`). */
    defaults: Map<string, string>;
  };
}

export interface CoerceOptions {
  /** Refuse keys that are not printed and everything assumed, naming the switch that asked for it. */
  strict?: "--strict" | "render.strict";
  /** The language to read translated values in (a canonical tag); default: the document's first. */
  language?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const isBlank = (v: unknown) => typeof v === "string" && v.trim() === "";
const defOf = (s: Schema) => s._zod.def as unknown as Def;

/** The form of `schema` that applies to `value`: through optional, preprocessing and unions. */
export function branch(schema: Schema | undefined, value: unknown): Schema | undefined {
  let s = schema;
  for (let i = 0; s && i < 16; i++) {
    const def = defOf(s);
    if (def.type === "optional" || def.type === "nullable" || def.type === "default" || def.type === "prefault") {
      s = def.innerType as Schema;
    } else if (def.type === "pipe") {
      s = (defOf(def.in as Schema).type === "transform" ? def.out : def.in) as Schema;
    } else if (def.type === "union") {
      const options = def.options as Schema[];
      s = options.find((o) => fits(branch(o, value), value)) ?? options[0];
    } else {
      return s;
    }
  }
  return s;
}

function fits(schema: Schema | undefined, value: unknown): boolean {
  const type = schema ? defOf(schema).type : "unknown";
  if (isObject(value)) return type === "object" || type === "record";
  if (Array.isArray(value)) return type === "array";
  return type !== "object" && type !== "record" && type !== "array";
}

/** The keys the schema allows for the object at `path` of the data (for did-you-mean). */
export function knownKeysAt(path: Path): string[] {
  let schema: Schema | undefined = ResumeSchema;
  for (const seg of path) {
    const s = branch(schema, typeof seg === "number" ? [] : {});
    const def = s && defOf(s);
    if (def?.type === "object" && typeof seg === "string") schema = own(def.shape as Record<string, Schema>, seg);
    else if (def?.type === "record" && typeof seg === "string") schema = def.valueType as Schema;
    else if (def?.type === "array" && typeof seg === "number") schema = def.element as Schema;
    else return [];
  }
  return keysOf(branch(schema, {}));
}

function keysOf(schema: Schema | undefined): string[] {
  const def = schema && defOf(schema);
  if (def?.type === "object") return Object.keys(def.shape as object);
  if (def?.type === "record") return enumKeys(def) ?? [];
  return [];
}

function enumKeys(recordDef: Def): string[] | undefined {
  const keyDef = defOf(recordDef.keyType as Schema);
  return keyDef.type === "enum" ? Object.values(keyDef.entries as Record<string, string>) : undefined;
}

/** Case and separators folded away: `high_lights`, `Start-Date` and `startdate` compare equal. */
const fold = (s: string) => s.toLowerCase().replace(/[-_\s.]/g, "");

/**
 * The known key that `key` is a typo of, if any: the same letters in another case or with other
 * separators, or one edit away (two for keys of seven letters or more). A key of one or two
 * letters is a typo only of the same key in another case.
 */
export function typoOf(key: string, known: readonly string[]): string | undefined {
  const k = fold(key);
  if (!k) return undefined;
  const limit = k.length <= 2 ? 0 : k.length < 7 ? 1 : 2;
  return nearest(k, known, limit, { transpositions: true, fold });
}

/**
 * The current name of an older key, or another tool's, in the object at `path`, when that object
 * has the current key; at the top level, the section a section's other name means.
 */
function renamedKey(key: string, path: Path, known: readonly string[]): string | undefined {
  const context = [...path].reverse().find((seg): seg is string => typeof seg === "string") ?? "";
  const to =
    own(own(RENAMED_KEYS, context) ?? {}, key) ??
    own(RENAMED_KEYS["*"]!, key) ??
    (path.length === 0 ? own(SECTION_NAMES, fold(key)) : undefined);
  return to !== undefined && known.includes(to) ? to : undefined;
}

/** The other names (older, other tools', sections') of the keys known in the object at `path`. */
function otherNames(path: Path, known: readonly string[]): string[] {
  const context = [...path].reverse().find((seg): seg is string => typeof seg === "string") ?? "";
  const names = [
    ...Object.keys(own(RENAMED_KEYS, context) ?? {}),
    ...Object.keys(RENAMED_KEYS["*"]!),
    ...(path.length === 0 ? Object.keys(SECTION_NAMES) : []),
  ];
  return names.filter((n) => renamedKey(n, path, known) !== undefined);
}

/** `work[0].technologies` → `work[].technologies`: the same key in every entry counts once. */
const generalPath = (path: Path) =>
  formatPath(path.map((seg) => (typeof seg === "number" ? -1 : seg))).replace(/\[-1\]/g, "[]");

/** Whether the field's schema (or a wrapper of it) is in `set`: a date or an address field. */
function marked(set: WeakSet<Schema>, schema: Schema | undefined): boolean {
  for (let s = schema, i = 0; s && i < 8; i++) {
    if (set.has(s)) return true;
    const def = defOf(s);
    if (def.type === "optional" || def.type === "nullable" || def.type === "default" || def.type === "prefault")
      s = def.innerType as Schema;
    else return false;
  }
  return false;
}

/** Whether the schema lets the field be left out. */
const optional = (schema: Schema | undefined) => !schema || (schema._zod as { optin?: string }).optin === "optional";

function describe(v: unknown): string {
  if (Array.isArray(v)) return "a list";
  if (isObject(v)) return "a mapping";
  if (typeof v === "string") return "text";
  return `the ${typeof v === "number" ? "number" : "value"} ${String(v)}`;
}

/** Text a list item stands for, when it is text (a number is the text written). */
const itemText = (v: unknown) => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : undefined);

export function coerce(source: LoadedSource, opts: CoerceOptions = {}): Coerced {
  const problems: Diagnostic[] = [];
  const renamed: { path: PropertyKey[]; to: string; why: "renamed" | "section" | "typo" }[] = [];
  const extras: Coerced["extras"] = [];
  const assumed: Assumption[] = [];
  /** HTML read as markup, and the elements printed as their text only. */
  const html: { paths: PropertyKey[][]; dropped: Map<string, number> } = { paths: [], dropped: new Map() };
  /** Renamed keys by the path of their object in the data: new name → old name. */
  const oldNames = new Map<string, Map<string, string>>();

  const located = (path: Path, message: string, key = true): Diagnostic => {
    const pos = source.locate(path, { key });
    return { file: source.file, line: pos?.line, col: pos?.col, path: formatPath(path), message };
  };
  const assume = (
    path: PropertyKey[],
    message: string,
    severity: Assumption["severity"] = "note",
    key = false,
    group?: string,
  ) => {
    assumed.push({ path, message, severity, key, group });
  };

  /**
   * `item`: the value is an item of a list, which may be left out as an optional field may (the
   * rest of the list prints).
   */
  const walk = (
    value: unknown,
    schema: Schema | undefined,
    at: PropertyKey[],
    dataAt: PropertyKey[],
    lenient: boolean,
    item = false,
  ): unknown => {
    const droppable = item || optional(schema);
    if (isObject(value) && takesText(schema) && translatable(dataAt)) {
      const picked = picker.pick(value, at);
      if (picked.kind !== "none") {
        pickedKeys.set(formatPath(dataAt), picked.key);
        // What names things the same in every language (a section's id, a file's name) is the default language's.
        const first = Object.entries(value).find(([k]) => picker.languages[0] === canonicalKey(k));
        if (typeof first?.[1] === "string") defaults.set(formatPath(dataAt), first[1]);
        if (picked.kind === "empty") return droppable ? LEFT_OUT : "";
        return walk(picked.value, schema, [...at, picked.key], dataAt, lenient, item);
      }
    }
    const s = branch(schema, value);
    if (!s) return value;
    const def = defOf(s);
    const key = [...at].reverse().find((seg): seg is string => typeof seg === "string") ?? "";
    if (isObject(value) && (def.type === "object" || def.type === "record"))
      return walkObject(value, s, def, at, dataAt, lenient && !CLOSED_OBJECTS.has(s));
    if (Array.isArray(value) && def.type === "array") {
      const out: unknown[] = [];
      value.forEach((v, i) => {
        if (lenient && (v === null || isBlank(v) || (typeof v === "string" && PLACEHOLDER.test(v.trim())))) {
          if (v !== null && isBlank(v)) return; // an empty item is an absent one
          assume(
            [...at, i],
            v === null
              ? "is null; the item is left out"
              : `"${String(v).trim()}" is a placeholder; the item is left out`,
          );
          return;
        }
        const read = walk(v, def.element as Schema, [...at, i], [...dataAt, out.length], lenient, true);
        if (read !== LEFT_OUT) out.push(read);
      });
      return out;
    }
    // A number where text belongs is the text the user typed (`02143`, `3.90`), not its value.
    if (typeof value === "number" && def.type === "string") return source.sourceText(at) ?? String(value);
    if (!lenient) return value;
    if (value === null) {
      if (!droppable) return value;
      assume(
        at,
        key === "endDate" ? "is null; read as no end date, so the entry prints as ongoing" : "is null; read as absent",
      );
      return LEFT_OUT;
    }
    if (def.type === "string") {
      if (typeof value === "string") {
        if (marked(URL_FIELDS, schema)) {
          const why = urlProblem(completeUrl(value));
          if (why) assume(at, `${why}; it prints as text, not as a link`, "warning");
          return value;
        }
        if (marked(EMAIL_FIELDS, schema)) {
          const why = emailProblem(value);
          if (why) assume(at, `${why}; it prints as text, not as a link`, "warning");
          return value;
        }
        if (marked(DATE_FIELDS, schema)) return value;
        const read = fromHtml(value, MARKUP.has(key));
        if (read.text !== value) {
          html.paths.push(at);
          for (const name of read.dropped) html.dropped.set(name, (html.dropped.get(name) ?? 0) + 1);
        }
        // An inline link to an address that may not be one prints as written, as text (model/markup.ts).
        if (MARKUP.has(key)) {
          for (const m of read.text.matchAll(/\[[^\]\n]+\]\(([a-z][a-z0-9+.-]*:[^)\s]+)\)/gi)) {
            const why = linkRefusal(m[1]!);
            if (why)
              assume(
                at,
                `the link to "${m[1]}" ${why.startsWith("has") || why.startsWith("is") ? why : `is refused: ${why}`}; it prints as text, not as a link`,
                "warning",
              );
          }
        }
        return read.text;
      }
      // Only the name must be text: anything else is left out, and the rest is built.
      if (!droppable) return value;
      if (
        Array.isArray(value) &&
        PARAGRAPHS.has(key) &&
        value.length &&
        value.every((v) => itemText(v) !== undefined)
      ) {
        const paragraphs = value.map(itemText).filter((t): t is string => !!t);
        assume(
          at,
          paragraphs.length === 1
            ? "is a list where text is expected; its one item prints as a paragraph"
            : "is a list where text is expected; its items print as paragraphs",
        );
        return walk(paragraphs.join("\n\n"), schema, at, dataAt, lenient);
      }
      // `name: {name: Chess, url: …}`: a mapping with one text that names it is that text.
      const named = isObject(value) ? NAMING_KEYS.filter((k) => typeof value[k] === "string" && value[k].trim()) : [];
      if (named.length === 1) {
        assume(at, `is a mapping where text is expected; read as its ${named[0]}`);
        return walk((value as Record<string, string>)[named[0]!], schema, [...at, named[0]!], dataAt, lenient);
      }
      assume(at, `is ${describe(value)} where text is expected; it is left out`, "warning");
      return LEFT_OUT;
    }
    if (def.type === "array") {
      const element = branch(def.element as Schema, {});
      const takesText = element && defOf(element).type === "string";
      if (typeof value === "string" && (takesText || defOf(branch(def.element as Schema, "")!).type === "string")) {
        // `keywords: "Go, Rust"`: text where a list is expected is its lines (or, in one line of
        // words, its comma-separated items).
        const lines = value
          .split(/\r?\n/)
          .map((l) => l.replace(/^\s*(?:[-*•·]\s+)?/, "").trim())
          .filter(Boolean);
        const items =
          lines.length === 1 && key !== "highlights" && /,\s/.test(lines[0]!)
            ? lines[0]!.split(/\s*,\s*/).filter(Boolean)
            : lines;
        assume(
          at,
          `is text where a list is expected; read as a list of ${items.length} item${items.length === 1 ? "" : "s"}`,
        );
        return walk(items, schema, at, dataAt, lenient);
      }
      if (isObject(value) && element && defOf(element).type === "object") {
        assume(at, "is a single entry where a list is expected; read as a list of one");
        return walk([value], schema, at, dataAt, lenient);
      }
      if (!droppable) return value;
      assume(at, `is ${describe(value)} where a list is expected; it is left out`, "warning");
      return LEFT_OUT;
    }
    if (def.type === "object" && typeof value === "string" && "city" in (def.shape as object)) {
      assume(at, "is text where a location (city, region, …) is expected; read as the city");
      return walk({ city: value }, schema, at, dataAt, lenient);
    }
    if (def.type === "object" && typeof value === "string" && value.trim()) {
      // `interests: ["AI", "Go"]`: text where an entry is expected is the entry's name.
      const nameKey = ENTRY_NAMES.find((k) => k in (def.shape as object));
      if (nameKey) {
        assume(at, `is text where an entry is expected; read as its ${nameKey}`);
        return walk({ [nameKey]: value }, schema, at, dataAt, lenient, item);
      }
    }
    if ((def.type === "object" || def.type === "record") && !isObject(value) && droppable) {
      assume(at, `is ${describe(value)} where a mapping is expected; it is left out`, "warning");
      return LEFT_OUT;
    }
    return value;
  };

  /** A date field's value read as people write it; a range fills start and end where it can. */
  const readDates = (out: Record<string, unknown>, shape: Record<string, Schema>, at: PropertyKey[]) => {
    const dateKeys = Object.keys(out).filter((k) => typeof out[k] === "string" && marked(DATE_FIELDS, own(shape, k)));
    const ranged = "startDate" in shape && "endDate" in shape;
    const given = new Set(dateKeys);
    for (const k of ["startDate", ...dateKeys.filter((d) => d !== "startDate")]) {
      if (!given.has(k)) continue;
      const raw = out[k] as string;
      const here = [...at, k];
      const r = readDateField(raw, k === "endDate");
      if (r.kind === "date") {
        if (r.date.iso === undefined) delete out[k];
        else out[k] = r.date.iso;
        if (r.date.assumed && /^read as [\d-]+$/.test(r.date.assumed)) {
          // A date in words read as itself (`Oct 2017`): said once for all of them.
          assume(here, `"${raw.trim()}" → ${r.date.iso}`, "note", false, "read dates written in words");
        } else if (r.date.assumed) {
          assume(here, `"${raw.trim()}" ${r.date.assumed}`, /not a real day/.test(r.date.assumed) ? "warning" : "note");
        }
      } else if (r.kind === "range") {
        const end = r.end.iso ?? "Present";
        if (ranged && (k === "startDate" ? !given.has("endDate") : !given.has("startDate"))) {
          out.startDate = r.start.iso;
          if (r.end.iso === undefined) delete out.endDate;
          else out.endDate = r.end.iso;
          given.delete("endDate");
          assume(here, `"${raw.trim()}" is a range; read as start ${r.start.iso} and end ${end}`);
        } else if (k === "startDate") {
          out[k] = r.start.iso;
          assume(here, `"${raw.trim()}" is a range; read as its start, ${r.start.iso} (endDate is given)`);
        } else {
          // One date is asked for: the range's end says when it was done (its start, if ongoing).
          const one = k === "endDate" ? r.end.iso : (r.end.iso ?? r.start.iso);
          if (one === undefined) delete out[k];
          else out[k] = one;
          assume(
            here,
            `"${raw.trim()}" is a range where one date is expected; read as ${k === "endDate" ? "its end" : r.end.iso ? "its end" : "its start"}, ${one ?? "Present"}`,
          );
        }
      } else {
        out[k] = raw.trim();
        const how = /ongoing/.test(r.why) ? "" : " (write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2021-06)";
        assume(here, `"${raw.trim()}" ${r.why.replace(/; write .*$/, "")}; it prints as written${how}`, "warning");
      }
    }
    // The JSON Resume schema does not check the order, and one bad date should not stop a
    // résumé: the dates print as written, with a warning.
    const { startDate, endDate } = out;
    if (
      typeof startDate === "string" &&
      typeof endDate === "string" &&
      /^\d{4}/.test(startDate) &&
      /^\d{4}/.test(endDate)
    ) {
      const n = Math.min(startDate.length, endDate.length);
      if (endDate.slice(0, n) < startDate.slice(0, n))
        assume(
          [...at, "endDate"],
          `ends (${endDate}) before it starts (${startDate}); both print as written`,
          "warning",
        );
    }
  };

  const walkObject = (
    obj: Record<string, unknown>,
    schema: Schema,
    def: Def,
    at: PropertyKey[],
    dataAt: PropertyKey[],
    lenient: boolean,
  ) => {
    const out: Record<string, unknown> = {};
    const isRecord = def.type === "record";
    const shape = isRecord ? undefined : (def.shape as Record<string, Schema>);
    /** The keys allowed here; undefined for a record that takes any key (variants by name). */
    const keys = isRecord ? enumKeys(def) : Object.keys(shape!);
    // A loose object (meta) takes any key as it is.
    const loose = !isRecord && def.catchall !== undefined && defOf(def.catchall as Schema).type !== "never";
    const closed = CLOSED_OBJECTS.has(schema);
    const present = (k: string) => k in obj && !isBlank(obj[k]) && obj[k] !== null;
    const take = (key: string, value: unknown, child: Schema | undefined, here: PropertyKey[], to: string) => {
      const v = walk(value, child, here, [...dataAt, to], lenient);
      if (v !== LEFT_OUT) setOwn(out, to, v);
    };
    for (const [key, value] of Object.entries(obj)) {
      if (isBlank(value)) continue; // an empty value is an absent one
      const here = [...at, key];
      const known = isRecord ? keys === undefined || keys.includes(key) : Object.hasOwn(shape!, key);
      const child = known ? (isRecord ? (def.valueType as Schema) : shape![key]) : undefined;
      if (
        known &&
        lenient &&
        !loose &&
        typeof value === "string" &&
        PLACEHOLDER.test(value.trim()) &&
        optional(child)
      ) {
        assume(here, `"${value.trim()}" is a placeholder; nothing is printed for it`);
        continue;
      }
      if (known) {
        take(key, value, child, here, key);
        continue;
      }
      if (loose) {
        setOwn(out, key, value);
        continue;
      }
      if (keys === undefined) continue; // unreachable: such a record knows every key
      const to = closed ? undefined : renamedKey(key, dataAt, keys);
      if (to !== undefined && !present(to)) {
        record(here, dataAt, key, to, at.length === 0 && !own(RENAMED_KEYS["*"]!, key) ? "section" : "renamed");
        take(key, value, shape![to], here, to);
        continue;
      }
      // `x-github`, `x_title`: named as another tool's own key, never a typo of ours. Nor is the
      // plural of a known key that is there too (`urls` beside `url`), or that holds another kind
      // of value (`names: [Go, Rust]`, where `name` is text).
      let guess = /^x[-_]/i.test(key) ? undefined : typoOf(key, keys);
      // A near-miss of another name for a known key (`compnay` for `company`, which is `name`).
      if (guess === undefined && !closed && !/^x[-_]/i.test(key) && renamedKey(key, dataAt, keys) === undefined) {
        const other = typoOf(key, otherNames(dataAt, keys));
        if (other !== undefined) guess = renamedKey(other, dataAt, keys);
      }
      if (guess !== undefined && (fold(key) === `${fold(guess)}s` || `${fold(key)}s` === fold(guess))) {
        if (present(guess) || (!isRecord && !fits(branch(shape![guess], value), value))) guess = undefined;
      }
      if (guess !== undefined && !closed && !present(guess) && !isRecord) {
        // A near-miss of a known key is that key: the value prints, with a note (refused under --strict).
        if (opts.strict) {
          typos.push({ path: here, guess });
        } else {
          record(here, dataAt, key, guess, "typo");
          take(key, value, shape![guess], here, guess);
        }
      } else if (guess !== undefined && !closed && !isRecord && !opts.strict) {
        // Both the key and its near-miss are there: the near-miss cannot be read as the key.
        assume(
          here,
          `unknown key, not printed: did you mean "${guess}"? (the entry has "${guess}" too)`,
          "warning",
          true,
        );
      } else if (guess !== undefined) {
        typos.push({ path: here, guess });
      } else if (closed) {
        const list = [...keys.filter((k) => k !== "tags"), ...keys.filter((k) => k === "tags")];
        problems.push(located(here, `unknown key; expected one of: ${list.join(", ")}`));
      } else if (opts.strict) {
        problems.push(
          located(
            here,
            `unknown key, not printed; ${opts.strict} refuses keys that are not printed (remove it, or build without ${opts.strict} to keep it)`,
          ),
        );
      } else {
        extras.push({ path: here, value });
      }
    }
    if (lenient && shape) readDates(out, shape, at);
    if (dataAt.length === 2 && dataAt[0] === "customSections" && out.id === undefined) {
      const title = defaults.get(formatPath([...dataAt, "title"]));
      if (title !== undefined && slug(title)) out.id = slug(title);
    }
    return out;
  };

  /** A key read under another name: where it is, and (for the data's paths) its old name. */
  const record = (
    here: PropertyKey[],
    dataAt: PropertyKey[],
    key: string,
    to: string,
    why: "renamed" | "section" | "typo",
  ) => {
    renamed.push({ path: here, to, why });
    const names = oldNames.get(formatPath(dataAt)) ?? new Map<string, string>();
    names.set(to, key);
    oldNames.set(formatPath(dataAt), names);
  };

  /** Typos of known keys: the same typo in every entry of a list is one problem, at its first. */
  const typos: { path: PropertyKey[]; guess: string }[] = [];
  // A résumé wrapped in a list of one is that résumé: its paths in the file start with [0].
  const wrapped = Array.isArray(source.data) && source.data.length === 1 && isObject(source.data[0]);
  if (wrapped) assume([0], "the résumé is wrapped in a list; its one item is read as the résumé");
  const root = wrapped ? (source.data as unknown[])[0] : source.data;
  const picker = new TranslationPicker(declaredLanguages(root), opts.language);
  /** The language key read at each translated path of the data. */
  const pickedKeys = new Map<string, string>();
  /** Translated text in the default language, by its path in the data. */
  const defaults = new Map<string, string>();
  const data = isObject(root) ? walk(root, ResumeSchema, wrapped ? [0] : [], [], true) : root;
  const sameTypo = new Map<string, PropertyKey[][]>();
  for (const t of typos) {
    const key = `${generalPath(t.path)}\u0000${t.guess}`;
    sameTypo.set(key, [...(sameTypo.get(key) ?? []), t.path]);
  }
  for (const [key, paths] of sameTypo) {
    const guess = key.split("\u0000")[1]!;
    const more = paths.slice(1).map((p) => formatPath(p.slice(0, -1)));
    const also = more.length
      ? ` The same key is in ${more.length} more entr${more.length === 1 ? "y" : "ies"} (${more.slice(0, 4).join(", ")}${more.length > 4 ? ", …" : ""})`
      : "";
    problems.push(located(paths[0]!, `unknown key; did you mean "${guess}"?${also}`));
  }

  for (const p of picker.problems) problems.push(located(p.at, p.message));
  const warnings: Diagnostic[] = [];
  const chosen = picker.chosen;
  // A language the document is not written in is refused as an option (prepareResume), not listed value by value.
  const untranslated =
    chosen === undefined || !picker.languages.includes(chosen)
      ? undefined
      : untranslatedWarning(chosen, picker.untranslated, (p) => located(p, "", false));
  if (untranslated && opts.strict)
    problems.push({ ...untranslated, message: `${untranslated.message} (refused under ${opts.strict})` });
  else if (untranslated) warnings.push({ ...untranslated, severity: "warning" });
  const oldKeys = renamed.filter((r) => r.why === "renamed");
  if (oldKeys.length) {
    const names = counted(oldKeys.map((r) => `${generalPath(r.path)} → ${r.to}`));
    const n = oldKeys.length;
    warnings.push({
      ...located(oldKeys[0]!.path, ""),
      path: "",
      severity: "note",
      message:
        n === 1
          ? `read 1 key of an older JSON Resume version or another tool under its current name: ${names}`
          : `read ${n} keys of older JSON Resume versions or other tools under their current names: ${names}`,
    });
  }
  // Sections under another name, and near-misses: the same key in every entry is said once.
  const alike = new Map<string, typeof renamed>();
  for (const r of renamed.filter((x) => x.why !== "renamed")) {
    const k = `${generalPath(r.path)}\u0000${r.to}`;
    alike.set(k, [...(alike.get(k) ?? []), r]);
  }
  for (const [, all] of alike) {
    const r = all[0]!;
    const more = all.slice(1).map((x) => formatPath(x.path.slice(0, -1)));
    const also = more.length
      ? `. The same key is in ${more.length} more entr${more.length === 1 ? "y" : "ies"} (${more.slice(0, 4).join(", ")}${more.length > 4 ? ", …" : ""})`
      : "";
    const message =
      r.why === "section"
        ? `read as the section "${r.to}", the name JSON Resume gives it`
        : `unknown key; did you mean "${r.to}"? It is read as "${r.to}"${also}`;
    if (opts.strict) problems.push(located(r.path, `${message} (refused under ${opts.strict})`));
    else warnings.push({ ...located(r.path, message), severity: r.why === "typo" ? "warning" : "note" });
  }
  if (html.paths.length) {
    const dropped = [...html.dropped].map(([name, n]) => (n > 1 ? `<${name}> (×${n})` : `<${name}>`));
    const message = `HTML in ${html.paths.length} value${html.paths.length === 1 ? "" : "s"} read as formatting (bold, italic, links, line breaks, lists): ${counted(html.paths.map(generalPath))}${dropped.length ? `; printed without their tags: ${dropped.join(", ")}` : ""}`;
    if (opts.strict && dropped.length)
      problems.push({ ...located(html.paths[0]!, `${message} (refused under ${opts.strict})`, false), path: "" });
    else
      warnings.push({
        ...located(html.paths[0]!, message, false),
        path: "",
        severity: dropped.length ? "warning" : "note",
      });
  }
  for (const group of groupAssumptions(assumed)) {
    const d = located(group.first.path, group.message, group.first.key ?? false);
    if (group.whole) d.path = "";
    if (opts.strict) problems.push({ ...d, message: `${group.message} (refused under ${opts.strict})` });
    else warnings.push({ ...d, severity: group.first.severity });
  }
  if (extras.length) {
    const groups = new Set(extras.map((e) => generalPath(e.path))).size;
    warnings.push({
      ...located(extras[0]!.path, ""),
      path: "",
      severity: "warning",
      message: `${groups} key${groups === 1 ? "" : "s"} not printed (neither JSON Resume nor an extension of this tool): ${counted(
        extras.map((e) => generalPath(e.path)),
        24,
      )}; ${groups === 1 ? "it is kept in -f json, and --strict refuses it" : "they are kept in -f json, and --strict refuses them"}`,
    });
  }

  return {
    data,
    problems,
    warnings,
    extras,
    sourcePath(path) {
      const out: PropertyKey[] = wrapped ? [0] : [];
      const dataAt: PropertyKey[] = [];
      for (const seg of path) {
        const old = typeof seg === "string" ? oldNames.get(formatPath(dataAt))?.get(seg) : undefined;
        out.push(old ?? seg);
        dataAt.push(seg);
        const key = pickedKeys.get(formatPath(dataAt));
        if (key !== undefined) out.push(key);
      }
      return out;
    },
    translations: {
      languages: picker.languages,
      chosen,
      maps: picker.maps,
      untranslated: picker.untranslated,
      defaults,
    },
  };
}

/** Whether the field takes text (a bullet, a paragraph, a name), other than a date. */
function takesText(schema: Schema | undefined): boolean {
  const s = branch(schema, "");
  return !!s && defOf(s).type === "string" && !marked(DATE_FIELDS, schema);
}

const canonicalKey = (k: string) => languageTagOf(k);

/**
 * The same assumption at the same place in every entry of a list is said once, at its first,
 * with how many more there are: 21 jobs with `null` highlights are one note, not 21.
 */
function groupAssumptions(list: Assumption[]): { first: Assumption; message: string; whole?: boolean }[] {
  const groups = new Map<string, Assumption[]>();
  for (const a of list) {
    const k = a.group !== undefined ? `\u0001${a.group}` : `${generalPath(a.path)}\u0000${a.message}`;
    groups.set(k, [...(groups.get(k) ?? []), a]);
  }
  return [...groups.values()].map((all) => {
    const first = all[0]!;
    if (first.group !== undefined) {
      const items = all.map((a) => `${formatPath(a.path)} ${a.message}`);
      const shown =
        items.length > 6 ? `${items.slice(0, 6).join(", ")} and ${items.length - 6} more` : items.join(", ");
      return { first, message: `${first.group} (${all.length}): ${shown}`, whole: true };
    }
    const more = all.slice(1).map((a) => formatPath(a.path));
    const also = more.length
      ? ` (the same in ${more.length} more place${more.length === 1 ? "" : "s"}: ${more.slice(0, 4).join(", ")}${more.length > 4 ? ", …" : ""})`
      : "";
    return { first, message: `${first.message}${also}` };
  });
}

/** `a, a, b` → `a (×2), b`, in first-seen order; a long list ends in "and N more". */
function counted(items: string[], max = 8): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  const parts = [...counts].map(([item, n]) => (n > 1 ? `${item} (×${n})` : item));
  return parts.length > max ? `${parts.slice(0, max).join(", ")} and ${parts.length - max} more` : parts.join(", ");
}
