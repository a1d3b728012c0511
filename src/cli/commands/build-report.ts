/** What `resume build` prints when its builds are done: JSON, or a line per build, then the --ats reports. */
import { atsReport, type AtsReport } from "../../pipeline/ats.js";
import type { Context, Input } from "../context.js";
import { printAts } from "./ats.js";
import type { JobResult } from "./build-jobs.js";

export interface ReportFlags {
  quiet?: boolean;
  ats?: boolean;
  job?: string;
  allVariants?: boolean;
  allLetters?: boolean;
}

export function reportBuilds(ctx: Context, input: Input, results: JobResult[], opts: ReportFlags): void {
  // --ats: what a parser reads from each PDF written.
  const reports = new Map<JobResult, AtsReport>();
  if (opts.ats || opts.job !== undefined) {
    const job = opts.job === undefined ? undefined : ctx.at(opts.job);
    for (const r of results)
      if (r.bytes && /\.pdf$/i.test(r.output))
        reports.set(r, atsReport(r.output, { label: ctx.shown(r.output), job, jobLabel: opts.job }));
  }
  if (ctx.json) {
    const shape = (r: JobResult) => ({
      ...(r.variant ? { variant: r.variant } : {}),
      outputs: r.outputs,
      pages: r.pages,
      bytes: r.bytes,
      fitted: r.fitted ?? null,
      warnings: r.warnings,
      ms: Math.round(r.ms),
      ...(r.work ? { work: r.work } : {}),
      ...(reports.has(r)
        ? { ats: { ...reports.get(r)!.parsed, ...(reports.get(r)!.job ? { job: reports.get(r)!.job } : {}) } }
        : {}),
    });
    if (opts.allLetters)
      return ctx.printJson({ ok: true, letters: results.map((r) => ({ letter: r.letter, ...shape(r) })) });
    return ctx.printJson(
      opts.allVariants
        ? { ok: true, variants: results.map(shape) }
        : {
            ok: true,
            ...(results[0]!.letter !== undefined ? { letter: results[0]!.letter } : {}),
            ...shape(results[0]!),
          },
    );
  }
  for (const result of results) {
    for (const w of result.warnings) ctx.warn(w);
    if (opts.quiet) continue;
    const pages = `${result.pages} page${result.pages === 1 ? "" : "s"}`;
    if (result.fitted) ctx.io.out(`fitted to ${pages}: ${result.fitted.join(", ")}\n`);
    const extra =
      result.outputs.length > 1
        ? ` and ${result.outputs
            .slice(1)
            .map((f) => ctx.shown(f))
            .join(", ")}`
        : "";
    const size = result.bytes ? ` (${pages}, ${formatBytes(result.bytes)})` : "";
    const from = input.found ? ` from ${input.label}` : "";
    ctx.io.out(
      `${ctx.paint("green", "wrote")} ${ctx.shown(result.output)}${size}${extra}${from} in ${Math.round(result.ms)} ms\n`,
    );
  }
  for (const [result, report] of reports) {
    if (results.length > 1) ctx.io.out(`\n${ctx.shown(result.output)}\n`);
    ctx.io.out("\n");
    printAts(ctx, report);
  }
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`;
}
