/**
 * Stage 2 — validate: meet the document where it is (coerce.ts), check it against the zod schema
 * and turn every issue into a located, plain-English diagnostic. Knows the schema, nothing about
 * PDF.
 */
import type { z } from "zod";
import { coerce, knownKeysAt, typoOf, type Coerced, type CoerceOptions } from "./coerce.js";
import { formatPath, ResumeError, type Diagnostic } from "../common/errors.js";
import { withPaths, type LoadedSource } from "./load.js";
import { asRecord, LetterFileSchema, ResumeSchema, type LetterFile, type Resume } from "./schema.js";
import { TranslationPicker, type Untranslated } from "./translations.js";

export interface Validated {
  /** The résumé, when the document has no problems. */
  resume?: Resume;
  /** Every problem of the document: reading, keys, schema, in file order. */
  problems: Diagnostic[];
  /** What was read as other tools read it, or kept without printing it. */
  warnings: Diagnostic[];
  /** The document as the schema saw it (checks that also run on a failed one read this). */
  data: unknown;
  /** The file, with the data's paths mapped to the file's (renamed keys under their old names). */
  source: LoadedSource;
  extras: Coerced["extras"];
  /** The document's languages and translations (coerce.ts). */
  translations: Coerced["translations"];
}

/** Check a loaded document; never throws for a problem of the document. */
export function validateDocument(loaded: LoadedSource, opts: CoerceOptions = {}): Validated {
  const render = asRecord(asRecord(loaded.data).render);
  const strict = opts.strict ?? (render.strict === true ? "render.strict" : undefined);
  const coerced = coerce(loaded, { strict, language: opts.language });
  const source = withPaths(loaded, coerced.sourcePath);
  const result = ResumeSchema.safeParse(coerced.data);
  const found = [
    ...coerced.problems,
    ...(result.success ? [] : describeIssues(source, coerced.data, result.error.issues)),
  ];
  // What reading assumed (a comment in JSON) is refused under --strict, as coerce's assumptions are.
  const refused = strict
    ? loaded.warnings
        .filter((w) => w.assumed)
        .map(({ severity: _, assumed: __, ...w }) => ({ ...w, message: `${w.message} (refused under ${strict})` }))
    : [];
  const problems = inFileOrder([...loaded.problems, ...refused, ...trusted(found, loaded.brokenAt)]);
  return {
    resume: problems.length || !result.success ? undefined : result.data,
    problems,
    warnings: inFileOrder([
      ...loaded.warnings.filter((w) => !strict || !w.assumed),
      ...trusted(coerced.warnings, loaded.brokenAt),
    ]),
    data: coerced.data,
    source,
    extras: coerced.extras,
    translations: coerced.translations,
  };
}

/** The résumé, or a ResumeError with every problem of the document. */
export function validate(source: LoadedSource, opts: CoerceOptions = {}): Resume {
  const v = validateDocument(source, opts);
  if (!v.resume) throw new ResumeError(v.problems, v.warnings);
  return v.resume;
}

/** Whether a loaded document is a letter in a file of its own (it names its résumé; it has no basics). */
export function isLetterFile(data: unknown): boolean {
  const doc = asRecord(data);
  return "resume" in doc && !("basics" in doc);
}

/**
 * A letter in a file of its own, or a ResumeError with every problem of the document. Empty
 * values count as absent, as in a résumé; an unknown key is an error with its likely meaning.
 */
export function validateLetterFile(
  raw: LoadedSource,
  opts: { language?: string; languages?: string[] } = {},
): LetterFile & { translations: { chosen?: string; untranslated: Untranslated[]; maps: number } } {
  const picked = localizeLetter(raw.data, new TranslationPicker(opts.languages, opts.language));
  const loaded = withPaths(raw, picked.sourcePath);
  const data = withoutEmpty(picked.data);
  const result = LetterFileSchema.safeParse(data);
  const problems: Diagnostic[] = picked.problems.map((p) => raw.at(p.at, p.message, { key: true }));
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code !== "unrecognized_keys") continue;
      const known = Object.keys(
        issue.path.length ? (LetterFileSchema.shape.to.unwrap().shape as object) : LetterFileSchema.shape,
      );
      for (const key of issue.keys) {
        const guess = typoOf(key, known);
        problems.push(
          loaded.at(
            [...issue.path, key],
            guess ? `unknown key; did you mean "${guess}"?` : `unknown key; a letter has: ${known.join(", ")}`,
            { key: true },
          ),
        );
      }
    }
    problems.push(
      ...describeIssues(
        loaded,
        data,
        result.error.issues.filter((i) => i.code !== "unrecognized_keys"),
      ),
    );
  }
  const found = inFileOrder([...loaded.problems, ...trusted(problems, loaded.brokenAt)]);
  if (found.length || !result.success) throw new ResumeError(found, loaded.warnings);
  return { ...result.data, translations: picked.translations };
}

/**
 * A letter file's text in one language: every mapping in it other than the recipient (`to`) is a
 * translation map when its keys are languages (the letter file's schema has no other mappings).
 */
function localizeLetter(data: unknown, picker: TranslationPicker) {
  const pickedKeys = new Map<string, string>();
  const visit = (v: unknown, at: PropertyKey[]): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => visit(x, [...at, i])).filter((x) => x !== EMPTY);
    if (v === null || typeof v !== "object") return v;
    const obj = v as Record<string, unknown>;
    if (at.length === 0 || (at.length === 1 && at[0] === "to"))
      return Object.fromEntries(
        Object.entries(obj)
          .map(([k, x]) => [k, ["resume", "id", "language", "date", "$schema"].includes(k) ? x : visit(x, [...at, k])])
          .filter(([, x]) => x !== EMPTY),
      );
    const p = picker.pick(obj, at);
    if (p.kind === "none") return v;
    pickedKeys.set(formatPath(at), p.key);
    return p.kind === "empty" ? EMPTY : p.value;
  };
  const out = visit(data, []);
  return {
    data: out,
    problems: picker.problems,
    translations: { chosen: picker.chosen, untranslated: picker.untranslated, maps: picker.maps.length },
    sourcePath(path: readonly PropertyKey[]): PropertyKey[] {
      const file: PropertyKey[] = [];
      for (const [i, seg] of path.entries()) {
        file.push(seg);
        const key = pickedKeys.get(formatPath(path.slice(0, i + 1)));
        if (key !== undefined) file.push(key);
      }
      return file;
    },
  };
}

const EMPTY = Symbol("empty in this language");

const withoutEmpty = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(withoutEmpty)
    : v !== null && typeof v === "object"
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => !(typeof x === "string" && x.trim() === ""))
            .map(([k, x]) => [k, withoutEmpty(x)]),
        )
      : v;

/**
 * Where the syntax broke, what was read after it may be an effect of the break: only problems
 * before that line are reported with it, and none about values that are missing or empty (the
 * break may have taken them).
 */
export function trusted(found: Diagnostic[], brokenAt: number | undefined): Diagnostic[] {
  if (brokenAt === undefined) return found;
  return found.filter((d) => d.line !== undefined && d.line < brokenAt && !/^is (missing|null)/.test(d.message));
}

/** Problems by their place in the file; those without one keep their relative order at the end. */
export function inFileOrder(list: Diagnostic[]): Diagnostic[] {
  return list
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.line ?? Infinity) - (b.d.line ?? Infinity) || (a.d.col ?? 0) - (b.d.col ?? 0) || a.i - b.i)
    .map(({ d }) => d);
}

export function describeIssues(source: LoadedSource, data: unknown, issues: readonly z.core.$ZodIssue[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path;
    if (issue.code === "unrecognized_keys") {
      // coerce.ts takes unknown keys out before the schema sees them; this is a safety net.
      const known = knownKeysAt(path);
      for (const key of issue.keys) {
        const guess = typoOf(key, known);
        out.push(
          source.at(
            [...path, key],
            guess ? `unknown key; did you mean "${guess}"?` : `unknown key; expected one of: ${known.join(", ")}`,
            { key: true },
          ),
        );
      }
      continue;
    }
    // A missing field is shown at its parent's key (`basics:`); anything else at its value.
    const missing = issue.code === "invalid_type" && valueAt(data, path) === undefined;
    out.push(source.at(missing ? path.slice(0, -1) : path, messageFor(issue, data), { key: missing }));
    // The path is the field's own, even when the place shown is its parent's.
    out[out.length - 1]!.path = source.at(path, "").path;
  }
  return out;
}

function messageFor(issue: z.core.$ZodIssue, data: unknown): string {
  const actual = valueAt(data, issue.path);
  if (actual === null && typeof issue.path.at(-1) === "string") return nullMessage(issue.path);
  if (issue.code === "invalid_type") {
    if (actual === undefined) return requiredMessage(issue.path);
    const base = issue.message.startsWith("Invalid input") ? `expected ${issue.expected}` : issue.message;
    return `${base}, got ${describeValue(actual)}`;
  }
  if (issue.code === "invalid_union" && actual === undefined) return requiredMessage(issue.path);
  if (issue.code === "invalid_union" || issue.code === "invalid_value") {
    if (!issue.message.startsWith("Invalid")) return `${issue.message}, got ${describeValue(actual)}`;
  }
  return issue.message;
}

/** JSON Resume's own test cases refuse null; the message says what to write instead. */
function nullMessage(path: readonly PropertyKey[]): string {
  const key = String(path.at(-1));
  const p = formatPath(path);
  if (p === "basics") return "is null; every résumé needs basics with at least a name";
  if (p === "basics.name") return "is null; write the person's name, which heads the résumé";
  if (key === "endDate") return 'is null; leave endDate out instead: a missing endDate means "Present"';
  return "is null; leave the key out instead (a value that is not there is simply not printed)";
}

function requiredMessage(path: readonly PropertyKey[]): string {
  const p = formatPath(path);
  if (p === "basics") return "is missing; every résumé needs basics with at least a name";
  if (p === "basics.name") return "is missing; the name heads the résumé";
  return "is missing; this field is required";
}

function describeValue(v: unknown): string {
  if (v === null) return "nothing (null)";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `text "${v.length > 40 ? `${v.slice(0, 37)}…` : v}"`;
  if (typeof v === "number") return `the number ${v}`;
  if (typeof v === "boolean") return `${v}`;
  return typeof v;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}
