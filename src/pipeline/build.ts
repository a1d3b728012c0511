/**
 * The pipeline: load → validate → (assets, glyph check) → normalize → render → write.
 * Library functions the CLI and the tests call directly.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadAssets, type Assets } from "../input/assets.js";
import { ResumeError, type Diagnostic } from "../common/errors.js";
import { FLOORS } from "../render/fit.js";
import { readPdfPagesAndStructure, type PageLines } from "../pdf/reader.js";
import { fitLayout, LAST_PAGE_MIN, lastPageAdvice, sectionOnPage, type Lay } from "./paginate.js";
import { completeCjk, glyphProblems } from "../render/glyphs.js";
import { loadFile, type LoadedSource } from "../input/load.js";
import { toJsonResume } from "../output/export.js";
import {
  definedOnly,
  fontsFor,
  normalize,
  resumeText,
  sectionIds,
  type RenderOptions,
  type ViewModel,
} from "../model/normalize.js";
import { toMarkdown, toText } from "../output/text.js";
import { asRecord, BUILTIN_SECTIONS, ResumeSchema, unknownSectionMessage, type Resume } from "../input/schema.js";
import { detectLocale, scriptNeeds } from "../model/scripts.js";
import { applyStyle, fontStack, installedStack, themes, themeTokens, type FontStack } from "../render/themes/index.js";
import type { ThemeTokens } from "../render/themes/tokens.js";
import { estimatePages } from "../render/themes/measure.js";
import type { Attachment } from "../render/pdfkit-patches.js";
import { inFileOrder, isLetterFile, trusted, validateDocument, type Validated } from "../input/validate.js";
import { findVariant, selectVariant, type Variant } from "../model/variants.js";
import { checkLayoutRules } from "../check/layout-rules.js";
import { checkStructure } from "../check/structure.js";
import { checkReadback } from "../check/verify.js";
import { existingFile, recorded, recordWritten, writeAtomic, writeProblem } from "../output/write.js";

export interface BuildOptions {
  /** Output PDF path; default `<outDir>/<Name>-Resume.pdf`. */
  output?: string;
  /** Folder for the default output name (default: `out` under the current folder). */
  outDir?: string;
  /** How messages name the input (default: the path given). */
  label?: string;
  /** Rendering options over the file's `render` (theme, paper, accent, font, locale, …). */
  render?: RenderOptions;
  /** Fail when the résumé needs more pages (overrides render.maxPages). */
  maxPages?: number;
  /** Tighten the layout until the résumé fits this many pages (overrides render.fit). */
  fit?: number;
  /** Read the PDF back and check every value is there, in order (default true). */
  verify?: boolean;
  /** Told before each output is written (a progress line for multi-output builds). */
  onWrite?: (file: string, index: number, total: number) => void;
  /** Embed the résumé as printed in the PDF (default true; `--no-embed`). */
  embed?: boolean;
  /** Build this named variant (`variants` in the file). */
  variant?: string;
  /** Build the cover letter with this id (`letters` in the file) instead of the résumé. */
  letter?: string;
  /** What to write (default: just the PDF). Other formats share the PDF's name: `.md`, `-1.png`… */
  formats?: Format[];
  /** Environment to read SOURCE_DATE_EPOCH from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Refuse keys that are not printed instead of warning about them (also render.strict). */
  strict?: boolean;
}

export const FORMATS = ["pdf", "png", "docx", "md", "txt", "json"] as const;

/**
 * Longer documents are refused before they are drawn (see estimatePages): a 72-page academic CV builds in about 10 s
 * (and 460 MB) on a 2-core machine; a 1 MiB file of jobs would take minutes.
 */
export const MAX_LAYOUT_PAGES = 100;
export type Format = (typeof FORMATS)[number];

export interface BuildResult {
  /** The PDF (when one was asked for), else the first file written. */
  output: string;
  /** Every file written, in the order of the formats asked for. */
  outputs: string[];
  /** Every file the build read: the résumé and the images it refers to (what --watch watches). */
  inputs: string[];
  pages: number;
  /** How full each page's text area is (0–1), top margin to lowest line; empty without a PDF. */
  fills: number[];
  bytes: number;
  ms: number;
  /** What --fit changed, when it had to change anything. */
  fitted?: string[];
  /** Problems that do not stop the build (an image below 300 dpi). */
  warnings: Diagnostic[];
  /**
   * The layout work the build did: measuring passes, atoms laid out and atoms reused (measured
   * by an earlier build in this process, or earlier in this one), blocks split between pages for
   * a fuller page, and documents drawn (one, whatever the length). Undefined without a PDF.
   */
  work?: {
    passes: number;
    measured: number;
    reused: number;
    splits: number;
    draws: number;
    /**
     * Where the time went, in ms: loading and checking the input, laying out (measuring, planning, --fit), drawing, the
     * read-back checks, writing.
     */
    phases: { check: number; layout: number; draw: number; verify: number; write: number };
  };
}

export interface Checked {
  source: LoadedSource;
  resume: Resume;
  vm: ViewModel;
  /** The theme's tokens with the résumé's style knobs applied. */
  tokens: ThemeTokens;
  variant?: Variant;
  /** The résumé file and the image files it refers to. */
  inputs: string[];
  warnings: Diagnostic[];
  /** Keys kept but not printed (written back by -f json). */
  extras: Validated["extras"];
}

/** Every check short of drawing: syntax, schema, images, fonts and glyph coverage, all at once. */
export async function check(
  file: string,
  opts: Pick<BuildOptions, "render" | "label" | "variant" | "strict"> = {},
  preloaded?: LoadedSource,
): Promise<Checked> {
  const loaded = preloaded ?? (await loadFile(file, opts.label));
  const v = validateDocument(loaded, { strict: opts.strict ? "--strict" : undefined });
  const { source } = v;
  const photo = opts.render?.photo ?? asRecord(asRecord(v.data).render).photo === true;
  const photoFrom = opts.render?.photo !== undefined ? "--photo" : "render.photo";
  /** Problems found from here on; problems of the command line's options come after the file's. */
  const later: Diagnostic[] = [];
  const options: Diagnostic[] = [];
  const fail = (): never => {
    throw new ResumeError(
      [...inFileOrder([...v.problems, ...trusted(later, loaded.brokenAt)]), ...options],
      v.warnings,
    );
  };

  if (!v.resume) {
    // The document has problems; still check its images and characters, so that one report has all.
    const { stack, missing } = installedStack(draftStack(v.data, opts.render));
    later.push(...glyphProblems(v.data, source, stack, missing));
    later.push(...(await loadAssets(v.data, source, { photo, photoFrom })).problems);
    return fail();
  }
  const resume = v.resume;
  options.push(...sectionOptionProblems(resume, source, opts.render));
  let variant: Variant | undefined;
  try {
    variant = opts.variant === undefined ? undefined : findVariant(resume, opts.variant, source);
  } catch (err) {
    if (!(err instanceof ResumeError)) throw err;
    options.push(...err.diagnostics);
  }
  const { assets, problems: imageProblems } = await loadAssets(resume, source, { photo, photoFrom });
  later.push(...imageProblems);
  // A variant's order and hidden sections apply unless the command line sets its own.
  const render = {
    ...(variant ? { order: variant.order, hide: variant.hide } : {}),
    ...definedOnly(opts.render ?? {}),
  };
  const vm = normalize(selectVariant(resume, variant), assets, render);
  vm.scripts = completeCjk(vm.scripts, resumeText(resume));
  const tokens = themeTokens(vm);
  const { stack, missing } = installedStack(fontStack(tokens, vm.scripts));
  const glyphs = glyphProblems(resume, source, stack, missing);
  later.push(...glyphs);
  // A CJK font asked for by name (render.cjk, --cjk) that is not installed: when the text has
  // CJK characters the glyph check said so for them; when it has none, say it at the setting.
  if (missing.length && !scriptNeeds(resumeText(resume)).cjk.length) {
    for (const m of missing) {
      if (opts.render?.cjk) options.push({ file: source.file, path: "--cjk", message: m.message });
      else if (resume.render?.cjk) later.push(source.at(["render", "cjk"], m.message));
    }
  }
  if (later.length || options.length) fail();
  const inputs = [
    path.resolve(file),
    ...[...assets.badges.values(), ...(assets.photo ? [assets.photo] : [])].map((a) => a.file),
  ];
  return {
    source,
    resume,
    vm,
    tokens,
    variant,
    inputs,
    extras: v.extras,
    warnings: [...v.warnings, ...imageWarnings(resume, source, assets, tokens)],
  };
}

/**
 * The fonts a document that failed validation would be drawn with, as far as its render
 * settings and text tell: enough to check its characters along with its other problems.
 */
function draftStack(data: unknown, overrides: RenderOptions = {}): FontStack {
  const parsed = ResumeSchema.shape.render.safeParse(asRecord(data).render);
  const o = { ...(parsed.success ? parsed.data : {}), ...definedOnly(overrides) };
  const text = resumeText(data);
  const locale = o.locale ?? detectLocale(text) ?? "en";
  return fontStack(applyStyle(themes[o.theme ?? "classic"], { font: o.font }), fontsFor(text, locale, o.cjk));
}

export async function build(file: string, opts: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const loaded = await loadFile(file, opts.label);
  // A cover letter in a file of its own (`resume:` names its résumé) builds as a letter.
  if (opts.letter !== undefined || isLetterFile(loaded.data))
    return (await import("./letter.js")).buildLetter(file, opts, loaded);
  const { source, resume, vm, tokens: base, warnings, variant, inputs, extras } = await check(file, opts, loaded);
  const checked = performance.now();
  const output = await outputPath(resume, opts, variant);
  const refuse = (message: string) => new ResumeError([{ file: output, path: "", message }]);
  if (output === path.resolve(file)) throw refuse("is the input file; choose another -o path");
  if (!/\.pdf$/i.test(output)) throw refuse("the output must be a .pdf file");
  await refuseForeign([output], [path.resolve(file)]);
  const creationDate = creationDateFor(resume, opts.env ?? process.env, source.file);

  // A problem with the whole document is reported at the setting that asked for it: the command
  // line's option, the variant's or render's key in the file.
  const fail = (message: string, option?: "maxPages" | "fit"): never => {
    if (option && opts[option] !== undefined)
      throw new ResumeError([{ file: source.file, path: option === "fit" ? "--fit" : "--max-pages", message }]);
    const where = !option
      ? undefined
      : variant?.[option] !== undefined
        ? ["variants", variant.name, option]
        : resume.render?.[option] !== undefined
          ? ["render", option]
          : undefined;
    throw new ResumeError([where ? source.at(where, message) : { file: source.file, path: "", message }], warnings);
  };

  const formats = opts.formats?.length ? [...new Set(opts.formats)] : (["pdf"] as Format[]);
  // A document hundreds of pages long is not a résumé, and laying it out would take minutes and
  // gigabytes: it is refused before it is drawn.
  const estimated = estimatePages(vm, base);
  if (estimated > MAX_LAYOUT_PAGES && formats.some((f) => f === "pdf" || f === "png" || f === "docx")) {
    fail(
      `the résumé would need about ${estimated} pages; this tool lays out at most ${MAX_LAYOUT_PAGES} (a résumé is one to three, an academic CV a few dozen). Shorten it, or split it into variants`,
    );
  }
  const stem = output.replace(/\.pdf$/i, "");
  const texts: [string, string][] = [];
  if (formats.includes("md")) texts.push([`${stem}.md`, toMarkdown(vm, base)]);
  if (formats.includes("txt")) texts.push([`${stem}.txt`, toText(vm, base)]);
  if (formats.includes("json")) {
    const { doc, leftOut } = toJsonResume(resume, extras);
    texts.push([`${stem}.json`, `${JSON.stringify(doc, null, 2)}\n`]);
    if (leftOut.length)
      warnings.push({
        file: source.file,
        path: "",
        severity: "note",
        message: `-f json leaves out ${leftOut.join(" and ")}`,
      });
  }
  /** The Word file, drawn with the tokens the PDF was drawn with (loaded only when asked for). */
  const word = async (tokens: ThemeTokens): Promise<[string, Uint8Array][]> => {
    if (!formats.includes("docx")) return [];
    const { resumeToDocx } = await import("../output/docx.js");
    return [[`${stem}.docx`, await resumeToDocx(vm, tokens, creationDate)]];
  };
  // Every output whose name is known now is checked before anything is drawn (PNGs, one a page, when written).
  await refuseForeign(
    [...(formats.includes("docx") ? [`${stem}.docx`] : []), ...texts.map(([f]) => f)],
    [path.resolve(file)],
    new Map(texts.map(([f, t]) => [f, Buffer.from(t)])),
  );
  if (!formats.includes("pdf") && !formats.includes("png")) {
    const outputs = await writeAll(
      [...(await word(base)), ...texts.map(([f, t]): [string, Uint8Array] => [f, Buffer.from(t)])],
      opts.onWrite,
      [path.resolve(file)],
    );
    return {
      output: outputs[0]!,
      outputs,
      inputs,
      pages: 0,
      fills: [],
      bytes: 0,
      ms: performance.now() - started,
      warnings,
    };
  }

  const render = await import("../render/render.js");
  const drawsBefore = render.drawCount();
  // The document as printed, inside its PDF (resume extract writes it back out).
  const attachments =
    opts.embed === false ? [] : [sourceAttachment(resume, variant, extras, opts.render, creationDate)];
  const work = { passes: 0, measured: 0, reused: 0 };
  /** Lay the résumé out with `tokens`: measured, planned into pages, not drawn. */
  const lay: Lay = async (tokens, splitAll = false) => {
    try {
      return await render.layoutResume(vm, tokens, { splitAll, stats: work });
    } catch (err) {
      return fail(`the PDF could not be laid out: ${(err as Error).message}`);
    }
  };

  const fitTo = opts.fit ?? variant?.fit ?? resume.render?.fit;
  let tokens = base;
  let laid = await lay(base);
  let fitted: string[] | undefined;
  if (fitTo !== undefined && laid.pages > fitTo) {
    const fit = await fitLayout(lay, base, fitTo);
    if (!fit) {
      fail(
        `the résumé needs ${pagesText(laid.pages)} even at the tightest legible layout (body ${FLOORS.body} pt, leading ${FLOORS.leading}, margins 12 mm), more than ${fitTo}; shorten it`,
        "fit",
      );
    }
    ({ laid, tokens, changes: fitted } = fit!);
  } else if (laid.pages > 1 && laid.fills.at(-1)! < LAST_PAGE_MIN && fitTo === undefined) {
    // A last page with a few lines on it: say which --fit would remove it, and what it would
    // change, as far as the measurements at hand tell.
    const fewer = laid.pages - 1;
    const advice = await lastPageAdvice(laid, render.replan);
    const share = Math.max(1, Math.round(laid.fills.at(-1)! * 100));
    warnings.push({
      file: source.file,
      path: "",
      severity: "warning",
      message: `the last page holds ${share} % of a page; ${
        advice
          ? `--fit ${fewer} would bring the résumé onto ${pagesText(fewer)} (${advice.join(", ")})`
          : `shorten the résumé to save the page, or let --fit ${fewer} set the type tighter`
      }`,
    });
  }

  const maxPages = opts.maxPages ?? variant?.maxPages ?? resume.render?.maxPages;
  const verify = opts.verify ?? true;
  if (maxPages !== undefined && laid.pages > maxPages) {
    const section = sectionOnPage(laid, maxPages + 1)?.title;
    fail(
      `the résumé needs ${pagesText(laid.pages)}; the limit is ${maxPages}${section ? `. "${section}" runs onto page ${maxPages + 1}` : ""}. Shorten it, or let --fit ${maxPages} tighten the layout`,
      "maxPages",
    );
  }

  const planned = performance.now();
  const rendered = await render.drawResume(laid, creationDate, attachments);
  const drawn = performance.now();
  if (verify) {
    const { pages: layout, structure } = readPdfPagesAndStructure(rendered.bytes);
    const lines: PageLines[] = layout.map((p) => p.lines.map((l) => l.text));
    const failure = checkReadback(vm, tokens, lines);
    if (failure) {
      const where = failure.expected.section ? ` in "${failure.expected.section}"` : " in the header";
      fail(
        `the text "${failure.expected.text}"${where} ${failure.foundElsewhere ? "reads back out of order" : "cannot be read back"} from the PDF, so an applicant-tracking system would miss it (use --no-verify to write the PDF anyway)`,
      );
    }
    const parsed = [
      ...checkLayoutRules(vm, tokens, layout),
      ...checkStructure(vm, tokens, layout, structure).map((p) => ({ page: p.page ?? 0, message: p.message })),
    ];
    if (parsed.length) {
      throw new ResumeError(
        parsed.map((p) => ({
          file: source.file,
          path: "",
          message: `${p.page ? `page ${p.page}: ` : ""}${p.message} (use --no-verify to write the PDF anyway)`,
        })),
        warnings,
      );
    }
  }

  const files: [string, Uint8Array][] = [];
  if (formats.includes("pdf")) files.push([output, rendered.bytes]);
  if (formats.includes("png")) {
    const { pdfToPngs, MissingPngRenderer } = await import("../output/png.js");
    try {
      (await pdfToPngs(rendered.bytes)).forEach((png, i) => files.push([`${stem}-${i + 1}.png`, png]));
    } catch (err) {
      if (err instanceof MissingPngRenderer)
        throw new ResumeError([{ file: source.file, path: "--format png", message: err.message }], warnings);
      throw err;
    }
  }
  files.push(...(await word(tokens)), ...texts.map(([f, t]): [string, Uint8Array] => [f, Buffer.from(t)]));
  const verified = performance.now();
  const outputs = await writeAll(files, opts.onWrite, [path.resolve(file)]);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    output: outputs[0]!,
    outputs,
    inputs,
    pages: rendered.pages,
    fills: laid.fills,
    bytes: rendered.bytes.length,
    ms: performance.now() - started,
    fitted,
    warnings,
    work: {
      ...work,
      splits: laid.plan.splits.size,
      draws: render.drawCount() - drawsBefore,
      phases: {
        check: round(checked - started),
        layout: round(planned - checked),
        draw: round(drawn - planned),
        verify: round(verified - drawn),
        write: round(performance.now() - verified),
      },
    },
  };
}

/**
 * Refuse, before anything is written, every output path holding something this tool may not
 * replace (see existingFile in write.ts) or naming an input file. `bytes` gives what would be
 * written where it is known: a file already holding exactly that is no loss.
 */
export async function refuseForeign(
  files: string[],
  inputs: string[] = [],
  bytes?: Map<string, Uint8Array>,
): Promise<void> {
  const problems: Diagnostic[] = [];
  for (const file of files) {
    if (inputs.includes(path.resolve(file))) {
      problems.push({ file, path: "", message: "is the input file; choose another -o path" });
      continue;
    }
    const found = await existingFile(file, bytes?.get(file));
    if (found.state === "foreign") problems.push({ file, path: "", message: found.message });
  }
  if (problems.length) throw new ResumeError(problems);
}

/** A Word file that this tool did not write (one edited in Word, say) is never replaced. */
export const refuseForeignWordFile = (file: string) => refuseForeign([file]);

/**
 * Write each file atomically, after checking that none of them replaces a file this tool may not;
 * a failure names the file and its cause. Files whose format carries no mark of this tool are
 * recorded as written (see write.ts).
 */
export async function writeAll(
  files: [string, Uint8Array][],
  onWrite?: BuildOptions["onWrite"],
  inputs: string[] = [],
): Promise<string[]> {
  await refuseForeign(
    files.map(([f]) => f),
    inputs,
    new Map(files),
  );
  for (const [i, [file, bytes]] of files.entries()) {
    onWrite?.(file, i, files.length);
    try {
      await writeAtomic(file, bytes);
    } catch (err) {
      throw new ResumeError([{ file, path: "", message: writeProblem(err as NodeJS.ErrnoException, file) }]);
    }
    if (recorded(file)) recordWritten(file, bytes);
  }
  return files.map(([f]) => f);
}

const pagesText = (n: number) => `${n} page${n === 1 ? "" : "s"}`;

/** Section ids given on the command line (--order, --hide, --title) must name real sections. */
function sectionOptionProblems(resume: Resume, source: LoadedSource, render: RenderOptions = {}): Diagnostic[] {
  const ids = sectionIds(resume);
  const problems: Diagnostic[] = [];
  const check = (option: string, list: string[] | undefined, known: readonly string[]) => {
    for (const id of list ?? []) {
      if (!known.includes(id))
        problems.push({ file: source.file, path: option, message: unknownSectionMessage(id, known) });
    }
  };
  check("--order", render.order, ids);
  check("--hide", render.hide, ids);
  check("--title", Object.keys(render.titles ?? {}), BUILTIN_SECTIONS);
  return problems;
}

/** Images that would print below 300 dpi at the theme's badge size. */
function imageWarnings(resume: Resume, source: LoadedSource, assets: Assets, tokens: ThemeTokens): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [i, cert] of (resume.certificates ?? []).entries()) {
    const image = assets.badges.get(cert);
    if (!image) continue;
    // Drawn with its proportions kept, the long side spans the badge's square.
    const dpi = Math.floor(Math.max(image.width, image.height) / (tokens.badge / 72));
    if (dpi < 300) {
      const pos = source.locate(["certificates", i, "badge"]);
      const need = Math.ceil((300 * tokens.badge) / 72);
      out.push({
        file: source.file,
        line: pos?.line,
        col: pos?.col,
        path: `certificates[${i}].badge`,
        message: `the image prints at ${dpi} dpi (${image.width}×${image.height} px at ${tokens.badge} pt); use one of at least ${need}×${need} px for 300 dpi`,
      });
    }
  }
  return out;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** `-o` as given (a folder, existing or ending in `/`, gets the default name inside it). */
async function outputPath(resume: Resume, opts: BuildOptions, variant?: Variant): Promise<string> {
  const name = variant
    ? (variant.output ?? defaultFileName(resume.basics.name, variant.name))
    : defaultFileName(resume.basics.name);
  return resolveOutput(name, opts);
}

/** The file to write: `-o` as given, or `name` inside it when it is a folder, or inside the output folder. */
export function resolveOutput(name: string, opts: Pick<BuildOptions, "output" | "outDir">): string {
  if (!opts.output) return path.resolve(opts.outDir ?? "out", name);
  const given = path.resolve(opts.output);
  const isDir = /[\\/]$/.test(opts.output) || isDirectory(given);
  return isDir ? path.join(given, name) : given;
}

/** `Rajat Jog` → `Rajat-Jog` (letters of any script kept, the rest dashed): the start of every output's name. */
export function nameStem(name: string): string {
  return name
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** `Rajat Jog` → `Rajat-Jog-Resume.pdf`. */
export function defaultFileName(name: string, variant?: string): string {
  return `${nameStem(name) || "Resume"}-Resume${variant ? `-${variant}` : ""}.pdf`;
}

/**
 * The date stamped into the PDF (it also seeds the file ID): SOURCE_DATE_EPOCH when set, for
 * reproducible builds; else meta.lastModified; else now.
 */
export function creationDateFor(resume: Resume, env: NodeJS.ProcessEnv, file: string): Date {
  const epoch = sourceDateEpoch(env, file);
  if (epoch) return epoch;
  const last = resume.meta?.lastModified;
  if (last) {
    const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(last) ? last : `${last}Z`);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return new Date();
}

/** SOURCE_DATE_EPOCH as a date, when it is set (reproducible builds); a value that is not whole seconds is an error. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv, file: string): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return undefined;
  if (!/^\d+$/.test(epoch))
    throw new ResumeError([
      { file, path: "", message: `SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}"` },
    ]);
  return new Date(Number(epoch) * 1000);
}

/** The name of the résumé embedded in every PDF. */
export const EMBEDDED_NAME = "resume.json";

/**
 * The résumé exactly as printed, for embedding: the validated JSON Resume of the selected variant
 * only (no other variants, no comments), with the render settings the build used.
 */
function sourceAttachment(
  resume: Resume,
  variant: Variant | undefined,
  extras: Checked["extras"],
  render: BuildOptions["render"],
  date: Date,
): Attachment {
  const selected = selectVariant(resume, variant);
  const used = {
    ...resume.render,
    ...(variant
      ? definedOnly({ order: variant.order, hide: variant.hide, maxPages: variant.maxPages, fit: variant.fit })
      : {}),
    ...definedOnly(render ?? {}),
  };
  // Not the variants, and never the cover letters: a letter to one employer has no place in the résumé sent to another.
  const { variants: _variants, letters: _letters, ...rest } = selected;
  // A variant's tags chose what it prints; with no variants left they mean nothing.
  const untagged = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(untagged)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([k]) => k !== "tags")
              .map(([k, x]) => [k, untagged(x)]),
          )
        : v;
  // In a fixed key order, so that the document rebuilt from it embeds the same bytes.
  const settings = Object.fromEntries(Object.entries(used).sort(([a], [b]) => (a < b ? -1 : 1)));
  const printed = { ...rest, ...(Object.keys(settings).length ? { render: settings } : {}) };
  const { doc } = toJsonResume((variant ? untagged(printed) : printed) as Resume, variant ? [] : extras);
  return {
    name: EMBEDDED_NAME,
    data: Buffer.from(`${JSON.stringify(doc, null, 2)}\n`),
    type: "application/json",
    description: "The résumé this PDF was built from (JSON Resume)",
    relationship: "Source",
    date,
  };
}
