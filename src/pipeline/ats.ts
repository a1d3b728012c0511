/**
 * `resume ats`: read any PDF as an applicant-tracking system's parser would, and (given a job
 * posting) say which of its keywords the résumé has.
 */
import { readFileSync, statSync } from "node:fs";
import { parseResume, type AtsResult } from "../check/ats.js";
import { matchJob, type JobMatch } from "../check/keywords.js";
import { readPdfPages } from "../check/pdftext.js";
import { ResumeError } from "../common/errors.js";

/** A PDF or posting larger than this is refused, unread (ats, extract). */
export const MAX_ATS_BYTES = 50 * 1024 * 1024;

export interface AtsReport {
  parsed: AtsResult;
  job?: JobMatch;
}

export function atsReport(pdf: string | Uint8Array, opts: { label?: string; job?: string; jobLabel?: string } = {}): AtsReport {
  const label = opts.label ?? (typeof pdf === "string" ? pdf : "<pdf>");
  const bytes = typeof pdf === "string" ? readBounded(pdf, label) : pdf;
  let parsed: AtsResult;
  try {
    parsed = parseResume(readPdfPages(bytes));
  } catch (err) {
    throw new ResumeError([{ file: label, path: "", message: `cannot be read as a PDF: ${(err as Error).message}` }]);
  }
  if (opts.job === undefined) return { parsed };
  const posting = readBounded(opts.job, opts.jobLabel ?? opts.job).toString("utf8");
  return { parsed, job: matchJob(posting, parsed) };
}

export function readBounded(file: string, label: string): Buffer {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new ResumeError([{ file: label, path: "", message: "is not a regular file" }]);
    size = st.size;
  } catch (err) {
    if (err instanceof ResumeError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new ResumeError([{ file: label, path: "", message: code === "ENOENT" ? "file not found" : `cannot be read (${code})` }]);
  }
  if (size > MAX_ATS_BYTES) throw new ResumeError([{ file: label, path: "", message: `is ${size} bytes; the limit is ${MAX_ATS_BYTES} bytes (50 MiB)` }]);
  return readFileSync(file);
}
