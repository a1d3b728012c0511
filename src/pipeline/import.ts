/**
 * `resume import`: start from what you have. LinkedIn's data export (a ZIP or its folder), a
 * RenderCV file or a JSON Resume document becomes a commented `resume.yaml` that validates and
 * builds as it is, with the schema comment for editors; an existing file is never replaced.
 */
import { closeSync, lstatSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { Document, isMap, isScalar, type Pair } from "yaml";
import { ResumeError, type Diagnostic } from "../common/errors.js";
import { loadFile, MAX_INPUT_BYTES, parseSource, readProblem } from "../input/load.js";
import { whatItIs } from "../input/read.js";
import type { Imported } from "../input/imported.js";
import { importLinkedIn, isLinkedInFolder } from "../input/linkedin.js";
import { importRenderCv, isRenderCv } from "../input/rendercv.js";
import { asRecord, BUILTIN_SECTIONS, resumeJsonSchema } from "../input/schema.js";
import { themeSpecKind } from "../common/ids.js";
import { locateTheme } from "../render/themes/files.js";
import { validateDocument } from "../input/validate.js";
import { toJsonResume } from "../output/export.js";
import { writeNew } from "../output/write.js";

export type ImportedFrom = "LinkedIn's data export" | "RenderCV" | "JSON Resume";

export interface ImportResult {
  /** The file written. */
  output: string;
  from: ImportedFrom;
  /** The sections the résumé has, in print order. */
  sections: string[];
  /** What the import did that the user should know. */
  notes: Diagnostic[];
  /** The schema file written beside it, when there was none. */
  schema?: string;
}

/** A comment above each top-level key of the written file. */
const COMMENTS = new Map<string, string>(
  Object.entries({
    basics: " Who you are: name, headline (label), contacts, profiles and summary.",
    work: " Experience, one entry per role; highlights print as bullets.",
    volunteer: " Volunteering, like work.",
    education: " Education: institution, degree (studyType), field (area) and dates.",
    awards: " Awards and honours.",
    certificates: " Certificates; give one a badge: image path to print it.",
    publications: " Publications.",
    skills: " Skills: each group's name, then its keywords.",
    languages: " Languages and how well you speak them.",
    interests: " Interests.",
    references: " References.",
    projects: " Projects.",
    customSections: " Sections of your own: a title, then a summary and highlights.",
    render: " How it is printed (theme, paper, language, section order); the command line overrides it.",
  }),
);

/** What `source` is, and the résumé in it. */
async function read(source: string, label: string): Promise<{ imported: Imported; from: ImportedFrom; base: string }> {
  let isDir: boolean;
  try {
    const st = statSync(source);
    isDir = st.isDirectory();
    // Only a regular file is opened: a pipe or a device would block or never end.
    if (!isDir && !st.isFile()) throw ResumeError.of(label, `is ${whatItIs(st)}, not a file to import`);
  } catch (err) {
    if (err instanceof ResumeError) throw err;
    throw ResumeError.of(label, readProblem(err));
  }
  const base = isDir ? source : path.dirname(source);
  if (isDir) {
    if (!isLinkedInFolder(source))
      throw ResumeError.of(
        label,
        "is a folder, but not LinkedIn's data export (it has no Profile.csv or Positions.csv)",
      );
    return { imported: await importLinkedIn(source, label), from: "LinkedIn's data export", base };
  }
  const head = Buffer.alloc(2);
  try {
    const fd = openSync(source, "r");
    try {
      readSync(fd, head, 0, 2, 0);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw ResumeError.of(label, readProblem(err));
  }
  if (head.toString("latin1") === "PK")
    return { imported: await importLinkedIn(source, label), from: "LinkedIn's data export", base };
  const loaded = await loadFile(source, label);
  if (loaded.problems.length) throw new ResumeError(loaded.problems, loaded.warnings);
  if (isRenderCv(loaded.data)) return { imported: importRenderCv(loaded), from: "RenderCV", base };
  if ("basics" in asRecord(loaded.data)) {
    // A JSON Resume document: its own problems are the user's to fix, located in it.
    const v = validateDocument(loaded);
    if (!v.resume) throw new ResumeError(v.problems, v.warnings);
    const { doc } = toJsonResume(v.resume, v.extras);
    delete doc.$schema;
    return { imported: { doc, notes: v.warnings }, from: "JSON Resume", base };
  }
  throw ResumeError.of(
    label,
    "is not something this tool imports: a RenderCV file has cv:, a JSON Resume document has basics:, and LinkedIn's export is a ZIP of CSV files (or the folder it unpacks to)",
  );
}

/** The document as commented YAML, with the schema comment editors read. */
export function commentedYaml(doc: Record<string, unknown>, from: ImportedFrom, label: string, output: string): string {
  const d = new Document(doc, { keepUndefined: false });
  if (isMap(d.contents)) {
    for (const pair of d.contents.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      const comment = COMMENTS.get(key);
      if (comment && isScalar(pair.key)) pair.key.commentBefore = comment;
    }
  }
  d.commentBefore = ` yaml-language-server: $schema=./resume.schema.json\n Imported from ${from} (${label}) by resume import. Check it, then build it with:\n   resume build ${path.basename(output)}`;
  return d.toString({ lineWidth: 0 });
}

/** A path as validation prints it (`work[2].url`) as its segments. */
const segments = (p: string): (string | number)[] =>
  (p.match(/[^.[\]]+/g) ?? []).map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));

/** The value at `parts` of `doc`, own properties only. */
function at(doc: unknown, parts: readonly (string | number)[]): { found: boolean; value?: unknown } {
  let v: unknown = doc;
  for (const seg of parts) {
    if (!v || typeof v !== "object" || !Object.hasOwn(v, seg)) return { found: false };
    v = (v as Record<string | number, unknown>)[seg];
  }
  return { found: true, value: v };
}

/** How many values `v` holds, counting itself: the most rounds leaving out can take. */
const countValues = (v: unknown): number =>
  v && typeof v === "object" ? Object.values(v).reduce((n: number, x) => n + countValues(x), 1) : 1;

/**
 * Values the import could not make valid (an address LinkedIn kept that is not a URL, say) are
 * left out, each with a note: the written file validates as it is, even under --strict. Every
 * invalid value found is left out at once; leaving one out can make its entry incomplete (a
 * required field gone), so validation runs again until nothing is invalid. Each round removes at
 * least one value, so this ends; a problem that no removal can fix (the résumé's name) refuses
 * the import.
 */
export function leaveOutInvalid(doc: Record<string, unknown>, label: string, notes: Diagnostic[]): void {
  const rounds = countValues(doc);
  for (let round = 0; round <= rounds; round++) {
    fitsOneResume(JSON.stringify(doc), label, "JSON");
    // Checked as --strict checks it: what is written builds with nothing assumed.
    const v = validateDocument(parseSource(Buffer.from(JSON.stringify(doc)), "imported.json"), { strict: "--strict" });
    if (v.resume) return;
    const targets: { parts: (string | number)[]; path: string; message: string }[] = [];
    for (const p of v.problems) {
      let parts = segments(p.path);
      // A field that is missing is not there to leave out: its entry is.
      while (parts.length && !at(doc, parts).found) parts = parts.slice(0, -1);
      if (
        !parts.length ||
        (parts.length === 1 && parts[0] === "basics") ||
        (parts.length === 2 && parts[0] === "basics" && parts[1] === "name")
      ) {
        throw ResumeError.of(label, `cannot be imported: ${p.path ? `${p.path} ` : ""}${p.message}`);
      }
      targets.push({ parts, path: p.path, message: p.message });
    }
    // A value inside one that is left out goes with it; in a list, the last goes first, so the
    // positions of the others hold.
    const key = (t: (typeof targets)[number]) => JSON.stringify(t.parts);
    const keys = new Set(targets.map(key));
    const inside = (t: (typeof targets)[number]) =>
      t.parts.some((_, i) => i < t.parts.length - 1 && keys.has(JSON.stringify(t.parts.slice(0, i + 1))));
    const order = (a: (typeof targets)[number], b: (typeof targets)[number]) => {
      for (let i = 0; i < Math.min(a.parts.length, b.parts.length); i++) {
        const x = a.parts[i]!;
        const y = b.parts[i]!;
        if (x === y) continue;
        return typeof x === "number" && typeof y === "number" ? y - x : String(x) < String(y) ? -1 : 1;
      }
      return b.parts.length - a.parts.length;
    };
    const done = new Set<string>();
    for (const t of targets.filter((x) => !inside(x)).sort(order)) {
      if (done.has(key(t))) continue;
      done.add(key(t));
      const parent = at(doc, t.parts.slice(0, -1)).value;
      const last = t.parts.at(-1)!;
      if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
      else if (parent && typeof parent === "object") delete (parent as Record<string, unknown>)[last];
    }
    for (const t of targets)
      notes.push({ file: label, path: t.path, severity: "note", message: `left out: ${t.message}` });
  }
  throw ResumeError.of(label, "cannot be imported: what it holds does not become a valid résumé");
}

/**
 * The theme the new file names must be found from where it is written: a theme file stays the
 * same file (its path made relative to the new file), and a theme that is not found (a package
 * not installed here, a file not there) is left out with a note, so that the file builds.
 */
function keepFoundTheme(
  doc: Record<string, unknown>,
  base: string,
  output: string,
  shownOut: string,
  label: string,
  notes: Diagnostic[],
): void {
  const render = asRecord(doc.render);
  const named = render.theme;
  if (typeof named !== "string") return;
  const spec =
    themeSpecKind(named) === "file" && !path.isAbsolute(named)
      ? `./${path.relative(path.dirname(output), path.resolve(base, named)).split(path.sep).join("/")}`
      : named;
  render.theme = spec;
  const found = locateTheme(spec, { dir: path.dirname(output), labelDir: path.dirname(shownOut) });
  if (!("problem" in found)) return;
  delete render.theme;
  notes.push({ file: label, path: "render.theme", severity: "note", message: `left out: ${found.problem}` });
}

/** Refuses a résumé larger than a résumé file may be (what `resume build` reads), before it is written. */
function fitsOneResume(text: string, label: string, as: string): void {
  const size = Buffer.byteLength(text, "utf8");
  if (size <= MAX_INPUT_BYTES) return;
  throw ResumeError.of(
    label,
    `holds a résumé of ${(size / 1024 / 1024).toFixed(1)} MiB (as ${as}); a résumé file is at most ${MAX_INPUT_BYTES / 1024 / 1024} MiB, so it could not be built`,
  );
}

/** Anything at `file`, a dangling symbolic link included. */
function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

export async function importResume(
  source: string,
  opts: { output: string; label?: string; outputLabel?: string },
): Promise<ImportResult> {
  const label = opts.label ?? source;
  const output = path.resolve(opts.output);
  const shownOut = opts.outputLabel ?? opts.output;
  if (!/\.(ya?ml|json)$/i.test(output)) throw ResumeError.of(shownOut, "the output is a .yaml (or .json) file");
  if (exists(output)) throw ResumeError.of(shownOut, "exists; refusing to overwrite it (choose another -o path)");
  const { imported, from, base } = await read(source, label);
  const { doc } = imported;
  const notes = [...imported.notes];
  // An image path stays right from where the new file is.
  const basics = asRecord(doc.basics);
  if (typeof basics.image === "string" && !/^[a-z]+:/i.test(basics.image) && !path.isAbsolute(basics.image)) {
    basics.image = path.relative(path.dirname(output), path.resolve(base, basics.image)) || basics.image;
  }
  if (from !== "JSON Resume") leaveOutInvalid(doc, label, notes);
  keepFoundTheme(doc, base, output, shownOut, label, notes);
  const text = /\.json$/i.test(output) ? `${JSON.stringify(doc, null, 2)}\n` : commentedYaml(doc, from, label, output);
  fitsOneResume(text, label, /\.json$/i.test(output) ? "JSON" : "YAML");
  try {
    writeNew(output, Buffer.from(text));
  } catch (err) {
    throw ResumeError.of(
      shownOut,
      (err as NodeJS.ErrnoException).code === "EEXIST"
        ? "exists; refusing to overwrite it"
        : `cannot be written (${(err as NodeJS.ErrnoException).code})`,
    );
  }
  const schemaFile = path.join(path.dirname(output), "resume.schema.json");
  let schema: string | undefined;
  try {
    writeNew(schemaFile, Buffer.from(`${JSON.stringify(resumeJsonSchema(), null, 2)}\n`));
    schema = schemaFile;
  } catch {
    // One is there already (or the folder is read-only, which the résumé's write would have said).
  }
  const custom = Array.isArray(doc.customSections)
    ? doc.customSections.map((c) => String(asRecord(c).id ?? asRecord(c).title))
    : [];
  const sections = [
    ...(asRecord(doc.basics).summary ? ["summary"] : []),
    ...BUILTIN_SECTIONS.filter((id) => id !== "summary" && Array.isArray(doc[id])),
    ...custom,
  ];
  return { output, from, sections, notes, schema };
}
