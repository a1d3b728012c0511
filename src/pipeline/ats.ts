/**
 * `resume ats`: read any PDF as an applicant-tracking system's parser would, and (given a job
 * posting) say which of its keywords the résumé has.
 */
import { parseResume, type AtsResult } from "../check/parser.js";
import { matchJob, type JobMatch } from "../check/keywords.js";
import { PdfError } from "../pdf/lexer.js";
import { readPdfPages } from "../pdf/reader.js";
import { ResumeError } from "../common/errors.js";
import { readFileBounded } from "../input/load.js";

/** A PDF or posting larger than this is refused, unread (ats, extract). */
export const MAX_ATS_BYTES = 50 * 1024 * 1024;
/** A job posting larger than this is refused: a posting is a few kilobytes. */
export const MAX_POSTING_BYTES = 1024 * 1024;

export interface AtsReport {
  parsed: AtsResult;
  job?: JobMatch;
}

export function atsReport(
  pdf: string | Uint8Array,
  opts: { label?: string; job?: string; jobLabel?: string; jobText?: string } = {},
): AtsReport {
  const label = opts.label ?? (typeof pdf === "string" ? pdf : "<pdf>");
  const bytes = typeof pdf === "string" ? readFileBounded(pdf, label, MAX_ATS_BYTES) : pdf;
  let pages: ReturnType<typeof readPdfPages>;
  try {
    pages = readPdfPages(bytes);
  } catch (err) {
    throw unreadable(err, label);
  }
  const parsed = parseResume(pages);
  const posting =
    opts.jobText ??
    (opts.job === undefined
      ? undefined
      : readFileBounded(opts.job, opts.jobLabel ?? opts.job, MAX_POSTING_BYTES).toString("utf8"));
  if (posting === undefined) return { parsed };
  return { parsed, job: matchJob(posting, parsed) };
}

/** A reader's failure as the user's problem: a PdfError says why in plain words; anything else is passed on. */
export function unreadable(err: unknown, label: string): unknown {
  if (err instanceof PdfError) return ResumeError.of(label, `cannot be read as a PDF: ${err.message}`);
  return err;
}
