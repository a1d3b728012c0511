/** The date a build stamps into its files: reproducible under SOURCE_DATE_EPOCH. */
import { ResumeError } from "../common/errors.js";
import type { Letter, Resume } from "../input/schema.js";

/**
 * The date stamped into the PDF (it also seeds the file ID): SOURCE_DATE_EPOCH when set, for
 * reproducible builds; else meta.lastModified; else now.
 */
export function creationDateFor(resume: Resume, env: NodeJS.ProcessEnv, file: string): Date {
  const epoch = sourceDateEpoch(env, file);
  if (epoch) return epoch;
  const last = resume.meta?.lastModified;
  if (last) {
    const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(last) ? last : `${last}Z`);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return new Date();
}

/** A letter's: SOURCE_DATE_EPOCH, else the letter's own date, else `now` (the build's date). */
export function letterCreationDate(letter: Letter, env: NodeJS.ProcessEnv, now: Date): Date {
  return env.SOURCE_DATE_EPOCH || !letter.date ? now : new Date(`${`${letter.date}-01-01`.slice(0, 10)}T00:00:00Z`);
}

/** SOURCE_DATE_EPOCH as a date, when it is set (reproducible builds); a value that is not whole seconds is an error. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv, file: string): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return undefined;
  if (!/^\d+$/.test(epoch))
    throw ResumeError.of(file, `SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}"`);
  return new Date(Number(epoch) * 1000);
}
