/**
 * The input of a command, loaded once: read and parsed (standard input too, which can be read only
 * once), classified (a résumé, or a letter in a file of its own), and the builds it asks for
 * planned (one, one per variant, one per letter). Every job reuses the loaded source.
 */
import { ResumeError } from "../common/errors.js";
import { loadFile, type LoadedSource } from "../input/load.js";
import { isLetterFile, validate } from "../input/validate.js";
import { findLetter } from "./letter.js";

export interface PreparedInput {
  /** The path as given (`-` for standard input). */
  path: string;
  /** How messages name it. */
  label: string;
  source: LoadedSource;
  /** A cover letter in a file of its own (its `resume:` names the résumé). */
  isLetter: boolean;
}

/** Load `file` once and say what it is. */
export async function prepareInput(file: string, label: string = file): Promise<PreparedInput> {
  const source = await loadFile(file, label);
  return { path: file, label, source, isLetter: isLetterFile(source.data) };
}

/** What a command asks to build from one input. */
export interface JobRequest {
  variant?: string;
  letter?: string;
  allVariants?: boolean;
  allLetters?: boolean;
}

/** One build: what it is (a variant, a letter), and the options that select it. */
export interface Job {
  variant?: string;
  letter?: string;
  /** The build's own options (a letter file is its only letter: built with no --letter). */
  select: { variant?: string; letter?: string };
}

/** The builds a request makes: one, one per variant (--all-variants), or one per letter (--all-letters). */
export async function planJobs(input: PreparedInput, request: JobRequest): Promise<Job[]> {
  const { variant, letter } = request;
  if (request.allVariants) return variantNames(input).map((v) => ({ variant: v, select: { variant: v } }));
  if (request.allLetters) {
    return (await letterIds(input)).map((id) => ({
      variant,
      letter: id,
      select: { variant, letter: input.isLetter ? undefined : id },
    }));
  }
  return [{ variant, letter, select: { variant, letter } }];
}

/** The variants a résumé defines, in file order. */
function variantNames(input: PreparedInput): string[] {
  const names = Object.keys(validate(input.source).variants ?? {});
  if (!names.length) throw ResumeError.of(input.label, "the résumé defines no variants", "--all-variants");
  return names;
}

/** The letters of the résumé (or the letter file), by id, in file order. */
async function letterIds(input: PreparedInput): Promise<string[]> {
  const { source } = input;
  if (input.isLetter) return [(await findLetter(input.path, { label: input.label }, source)).letter.id];
  const ids = (validate(source).letters ?? []).map((l) => l.id);
  if (!ids.length)
    throw ResumeError.of(
      source.file,
      "the résumé has no letters; add a `letters:` list, or write a letter in a file of its own with `resume:` naming this file",
      "--all-letters",
    );
  return ids;
}
