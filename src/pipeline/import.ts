/**
 * `resume import`: start from what you have. LinkedIn's data export (a ZIP or its folder), a
 * RenderCV file or a JSON Resume document becomes a commented `resume.yaml` that validates and
 * builds as it is, with the schema comment for editors; an existing file is never replaced.
 */
import { closeSync, lstatSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { Document, isMap, isScalar, type Pair } from "yaml";
import { ResumeError, type Diagnostic } from "../common/errors.js";
import { loadFile, parseSource, readProblem } from "../input/load.js";
import { whatItIs } from "../input/read.js";
import type { Imported } from "../input/imported.js";
import { importLinkedIn, isLinkedInFolder } from "../input/linkedin.js";
import { importRenderCv, isRenderCv } from "../input/rendercv.js";
import { asRecord, BUILTIN_SECTIONS, resumeJsonSchema } from "../input/schema.js";
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
const COMMENTS: Record<string, string> = {
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
};

/** What `source` is, and the résumé in it. */
async function read(source: string, label: string): Promise<{ imported: Imported; from: ImportedFrom; base: string }> {
  let isDir: boolean;
  try {
    const st = statSync(source);
    isDir = st.isDirectory();
    // Only a regular file is opened: a pipe or a device would block or never end.
    if (!isDir && !st.isFile()) throw new ResumeError([{ file: label, path: "", message: `is ${whatItIs(st)}, not a file to import` }]);
  } catch (err) {
    if (err instanceof ResumeError) throw err;
    throw new ResumeError([{ file: label, path: "", message: readProblem(err) }]);
  }
  const base = isDir ? source : path.dirname(source);
  if (isDir) {
    if (!isLinkedInFolder(source)) throw new ResumeError([{ file: label, path: "", message: "is a folder, but not LinkedIn's data export (it has no Profile.csv or Positions.csv)" }]);
    return { imported: importLinkedIn(source, label), from: "LinkedIn's data export", base };
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
    throw new ResumeError([{ file: label, path: "", message: readProblem(err) }]);
  }
  if (head.toString("latin1") === "PK") return { imported: importLinkedIn(source, label), from: "LinkedIn's data export", base };
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
  throw new ResumeError([
    { file: label, path: "", message: "is not something this tool imports: a RenderCV file has cv:, a JSON Resume document has basics:, and LinkedIn's export is a ZIP of CSV files (or the folder it unpacks to)" },
  ]);
}

/** The document as commented YAML, with the schema comment editors read. */
export function commentedYaml(doc: Record<string, unknown>, from: ImportedFrom, label: string, output: string): string {
  const d = new Document(doc, { keepUndefined: false });
  if (isMap(d.contents)) {
    for (const pair of d.contents.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (COMMENTS[key] && isScalar(pair.key)) pair.key.commentBefore = COMMENTS[key];
    }
  }
  d.commentBefore = ` yaml-language-server: $schema=./resume.schema.json\n Imported from ${from} (${label}) by resume import. Check it, then build it with:\n   resume build ${path.basename(output)}`;
  return d.toString({ lineWidth: 0 });
}

/**
 * Values the import could not make valid (an address LinkedIn kept that is not a URL, say) are
 * left out, each with a note: the written file validates as it is, even under --strict.
 */
function leaveOutInvalid(doc: Record<string, unknown>, label: string, notes: Diagnostic[]): void {
  for (let round = 0; round < 5; round++) {
    // Checked as --strict checks it: what is written builds with nothing assumed.
    const v = validateDocument(parseSource(Buffer.from(JSON.stringify(doc)), "imported.json"), { strict: "--strict" });
    if (v.resume) return;
    for (const p of v.problems) {
      const parts = p.path.match(/[^.[\]]+/g) ?? [];
      if (!parts.length) throw new ResumeError([{ file: label, path: "", message: `cannot be imported: ${p.message}` }]);
      let parent: unknown = doc;
      for (const seg of parts.slice(0, -1)) parent = (parent as Record<string, unknown>)?.[seg];
      const last = parts.at(-1)!;
      if (parent && typeof parent === "object") {
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete (parent as Record<string, unknown>)[last];
      }
      notes.push({ file: label, path: p.path, severity: "note", message: `left out: ${p.message}` });
      break; // paths shift after a removal; validate again
    }
  }
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

export async function importResume(source: string, opts: { output: string; label?: string; outputLabel?: string }): Promise<ImportResult> {
  const label = opts.label ?? source;
  const output = path.resolve(opts.output);
  const shownOut = opts.outputLabel ?? opts.output;
  if (!/\.(ya?ml|json)$/i.test(output)) throw new ResumeError([{ file: shownOut, path: "", message: "the output is a .yaml (or .json) file" }]);
  if (exists(output)) throw new ResumeError([{ file: shownOut, path: "", message: "exists; refusing to overwrite it (choose another -o path)" }]);
  const { imported, from, base } = await read(source, label);
  const { doc } = imported;
  const notes = [...imported.notes];
  // An image path stays right from where the new file is.
  const basics = asRecord(doc.basics);
  if (typeof basics.image === "string" && !/^[a-z]+:/i.test(basics.image) && !path.isAbsolute(basics.image)) {
    basics.image = path.relative(path.dirname(output), path.resolve(base, basics.image)) || basics.image;
  }
  if (from !== "JSON Resume") leaveOutInvalid(doc, label, notes);
  const text = /\.json$/i.test(output) ? `${JSON.stringify(doc, null, 2)}\n` : commentedYaml(doc, from, label, output);
  try {
    writeNew(output, Buffer.from(text));
  } catch (err) {
    throw new ResumeError([{ file: shownOut, path: "", message: (err as NodeJS.ErrnoException).code === "EEXIST" ? "exists; refusing to overwrite it" : `cannot be written (${(err as NodeJS.ErrnoException).code})` }]);
  }
  const schemaFile = path.join(path.dirname(output), "resume.schema.json");
  let schema: string | undefined;
  try {
    writeNew(schemaFile, Buffer.from(`${JSON.stringify(resumeJsonSchema(), null, 2)}\n`));
    schema = schemaFile;
  } catch {
    // One is there already (or the folder is read-only, which the résumé's write would have said).
  }
  const custom = Array.isArray(doc.customSections) ? doc.customSections.map((c) => String(asRecord(c).id ?? asRecord(c).title)) : [];
  const sections = [...(asRecord(doc.basics).summary ? ["summary"] : []), ...BUILTIN_SECTIONS.filter((id) => id !== "summary" && Array.isArray(doc[id])), ...custom];
  return { output, from, sections, notes, schema };
}
