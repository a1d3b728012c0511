/**
 * The input of a command, loaded once: read and parsed (standard input too, which can be read only
 * once), classified (a résumé, or a letter in a file of its own), and the builds it asks for
 * planned (one, one per variant, one per letter). Every job reuses the loaded source.
 */
import { ResumeError } from "../common/errors.js";
import { loadFile, type LoadedSource } from "../input/load.js";
import path from "node:path";
import { asRecord } from "../input/schema.js";
import { languageTagOf } from "../input/translations.js";
import { isLetterFile, validate, validateDocument } from "../input/validate.js";
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
  /** One language (`--lang`); without it, every language of the document. */
  language?: string;
  /** Every language of the document (`--all-languages`): an error for a document without any. */
  allLanguages?: boolean;
}

/** One build: what it is (a variant, a letter, a language), and the options that select it. */
export interface Job {
  variant?: string;
  letter?: string;
  language?: string;
  /** The build's own options (a letter file is its only letter: built with no --letter). */
  select: { variant?: string; letter?: string; language?: string };
}

/**
 * The builds a request makes: one, one per variant (--all-variants), or one per letter
 * (--all-letters); each once per language of a document in several (or the one --lang names).
 */
export async function planJobs(input: PreparedInput, request: JobRequest): Promise<Job[]> {
  const { variant, letter } = request;
  let jobs: Job[];
  if (request.allVariants) jobs = variantNames(input).map((v) => ({ variant: v, select: { variant: v } }));
  else if (request.allLetters) {
    jobs = (await letterIds(input)).map((id) => ({
      variant,
      letter: id,
      select: { variant, letter: input.isLetter ? undefined : id },
    }));
  } else jobs = [{ variant, letter, select: { variant, letter } }];
  const { languages, letterLanguages } = await documentLanguages(input);
  const onlyIn = (j: Job) => (j.letter !== undefined ? letterLanguages.get(input.isLetter ? "" : j.letter) : undefined);
  if (request.language !== undefined) {
    // Every letter in one language: those written in another are not among them.
    const asked = languageTagOf(request.language) ?? request.language;
    const some = request.allLetters ? jobs.filter((j) => [undefined, asked].includes(onlyIn(j))) : jobs;
    return (some.length ? some : jobs).map((j) => ({
      ...j,
      language: asked,
      select: { ...j.select, language: asked },
    }));
  }
  if (request.allLanguages && !languages.length)
    throw ResumeError.of(
      input.label,
      "the résumé has no languages: give its text translations ({ en: …, de: … }) or list them in render.languages",
      "--all-languages",
    );
  if (languages.length < 2) return jobs;
  // A letter written in one language is built in that one only.
  return jobs.flatMap((j) => {
    const only = onlyIn(j);
    return (only ? [only] : languages).map((language) => ({ ...j, language, select: { ...j.select, language } }));
  });
}

/** The languages of the résumé (a letter file's, of the résumé it names), and of letters written in one. */
async function documentLanguages(
  input: PreparedInput,
): Promise<{ languages: string[]; letterLanguages: Map<string, string> }> {
  const letterLanguages = new Map<string, string>();
  let source = input.source;
  if (input.isLetter) {
    const data = asRecord(source.data);
    const language = typeof data.language === "string" ? languageTagOf(data.language) : undefined;
    if (language) letterLanguages.set("", language);
    if (typeof data.resume !== "string") return { languages: [], letterLanguages };
    try {
      source = await loadFile(path.resolve(path.dirname(path.resolve(input.path)), data.resume));
    } catch {
      return { languages: [], letterLanguages };
    }
  }
  const v = validateDocument(source);
  if (!input.isLetter) for (const l of v.resume?.letters ?? []) if (l.language) letterLanguages.set(l.id, l.language);
  return { languages: v.translations.languages, letterLanguages };
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
