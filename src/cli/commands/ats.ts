/** `resume ats FILE.pdf [--job posting.txt]`: what an applicant-tracking system's parser takes from a PDF. */
import type { Command } from "commander";
import { atsReport } from "../../pipeline/ats.js";
import { formatAts } from "../../output/ats-report.js";
import type { Context } from "../context.js";

export function atsCommand(program: Command, ctx: Context): void {
  program
    .command("ats")
    .description("show what an applicant-tracking system reads from a PDF résumé (any PDF)")
    .argument("<file>", "the PDF to read")
    .option("--job <posting>", "a job posting (text file): list its keywords the résumé has and misses")
    .option("--json", "print the fields as JSON")
    .action((file: string, opts: { job?: string; json?: boolean }) => {
      ctx.json = Boolean(opts.json);
      try {
        const report = atsReport(ctx.at(file), {
          label: file,
          job: opts.job === undefined ? undefined : ctx.at(opts.job),
          jobLabel: opts.job,
        });
        printAts(ctx, report);
      } catch (err) {
        ctx.fail(err);
      }
    });
}

export function printAts(ctx: Context, report: ReturnType<typeof atsReport>): void {
  if (ctx.json) return ctx.printJson({ ok: true, ...report.parsed, ...(report.job ? { job: report.job } : {}) });
  ctx.io.out(formatAts(report.parsed, report.job));
}
