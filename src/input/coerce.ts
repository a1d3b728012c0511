/**
 * Stage 2a — coerce: meet the documents people have where they are, before the schema checks
 * them. JSON Resume files in the wild carry keys from older versions of the format, keys of other
 * tools and themes, empty strings and numbers where text belongs. Guided by the schema, this pass
 *   - reads a key from an older JSON Resume version under its new name (`company` → `name`);
 *   - refuses a key within a typo's reach of a known one (`emial`, `startdate`, `high_lights`);
 *   - sets any other key aside: kept (`-f json` writes it back), not printed, named in one
 *     warning, or refused one by one under `--strict`;
 *   - drops empty strings: an empty value is an absent one;
 *   - takes a number where text is expected as the text written in the file (`02143`, `3.90`).
 * The schema then sees only keys it knows. Inside this tool's own extensions (render, variants,
 * custom sections, tagged bullets) every key must be known: no other tool writes them.
 */
import type { z } from "zod";
import { formatPath, type Diagnostic } from "../common/errors.js";
import type { LoadedSource } from "./load.js";
import { CLOSED_OBJECTS, ResumeSchema } from "./schema.js";

type Path = readonly PropertyKey[];
type Schema = z.core.$ZodType;
type Def = { type: string } & Record<string, unknown>;

/**
 * Keys of older JSON Resume versions, and names other tools write for the same field, by the
 * object they are in ("*": anywhere the new key exists), with the name JSON Resume gives it now.
 */
export const RENAMED_KEYS: Record<string, Record<string, string>> = {
  "*": { website: "url", start: "startDate", end: "endDate" },
  basics: { picture: "image" },
  work: { company: "name" },
  education: { gpa: "score" },
  languages: { name: "language", level: "fluency" },
};

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
}

export interface CoerceOptions {
  /** Refuse keys that are not printed, naming the switch that asked for it. */
  strict?: "--strict" | "render.strict";
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
    if (def?.type === "object" && typeof seg === "string") schema = (def.shape as Record<string, Schema>)[seg];
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

/** Edit distance with adjacent transpositions (`emial` is one edit from `email`). */
export function typoDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known key that `key` is a typo of, if any: the same letters in another case or with other
 * separators, or one edit away (two for keys of seven letters or more). A key of one or two
 * letters is a typo only of the same key in another case.
 */
export function typoOf(key: string, known: readonly string[]): string | undefined {
  const k = fold(key);
  if (!k) return undefined;
  const limit = k.length <= 2 ? 0 : k.length < 7 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = typoDistance(k, fold(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** The new name of an older key in the object at `path`, when that object has the new key. */
function renamedKey(key: string, path: Path, known: readonly string[]): string | undefined {
  const context = [...path].reverse().find((seg): seg is string => typeof seg === "string") ?? "";
  const to = RENAMED_KEYS[context]?.[key] ?? RENAMED_KEYS["*"]![key];
  return to !== undefined && known.includes(to) ? to : undefined;
}

/** `work[0].technologies` → `work[].technologies`: the same key in every entry counts once. */
const generalPath = (path: Path) => formatPath(path.map((seg) => (typeof seg === "number" ? -1 : seg))).replace(/\[-1\]/g, "[]");

export function coerce(source: LoadedSource, opts: CoerceOptions = {}): Coerced {
  const problems: Diagnostic[] = [];
  const renamed: { path: PropertyKey[]; to: string }[] = [];
  const extras: Coerced["extras"] = [];
  /** Renamed keys by the path of their object in the data: new name → old name. */
  const oldNames = new Map<string, Map<string, string>>();

  const located = (path: Path, message: string, key = true): Diagnostic => {
    const pos = source.locate(path, { key });
    return { file: source.file, line: pos?.line, col: pos?.col, path: formatPath(path), message };
  };

  const walk = (value: unknown, schema: Schema | undefined, at: PropertyKey[], dataAt: PropertyKey[]): unknown => {
    const s = branch(schema, value);
    if (!s) return value;
    const def = defOf(s);
    if (isObject(value) && (def.type === "object" || def.type === "record")) return walkObject(value, s, def, at, dataAt);
    if (Array.isArray(value) && def.type === "array") return value.map((v, i) => walk(v, def.element as Schema, [...at, i], [...dataAt, i]));
    // A number where text belongs is the text the user typed (`02143`, `3.90`), not its value.
    if (typeof value === "number" && def.type === "string") return source.sourceText(at) ?? String(value);
    return value;
  };

  const walkObject = (obj: Record<string, unknown>, schema: Schema, def: Def, at: PropertyKey[], dataAt: PropertyKey[]) => {
    const out: Record<string, unknown> = {};
    const isRecord = def.type === "record";
    const shape = isRecord ? undefined : (def.shape as Record<string, Schema>);
    /** The keys allowed here; undefined for a record that takes any key (variants by name). */
    const keys = isRecord ? enumKeys(def) : Object.keys(shape!);
    // A loose object (meta) takes any key as it is.
    const loose = !isRecord && def.catchall !== undefined && defOf(def.catchall as Schema).type !== "never";
    const closed = CLOSED_OBJECTS.has(schema);
    const present = (k: string) => k in obj && !isBlank(obj[k]);
    for (const [key, value] of Object.entries(obj)) {
      if (isBlank(value)) continue; // an empty value is an absent one
      const here = [...at, key];
      const known = isRecord ? keys === undefined || keys.includes(key) : Object.hasOwn(shape!, key);
      if (known) {
        const child = isRecord ? (def.valueType as Schema) : shape![key];
        out[key] = walk(value, child, here, [...dataAt, key]);
        continue;
      }
      if (loose) {
        out[key] = value;
        continue;
      }
      if (keys === undefined) continue; // unreachable: such a record knows every key
      const to = closed ? undefined : renamedKey(key, at, keys);
      if (to !== undefined && !present(to)) {
        renamed.push({ path: here, to });
        const names = oldNames.get(formatPath(dataAt)) ?? new Map<string, string>();
        names.set(to, key);
        oldNames.set(formatPath(dataAt), names);
        out[to] = walk(value, shape![to], here, [...dataAt, to]);
        continue;
      }
      // `x-github`, `x_title`: named as another tool's own key, never a typo of ours. Nor is the
      // plural of a known key that is there too (`urls` beside `url`), or that holds another kind
      // of value (`names: [Go, Rust]`, where `name` is text).
      let guess = /^x[-_]/i.test(key) ? undefined : typoOf(key, keys);
      if (guess !== undefined && (fold(key) === `${fold(guess)}s` || `${fold(key)}s` === fold(guess))) {
        if (present(guess) || (!isRecord && !fits(branch(shape![guess], value), value))) guess = undefined;
      }
      if (guess !== undefined) {
        typos.push({ path: here, guess });
      } else if (closed) {
        const list = [...keys.filter((k) => k !== "tags"), ...keys.filter((k) => k === "tags")];
        problems.push(located(here, `unknown key; expected one of: ${list.join(", ")}`));
      } else if (opts.strict) {
        problems.push(located(here, `unknown key, not printed; ${opts.strict} refuses keys that are not printed (remove it, or build without ${opts.strict} to keep it)`));
      } else {
        extras.push({ path: here, value });
      }
    }
    return out;
  };

  /** Typos of known keys: the same typo in every entry of a list is one problem, at its first. */
  const typos: { path: PropertyKey[]; guess: string }[] = [];
  const data = isObject(source.data) ? walk(source.data, ResumeSchema, [], []) : source.data;
  const sameTypo = new Map<string, PropertyKey[][]>();
  for (const t of typos) {
    const key = `${generalPath(t.path)}\u0000${t.guess}`;
    sameTypo.set(key, [...(sameTypo.get(key) ?? []), t.path]);
  }
  for (const [key, paths] of sameTypo) {
    const guess = key.split("\u0000")[1]!;
    const more = paths.slice(1).map((p) => formatPath(p.slice(0, -1)));
    const also = more.length ? ` The same key is in ${more.length} more entr${more.length === 1 ? "y" : "ies"} (${more.slice(0, 4).join(", ")}${more.length > 4 ? ", …" : ""})` : "";
    problems.push(located(paths[0]!, `unknown key; did you mean "${guess}"?${also}`));
  }

  const warnings: Diagnostic[] = [];
  if (renamed.length) {
    const names = counted(renamed.map((r) => `${generalPath(r.path)} → ${r.to}`));
    const n = renamed.length;
    warnings.push({
      ...located(renamed[0]!.path, ""),
      path: "",
      severity: "note",
      message: n === 1 ? `read 1 key of an older JSON Resume version under its current name: ${names}` : `read ${n} keys of older JSON Resume versions under their current names: ${names}`,
    });
  }
  if (extras.length) {
    const groups = new Set(extras.map((e) => generalPath(e.path))).size;
    warnings.push({
      ...located(extras[0]!.path, ""),
      path: "",
      severity: "warning",
      message: `${groups} key${groups === 1 ? "" : "s"} not printed (neither JSON Resume nor an extension of this tool): ${counted(extras.map((e) => generalPath(e.path)))}; ${groups === 1 ? "it is kept in -f json, and --strict refuses it" : "they are kept in -f json, and --strict refuses them"}`,
    });
  }

  return {
    data,
    problems,
    warnings,
    extras,
    sourcePath(path) {
      const out: PropertyKey[] = [];
      const dataAt: PropertyKey[] = [];
      for (const seg of path) {
        const old = typeof seg === "string" ? oldNames.get(formatPath(dataAt))?.get(seg) : undefined;
        out.push(old ?? seg);
        dataAt.push(seg);
      }
      return out;
    },
  };
}

/** `a, a, b` → `a (×2), b`, in first-seen order; a long list ends in "and N more". */
function counted(items: string[], max = 8): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  const parts = [...counts].map(([item, n]) => (n > 1 ? `${item} (×${n})` : item));
  return parts.length > max ? `${parts.slice(0, max).join(", ")} and ${parts.length - max} more` : parts.join(", ");
}
