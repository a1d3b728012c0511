/**
 * `resume build [file]`: validate and write the PDF (and other formats), once, per variant, or on
 * every change. This module reads the flags; build-jobs.ts runs the builds, build-report.ts
 * prints what they did, build-watch.ts rebuilds on change.
 */
import path from "node:path";
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import type { RenderOptions } from "../../model/normalize.js";
import { FORMATS, type Format } from "../../output/formats.js";
import type { BuildOptions } from "../../pipeline/options.js";
import type { Context, Input } from "../context.js";
import { addInputOptions, addRenderOptions, pageCount, renderOverrides } from "../options.js";
import { runJobs } from "./build-jobs.js";
import { reportBuilds } from "./build-report.js";
import { watch } from "./build-watch.js";

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
  lang?: string;
  allLanguages?: boolean;
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
    .option(
      "--lang <tag>",
      "build one language of a résumé written in several (render.languages, or its translations' keys; default: all of them)",
    )
    .option("--all-languages", "build every language of the résumé, one PDF each (<Name>-Resume-de.pdf)")
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
          : opts.lang && opts.allLanguages
            ? "--lang or --all-languages"
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
      render: renderOverrides(opts, ctx.cwd),
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
    if (opts.watch && opts.allLanguages) {
      ctx.io.err("error: --watch rebuilds one language; give --lang <tag> instead of --all-languages\n");
      ctx.code = 2;
      return;
    }
    if (opts.watch)
      return watch(ctx, input, { ...base, variant: opts.variant, letter: opts.letter, language: opts.lang });
    try {
      await buildOnce(ctx, input, base, opts);
    } catch (err) {
      ctx.fail(err);
    }
  });
}

async function buildOnce(ctx: Context, input: Input, base: BuildOptions, opts: BuildFlags): Promise<void> {
  const progress = (jobs: number) => !ctx.json && !opts.quiet && (jobs > 1 || (opts.format?.length ?? 1) > 1);
  const results = await runJobs(ctx, input, base, { ...opts, language: opts.lang }, progress);
  reportBuilds(ctx, input, results, opts);
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
