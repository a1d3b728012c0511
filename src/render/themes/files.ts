/**
 * Themes as files: finding the file a theme's name stands for (a built-in theme in the package's
 * `themes/` folder, a path, or an npm package), reading it with every problem located in it,
 * following `extends` (deep merge, file units), and turning the result into tokens.
 *
 * Only the themes asked for are read: a built-in theme once per process, a theme of the user's
 * each time it is asked for (a --watch rebuild sees its edits).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { isMap, parse as parseYaml, parseDocument } from "yaml";
import { didYouMean, ResumeError, type Diagnostic } from "../../common/errors.js";
import { THEMES, themeSpecKind, type Theme } from "../../common/ids.js";
import { PACKAGE_ROOT } from "../../common/package.js";
import { parseSource, readFileBounded, type LoadedSource } from "../../input/load.js";
import { typoOf } from "../../input/coerce.js";
import { describeIssues, inFileOrder, trusted } from "../../input/validate.js";
import { TEXT_FONTS } from "../fonts.js";
import {
  completeThemeSchema,
  themeKeysAt,
  themeOverrideSchema,
  type ThemeFile,
  type ThemeFileTokens,
} from "./schema.js";
import { layouts } from "../layouts/index.js";
import { mm, type ThemeTokens } from "./tokens.js";

/** A theme file is a few hundred bytes; larger ones are refused unread. */
const MAX_THEME_BYTES = 256 * 1024;

/** A theme read from its file: its tokens as the file writes them (mm, font ids) and as drawn. */
export interface ThemeData {
  name: string;
  description: string;
  /** Every token, in the file's units. */
  data: ThemeFileTokens;
  tokens: ThemeTokens;
  /** The files read, the theme's own first and then those it extends. */
  files: string[];
}

/** Where a theme's file is, or why it was not found. */
export type ThemeLocation = { file: string; label: string } | { problem: string };

/** The file of a built-in theme. */
export const builtinThemeFile = (name: Theme): string => path.join(PACKAGE_ROOT, "themes", `${name}.yaml`);

const builtins = new Map<Theme, ThemeData>();

/** A built-in theme, read from its file the first time it is asked for. */
export function builtinTheme(name: Theme): ThemeData {
  let theme = builtins.get(name);
  if (!theme) {
    const file = builtinThemeFile(name);
    theme = readThemeFile(file, path.relative(PACKAGE_ROOT, file), [], { builtin: true });
    builtins.set(name, theme);
  }
  return theme;
}

/** Forget the built-in themes read so far (a startup snapshot reads them again when it starts). */
export function forgetBuiltinThemes(): void {
  builtins.clear();
}

/** The themes of the user's read by the current build, by file: what `themeTokens(vm)` draws with. */
const userThemes = new Map<string, ThemeData>();

/**
 * The theme `key` names: a built-in name, or the absolute path of a theme file (what
 * `resolveTheme` puts in the view model). A file not read yet is read now.
 */
export function themeByKey(key: string): ThemeData {
  if ((THEMES as readonly string[]).includes(key)) return builtinTheme(key as Theme);
  let theme = userThemes.get(key);
  if (!theme) {
    theme = readThemeFile(key, key);
    userThemes.set(key, theme);
  }
  return theme;
}

/**
 * The theme `spec` names (as `render.theme` or `extends` write it), looked for from the folder
 * `dir` (the file that names it is there; `labelDir` is that folder as messages show it), read.
 * Throws a ResumeError: at `at` when the theme is not found, in the theme's file for its problems.
 */
export function resolveTheme(
  spec: string,
  from: { dir: string; labelDir: string },
  at: (message: string) => Diagnostic,
): { key: string; theme: ThemeData } {
  const kind = themeSpecKind(spec);
  if (kind === "builtin") return { key: spec, theme: builtinTheme(spec as Theme) };
  const found = locateTheme(spec, from);
  if ("problem" in found) throw new ResumeError([at(found.problem)]);
  const theme = readThemeFile(found.file, found.label);
  userThemes.set(found.file, theme);
  return { key: found.file, theme };
}

/** Where the file of the theme `spec` is (see resolveTheme), or what was tried. */
export function locateTheme(spec: string, from: { dir: string; labelDir: string }): ThemeLocation {
  const kind = themeSpecKind(spec);
  if (kind === "builtin") {
    const file = builtinThemeFile(spec as Theme);
    return { file, label: path.relative(PACKAGE_ROOT, file) };
  }
  if (kind === "file") {
    const file = path.resolve(from.dir, spec.replace(/^~(?=[/\\])/, process.env.HOME ?? "~"));
    if (isFile(file)) return { file, label: shownFrom(from, file) };
    return { problem: `no theme file ${spec}: ${file} does not exist${builtinGuess(spec)}` };
  }
  if (kind === "package") {
    const dirs = packageFolders(spec, from.dir);
    const dir = dirs.find((d) => isFile(path.join(d, "package.json")));
    if (!dir) {
      // A near miss of a built-in name is most likely that name mistyped.
      const guess = didYouMean(spec, THEMES);
      if (guess) {
        return {
          problem: `no theme "${spec}"; did you mean "${guess}"? (it is not a built-in theme, and no package of that name is installed)`,
        };
      }
      return {
        problem:
          `no theme "${spec}": it is not a built-in theme (${THEMES.join(", ")}) and no package of that name is ` +
          `installed (looked in node_modules from ${from.dir} up to the root, and beside this tool in ` +
          `${path.join(PACKAGE_ROOT, "node_modules")})`,
      };
    }
    const file = packageThemeFile(dir);
    if ("problem" in file) return { problem: `package ${spec} (${dir}) ${file.problem}` };
    return { file: file.file, label: shownFrom(from, file.file) };
  }
  return { problem: `"${spec}" names no theme: give a built-in name, a file (./my-theme.yaml) or a package` };
}

const builtinGuess = (spec: string) => {
  const guess = didYouMean(path.basename(spec).replace(/\.(ya?ml|json)$/i, ""), THEMES);
  return guess ? `; did you mean the built-in theme "${guess}"?` : "";
};

const isFile = (file: string) => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/** A path as messages show it: from the folder of the file that names it, as that file is shown. */
function shownFrom(from: { dir: string; labelDir: string }, file: string): string {
  const rel = path.relative(from.dir, file);
  return rel.startsWith("..") || path.isAbsolute(rel) ? file : path.join(from.labelDir, rel);
}

/** Where a package `name` may be installed: node_modules from `dir` up, then beside this tool. */
function packageFolders(name: string, dir: string): string[] {
  const out: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    out.push(path.join(d, "node_modules", name));
    if (path.dirname(d) === d) break;
  }
  out.push(path.join(PACKAGE_ROOT, "node_modules", name));
  // Installed as a package itself (globally, or in a project): its neighbours.
  const parent = path.dirname(PACKAGE_ROOT);
  if (path.basename(parent) === "node_modules") out.push(path.join(parent, name));
  return [...new Set(out)];
}

/** The theme file a package holds: its package.json `resumeTheme`, or theme.yaml at its root. */
function packageThemeFile(dir: string): { file: string } | { problem: string } {
  let manifest: { resumeTheme?: unknown };
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as typeof manifest;
  } catch (err) {
    return { problem: `has a package.json that cannot be read (${err instanceof Error ? err.message : String(err)})` };
  }
  if (manifest.resumeTheme !== undefined) {
    if (typeof manifest.resumeTheme !== "string")
      return { problem: 'has a "resumeTheme" in its package.json that is not a path' };
    const file = path.resolve(dir, manifest.resumeTheme);
    return isFile(file)
      ? { file }
      : { problem: `names ${manifest.resumeTheme} in its package.json "resumeTheme", which does not exist` };
  }
  for (const name of ["theme.yaml", "theme.yml", "theme.json"]) {
    if (isFile(path.join(dir, name))) return { file: path.join(dir, name) };
  }
  return { problem: 'holds no theme: its package.json has no "resumeTheme" and it has no theme.yaml' };
}

/**
 * Read the theme file `file` (shown as `label`) and those it extends. Throws a ResumeError with
 * every problem of the file, located in it (and those of a file it extends, located there).
 */
export function readThemeFile(
  file: string,
  label: string,
  seen: readonly string[] = [],
  opts: { builtin?: boolean } = {},
): ThemeData {
  const bytes = readFileBounded(file, label, MAX_THEME_BYTES);
  if (bytes.toString("utf8").trim() === "") throw ResumeError.of(label, "file is empty; a theme sets its tokens");
  // Read as plain data first (a fraction of a millisecond: a build reads its theme on every
  // start); where each value is in the file is worked out only when there is a problem to show.
  let located: LoadedSource | undefined;
  const where = () => (located ??= parseSource(bytes, label));
  const quick = plainData(bytes, file);
  const syntax = quick === undefined ? where() : undefined;
  const raw = quick ?? where().data;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new ResumeError([...(syntax?.problems ?? []), where().at([], "expected a mapping of theme tokens")]);
  }
  const record = raw as Record<string, unknown>;
  // A theme of the package (checked by its tests) is taken as written: every start reads one.
  const schema = record.extends === undefined ? completeThemeSchema : themeOverrideSchema;
  const result = opts.builtin && quick ? { success: true as const, data: raw } : schema().safeParse(raw);
  const problems: Diagnostic[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code !== "unrecognized_keys") continue;
      const known = themeKeysAt(issue.path);
      for (const key of issue.keys) {
        const guess = typoOf(key, known);
        problems.push(
          where().at(
            [...issue.path, key],
            guess ? `unknown key; did you mean "${guess}"?` : `unknown key; a theme has here: ${known.join(", ")}`,
            { key: true },
          ),
        );
      }
    }
    const others = result.error.issues.filter((i) => i.code !== "unrecognized_keys");
    problems.push(
      ...describeIssues(where(), raw, others).map((d) =>
        /^is missing/.test(d.message) && record.extends === undefined
          ? { ...d, message: "is missing; a theme without extends sets every token (or add extends: classic)" }
          : d,
      ),
    );
  }
  const own = result.success ? (result.data as ThemeFile) : undefined;
  // The theme it extends, read even when this one has problems, so that one report has all.
  let base: ThemeData | undefined;
  const baseProblems: Diagnostic[] = [];
  if (typeof record.extends === "string" && record.extends.trim()) {
    try {
      base = extendedTheme(record.extends.trim(), file, label, where, [...seen, file]);
    } catch (err) {
      if (!(err instanceof ResumeError)) throw err;
      baseProblems.push(...err.diagnostics);
    }
  }
  const found = [
    ...inFileOrder([...(syntax?.problems ?? []), ...trusted(problems, syntax?.brokenAt)]),
    ...baseProblems,
  ];
  if (found.length || !own) throw new ResumeError(found, syntax?.warnings);

  const { $schema: _, extends: __, name: ownName, description: ownDescription, ...tokens } = own;
  const data = (base ? merge(base.data, tokens) : tokens) as ThemeData["data"];
  const name = ownName ?? path.basename(file).replace(/\.(ya?ml|json)$/i, "");
  const description = ownDescription ?? (base ? `${base.description} (changed by ${name})` : name);
  const cross = crossProblems(data, where);
  if (cross.length) throw new ResumeError(cross);
  return { name, description, data, tokens: toTokens(name, description, data), files: [file, ...(base?.files ?? [])] };
}

/** A theme file's data, read without places; undefined when it is not plain YAML or JSON. */
function plainData(bytes: Buffer, file: string): unknown {
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  // Bytes that are not UTF-8 are reported, with their place, by the full reading.
  if (text.includes("\uFFFD")) return undefined;
  try {
    return /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
  } catch {
    return undefined;
  }
}

/** The theme a file extends, looked for from the file's folder. */
function extendedTheme(
  spec: string,
  file: string,
  label: string,
  where: () => LoadedSource,
  seen: string[],
): ThemeData {
  const at = (message: string) => where().at(["extends"], message);
  const kind = themeSpecKind(spec);
  if (kind === "builtin") return builtinTheme(spec as Theme);
  const found = locateTheme(spec, { dir: path.dirname(file), labelDir: path.dirname(label) });
  if ("problem" in found) throw new ResumeError([at(found.problem)]);
  if (seen.includes(found.file)) throw new ResumeError([at(`${spec} extends this file again: themes cannot loop`)]);
  return readThemeFile(found.file, found.label, seen);
}

/** `over` laid on `base`, object by object; values of `over` win. */
function merge(base: object, over: object): object {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const was = out[key];
    out[key] =
      value && typeof value === "object" && was && typeof was === "object" ? merge(was, value as object) : value;
  }
  return out;
}

/** What only the whole theme shows: the name must stay the largest text (parsers find it so). */
function crossProblems(data: ThemeData["data"], where: () => LoadedSource): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const { name, ...others } = data.size;
  const largest = Math.max(...Object.values(others));
  if (name <= largest)
    problems.push(
      where().at(
        ["size", "name"],
        `${name} pt is not above the theme's largest other size (${largest} pt); the name must be the largest ` +
          "text: résumé parsers take it for the name",
      ),
    );
  // A dates column beside a side column would leave the main column too narrow, and off the
  // side column's baseline grid (a parser would join their lines).
  if (data.entry.dates === "column" && layouts[data.layout].sideColumn)
    problems.push(
      where().at(
        ["entry", "dates"],
        `a dates column needs a layout of one column (this theme has layout: ${data.layout}, with a side column)`,
      ),
    );
  if (data.sectionTitle.position === "column" && data.entry.dates !== "column")
    problems.push(
      where().at(["sectionTitle", "position"], "titles in the column need a column: set entry.dates: column"),
    );
  return problems;
}

/** Tokens as drawn: fonts by family, margins in points. */
function toTokens(name: string, description: string, d: ThemeData["data"]): ThemeTokens {
  return {
    name,
    description,
    font: { body: TEXT_FONTS[d.font.body], heading: TEXT_FONTS[d.font.heading] },
    size: { ...d.size },
    leading: d.leading,
    color: { ...d.color, place: d.color.place ?? d.color.muted },
    margin: { top: mm(d.margin.top), right: mm(d.margin.right), bottom: mm(d.margin.bottom), left: mm(d.margin.left) },
    space: { ...d.space },
    sectionTitle: { position: "above", ...d.sectionTitle },
    header: { ...d.header },
    entry: { dates: "right", columnWidth: 90, bullet: "\u2022", ...d.entry },
    sidebar: { side: "left", sections: ["skills", "languages", "certificates", "interests"], ...d.sidebar },
    layout: d.layout,
    badge: d.badge,
    photo: d.photo,
    icons: d.icons ?? false,
  };
}

/** A theme found by `findThemes`: what to write in `render.theme` for it, and what it is. */
export interface FoundTheme {
  /** What `render.theme` names it by. */
  spec: string;
  kind: "built-in" | "file" | "package";
  description: string;
  /** Why it cannot be used, when it cannot. */
  problem?: string;
}

/**
 * The themes a person standing in `cwd` can use: the built-in ones, theme files in ./themes/
 * (those that read as themes), and installed `resume-theme-*` packages.
 */
export function findThemes(cwd: string): FoundTheme[] {
  const out: FoundTheme[] = THEMES.map((name) => ({
    spec: name,
    kind: "built-in" as const,
    description: builtinTheme(name).description,
  }));
  const folder = path.join(cwd, "themes");
  const builtinFiles = new Set(THEMES.map(builtinThemeFile));
  for (const entry of listDir(folder).filter((f) => /\.(ya?ml|json)$/i.test(f))) {
    const file = path.join(folder, entry);
    // The package's own folder of built-in themes, when standing in it, lists them once.
    if (builtinFiles.has(path.resolve(file)) || !isFile(file) || !looksLikeTheme(file)) continue;
    try {
      out.push({ spec: `./themes/${entry}`, kind: "file", description: readThemeFile(file, file).description });
    } catch (err) {
      if (!(err instanceof ResumeError)) throw err;
    }
  }
  const packages = new Map<string, string>();
  for (const dir of packageFolders("", cwd)) {
    for (const entry of listDir(dir)) {
      const names = entry.startsWith("@") ? listDir(path.join(dir, entry)).map((e) => `${entry}/${e}`) : [entry];
      for (const name of names.filter((n) => /^(@[^/]+\/)?resume-theme-/.test(n))) {
        if (!packages.has(name) && isFile(path.join(dir, name, "package.json")))
          packages.set(name, path.join(dir, name));
      }
    }
  }
  for (const [name, dir] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
    const file = packageThemeFile(dir);
    if ("problem" in file) {
      out.push({ spec: name, kind: "package", description: "", problem: file.problem });
      continue;
    }
    try {
      out.push({ spec: name, kind: "package", description: readThemeFile(file.file, file.file).description });
    } catch (err) {
      if (!(err instanceof ResumeError)) throw err;
      const n = err.diagnostics.length;
      out.push({ spec: name, kind: "package", description: "", problem: `${n} problem${n === 1 ? "" : "s"} in it` });
    }
  }
  return out;
}

const listDir = (dir: string): string[] => {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
};

/** Whether a YAML or JSON file in a themes folder is meant as a theme (it sets theme tokens). */
function looksLikeTheme(file: string): boolean {
  try {
    const doc = parseDocument(readFileSync(file, "utf8"));
    if (!isMap(doc.contents)) return false;
    return doc.contents.items.some((p) => ["extends", "font", "size", "color", "layout"].includes(String(p.key)));
  } catch {
    return false;
  }
}
