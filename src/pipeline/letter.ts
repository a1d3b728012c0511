/**
 * Cover letters: load → validate → normalize → render → check → write, over the résumé's view
 * model. A letter is in the résumé's `letters` list (`--letter ID`) or in a file of its own whose
 * `resume:` names the résumé; it prints on one page, with the résumé's header, fonts, colours
 * and paper, and gets the résumé's guarantees: located errors, the read-back check, metadata,
 * atomic writes and reproducible bytes.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { noSuchName, ResumeError, type Diagnostic } from "../common/errors.js";
import { loadFile, readProblem, type LoadedSource } from "../input/load.js";
import { whatItIs } from "../input/read.js";
import type { Letter } from "../input/schema.js";
import { isLetterFile, validate, validateLetterFile } from "../input/validate.js";
import { letterLines, normalizeLetter, type LetterModel } from "../model/letter.js";
import { plainText } from "../model/markup.js";
import { fontsFor, resumeText } from "../model/normalize.js";
import { glyphProblems, completeCjk } from "../render/glyphs.js";
import { fontStack, installedStack } from "../render/themes/index.js";
import { readPdfLines } from "../pdf/reader.js";
import { estimateLines, pageBox } from "../render/themes/measure.js";
import { checkSequence } from "../check/verify.js";
import type { Expected } from "../render/themes/reading.js";
import { letterToMarkdown, letterToText } from "../output/text.js";
import {
  check,
  nameStem,
  refuseForeign,
  refuseForeignWordFile,
  resolveOutput,
  sourceDateEpoch,
  writeAll,
  type BuildOptions,
  type BuildResult,
  type Checked,
  type Format,
} from "./build.js";

/** As for a résumé; `letter` names a letter of the résumé's `letters` list (a letter file needs none). */
export type LetterOptions = BuildOptions;

/** Where a letter came from: its fields, and how messages name its keys. */
interface FoundLetter {
  letter: Letter;
  /** The file the letter is written in (the résumé's, or its own). */
  source: LoadedSource;
  /** The letter's own path in that file (`letters[2]`, or the file's top). */
  at: (string | number)[];
  /** The résumé the letter goes with, and as the letter names it. */
  resumeFile: string;
  resumeAs?: string;
}

const LETTER_FORMATS: readonly Format[] = ["pdf", "docx", "png", "md", "txt"];

/** The letters of the résumé (or the letter file) at `file`, by id, in file order. */
export async function letterIds(file: string, label?: string): Promise<string[]> {
  const loaded = await loadFile(file, label);
  if (isLetterFile(loaded.data)) return [(await findLetter(file, { label }, loaded)).letter.id];
  const ids = (validate(loaded).letters ?? []).map((l) => l.id);
  if (!ids.length)
    throw new ResumeError([
      {
        file: loaded.file,
        path: "--all-letters",
        message:
          "the résumé has no letters; add a `letters:` list, or write a letter in a file of its own with `resume:` naming this file",
      },
    ]);
  return ids;
}

async function findLetter(file: string, opts: LetterOptions, preloaded?: LoadedSource): Promise<FoundLetter> {
  const loaded = preloaded ?? (await loadFile(file, opts.label));
  if (isLetterFile(loaded.data)) {
    if (opts.letter !== undefined) {
      throw new ResumeError([
        {
          file: loaded.file,
          path: "--letter",
          message: "this file is a letter itself; --letter picks a letter from a résumé's `letters` list",
        },
      ]);
    }
    const own = validateLetterFile(loaded);
    const { resume, $schema: _schema, ...fields } = own;
    const id = own.id ?? idFromFileName(file);
    const resumeFile = path.resolve(path.dirname(path.resolve(file)), resume);
    return { letter: { ...fields, id }, source: loaded, at: [], resumeFile, resumeAs: resume };
  }
  const resume = validate(loaded);
  const letters = resume.letters ?? [];
  if (opts.letter === undefined)
    throw new ResumeError([
      {
        file: loaded.file,
        path: "--letter",
        message: "name the letter to build (--letter ID) or build every letter (--all-letters)",
      },
    ]);
  const i = letters.findIndex((l) => l.id === opts.letter);
  if (i < 0) {
    const ids = letters.map((l) => l.id);
    const pos = ids.length ? loaded.locate(["letters"], { key: true }) : undefined;
    throw new ResumeError([
      {
        file: loaded.file,
        line: pos?.line,
        col: pos?.col,
        path: "--letter",
        message: noSuchName("letter", opts.letter, ids, "the résumé has no letters"),
      },
    ]);
  }
  return { letter: letters[i]!, source: loaded, at: ["letters", i], resumeFile: path.resolve(file) };
}

/** `acme-letter.yaml`, `Letter_Acme.yml` → `acme`: a letter file's id when it gives none. */
export function idFromFileName(file: string): string {
  const stem = path
    .basename(file)
    .replace(/\.(ya?ml|json)$/i, "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return stem.replace(/^(?:cover-)?letter-|-(?:cover-)?letter$/, "") || "letter";
}

/** `Rajat Jog`, `acme` → `Rajat-Jog-Letter-acme.pdf`. */
export function letterFileName(name: string, id: string): string {
  return `${nameStem(name) || "Letter"}-Letter-${id}.pdf`;
}

/** A letter checked as a build checks it, short of drawing: its fields, its résumé, its characters. */
export interface CheckedLetter {
  found: FoundLetter;
  checked: Checked;
  model: LetterModel;
  /** The build's date: SOURCE_DATE_EPOCH, else now. */
  now: Date;
  sameFile: boolean;
}

/** `preloaded`: the file, when the caller has read it already (it is read once). */
export async function checkLetter(
  file: string,
  opts: LetterOptions = {},
  preloaded?: LoadedSource,
): Promise<CheckedLetter> {
  const found = await findLetter(file, opts, preloaded);
  const { letter, source } = found;
  // The résumé the letter goes with, as its variant prints it; messages name the résumé's file.
  const sameFile = found.resumeFile === path.resolve(file);
  if (!sameFile) {
    // A letter whose résumé cannot be read says so at its `resume:` key.
    let st;
    try {
      st = statSync(found.resumeFile);
    } catch (err) {
      throw new ResumeError([
        source.at(
          ["resume"],
          `names ${found.resumeAs}, which ${readProblem(err).replace(/^file not found$/, "does not exist")}`,
        ),
      ]);
    }
    if (!st.isFile() && !st.isFIFO())
      throw new ResumeError([
        source.at(["resume"], `names ${found.resumeAs}, which is ${whatItIs(st)}, not a résumé file`),
      ]);
  }
  const checked: Checked = await check(
    found.resumeFile,
    {
      render: opts.render,
      strict: opts.strict,
      label: sameFile ? opts.label : path.relative(process.cwd(), found.resumeFile) || found.resumeFile,
      // --variant on the command line wins over the letter's own, as every option wins over the file.
      variant: opts.variant ?? letter.variant,
    },
    sameFile ? source : undefined,
  );
  const { vm: resumeVm, tokens } = checked;
  const env = opts.env ?? process.env;
  const now = sourceDateEpoch(env, source.file) ?? new Date();
  const letterText = resumeText(letter);
  // The fonts for the letter's characters as well as the résumé's.
  const vm = sameFile
    ? resumeVm
    : {
        ...resumeVm,
        scripts: completeCjk(
          fontsFor(
            `${resumeText(checked.resume)}\n${letterText}`,
            resumeVm.locale,
            checked.resume.render?.cjk ?? opts.render?.cjk,
          ),
          `${resumeText(checked.resume)}\n${letterText}`,
        ),
      };
  if (!sameFile) {
    const { stack, missing } = installedStack(fontStack(tokens, vm.scripts));
    const glyphs: Diagnostic[] = glyphProblems(source.data, source, stack, missing);
    if (glyphs.length) throw new ResumeError(glyphs, checked.warnings);
  }
  return { found, checked, model: normalizeLetter(letter, vm, now), now, sameFile };
}

/** Build one letter: its PDF (and the other formats asked for) beside the résumé's. */
export async function buildLetter(
  file: string,
  opts: LetterOptions = {},
  preloaded?: LoadedSource,
): Promise<BuildResult> {
  const started = performance.now();
  const formats = opts.formats?.length ? [...new Set(opts.formats)] : (["pdf"] as Format[]);
  const unsupported = formats.filter((f) => !LETTER_FORMATS.includes(f));
  if (unsupported.length)
    throw new ResumeError([
      {
        file: opts.label ?? file,
        path: "--format",
        message: `a letter is written as ${LETTER_FORMATS.join(", ")}; not ${unsupported.join(", ")}`,
      },
    ]);
  const { found, checked, model, now } = await checkLetter(file, opts, preloaded);
  const { letter, source } = found;
  const { vm } = model;
  const { tokens } = checked;
  const env = opts.env ?? process.env;
  const warnings = [...checked.warnings];

  const output = resolveOutput(letterFileName(vm.name, letter.id), opts);
  const refuse = (message: string) => new ResumeError([{ file: output, path: "", message }]);
  if (output === path.resolve(file) || output === found.resumeFile)
    throw refuse("is an input file; choose another -o path");
  if (!/\.pdf$/i.test(output)) throw refuse("the output must be a .pdf file");
  await refuseForeign([output]);
  // Reproducible: SOURCE_DATE_EPOCH, else the letter's own date, else now.
  const creationDate =
    env.SOURCE_DATE_EPOCH || !letter.date ? now : new Date(`${`${letter.date}-01-01`.slice(0, 10)}T00:00:00Z`);
  const fail = (message: string, key: (string | number)[] = []): never => {
    throw new ResumeError([source.at([...found.at, ...key], message)], warnings);
  };

  const stem = output.replace(/\.pdf$/i, "");
  if (formats.includes("docx")) await refuseForeignWordFile(`${stem}.docx`);
  const files: [string, Uint8Array][] = [];
  let pages = 0;
  let bytes = 0;
  // A body many pages long fails before it is laid out (drawing it would take long for nothing).
  const box = pageBox(tokens, vm.paper);
  const lines = model.body.reduce((n, p) => n + estimateLines(plainText(p), tokens.size.body, box.width) + 1, 0);
  const estimated = Math.ceil((lines * tokens.size.body * tokens.leading) / box.height);
  if (estimated > 2)
    fail(
      `the letter needs about ${estimated} pages; a cover letter fits on one. Shorten its body (${model.body.join(" ").split(/\s+/).length} words now)`,
      ["body"],
    );
  if (formats.includes("pdf") || formats.includes("png")) {
    const { renderLetterPdf } = await import("../render/render.js");
    let rendered;
    try {
      rendered = await renderLetterPdf(model, creationDate, tokens);
    } catch (err) {
      return fail(`the letter could not be laid out: ${(err as Error).message}`);
    }
    pages = rendered.pages;
    if (pages > 1) {
      const words = model.body.join(" ").split(/\s+/).length;
      fail(`the letter needs ${pages} pages; a cover letter fits on one. Shorten its body (${words} words now)`, [
        "body",
      ]);
    }
    if (opts.verify ?? true) {
      const failure = checkSequence(letterReadingOrder(model), vm, readPdfLines(rendered.bytes));
      if (failure) {
        fail(
          `the text "${failure.expected.text}" ${failure.foundElsewhere ? "reads back out of order" : "cannot be read back"} from the letter's PDF, so an applicant-tracking system would miss it (use --no-verify to write the PDF anyway)`,
        );
      }
    }
    bytes = rendered.bytes.length;
    if (formats.includes("pdf")) files.push([output, rendered.bytes]);
    if (formats.includes("png")) {
      const { pdfToPngs } = await import("../output/png.js");
      (await pdfToPngs(rendered.bytes)).forEach((png, i) => files.push([`${stem}-${i + 1}.png`, png]));
    }
  }
  if (formats.includes("docx")) {
    const { letterToDocx } = await import("../output/docx.js");
    files.push([`${stem}.docx`, await letterToDocx(model, tokens, creationDate)]);
  }
  if (formats.includes("md")) files.push([`${stem}.md`, Buffer.from(letterToMarkdown(model))]);
  if (formats.includes("txt")) files.push([`${stem}.txt`, Buffer.from(letterToText(model))]);
  const order = (f: string) => formats.findIndex((x) => (x === "png" ? /-\d+\.png$/.test(f) : f.endsWith(`.${x}`)));
  files.sort((a, b) => order(a[0]) - order(b[0]));
  const outputs = await writeAll(files, opts.onWrite, [...new Set([path.resolve(file), found.resumeFile])]);
  return {
    output: outputs[0]!,
    outputs,
    inputs: [...new Set([path.resolve(file), ...checked.inputs])],
    pages,
    fills: [],
    bytes,
    ms: performance.now() - started,
    warnings,
  };
}

/** What a reader should find in the letter's PDF, in order: the header, then the letter's lines. */
export function letterReadingOrder(l: LetterModel): Expected[] {
  const out: Expected[] = [];
  const push = (text: string | undefined) => text?.trim() && out.push({ text });
  push(l.vm.name);
  push(l.vm.label);
  for (const c of l.vm.contacts) push(c.text);
  for (const line of letterLines(l)) push(line.markup ? plainText(line.text) : line.text);
  return out;
}
