/**
 * `resume ats`: read any PDF as an applicant-tracking system's parser would, and (given a job
 * posting) say which of its keywords the résumé has.
 */
import { parseResume, type AtsResult } from "../check/ats.js";
import { matchJob, type JobMatch } from "../check/keywords.js";
import { readPdfPages } from "../check/pdftext.js";
import { ResumeError } from "../common/errors.js";
import { readFileBounded } from "../input/load.js";

/** A PDF or posting larger than this is refused, unread (ats, extract). */
export const MAX_ATS_BYTES = 50 * 1024 * 1024;

export interface AtsReport {
  parsed: AtsResult;
  job?: JobMatch;
}

export function atsReport(pdf: string | Uint8Array, opts: { label?: string; job?: string; jobLabel?: string } = {}): AtsReport {
  const label = opts.label ?? (typeof pdf === "string" ? pdf : "<pdf>");
  const bytes = typeof pdf === "string" ? readFileBounded(pdf, label, MAX_ATS_BYTES) : pdf;
  let parsed: AtsResult;
  try {
    parsed = parseResume(readPdfPages(bytes));
  } catch (err) {
    throw new ResumeError([{ file: label, path: "", message: `cannot be read as a PDF: ${(err as Error).message}` }]);
  }
  if (opts.job === undefined) return { parsed };
  const posting = readFileBounded(opts.job, opts.jobLabel ?? opts.job, MAX_ATS_BYTES).toString("utf8");
  return { parsed, job: matchJob(posting, parsed) };
}
