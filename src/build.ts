/**
 * The pipeline: load → validate → (assets, glyph check) → normalize → render → write.
 * Library functions the CLI and the tests call directly.
 */
import { open, stat } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadAssets } from "./assets.js";
import { ResumeError } from "./errors.js";
import { checkGlyphs } from "./glyphs.js";
import { loadFile, type LoadedSource } from "./load.js";
import { normalize, type ViewModel } from "./normalize.js";
import type { Paper, Resume, Theme } from "./schema.js";
import { MissingFontPackage } from "./fonts.js";
import { fontStack, stackFaces, themes } from "./themes/index.js";
import { validate } from "./validate.js";
import { writeAtomic } from "./write.js";

export interface BuildOptions {
  /** Output PDF path; default `<outDir>/<Name>-Resume.pdf`. */
  output?: string;
  /** Folder for the default output name (default: `out` under the current folder). */
  outDir?: string;
  /** How messages name the input (default: the path given). */
  label?: string;
  theme?: Theme;
  paper?: Paper;
  /** Environment to read SOURCE_DATE_EPOCH from (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface BuildResult {
  output: string;
  pages: number;
  bytes: number;
  ms: number;
}

export interface Checked {
  source: LoadedSource;
  resume: Resume;
  vm: ViewModel;
}

/** Every check short of drawing: syntax, schema, images, glyph coverage. */
export async function check(file: string, opts: Pick<BuildOptions, "theme" | "paper" | "label"> = {}): Promise<Checked> {
  const source = await loadFile(file, opts.label);
  const resume = validate(source);
  const assets = await loadAssets(resume, source);
  const vm = normalize(resume, assets, opts);
  const stack = fontStack(themes[vm.theme], vm.cjk);
  try {
    stackFaces(stack);
  } catch (err) {
    if (!(err instanceof MissingFontPackage)) throw err;
    const pos = source.locate(["render", "cjk"]);
    throw new ResumeError([{ file: source.file, line: pos?.line, col: pos?.col, path: "render.cjk", message: err.message }]);
  }
  checkGlyphs(resume, source, stack);
  return { source, resume, vm };
}

export async function build(file: string, opts: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const { source, resume, vm } = await check(file, opts);
  const output = await outputPath(resume, opts);
  const refuse = (message: string) => new ResumeError([{ file: output, path: "", message }]);
  if (output === path.resolve(file)) throw refuse("is the input file; choose another -o path");
  if (!/\.pdf$/i.test(output)) throw refuse("the output must be a .pdf file");
  if (!(await isPdfOrAbsent(output))) throw refuse("exists and is not a PDF; refusing to overwrite it");
  const creationDate = creationDateFor(resume, opts.env ?? process.env, source.file);
  const { renderPdf } = await import("./render.js");
  let rendered;
  try {
    rendered = await renderPdf(vm, creationDate);
  } catch (err) {
    throw new ResumeError([{ file: source.file, path: "", message: `the PDF could not be laid out: ${(err as Error).message}` }]);
  }
  try {
    await writeAtomic(output, rendered.bytes);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new ResumeError([{ file: output, path: "", message: `cannot write the PDF (${e.code ?? e.message})` }]);
  }
  return { output, pages: rendered.pages, bytes: rendered.bytes.length, ms: performance.now() - started };
}

/** `-o` as given (a folder, existing or ending in `/`, gets the default name inside it). */
async function outputPath(resume: Resume, opts: BuildOptions): Promise<string> {
  const name = defaultFileName(resume.basics.name);
  if (!opts.output) return path.resolve(opts.outDir ?? "out", name);
  const given = path.resolve(opts.output);
  const isDir = /[\\/]$/.test(opts.output) || (await stat(given).then((s) => s.isDirectory(), () => false));
  return isDir ? path.join(given, name) : given;
}

async function isPdfOrAbsent(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, "r");
  } catch {
    return true;
  }
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    return head.toString("latin1") === "%PDF-";
  } finally {
    await handle.close();
  }
}

/** `Rajat Jog` → `Rajat-Jog-Resume.pdf` (letters of any script kept, the rest dashed). */
export function defaultFileName(name: string): string {
  const base = name
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return `${base || "Resume"}-Resume.pdf`;
}

/**
 * The date stamped into the PDF (it also seeds the file ID): SOURCE_DATE_EPOCH when set, for
 * reproducible builds; else meta.lastModified; else now.
 */
export function creationDateFor(resume: Resume, env: NodeJS.ProcessEnv, file: string): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch)) {
      throw new ResumeError([{ file, path: "", message: `SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}"` }]);
    }
    return new Date(Number(epoch) * 1000);
  }
  const last = resume.meta?.lastModified;
  if (last) {
    const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(last) ? last : `${last}Z`);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return new Date();
}
