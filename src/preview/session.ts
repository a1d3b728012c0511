/**
 * What the preview page shows, kept up to date: the résumé built on every change of the files it
 * reads (pipeline/watch.ts, in memory), with the page's choices over the command line's options.
 * A failed build keeps the last good PDF and adds its problems, each with the source lines around
 * it; a good one replaces both.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ResumeError, type Diagnostic } from "../common/errors.js";
import { PAPERS, THEMES } from "../common/ids.js";
import { atsReport, type AtsReport } from "../pipeline/ats.js";
import { prepareResume } from "../pipeline/build.js";
import type { BuildOptions, BuildResult } from "../pipeline/options.js";
import { findThemes } from "../pipeline/themes.js";
import { watchBuild } from "../pipeline/watch.js";

/** What the page may choose without editing the file. */
export interface Choice {
  theme?: string;
  paper?: string;
  variant?: string;
  letter?: string;
  language?: string;
}

/** A problem or warning as the page shows it: located, with its source lines. */
export interface ShownDiagnostic extends Diagnostic {
  /** The lines around it (`n` is the line's number), when it has a place in a file that can be read. */
  source?: { n: number; text: string }[];
}

export interface PreviewState {
  /** Counts the changes of this state (a build, good or failed; what a parser read): the page refreshes on each. */
  id: number;
  /** Whether the last build succeeded (false: the pages shown are the last good ones). */
  ok: boolean;
  file: string;
  /** The last good build's PDF: its number (for its URL), name, pages and each page's fill. */
  pdf?: { id: number; name: string; pages: number; fills: number[]; bytes: number; ms: number };
  problems: ShownDiagnostic[];
  warnings: ShownDiagnostic[];
  /**
   * What a parser reads from the last good PDF, and the job posting's keywords when one is given;
   * undefined for a moment after a build (the pages are announced first).
   */
  ats?: AtsReport;
  choice: Choice;
  /** What the page can choose from. */
  choices: { themes: string[]; papers: string[]; variants: string[]; letters: string[]; languages: string[] };
  /** The command-line flags and `render` keys that would make the current choice permanent. */
  permanent: { flag: string; key?: string }[];
}

/** A posting is read again on each build: it may be edited beside the résumé. */
export interface SessionOptions {
  file: string;
  build: BuildOptions;
  job?: string;
  /** Where `./themes/` and theme packages are looked for. */
  cwd: string;
}

const CONTEXT_LINES = 2;

/** The lines around a diagnostic's place, when its file can be read. */
function withSource(d: Diagnostic): ShownDiagnostic {
  if (d.line === undefined || !d.file || d.file === "-") return d;
  try {
    const lines = readFileSync(d.file, "utf8").split(/\r?\n/);
    const from = Math.max(1, d.line - CONTEXT_LINES);
    const to = Math.min(lines.length, d.line + CONTEXT_LINES);
    const source = [];
    for (let n = from; n <= to; n++) source.push({ n, text: lines[n - 1]!.slice(0, 300) });
    return { ...d, source };
  } catch {
    return d;
  }
}

export class PreviewSession {
  private controller?: AbortController;
  private listeners = new Set<(s: PreviewState) => void>();
  private lastPdf?: Uint8Array;
  private running?: Promise<void>;
  state: PreviewState;

  constructor(private readonly opts: SessionOptions) {
    this.state = {
      id: 0,
      ok: false,
      file: opts.file,
      problems: [],
      warnings: [],
      choice: {},
      choices: { themes: [...THEMES], papers: [...PAPERS], variants: [], letters: [], languages: [] },
      permanent: [],
    };
  }

  /** The last good PDF's bytes. */
  get pdf(): Uint8Array | undefined {
    return this.lastPdf;
  }

  onChange(listener: (s: PreviewState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The build's options: the command line's, with the page's choices over them. */
  private buildOptions(): BuildOptions {
    const c = this.state.choice;
    const base = this.opts.build;
    return {
      ...base,
      render: { ...base.render, ...(c.theme ? { theme: c.theme } : {}), ...(c.paper ? { paper: c.paper } : {}) },
      variant: c.variant ?? base.variant,
      letter: c.letter ?? base.letter,
      language: c.language ?? base.language,
      inMemory: true,
    } as BuildOptions;
  }

  /** Start watching and building (again, with the current choice). */
  start(): void {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const previous = this.running ?? Promise.resolve();
    this.running = previous.then(() =>
      controller.signal.aborted
        ? undefined
        : watchBuild(
            this.opts.file,
            this.buildOptions(),
            (e) => {
              if (controller.signal.aborted) return;
              if (e.kind === "built") void this.built(e.result);
              else if (e.kind === "failed") this.failed(e.error);
            },
            controller.signal,
          ),
    );
  }

  /** Choose a theme, paper, variant, letter or language (undefined: the command line's), and rebuild. */
  choose(choice: Choice): void {
    const known = this.state.choices;
    const c: Choice = {};
    if (choice.theme && (known.themes.includes(choice.theme) || THEMES.includes(choice.theme as never)))
      c.theme = choice.theme;
    if (choice.paper && known.papers.includes(choice.paper)) c.paper = choice.paper;
    if (choice.variant && known.variants.includes(choice.variant)) c.variant = choice.variant;
    if (choice.letter && known.letters.includes(choice.letter)) c.letter = choice.letter;
    if (choice.language && known.languages.includes(choice.language)) c.language = choice.language;
    this.state = { ...this.state, choice: c, permanent: permanent(c) };
    this.start();
  }

  async stop(): Promise<void> {
    this.controller?.abort();
    await this.running;
  }

  private emit(next: PreviewState): void {
    this.state = next;
    for (const l of this.listeners) l(next);
  }

  private async built(result: BuildResult): Promise<void> {
    const pdf = result.files?.find(([name]) => /\.pdf$/i.test(name));
    if (!pdf) return;
    this.lastPdf = pdf[1];
    const id = this.state.id + 1;
    const shown = {
      id,
      name: path.basename(pdf[0]),
      pages: result.pages,
      fills: result.fills,
      bytes: result.bytes,
      ms: Math.round(result.ms),
    };
    // The pages first: the page fetches and draws them while a parser reads them here.
    this.emit({
      ...this.state,
      id,
      ok: true,
      pdf: shown,
      problems: [],
      warnings: result.warnings.map(withSource),
      ats: undefined,
    });
    await new Promise((resolve) => setImmediate(resolve));
    if (this.lastPdf !== pdf[1]) return;
    let ats: AtsReport | undefined;
    try {
      ats = atsReport(pdf[1], { label: pdf[0], job: this.opts.job, jobLabel: this.opts.job });
    } catch (err) {
      // A posting that cannot be read is a problem of its own; the pages still show.
      if (!(err instanceof ResumeError)) throw err;
      ats = atsReport(pdf[1], { label: pdf[0] });
      result.warnings = [...result.warnings, ...err.diagnostics.map((d) => ({ ...d, severity: "warning" as const }))];
    }
    const choices = await this.choices();
    if (this.lastPdf !== pdf[1]) return;
    this.emit({ ...this.state, id: this.state.id + 1, warnings: result.warnings.map(withSource), ats, choices });
  }

  private failed(error: unknown): void {
    const problems: Diagnostic[] =
      error instanceof ResumeError
        ? error.diagnostics
        : [{ file: this.opts.file, path: "", message: error instanceof Error ? error.message : String(error) }];
    const warnings = error instanceof ResumeError ? error.warnings : [];
    this.emit({
      ...this.state,
      id: this.state.id + 1,
      ok: false,
      problems: problems.map(withSource),
      warnings: warnings.map(withSource),
    });
  }

  /** The themes found, and the document's variants, letters and languages. */
  private async choices(): Promise<PreviewState["choices"]> {
    const themes = findThemes(this.opts.cwd).map((t) => t.spec);
    try {
      const p = await prepareResume(this.opts.file, {
        language: this.state.choice.language ?? this.opts.build.language,
      });
      return {
        themes,
        papers: [...PAPERS],
        variants: Object.keys(p.resume.variants ?? {}),
        letters: (p.resume.letters ?? []).map((l) => l.id).filter((id): id is string => Boolean(id)),
        languages: p.languages,
      };
    } catch {
      // A letter in a file of its own, or a document that fails: what the page had stays.
      return { ...this.state.choices, themes };
    }
  }
}

/** The flags (and render keys) that make a choice permanent. */
function permanent(c: Choice): { flag: string; key?: string }[] {
  const out: { flag: string; key?: string }[] = [];
  if (c.theme) out.push({ flag: `--theme ${c.theme}`, key: `render.theme: ${c.theme}` });
  if (c.paper) out.push({ flag: `--paper ${c.paper}`, key: `render.paper: ${c.paper}` });
  if (c.variant) out.push({ flag: `--variant ${c.variant}` });
  if (c.letter) out.push({ flag: `--letter ${c.letter}` });
  if (c.language)
    out.push({ flag: `--lang ${c.language}`, key: `render.languages: [${c.language}, …] (first is built by default)` });
  return out;
}
