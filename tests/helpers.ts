import stripJsonComments from "strip-json-comments";
import { parse as parseYaml } from "yaml";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { afterAll } from "vitest";
import { main, type Io } from "../src/cli/main.js";
import { parseSource, type LoadedSource } from "../src/input/load.js";
import { squeeze } from "../src/check/verify.js";
import { ResumeError } from "../src/common/errors.js";
import { importResume } from "../src/pipeline/import.js";
import { THEMES, type Theme } from "../src/common/ids.js";
import { themes } from "../src/render/themes/index.js";

export const ROOT = path.resolve(import.meta.dirname, "..");

/**
 * One built-in theme for each way the themes arrange a page: its layout (and the side its column
 * stands on), a split header or not, where an entry's dates and the section titles stand, serif
 * or sans-serif text (the fonts the scripts fall back to follow it). The tests of a feature that
 * does not turn on a theme's colours, sizes or spacing build in these; a theme that only sets
 * other values would repeat their work. The themes' own tests (visual, corpus, ats-command,
 * theme-features) take every theme.
 */
export const ARRANGEMENTS: Theme[] = (() => {
  const seen = new Map<string, Theme>();
  for (const t of THEMES) {
    const k = themes[t];
    const key = [
      k.layout,
      k.layout === "sidebar" ? k.sidebar.side : "",
      k.header.align === "split",
      k.entry.dates,
      k.sectionTitle.position,
      /Serif|Garamond/.test(k.font.body),
    ].join("/");
    if (!seen.has(key)) seen.set(key, t);
  }
  return [...seen.values()];
})();
export const SHARED = path.resolve(ROOT, "../shared");
export const CONFORMANCE = path.join(SHARED, "conformance/jsonresume");

/** A temporary folder removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "resume-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeFixture(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

export function source(text: string, file = "resume.yaml"): LoadedSource {
  return parseSource(Buffer.from(text, "utf8"), file);
}

/** Run the CLI in-process; returns its exit code and what it printed. */
export async function run(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; color?: boolean } = {}) {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    cwd: opts.cwd,
    env: opts.env ?? {},
    color: opts.color,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

export interface PdfFacts {
  text: string;
  pages: string[];
  info: Record<string, unknown>;
  links: { url: string; text: string }[];
  images: { width: number; height: number }[];
  size: { width: number; height: number };
}

/** Everything the tests read from a PDF, through pdf.js (pdf-parse). */
export async function readPdf(bytes: Uint8Array): Promise<PdfFacts> {
  const parser = new PDFParse({ data: Buffer.from(bytes) }); // it empties the array it is given
  try {
    const text = await parser.getText();
    const info = await parser.getInfo({ parsePageInfo: true });
    const img = await parser.getImage({ imageThreshold: 0, imageDataUrl: false, imageBuffer: false });
    return {
      text: text.text,
      pages: text.pages.map((p) => p.text),
      info: info.info as Record<string, unknown>,
      links: info.pages.flatMap((p) => p.links),
      images: img.pages.flatMap((p) => p.images.map((i) => ({ width: i.width, height: i.height }))),
      size: { width: info.pages[0]!.width, height: info.pages[0]!.height },
    };
  } finally {
    await parser.destroy();
  }
}

export function listDir(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** Run a poppler/qpdf tool (installed by `npm test`'s pretest step) and return its output. */
export function tool(cmd: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.error)
    throw new Error(`${cmd} is not installed (npm test installs poppler-utils and qpdf): ${r.error.message}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Text through poppler, the second reader (reading-order mode, like most ATS pipelines). */
export function pdftotext(file: string, ...args: string[]): string {
  const r = tool("pdftotext", [...args, "-enc", "UTF-8", file, "-"]);
  if (r.code !== 0) throw new Error(r.stderr);
  return r.stdout;
}

/** The fonts of a PDF as pdffonts lists them: name, and whether each is embedded. */
export function pdffonts(file: string): { name: string; embedded: boolean }[] {
  const r = tool("pdffonts", [file]);
  if (r.code !== 0) throw new Error(r.stderr);
  return r.stdout
    .split("\n")
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type… encoding emb sub uni num gen: emb is the fifth column from the end.
      return { name: cols[0]!, embedded: cols[cols.length - 5] === "yes" };
    });
}

/** The first of `values` not found in `text` after the one before it (spaces ignored), or undefined. */
export function firstMissingInOrder(text: string, values: string[]): string | undefined {
  const hay = squeeze(text);
  let at = 0;
  for (const v of values) {
    const i = hay.indexOf(squeeze(v), at);
    if (i < 0) return v;
    at = i + squeeze(v).length;
  }
  return undefined;
}

/**
 * A real JSON Resume file as published, read as the build reads it: comments and trailing commas
 * ignored, or read as YAML reads it (a line break inside a string); a résumé wrapped in a list of
 * one is that résumé.
 */
export function readRealJson(text: string): Record<string, unknown> {
  const relaxed = stripJsonComments(text, { trailingCommas: true, whitespace: true });
  let doc: unknown;
  try {
    doc = JSON.parse(relaxed);
  } catch {
    doc = parseYaml(relaxed);
  }
  return (Array.isArray(doc) && doc.length === 1 ? doc[0] : doc) as Record<string, unknown>;
}

/** What `resume import` says when it refuses `source` (each problem as "file  message"); throws if it imports it. */
export async function importRefusal(source: string, output: string): Promise<string> {
  try {
    await importResume(source, { output });
  } catch (err) {
    if (err instanceof ResumeError)
      return err.diagnostics.map((d) => `${path.basename(d.file)}  ${d.message}`).join("\n");
    throw err;
  }
  throw new Error("expected the import to refuse it");
}

/**
 * How long a test waits for something (a child process, a rebuild, a signal's effect) before it
 * calls it a hang: far beyond any sound run, even on a loaded 2-core machine. Tests assert on
 * outcomes, never on how long something took (timings belong in scripts/bench.mjs); a wait is
 * bounded only so that a hang fails with a message instead of stalling the suite.
 * vitest.config.ts's testTimeout is longer, so that this bound is the one that speaks.
 */
export const HANG_MS = 120_000;

/** `promise`'s value, or a failure saying that `what` hung when it has not settled within `ms`. */
export async function settles<T>(promise: Promise<T>, what: string, ms = HANG_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no end within ${ms / 1000} s, a hang`)), ms);
  });
  try {
    return await Promise.race([promise, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** Fails, saying that `what` hung, when spawnSync killed the child at its `timeout`. */
export function notHung(r: { error?: Error }, what: string): void {
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT")
    throw new Error(`${what}: killed at its time bound, a hang`);
}
