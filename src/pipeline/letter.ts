/**
 * Cover letters: load → validate → normalize → render → check → write, over the résumé's view
 * model. A letter is in the résumé's `letters` list (`--letter ID`) or in a file of its own whose
 * `resume:` names the résumé; it prints on one page, with the résumé's header, fonts, colours
 * and paper, and gets the résumé's guarantees: located errors, the read-back check, metadata,
 * atomic writes and reproducible bytes.
 */
import { statSync } from "node:fs";
import { slug } from "../common/text.js";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { noSuchName, ResumeError, type Diagnostic } from "../common/errors.js";
import { loadFile, readProblem, type LoadedSource } from "../input/load.js";
import { whatItIs } from "../input/read.js";
import type { Letter } from "../input/schema.js";
import { isLetterFile, validate, validateDocument, validateLetterFile } from "../input/validate.js";
import { languageTagOf, untranslatedWarning } from "../input/translations.js";
import { letterLines, normalizeLetter, type LetterModel } from "../model/letter.js";
import { plainText } from "../model/markup.js";
import { resumeText } from "../model/normalize.js";
import { documentDirection } from "../model/scripts.js";
import { glyphProblems } from "../render/glyphs.js";
import { fontStack, installedStack } from "../render/themes/index.js";
import { readPdfLines } from "../pdf/reader.js";
import { estimateLines, pageBox } from "../render/themes/measure.js";
import { checkSequence } from "../check/verify.js";
import type { Expected } from "../render/themes/reading.js";
import { chosenFormats, LETTER_FORMATS } from "../output/formats.js";
import { refuseForeign } from "../output/write.js";
import { letterCreationDate, sourceDateEpoch } from "./dates.js";
import { fileLanguage, letterFileName, resolveOutput, withLanguage } from "./naming.js";
import type { BuildOptions, BuildResult } from "./options.js";
import { BuildOutputs } from "./outputs.js";
import { prepareResume, type PreparedResume } from "./resume.js";
import { scriptsFor } from "./scripts.js";

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
  /** The language to build the letter and its résumé's header in (undefined: the résumé's default). */
  language?: string;
  /** What reading a letter file in that language found worth saying (values not translated). */
  warnings: Diagnostic[];
}

/** Where the letter at `file` is: the file itself (a letter file) or `--letter ID` of its résumé's list. */
export async function findLetter(file: string, opts: LetterOptions, preloaded?: LoadedSource): Promise<FoundLetter> {
  const loaded = preloaded ?? (await loadFile(file, opts.label));
  const asked = opts.language === undefined ? undefined : languageTagOf(opts.language);
  if (isLetterFile(loaded.data)) {
    if (opts.letter !== undefined) {
      throw ResumeError.of(
        loaded.file,
        "this file is a letter itself; --letter picks a letter from a résumé's `letters` list",
        "--letter",
      );
    }
    // Read once to find its résumé; then in the language to build, among the résumé's languages.
    const first = validateLetterFile(loaded, { language: asked });
    const resumeFile = path.resolve(path.dirname(path.resolve(file)), first.resume);
    const languages = await languagesOf(resumeFile);
    const language = asked ?? first.language ?? (first.translations.maps ? languages[0] : undefined);
    const own =
      languages.length || language !== first.translations.chosen
        ? validateLetterFile(loaded, { language, languages: languages.length ? languages : undefined })
        : first;
    const { resume, $schema: _schema, translations, ...fields } = own;
    const id = own.id ?? idFromFileName(file);
    writtenIn(own.language, asked, loaded, []);
    const untranslated = translations.chosen
      ? untranslatedWarning(translations.chosen, translations.untranslated, (p) => loaded.at(p, ""))
      : undefined;
    if (untranslated && opts.strict)
      throw new ResumeError([{ ...untranslated, message: `${untranslated.message} (refused under --strict)` }]);
    return {
      letter: { ...fields, id },
      source: loaded,
      at: [],
      resumeFile,
      resumeAs: resume,
      language: own.language ?? language ?? translations.chosen,
      warnings: untranslated ? [{ ...untranslated, severity: "warning" }] : [],
    };
  }
  let resume = validate(loaded, { language: asked });
  const letters = resume.letters ?? [];
  if (opts.letter === undefined)
    throw ResumeError.of(
      loaded.file,
      "name the letter to build (--letter ID) or build every letter (--all-letters)",
      "--letter",
    );
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
  // A letter written in one language is read, and built, in that language.
  const own = letters[i]!.language;
  writtenIn(own, asked, loaded, ["letters", i]);
  if (own !== undefined && asked === undefined) resume = validate(loaded, { language: own });
  const letter = resume.letters![i]!;
  return {
    letter,
    source: loaded,
    at: ["letters", i],
    resumeFile: path.resolve(file),
    language: own ?? asked,
    warnings: [],
  };
}

/** A letter written in one language is built in no other. */
function writtenIn(own: string | undefined, asked: string | undefined, source: LoadedSource, at: (string | number)[]) {
  if (own !== undefined && asked !== undefined && own !== asked)
    throw new ResumeError([
      source.at([...at, "language"], `the letter is written in ${own} only; --lang asks for ${asked}`),
    ]);
}

/** The languages of the résumé at `file`; none when it cannot be read (building it says why). */
async function languagesOf(file: string): Promise<string[]> {
  try {
    return validateDocument(await loadFile(file)).translations.languages;
  } catch {
    return [];
  }
}

/** `acme-letter.yaml`, `Letter_Acme.yml` → `acme`: a letter file's id when it gives none. */
export function idFromFileName(file: string): string {
  const stem = slug(path.basename(file).replace(/\.(ya?ml|json)$/i, ""));
  return stem.replace(/^(?:cover-)?letter-|-(?:cover-)?letter$/, "") || "letter";
}

/** A letter ready to draw, checked as a build checks it: its fields, its résumé, its characters. */
export interface PreparedLetter {
  found: FoundLetter;
  checked: PreparedResume;
  model: LetterModel;
  /** The build's date: SOURCE_DATE_EPOCH, else now. */
  now: Date;
  sameFile: boolean;
}

/** `preloaded`: the file, when the caller has read it already (it is read once). */
export async function prepareLetter(
  file: string,
  opts: LetterOptions = {},
  preloaded?: LoadedSource,
): Promise<PreparedLetter> {
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
  const checked = await prepareResume(
    found.resumeFile,
    {
      render: opts.render,
      strict: opts.strict,
      label: sameFile ? opts.label : path.relative(process.cwd(), found.resumeFile) || found.resumeFile,
      // --variant on the command line wins over the letter's own, as every option wins over the file.
      variant: opts.variant ?? letter.variant,
      language: found.language,
    },
    sameFile ? source : undefined,
  );
  const { vm: resumeVm, tokens } = checked;
  const env = opts.env ?? process.env;
  const now = sourceDateEpoch(env, source.file) ?? new Date();
  // The fonts for the letter's characters as well as the résumé's. A letter in the résumé's file
  // reads in the résumé's direction; a letter in a file of its own, in its own text's (an Arabic
  // letter for an English résumé reads right to left, an English one for an Arabic résumé left to right).
  const text = `${resumeText(checked.resume)}\n${resumeText(letter)}`;
  const vm = sameFile
    ? resumeVm
    : {
        ...resumeVm,
        scripts: scriptsFor(text, resumeVm.locale, checked.resume.render?.cjk ?? opts.render?.cjk),
        direction: documentDirection(resumeText(letter), "und"),
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
  started = performance.now(),
): Promise<BuildResult> {
  const formats = chosenFormats(opts.formats);
  const unsupported = formats.filter((f) => !LETTER_FORMATS.includes(f));
  if (unsupported.length)
    throw ResumeError.of(
      opts.label ?? file,
      `a letter is written as ${LETTER_FORMATS.join(", ")}; not ${unsupported.join(", ")}`,
      "--format",
    );
  const { found, checked, model, now } = await prepareLetter(file, opts, preloaded);
  const { letter, source } = found;
  const { vm } = model;
  const { tokens } = checked;
  const warnings = [...checked.warnings, ...found.warnings];
  const inputs = [...new Set([path.resolve(file), found.resumeFile])];

  const output = resolveOutput(
    withLanguage(
      letterFileName(checked.languages.length ? checked.fileName : vm.name, letter.id),
      fileLanguage(checked),
    ),
    opts,
  );
  if (output === path.resolve(file) || output === found.resumeFile)
    throw ResumeError.of(output, "is an input file; choose another -o path");
  if (!/\.pdf$/i.test(output)) throw ResumeError.of(output, "the output must be a .pdf file");
  if (!opts.inMemory) await refuseForeign([output]);
  // Reproducible: SOURCE_DATE_EPOCH, else the letter's own date, else now.
  const creationDate = letterCreationDate(letter, opts.env ?? process.env, now);
  const refuseLetter = (message: string, key: (string | number)[] = []): never => {
    throw new ResumeError([source.at([...found.at, ...key], message)], warnings);
  };

  const outputs = new BuildOutputs(
    formats,
    { document: { kind: "letter", model }, date: creationDate, pdfPath: output, label: source.file },
    warnings,
    opts.inMemory,
  );
  await outputs.make("model", tokens);
  await outputs.refuseForeign(inputs);
  // A body many pages long fails before it is laid out (drawing it would take long for nothing).
  const box = pageBox(tokens, vm.paper);
  const lines = model.body.reduce((n, p) => n + estimateLines(plainText(p), tokens.size.body, box.width) + 1, 0);
  const estimated = Math.ceil((lines * tokens.size.body * tokens.leading) / box.height);
  if (estimated > 2)
    refuseLetter(
      `the letter needs about ${estimated} pages; a cover letter fits on one. Shorten its body (${model.body.join(" ").split(/\s+/).length} words now)`,
      ["body"],
    );
  let pages = 0;
  let bytes = 0;
  if (outputs.drawn) {
    const pdf = await drawLetter(model, tokens, creationDate, opts, refuseLetter);
    pages = 1;
    bytes = pdf.length;
    await outputs.make("pdf", tokens, pdf);
  } else await outputs.make("layout", tokens);
  const written = await outputs.write(opts.onWrite, inputs);
  return {
    output: written[0]!,
    outputs: written,
    files: outputs.kept,
    inputs: [...new Set([path.resolve(file), ...checked.inputs])],
    pages,
    fills: [],
    bytes,
    ms: performance.now() - started,
    warnings,
  };
}

/** The letter drawn on one page, and read back. */
async function drawLetter(
  model: LetterModel,
  tokens: PreparedResume["tokens"],
  creationDate: Date,
  opts: LetterOptions,
  refuseLetter: (message: string, key?: (string | number)[]) => never,
): Promise<Uint8Array> {
  const { renderLetterPdf } = await import("../render/render.js");
  let rendered;
  try {
    rendered = await renderLetterPdf(model, creationDate, tokens);
  } catch (err) {
    return refuseLetter(`the letter could not be laid out: ${(err as Error).message}`);
  }
  if (rendered.pages > 1) {
    const words = model.body.join(" ").split(/\s+/).length;
    refuseLetter(
      `the letter needs ${rendered.pages} pages; a cover letter fits on one. Shorten its body (${words} words now)`,
      ["body"],
    );
  }
  if (opts.verify ?? true) {
    const failure = checkSequence(letterReadingOrder(model), model.vm, readPdfLines(rendered.bytes, model.direction));
    if (failure) {
      refuseLetter(
        `the text "${failure.expected.text}" ${failure.foundElsewhere ? "reads back out of order" : "cannot be read back"} from the letter's PDF, so an applicant-tracking system would miss it (use --no-verify to write the PDF anyway)`,
      );
    }
  }
  return rendered.bytes;
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
