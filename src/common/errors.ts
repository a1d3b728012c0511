/**
 * Problems are values: each carries where it happened (file, line, column), the dotted path of
 * the field when there is one, and a plain-English message. The pipeline collects them and
 * throws one `ResumeError` holding all of them, so a user sees every problem at once.
 */

import { escapeControls } from "./terminal.js";

export interface Diagnostic {
  file: string;
  /** 1-based line, or undefined when the problem has no place in the file. */
  line?: number;
  /** 1-based column. */
  col?: number;
  /** Dotted path such as `work[0].startDate`; empty for the document itself. */
  path: string;
  message: string;
  /** How serious it is, when it does not stop the build: a warning, or a note of what was done. */
  severity?: "warning" | "note";
  /** Something assumed to build the input as written (a comment in JSON): --strict refuses it. */
  assumed?: boolean;
}

export class ResumeError extends Error {
  readonly diagnostics: Diagnostic[];
  /** Warnings about the same document, reported with its problems. */
  readonly warnings: Diagnostic[];

  constructor(diagnostics: Diagnostic[], warnings: Diagnostic[] = []) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "ResumeError";
    this.diagnostics = diagnostics;
    this.warnings = warnings;
  }

  /** One problem with a file as a whole (or at a command-line option: `path` "--fit"), not at a place in it. */
  static of(file: string, message: string, path = "", warnings: Diagnostic[] = []): ResumeError {
    return new ResumeError([{ file, path, message }], warnings);
  }
}

/**
 * One diagnostic on one line. What it quotes from the input (a file's name, a key, a value) may
 * hold line breaks or terminal controls: they are shown as escapes (`\n`, `\x1b`), so a value
 * cannot add lines of its own or drive the terminal.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const line = formatPlace(d);
  return escapeControls(line, "\t");
}

function formatPlace(d: Diagnostic): string {
  let where = d.file;
  if (d.line !== undefined) {
    where += `:${d.line}`;
    if (d.col !== undefined) where += `:${d.col}`;
  }
  return d.path ? `${where}  ${d.path}  ${d.message}` : `${where}  ${d.message}`;
}

/** `["work", 0, "startDate"]` → `work[0].startDate`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/**
 * How many edits apart two words are, letters compared without case: insertions, deletions and
 * substitutions (Levenshtein), and with `transpositions` a swap of two neighbours counts as one
 * edit too (`emial` is one edit from `email`; the optimal string alignment distance).
 */
export function editDistance(a: string, b: string, { transpositions = false } = {}): number {
  const same = (x: string, y: string) => x.toLowerCase() === y.toLowerCase();
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = same(a[i - 1]!, b[j - 1]!) ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (transpositions && i > 1 && j > 1 && same(a[i - 1]!, b[j - 2]!) && same(a[i - 2]!, b[j - 1]!))
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * `no variant "backed"; did you mean "backend"?`, or the names there are, or that there are none
 * (`kind`: "variant", "letter"; `none`: what the document lacks, e.g. "the résumé defines no variants").
 */
export function noSuchName(kind: string, name: string, names: readonly string[], none: string): string {
  if (!names.length) return `no ${kind} "${name}": ${none}`;
  const guess = didYouMean(name, names);
  return `no ${kind} "${name}"${guess ? `; did you mean "${guess}"?` : `; the ${kind}s are: ${names.join(", ")}`}`;
}

/** The closest candidate within a typo's reach, or undefined. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  return nearest(word, candidates, Math.max(2, Math.floor(word.length / 3)));
}

/**
 * The candidate fewest edits from `word` (the first of equals) when it is at most `limit` edits
 * away, or undefined. `fold` is applied to both before they are compared; `transpositions` as
 * for editDistance.
 */
export function nearest(
  word: string,
  candidates: readonly string[],
  limit: number,
  opts: { transpositions?: boolean; fold?: (s: string) => string } = {},
): string | undefined {
  const fold = opts.fold ?? ((s: string) => s);
  const w = fold(word);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, fold(c), opts);
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  return bestScore <= limit ? best : undefined;
}
