/**
 * What every command shares: the streams it writes to, where the user stands, and the one
 * printer of problems, warnings and results (human or --json), which also keeps the exit code.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { formatDiagnostic, ResumeError, type Diagnostic } from "../common/errors.js";
import { terminalText } from "../common/terminal.js";
import { STDIN_LABEL } from "../input/read.js";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Colour the messages (a terminal, and NO_COLOR unset). */
  color?: boolean;
  /** Ends --watch (the command otherwise runs until interrupted). */
  signal?: AbortSignal;
  /** What `-` reads (default: the process's standard input). */
  stdin?: NodeJS.ReadableStream;
}

const ANSI = { bold: 1, red: 31, green: 32, yellow: 33, dim: 2 } as const;

/** What `resume build` reads when no file is given: the first of these that exists. */
export const DEFAULT_FILES = ["resume.yaml", "resume.yml", "resume.json"];

export interface Input {
  path: string;
  /** The file as the user typed it, or the default it was found as. */
  label: string;
  /** Whether it was looked for (no file given). */
  found: boolean;
}

export class Context {
  readonly cwd: string;
  /** The exit code: 0, or 1 once a problem was reported (2 is decided by the parser). */
  code = 0;
  /** Whether results and problems are printed as JSON (--json). */
  json = false;

  /**
   * The streams for messages and reports: what passes through them has its control characters
   * escaped (common/terminal.ts), but the colours this class paints.
   */
  readonly io: Io;

  constructor(private readonly raw: Io) {
    this.cwd = raw.cwd ?? process.cwd();
    this.io = {
      ...raw,
      out: (t) => raw.out(terminalText(t, raw.color)),
      err: (t) => raw.err(terminalText(t, raw.color)),
    };
  }

  /** Data meant for a pipe or a file (YAML, JSON), written to standard output as it is. */
  data(text: string): void {
    this.raw.out(text);
  }

  /** A path the user gave, resolved against where they stand. */
  at(p: string): string {
    return path.resolve(this.cwd, p);
  }

  /** A path as messages show it: relative to where the user stands. */
  shown(p: string): string {
    return path.relative(this.cwd, p) || p;
  }

  paint(style: keyof typeof ANSI, text: string): string {
    return this.io.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text;
  }

  /** A diagnostic with its place in bold, for people; plain when not on a terminal. */
  show(d: Diagnostic): string {
    const line = formatDiagnostic(d);
    const cut = line.indexOf("  ");
    return cut < 0 ? line : this.paint("bold", line.slice(0, cut)) + line.slice(cut);
  }

  /** A warning or note, with its kind first. */
  warn(d: Diagnostic): void {
    this.io.err(
      `${d.severity === "note" ? this.paint("dim", "note:") : this.paint("yellow", "warning:")} ${this.show(d)}\n`,
    );
  }

  /** Print a result as JSON. */
  printJson(value: unknown): void {
    this.data(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** Report a failure: the problems and their warnings, or an internal error in one line; exit 1. */
  fail(err: unknown): void {
    if (this.json) {
      const problems =
        err instanceof ResumeError
          ? err.diagnostics
          : [{ file: "", path: "", message: `internal error: ${(err as Error)?.message ?? String(err)}` }];
      this.printJson({ ok: false, problems, warnings: err instanceof ResumeError ? err.warnings : [] });
    } else if (err instanceof ResumeError) {
      for (const d of err.diagnostics) this.io.err(`${this.show(d)}\n`);
      for (const w of err.warnings) this.warn(w);
      const n = err.diagnostics.length;
      this.io.err(`\n${this.paint("red", `${n} problem${n === 1 ? "" : "s"} found`)}; nothing was written.\n`);
    } else {
      this.io.err(`internal error: ${(err as Error)?.message ?? String(err)}\n`);
      if ((this.io.env ?? process.env).RESUME_DEBUG) this.io.err(`${(err as Error)?.stack ?? ""}\n`);
    }
    this.code = 1;
  }

  /**
   * The résumé to read: the file as the user typed it, or, without one, the first of
   * resume.yaml, resume.yml and resume.json that exists here.
   */
  input(file: string | undefined): Input {
    // `-`: the résumé on standard input.
    if (file === "-") return { path: "-", label: STDIN_LABEL, found: false };
    if (file !== undefined) return { path: this.at(file), label: file, found: false };
    const found = DEFAULT_FILES.find((name) => existsSync(this.at(name)));
    if (found === undefined) {
      throw ResumeError.of(
        DEFAULT_FILES[0]!,
        `no résumé here: looked for ${DEFAULT_FILES.join(", ")}; give the file to build, or write a starter with resume init`,
      );
    }
    return { path: this.at(found), label: found, found: true };
  }
}
