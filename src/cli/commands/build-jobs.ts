/** `resume build` once: the input read once, its jobs planned (one, per variant, per letter), each built in turn. */
import path from "node:path";
import { buildPrepared } from "../../pipeline/build.js";
import type { BuildOptions, BuildResult } from "../../pipeline/options.js";
import { planJobs, prepareInput, type Job, type JobRequest } from "../../pipeline/prepare.js";
import type { Context, Input } from "../context.js";

export type JobResult = BuildResult & { variant?: string; letter?: string; language?: string };

/** `letter acme, de`, `variant backend`, `de`: what a job builds, as its progress line says. */
function jobName(job: Job): string {
  const what =
    job.letter !== undefined ? `letter ${job.letter}` : job.variant !== undefined ? `variant ${job.variant}` : "";
  return [what, job.language].filter(Boolean).join(", ");
}

/** Build every job the request plans; `progress`: say which job and which file as they go. */
export async function runJobs(
  ctx: Context,
  input: Input,
  base: BuildOptions,
  request: JobRequest,
  progress: (jobs: number) => boolean,
): Promise<JobResult[]> {
  const prepared = await prepareInput(input.path, input.label);
  // One job per variant, or per letter.
  const jobs = await planJobs(prepared, request);
  // Each has its own file name; one -o cannot name them all, but a folder can.
  if (jobs.length > 1 && base.output && !base.output.endsWith(path.sep)) base.output += path.sep;
  const results: JobResult[] = [];
  const shown = progress(jobs.length);
  for (const [i, job] of jobs.entries()) {
    if (shown && jobs.length > 1) ctx.io.err(`${ctx.paint("dim", `[${i + 1}/${jobs.length}]`)} ${jobName(job)}\n`);
    const onWrite = (f: string, n: number, total: number) => {
      if (shown && total > 1) ctx.io.err(`${ctx.paint("dim", `  (${n + 1}/${total}) ${ctx.shown(f)}`)}\n`);
    };
    const result = await buildPrepared(prepared, { ...base, ...job.select, onWrite });
    results.push({ variant: job.variant, letter: job.letter, language: job.language, ...result });
  }
  return results;
}
