/** What a build takes and gives. */
import type { Diagnostic } from "../common/errors.js";
import type { RenderOptions } from "../model/normalize.js";
import type { Format } from "../output/formats.js";

export interface BuildOptions {
  /** Output PDF path; default `<outDir>/<Name>-Resume.pdf`. */
  output?: string;
  /** Folder for the default output name (default: `out` under the current folder). */
  outDir?: string;
  /** How messages name the input (default: the path given). */
  label?: string;
  /** Rendering options over the file's `render` (theme, paper, accent, font, locale, …). */
  render?: RenderOptions;
  /** Fail when the résumé needs more pages (overrides render.maxPages). */
  maxPages?: number;
  /** Tighten the layout until the résumé fits this many pages (overrides render.fit). */
  fit?: number;
  /** Read the PDF back and check every value is there, in order (default true). */
  verify?: boolean;
  /**
   * Keep the outputs in memory (`BuildResult.files`) instead of writing them: the same bytes, and
   * nothing on disk read or changed but the inputs (the preview server's builds).
   */
  inMemory?: boolean;
  /** Told before each output is written (a progress line for multi-output builds). */
  onWrite?: (file: string, index: number, total: number) => void;
  /** Embed the résumé as printed in the PDF (default true; `--no-embed`). */
  embed?: boolean;
  /** Build this named variant (`variants` in the file). */
  variant?: string;
  /** Build the résumé in this language (a tag of `render.languages` or of its translations; default: the first). */
  language?: string;
  /** Build the cover letter with this id (`letters` in the file) instead of the résumé. */
  letter?: string;
  /** What to write (default: just the PDF). Other formats share the PDF's name: `.md`, `-1.png`… */
  formats?: Format[];
  /** Environment to read SOURCE_DATE_EPOCH from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Refuse keys that are not printed instead of warning about them (also render.strict). */
  strict?: boolean;
}

/**
 * Longer documents are refused before they are drawn (see estimatePages): a 72-page academic CV builds in about 10 s
 * (and 460 MB) on a 2-core machine; a 1 MiB file of jobs would take minutes.
 */
export const MAX_LAYOUT_PAGES = 100;

export interface BuildResult {
  /** The PDF (when one was asked for), else the first file written. */
  output: string;
  /**
   * Every file written, in the order of the output table (output/formats.ts): pdf, png, docx, md,
   * txt, json, whatever the order of `-f`; résumés and letters alike.
   */
  outputs: string[];
  /** With `inMemory`: each output's name and bytes, in the order of `outputs`. */
  files?: [string, Uint8Array][];
  /** Every file the build read: the résumé and the images it refers to (what --watch watches). */
  inputs: string[];
  pages: number;
  /** How full each page's text area is (0–1), top margin to lowest line; empty without a PDF. */
  fills: number[];
  bytes: number;
  ms: number;
  /** What --fit changed, when it had to change anything. */
  fitted?: string[];
  /** Problems that do not stop the build (an image below 300 dpi). */
  warnings: Diagnostic[];
  /**
   * The layout work the build did: measuring passes, atoms laid out and atoms reused (measured
   * by an earlier build in this process, or earlier in this one), blocks split between pages for
   * a fuller page, and documents drawn (one, whatever the length). Undefined without a PDF.
   */
  work?: {
    passes: number;
    measured: number;
    reused: number;
    splits: number;
    draws: number;
    /**
     * Where the time went, in ms: loading and checking the input, laying out (measuring, planning, --fit), drawing, the
     * read-back checks, writing.
     */
    phases: { check: number; layout: number; draw: number; verify: number; write: number };
  };
}
