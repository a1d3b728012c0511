/**
 * Stage 2 — validate: check loaded data against the zod schema and turn every issue into a
 * located, plain-English diagnostic. Knows the schema, nothing about PDF.
 */
import type { z } from "zod";
import { didYouMean, formatPath, ResumeError, type Diagnostic } from "./errors.js";
import type { LoadedSource } from "./load.js";
import { ResumeSchema, type Resume } from "./schema.js";

/** Keys people carry over from older JSON Resume versions or other tools. */
const RENAMED_KEYS: Record<string, string> = {
  company: "name",
  website: "url",
  end: "endDate",
  start: "startDate",
  tags: "keywords",
};

export function validate(source: LoadedSource): Resume {
  const result = ResumeSchema.safeParse(source.data);
  if (result.success) return result.data;
  throw new ResumeError(describeIssues(source, result.error.issues));
}

export function describeIssues(source: LoadedSource, issues: readonly z.core.$ZodIssue[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path;
    if (issue.code === "unrecognized_keys") {
      const known = knownKeysAt(path);
      for (const key of issue.keys) {
        const full = [...path, key];
        const pos = source.locate(full, { key: true });
        const guess = RENAMED_KEYS[key] && known.includes(RENAMED_KEYS[key]) ? RENAMED_KEYS[key] : didYouMean(key, known);
        out.push({
          file: source.file,
          line: pos?.line,
          col: pos?.col,
          path: formatPath(full),
          message: guess
            ? `unknown key; did you mean "${guess}"?`
            : `unknown key; expected one of: ${[...known.filter((k) => k !== "tags"), ...known.filter((k) => k === "tags")].join(", ")}`,
        });
      }
      continue;
    }
    // A missing field is shown at its parent's key (`basics:`); anything else at its value.
    const missing = issue.code === "invalid_type" && valueAt(source.data, path) === undefined;
    const pos = missing ? source.locate(path.slice(0, -1), { key: true }) : source.locate(path);
    out.push({ file: source.file, line: pos?.line, col: pos?.col, path: formatPath(path), message: messageFor(issue, source.data) });
  }
  // Report in file order; problems without a place keep their relative order at the end.
  return out
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.line ?? Infinity) - (b.d.line ?? Infinity) || (a.d.col ?? 0) - (b.d.col ?? 0) || a.i - b.i)
    .map(({ d }) => d);
}

function messageFor(issue: z.core.$ZodIssue, data: unknown): string {
  if (issue.code === "invalid_type") {
    const actual = valueAt(data, issue.path);
    if (actual === undefined) return requiredMessage(issue.path);
    const base = issue.message.startsWith("Invalid input") ? `expected ${issue.expected}` : issue.message;
    return `${base}, got ${describeValue(actual)}`;
  }
  if (issue.code === "invalid_union" || issue.code === "invalid_value") {
    const actual = valueAt(data, issue.path);
    if (!issue.message.startsWith("Invalid")) return `${issue.message}, got ${describeValue(actual)}`;
  }
  return issue.message;
}

function requiredMessage(path: readonly PropertyKey[]): string {
  const p = formatPath(path);
  if (p === "basics") return "is missing; every résumé needs basics with at least a name";
  if (p === "basics.name") return "is missing; the name heads the résumé";
  return "is required";
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
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** The keys the schema allows for the object at `path` (for did-you-mean suggestions). */
export function knownKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: z.core.$ZodType | undefined = ResumeSchema;
  for (const seg of path) {
    schema = unwrap(schema);
    if (!schema) return [];
    const def = schema._zod.def as unknown as Record<string, unknown>;
    if (def.type === "object" && typeof seg === "string") {
      schema = (def.shape as Record<string, z.core.$ZodType>)[seg];
    } else if (def.type === "record" && typeof seg === "string") {
      schema = def.valueType as z.core.$ZodType;
    } else if (def.type === "array" && typeof seg === "number") {
      schema = def.element as z.core.$ZodType;
    } else {
      return [];
    }
  }
  schema = unwrap(schema);
  const def = schema?._zod.def as unknown as Record<string, unknown> | undefined;
  if (def?.type === "object") return Object.keys(def.shape as object);
  if (def?.type === "record") {
    const keyDef = (def.keyType as z.core.$ZodType)._zod.def as unknown as Record<string, unknown>;
    if (keyDef.type === "enum") return Object.values(keyDef.entries as Record<string, string>);
  }
  return [];
}

/** Look through optional/pipe/union wrappers to the object or array inside. */
function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let s = schema;
  for (let i = 0; s && i < 10; i++) {
    const def = s._zod.def as unknown as Record<string, unknown>;
    if (def.type === "optional" || def.type === "nullable" || def.type === "default") s = def.innerType as z.core.$ZodType;
    else if (def.type === "pipe") s = def.out as z.core.$ZodType;
    else if (def.type === "union") s = (def.options as z.core.$ZodType[]).find((o) => (o._zod.def as { type: string }).type === "object");
    else return s;
  }
  return s;
}
