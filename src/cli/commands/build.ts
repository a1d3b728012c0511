/** `resume build [file]`: validate and write the PDF (and other formats), once, per variant, or on every change. */
import path from "node:path";
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { ResumeError } from "../../common/errors.js";
import { loadFile } from "../../input/load.js";
import { validate } from "../../input/validate.js";
import type { RenderOptions } from "../../model/normalize.js";
import { build, FORMATS, type BuildOptions, type BuildResult, type Format } from "../../pipeline/build.js";
import { atsReport, type AtsReport } from "../../pipeline/ats.js";
import { letterIds } from "../../pipeline/letter.js";
import { isLetterFile } from "../../input/validate.js";
import type { Context, Input } from "../context.js";
import { printAts } from "./ats.js";
import { addInputOptions, addRenderOptions, pageCount, renderOverrides } from "../options.js";
import { watchBuild } from "../watch.js";

interface BuildFlags extends RenderOptions {
  watch?: boolean;
  variant?: string;
  allVariants?: boolean;
  output?: string;
  maxPages?: number;
  fit?: number;
  verify: boolean;
  embed: boolean;
  format?: Format[];
  quiet?: boolean;
  json?: boolean;
  strict?: boolean;
  ats?: boolean;
  job?: string;
  letter?: string;
  allLetters?: boolean;
}

export function buildCommand(program: Command, ctx: Context): void {
  const cmd = addInputOptions(program.command("build").description("validate the résumé and write the PDF"))
    .option("-o, --output <file>", "PDF to write (default: out/<Name>-Resume.pdf)")
    .option("--max-pages <n>", "fail if the résumé needs more than n pages (overrides render.maxPages)", pageCount)
    .option("--fit <n>", "tighten spacing, leading, then size and margins until it fits n pages", pageCount)
    .option("--no-verify", "skip reading the PDF back to check every value is there, in order")
    .option("--no-embed", "leave out the résumé the PDF otherwise carries inside it (resume extract)")
    .option("-f, --format <list>", `what to write, comma-separated: ${FORMATS.join(", ")} (default: pdf)`, formatList)
    .option("-q, --quiet", "print nothing but problems")
    .option("--json", "print the result (outputs, pages, warnings, timings) as JSON")
    .option("--variant <name>", "build one variant defined under `variants` in the file")
    .option("--all-variants", "build every variant defined in the file")
    .option(
      "--letter <id>",
      "build the cover letter with this id from the résumé's `letters` (out/<Name>-Letter-<id>.pdf)",
    )
    .option("--all-letters", "build every cover letter in the résumé's `letters`")
    .option("--ats", "then show what an applicant-tracking system reads from the PDF")
    .option("--job <posting>", "with --ats: list the job posting's keywords the résumé has and misses")
    .option("-w, --watch", "rebuild whenever the résumé or an image it uses changes (Ctrl-C to stop)");
  addRenderOptions(cmd).action(async (file: string | undefined, opts: BuildFlags) => {
    ctx.json = Boolean(opts.json);
    const conflict =
      opts.variant && opts.allVariants
        ? "--variant or --all-variants"
        : opts.letter && opts.allLetters
          ? "--letter or --all-letters"
          : opts.allVariants && (opts.letter || opts.allLetters)
            ? "--all-variants or a letter option"
            : undefined;
    if (conflict) {
      ctx.io.err(`error: give ${conflict}, not both\n`);
      ctx.code = 2;
      return;
    }
    let input: Input;
    try {
      input = ctx.input(file);
    } catch (err) {
      return ctx.fail(err);
    }
    const base: BuildOptions = {
      // Keep a trailing slash: "-o pdfs/" names a folder even before it exists.
      output: opts.output ? ctx.at(opts.output) + (/[\\/]$/.test(opts.output) ? path.sep : "") : undefined,
      outDir: ctx.at("out"),
      render: renderOverrides(opts),
      maxPages: opts.maxPages,
      fit: opts.fit,
      verify: opts.verify,
      embed: opts.embed,
      formats: opts.format,
      env: ctx.io.env,
      label: input.label,
      strict: opts.strict,
    };
    if (opts.watch && file === "-") {
      ctx.io.err("error: --watch needs a file to watch; standard input (-) is read once\n");
      ctx.code = 2;
      return;
    }
    if (opts.watch && opts.allLetters) {
      ctx.io.err("error: --watch rebuilds one résumé or one letter; give --letter <id> instead of --all-letters\n");
      ctx.code = 2;
      return;
    }
    if (opts.watch) return watch(ctx, input, { ...base, variant: opts.variant, letter: opts.letter });
    try {
      await buildOnce(ctx, input, base, opts);
    } catch (err) {
      ctx.fail(err);
    }
  });
}

async function buildOnce(ctx: Context, input: Input, base: BuildOptions, opts: BuildFlags): Promise<void> {
  // One job per variant, or per letter.
  let jobs: { variant?: string; letter?: string }[] = [{ variant: opts.variant, letter: opts.letter }];
  if (opts.allVariants) jobs = (await variantNames(input)).map((variant) => ({ variant }));
  if (opts.allLetters)
    jobs = (await letterIds(input.path, input.label)).map((letter) => ({ variant: opts.variant, letter }));
  // Each has its own file name; one -o cannot name them all, but a folder can.
  if (jobs.length > 1 && base.output && !base.output.endsWith(path.sep)) base.output += path.sep;
  const results: (BuildResult & { variant?: string; letter?: string })[] = [];
  const progress = !ctx.json && !opts.quiet && (jobs.length > 1 || (opts.format?.length ?? 1) > 1);
  for (const [i, job] of jobs.entries()) {
    if (progress && jobs.length > 1)
      ctx.io.err(
        `${ctx.paint("dim", `[${i + 1}/${jobs.length}]`)} ${job.letter !== undefined ? `letter ${job.letter}` : `variant ${job.variant}`}\n`,
      );
    const onWrite = (f: string, n: number, total: number) => {
      if (progress && total > 1) ctx.io.err(`${ctx.paint("dim", `  (${n + 1}/${total}) ${ctx.shown(f)}`)}\n`);
    };
    // A letter in a file of its own is its only letter (--all-letters on it builds it).
    const letter = opts.allLetters && (await isLetter(input)) ? undefined : job.letter;
    const result = await build(input.path, { ...base, variant: job.variant, letter, onWrite });
    results.push({ ...job, ...result });
  }
  // --ats: what a parser reads from each PDF written.
  const reports = new Map<(typeof results)[number], AtsReport>();
  if (opts.ats || opts.job !== undefined) {
    const job = opts.job === undefined ? undefined : ctx.at(opts.job);
    for (const r of results)
      if (r.bytes && /\.pdf$/i.test(r.output))
        reports.set(r, atsReport(r.output, { label: ctx.shown(r.output), job, jobLabel: opts.job }));
  }
  if (ctx.json) {
    const shape = (r: (typeof results)[number]) => ({
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

/** Build, then rebuild on every change until interrupted, saying what happened each time. */
async function watch(ctx: Context, input: Input, opts: BuildOptions): Promise<void> {
  let first = true;
  let lastWatched = "";
  await watchBuild(
    input.path,
    opts,
    (e) => {
      if (e.kind === "failed") {
        if (!(e.error instanceof ResumeError)) return ctx.fail(e.error);
        for (const d of e.error.diagnostics) ctx.io.err(`${ctx.show(d)}\n`);
        ctx.io.err(`${ctx.paint("red", "problems found")}; the last good PDF is kept. Waiting for changes…\n`);
      } else if (e.kind === "built") {
        const r = e.result;
        for (const w of r.warnings) ctx.warn(w);
        const what = `${ctx.shown(r.output)} (${r.pages} page${r.pages === 1 ? "" : "s"})`;
        ctx.io.out(
          `${ctx.paint("green", first ? "wrote" : "rebuilt")} ${what} in ${Math.round(r.ms)} ms${e.fixed ? " — problems fixed" : ""}\n`,
        );
        first = false;
      } else {
        // Say what is watched whenever that changes (a badge added or removed).
        const list = e.files.map((f) => ctx.shown(f)).join(", ");
        if (list !== lastWatched) ctx.io.err(`${ctx.paint("dim", `watching ${list}`)}\n`);
        lastWatched = list;
      }
    },
    ctx.io.signal,
  );
}

/** Whether the input is a letter in a file of its own. */
async function isLetter(input: Input): Promise<boolean> {
  return isLetterFile((await loadFile(input.path, input.label)).data);
}

/** The variants a résumé defines, in file order. */
async function variantNames(input: Input): Promise<string[]> {
  const resume = validate(await loadFile(input.path, input.label));
  const names = Object.keys(resume.variants ?? {});
  if (!names.length)
    throw new ResumeError([{ file: input.label, path: "--all-variants", message: "the résumé defines no variants" }]);
  return names;
}

function formatList(value: string): Format[] {
  const list = value
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (!list.length || bad.length)
    throw new InvalidArgumentError(
      `expected formats from: ${FORMATS.join(", ")}${bad.length ? ` (not ${bad.join(", ")})` : ""}`,
    );
  return list as Format[];
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`;
}
