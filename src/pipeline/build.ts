/**
 * `build`: one résumé (or letter) from its file to its outputs, load → validate → normalize →
 * render → check → write. Library functions the CLI and the tests call directly.
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ResumeError } from "../common/errors.js";
import { chosenFormats } from "../output/formats.js";
import { refuseForeign } from "../output/write.js";
import { estimatePages } from "../render/themes/measure.js";
import { creationDateFor } from "./dates.js";
import { drawResume, refusal } from "./draw.js";
import { sourceAttachment } from "./embed.js";
import { buildLetter } from "./letter.js";
import { resumeOutputPath } from "./naming.js";
import { MAX_LAYOUT_PAGES, type BuildOptions, type BuildResult } from "./options.js";
import { BuildOutputs } from "./outputs.js";
import { prepareInput, type PreparedInput } from "./prepare.js";
import { prepareResume } from "./resume.js";

export { FORMATS, type Format } from "../output/formats.js";
export { MAX_LAYOUT_PAGES, type BuildOptions, type BuildResult } from "./options.js";
export { prepareResume, type PreparedResume } from "./resume.js";

/** Build the résumé, or the letter, at `file`: it is read once. */
export async function build(file: string, opts: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  return buildPrepared(await prepareInput(file, opts.label), opts, started);
}

/** Build from an input already loaded (one of the jobs prepareInput planned). */
export async function buildPrepared(
  input: PreparedInput,
  opts: BuildOptions = {},
  started = performance.now(),
): Promise<BuildResult> {
  // A cover letter in a file of its own (`resume:` names its résumé) builds as a letter.
  if (opts.letter !== undefined || input.isLetter) return buildLetter(input.path, opts, input.source, started);
  return buildResume(input, opts, started);
}

async function buildResume(input: PreparedInput, opts: BuildOptions, started: number): Promise<BuildResult> {
  const prepared = await prepareResume(input.path, opts, input.source);
  const { source, resume, vm, tokens: base, warnings, variant, inputs, extras } = prepared;
  const checked = performance.now();
  const file = path.resolve(input.path);
  const output = resumeOutputPath(prepared, opts, variant);
  if (output === file) throw ResumeError.of(output, "is the input file; choose another -o path");
  if (!/\.pdf$/i.test(output)) throw ResumeError.of(output, "the output must be a .pdf file");
  if (!opts.inMemory) await refuseForeign([output], [file]);
  const creationDate = creationDateFor(resume, opts.env ?? process.env, source.file);
  const refuseDocument = refusal(prepared, opts);

  const outputs = new BuildOutputs(
    chosenFormats(opts.formats),
    { document: { kind: "resume", vm, resume, extras }, date: creationDate, pdfPath: output, label: source.file },
    warnings,
    opts.inMemory,
  );
  // A document hundreds of pages long is not a résumé, and laying it out would take minutes and
  // gigabytes: it is refused before it is drawn.
  const estimated = estimatePages(vm, base);
  if (estimated > MAX_LAYOUT_PAGES && outputs.laidOut) {
    refuseDocument(
      `the résumé would need about ${estimated} pages; this tool lays out at most ${MAX_LAYOUT_PAGES} (a résumé is one to three, an academic CV a few dozen). Shorten it, or split it into variants`,
    );
  }
  await outputs.make("model", base);
  // Every output whose name is known now is checked before anything is drawn (PNGs, one a page, when written).
  await outputs.refuseForeign([file]);
  if (!outputs.drawn) {
    await outputs.make("layout", base);
    const written = await outputs.write(opts.onWrite, [file]);
    const ms = performance.now() - started;
    return {
      output: written[0]!,
      outputs: written,
      files: outputs.kept,
      inputs,
      pages: 0,
      fills: [],
      bytes: 0,
      ms,
      warnings,
    };
  }

  // The document as printed, inside its PDF (resume extract writes it back out).
  const attachments =
    opts.embed === false
      ? []
      : [sourceAttachment(resume, variant, extras, opts.render, creationDate, prepared.language)];
  const drawn = await drawResume(prepared, opts, creationDate, attachments, refuseDocument);
  await outputs.make("pdf", drawn.tokens, drawn.bytes);
  const verified = performance.now();
  const written = await outputs.write(opts.onWrite, [file]);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    output: written[0]!,
    outputs: written,
    files: outputs.kept,
    inputs,
    pages: drawn.pages,
    fills: drawn.fills,
    bytes: drawn.bytes.length,
    ms: performance.now() - started,
    fitted: drawn.fitted,
    warnings,
    work: {
      ...drawn.work,
      phases: {
        check: round(checked - started),
        layout: round(drawn.planned - checked),
        draw: round(drawn.drawn - drawn.planned),
        verify: round(verified - drawn.drawn),
        write: round(performance.now() - verified),
      },
    },
  };
}
