/**
 * The command line: parses flags and calls the library. `main` returns the exit code and writes
 * through the given streams, so tests run it in-process.
 *   0 success · 1 invalid input or failed build · 2 usage error
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { build, check, FORMATS, type BuildResult, type Format } from "./build.js";
import { formatDiagnostic, ResumeError, type Diagnostic } from "./errors.js";
import { TEXT_FONTS } from "./fonts.js";
import { DATE_FORMATS, LOCALES } from "./locale.js";
import type { RenderOptions } from "./normalize.js";
import { CJK, PAPERS, RENDER_KNOBS, THEMES, resumeJsonSchema } from "./schema.js";
import { themes } from "./themes/index.js";
import { STARTER_RESUME } from "./starter.js";
import { watchBuild } from "./watch.js";
import { TOOL_NAME, VERSION } from "./version.js";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Colour the messages (a terminal, and NO_COLOR unset). */
  color?: boolean;
  /** Ends --watch (the command otherwise runs until interrupted). */
  signal?: AbortSignal;
}

/** The process's own streams; read when a command starts, not when this module loads. */
const processIo = (): Io => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
});

const ANSI = { bold: 1, red: 31, green: 32, yellow: 33, dim: 2 } as const;

/** What `resume build` reads when no file is given: the first of these that exists. */
const DEFAULT_FILES = ["resume.yaml", "resume.yml", "resume.json"];
const DEFAULT_FILE = DEFAULT_FILES[0]!;

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const at = (p: string) => path.resolve(cwd, p);
  /** Paths in messages: relative to where the user stands. */
  const shown = (p: string) => path.relative(cwd, p) || p;
  let code = 0;

  const paint = (style: keyof typeof ANSI, text: string) => (io.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  /** A diagnostic with its place in bold, for people; plain when not on a terminal. */
  const show = (d: Diagnostic) => {
    const line = formatDiagnostic(d);
    const cut = line.indexOf("  ");
    return cut < 0 ? line : paint("bold", line.slice(0, cut)) + line.slice(cut);
  };
  /** A warning or note, with its kind first. */
  const warn = (d: Diagnostic) => io.err(`${d.severity === "note" ? paint("dim", "note:") : paint("yellow", "warning:")} ${show(d)}\n`);
  let json = false;

  const fail = (err: unknown) => {
    if (json) {
      const problems = err instanceof ResumeError ? err.diagnostics : [{ file: "", path: "", message: `internal error: ${(err as Error)?.message ?? String(err)}` }];
      const warnings = err instanceof ResumeError ? err.warnings : [];
      io.out(`${JSON.stringify({ ok: false, problems, warnings }, null, 2)}\n`);
    } else if (err instanceof ResumeError) {
      for (const d of err.diagnostics) io.err(`${show(d)}\n`);
      for (const w of err.warnings) warn(w);
      const n = err.diagnostics.length;
      io.err(`\n${paint("red", `${n} problem${n === 1 ? "" : "s"} found`)}; nothing was written.\n`);
    } else {
      io.err(`internal error: ${(err as Error)?.message ?? String(err)}\n`);
      if ((io.env ?? process.env).RESUME_DEBUG) io.err(`${(err as Error)?.stack ?? ""}\n`);
    }
    code = 1;
  };

  /**
   * Messages name the file as the user typed it, resolved against `cwd`. Without one, the first
   * of resume.yaml, resume.yml and resume.json that exists (`found` says it was looked for).
   */
  const inputOf = (file: string | undefined) => {
    if (file !== undefined) return { path: at(file), label: file, found: false };
    const f = DEFAULT_FILES.find((name) => existsSync(at(name)));
    if (f === undefined) {
      throw new ResumeError([
        { file: DEFAULT_FILE, path: "", message: `no résumé here: looked for ${DEFAULT_FILES.join(", ")}; give the file to build, or write a starter with resume init` },
      ]);
    }
    return { path: at(f), label: f, found: true };
  };

  const program = new Command()
    .name("resume")
    .description("Build a print-ready, ATS-readable PDF résumé from a JSON Resume file in YAML or JSON.")
    .version(`${TOOL_NAME} ${VERSION}`, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showHelpAfterError("(run resume --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  const buildCommand = program
    .command("build")
    .description("validate the résumé and write the PDF")
    .argument("[file]", `résumé in YAML or JSON (default: ${DEFAULT_FILES.join(", then ")})`)
    .option("-o, --output <file>", "PDF to write (default: out/<Name>-Resume.pdf)")
    .option("--max-pages <n>", "fail if the résumé needs more than n pages (overrides render.maxPages)", pageCount)
    .option("--fit <n>", "tighten spacing, leading, then size and margins until it fits n pages", pageCount)
    .option("--no-verify", "skip reading the PDF back to check every value is there, in order")
    .option("-f, --format <list>", `what to write, comma-separated: ${FORMATS.join(", ")} (default: pdf)`, formatList)
    .option("-q, --quiet", "print nothing but problems")
    .option("--json", "print the result (outputs, pages, warnings, timings) as JSON")
    .option("--strict", "refuse keys that are not printed, instead of warning about them (also render.strict)")
    .option("--variant <name>", "build one variant defined under `variants` in the file")
    .option("--all-variants", "build every variant defined in the file")
    .option("-w, --watch", "rebuild whenever the résumé or an image it uses changes (Ctrl-C to stop)");
  addRenderOptions(buildCommand)
    .action(async (file: string | undefined, opts: BuildFlags) => {
      json = Boolean(opts.json);
      let input: ReturnType<typeof inputOf>;
      try {
        input = inputOf(file);
      } catch (err) {
        return fail(err);
      }
      const base = {
        // Keep a trailing slash: "-o pdfs/" names a folder even before it exists.
        output: opts.output ? at(opts.output) + (/[\\/]$/.test(opts.output) ? path.sep : "") : undefined,
        outDir: at("out"),
        render: renderOverrides(opts),
        maxPages: opts.maxPages,
        fit: opts.fit,
        verify: opts.verify,
        formats: opts.format,
        env: io.env,
        label: input.label,
        strict: opts.strict,
      };
      if (opts.variant && opts.allVariants) {
        io.err("error: give --variant or --all-variants, not both\n");
        code = 2;
        return;
      }
      if (opts.watch) {
        let first = true;
        let lastWatched = "";
        await watchBuild(
          input.path,
          { ...base, variant: opts.variant },
          (e) => {
            if (e.kind === "failed") {
              if (!(e.error instanceof ResumeError)) return fail(e.error);
              for (const d of e.error.diagnostics) io.err(`${show(d)}\n`);
              io.err(`${paint("red", "problems found")}; the last good PDF is kept. Waiting for changes…\n`);
            } else if (e.kind === "built") {
              const r = e.result;
              for (const w of r.warnings) warn(w);
              const what = `${shown(r.output)} (${r.pages} page${r.pages === 1 ? "" : "s"})`;
              io.out(`${paint("green", first ? "wrote" : "rebuilt")} ${what} in ${Math.round(r.ms)} ms${e.fixed ? " — problems fixed" : ""}\n`);
              first = false;
            } else {
              // Say what is watched whenever that changes (a badge added or removed).
              const list = e.files.map(shown).join(", ");
              if (list !== lastWatched) io.err(`${paint("dim", `watching ${list}`)}\n`);
              lastWatched = list;
            }
          },
          io.signal,
        );
        return;
      }
      try {
        let variants: (string | undefined)[] = [opts.variant];
        if (opts.allVariants) {
          variants = await variantNames(input.path, input.label);
          // Each variant has its own file name; one -o cannot name them all, but a folder can.
          if (base.output && !base.output.endsWith(path.sep)) base.output += path.sep;
        }
        const results: (BuildResult & { variant?: string })[] = [];
        const progress = !json && !opts.quiet && (variants.length > 1 || (opts.format?.length ?? 1) > 1);
        for (const [i, variant] of variants.entries()) {
          if (progress && variants.length > 1) io.err(`${paint("dim", `[${i + 1}/${variants.length}]`)} variant ${variant}\n`);
          const onWrite = (f: string, n: number, total: number) => {
            if (progress && total > 1) io.err(`${paint("dim", `  (${n + 1}/${total}) ${shown(f)}`)}\n`);
          };
          results.push({ variant, ...(await build(input.path, { ...base, variant, onWrite })) });
        }
        if (json) {
          const shape = (r: (typeof results)[number]) => ({
            ...(r.variant ? { variant: r.variant } : {}),
            outputs: r.outputs,
            pages: r.pages,
            bytes: r.bytes,
            fitted: r.fitted ?? null,
            warnings: r.warnings,
            ms: Math.round(r.ms),
          });
          const body = opts.allVariants ? { ok: true, variants: results.map(shape) } : { ok: true, ...shape(results[0]!) };
          io.out(`${JSON.stringify(body, null, 2)}\n`);
          return;
        }
        for (const result of results) {
          for (const w of result.warnings) warn(w);
          if (opts.quiet) continue;
          const pages = `${result.pages} page${result.pages === 1 ? "" : "s"}`;
          if (result.fitted) io.out(`fitted to ${pages}: ${result.fitted.join(", ")}\n`);
          const extra = result.outputs.length > 1 ? ` and ${result.outputs.slice(1).map(shown).join(", ")}` : "";
          const size = result.bytes ? ` (${pages}, ${formatBytes(result.bytes)})` : "";
          const from = input.found ? ` from ${input.label}` : "";
          io.out(`${paint("green", "wrote")} ${shown(result.output)}${size}${extra}${from} in ${Math.round(result.ms)} ms\n`);
        }
      } catch (err) {
        fail(err);
      }
    });

  const validateCommand = program
    .command("validate")
    .description("check the résumé without writing a PDF")
    .argument("[file]", `résumé in YAML or JSON (default: ${DEFAULT_FILES.join(", then ")})`)
    .option("--strict", "refuse keys that are not printed, instead of warning about them (also render.strict)")
    .option("--json", "print the result (sections, warnings) as JSON");
  addRenderOptions(validateCommand)
    .action(async (file: string | undefined, opts: RenderOptions & { strict?: boolean; json?: boolean }) => {
      json = Boolean(opts.json);
      try {
        const input = inputOf(file);
        const { vm, warnings } = await check(input.path, { label: input.label, render: renderOverrides(opts), strict: opts.strict });
        if (json) {
          io.out(`${JSON.stringify({ ok: true, file: input.label, sections: vm.sections.map((s) => s.id), warnings }, null, 2)}\n`);
          return;
        }
        for (const w of warnings) warn(w);
        io.out(`${input.label} is valid (${vm.sections.length} sections)\n`);
      } catch (err) {
        fail(err);
      }
    });

  program
    .command("themes")
    .description("list the themes")
    .action(() => {
      const width = Math.max(...Object.keys(themes).map((n) => n.length));
      for (const t of Object.values(themes)) io.out(`${t.name.padEnd(width)}  ${t.description}\n`);
    });

  program
    .command("schema")
    .description("print the JSON Schema of the résumé format (for editor completion)")
    .action(() => {
      io.out(`${JSON.stringify(resumeJsonSchema(), null, 2)}\n`);
    });

  program
    .command("init")
    .description("write a starter resume.yaml (and resume.schema.json for editors) that builds as is")
    .argument("[dir]", "folder to write it in", ".")
    .action(async (dir: string) => {
      const target = path.join(at(dir), DEFAULT_FILE);
      const schemaFile = path.join(at(dir), "resume.schema.json");
      try {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, STARTER_RESUME, { flag: "wx" });
        io.out(`wrote ${shown(target)}; edit it, then run: resume build ${shown(target)}\n`);
        // The starter's first line points editors at this schema; an existing one is kept.
        await writeFile(schemaFile, `${JSON.stringify(resumeJsonSchema(), null, 2)}\n`, { flag: "wx" }).catch(() => undefined);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        io.err(
          e.code === "EEXIST"
            ? `${shown(target)} already exists; not overwriting it\n`
            : `cannot write ${shown(target)} (${e.code ?? e.message})\n`,
        );
        code = 1;
      }
    });

  if (argv.length === 0) {
    io.err(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; anything else commander rejects is a usage error.
      return err.exitCode === 0 || err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : 2;
    }
    fail(err);
  }
  return code;
}

/** Options that set a `render` knob; each value is checked by the same schema as the file's. */
function addRenderOptions(cmd: Command): Command {
  const knob = (key: keyof typeof RENDER_KNOBS, toValue: (v: string) => unknown = (v) => v) => (value: string) => {
    const parsed = RENDER_KNOBS[key].safeParse(toValue(value));
    if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0]!.message);
    return parsed.data;
  };
  const number = (v: string) => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : v);
  /** One of `values`, in any case (`--paper A4`). */
  const oneOf = (flags: string, what: string, values: readonly string[]) =>
    new Option(flags, `${what} (${values.join(", ")})`).argParser((v: string) => {
      const found = values.find((x) => x.toLowerCase() === v.trim().toLowerCase());
      if (found === undefined) throw new InvalidArgumentError(`Allowed choices are ${values.join(", ")}.`);
      return found;
    });
  return cmd
    .addOption(oneOf("--theme <name>", "theme (overrides render.theme)", THEMES))
    .addOption(oneOf("--paper <size>", "paper size (overrides render.paper)", PAPERS))
    .option("--accent <colour>", "accent colour, e.g. #0b6e99 (overrides render.accent)", knob("accent"))
    .addOption(oneOf("--font <family>", "text font (overrides render.font)", Object.keys(TEXT_FONTS)))
    .option("--font-size <pt>", "body text size in points, 9–13 (overrides render.fontSize)", knob("fontSize", number))
    .option("--line-spacing <n>", "line height as a multiple of the size, 1–2 (overrides render.lineSpacing)", knob("lineSpacing", number))
    .option("--margins <mm>", "page margins in millimetres, 12–30 (overrides render.margins)", knob("margins", number))
    .addOption(oneOf("--locale <code>", "language of titles and dates (overrides render.locale)", LOCALES))
    .addOption(oneOf("--date-format <style>", "how dates print (overrides render.dateFormat)", DATE_FORMATS))
    .addOption(oneOf("--cjk <font>", "Noto CJK font for Chinese, Japanese or Korean text, instead of the one the text asks for (overrides render.cjk)", CJK))
    .option("--photo", "print basics.image as a photo (overrides render.photo)")
    .option("--no-photo", "do not print a photo")
    .option("--order <ids>", "sections to print first, in this order, comma-separated (overrides render.order)", idList)
    .option("--hide <ids>", "sections not to print, comma-separated (overrides render.hide)", idList)
    .option("--title <id=title>", "a section's title, e.g. skills=\"Core stack\" (repeatable; adds to render.titles)", titleOption);
}

function idList(value: string): string[] {
  const ids = value.split(",").map((s) => s.trim()).filter(Boolean);
  if (!ids.length) throw new InvalidArgumentError("expected section ids separated by commas, e.g. summary,work,skills");
  return ids;
}

function titleOption(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const m = /^([a-z][a-z0-9-]*)=(.+)$/s.exec(value);
  if (!m || !m[2]!.trim()) throw new InvalidArgumentError('expected id=title, e.g. skills="Core stack"');
  return { ...previous, [m[1]!]: m[2]!.trim() };
}

const RENDER_OPTION_KEYS = ["theme", "paper", "accent", "font", "fontSize", "lineSpacing", "margins", "locale", "dateFormat", "photo", "order", "hide", "titles", "cjk"] as const;

function renderOverrides(opts: RenderOptions & { title?: Record<string, string> }): RenderOptions {
  const picked = { ...opts, titles: opts.title } as RenderOptions;
  return Object.fromEntries(RENDER_OPTION_KEYS.filter((k) => picked[k] !== undefined).map((k) => [k, picked[k]])) as RenderOptions;
}

/** The variants a résumé defines, in file order. */
async function variantNames(file: string, label: string): Promise<string[]> {
  const { loadFile } = await import("./load.js");
  const { validate } = await import("./validate.js");
  const resume = validate(await loadFile(file, label));
  const names = Object.keys(resume.variants ?? {});
  if (!names.length) throw new ResumeError([{ file: label, path: "--all-variants", message: "the résumé defines no variants" }]);
  return names;
}

interface BuildFlags extends RenderOptions {
  watch?: boolean;
  variant?: string;
  allVariants?: boolean;
  output?: string;
  maxPages?: number;
  fit?: number;
  verify: boolean;
  format?: Format[];
  quiet?: boolean;
  json?: boolean;
  strict?: boolean;
}

function formatList(value: string): Format[] {
  const list = value.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (!list.length || bad.length) throw new InvalidArgumentError(`expected formats from: ${FORMATS.join(", ")}${bad.length ? ` (not ${bad.join(", ")})` : ""}`);
  return list as Format[];
}

function pageCount(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError("expected a whole number of pages, 1 or more");
  return Number(value);
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`;
}
