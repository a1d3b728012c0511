/**
 * The command line: parses flags and calls the library. `main` returns the exit code and writes
 * through the given streams, so tests run it in-process.
 *   0 success · 1 invalid input or failed build · 2 usage error
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { build, check } from "./build.js";
import { formatDiagnostic, ResumeError } from "./errors.js";
import { PAPERS, THEMES, resumeJsonSchema, type Paper, type Theme } from "./schema.js";
import { STARTER_RESUME } from "./starter.js";
import { TOOL_NAME, VERSION } from "./version.js";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

const DEFAULT_FILE = "resume.yaml";

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const at = (p: string) => path.resolve(cwd, p);
  /** Paths in messages: relative to where the user stands. */
  const shown = (p: string) => path.relative(cwd, p) || p;
  let code = 0;

  const fail = (err: unknown) => {
    if (err instanceof ResumeError) {
      for (const d of err.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
      const n = err.diagnostics.length;
      io.err(`\n${n} problem${n === 1 ? "" : "s"} found; nothing was written.\n`);
    } else {
      io.err(`internal error: ${(err as Error)?.message ?? String(err)}\n`);
      if ((io.env ?? process.env).RESUME_DEBUG) io.err(`${(err as Error)?.stack ?? ""}\n`);
    }
    code = 1;
  };

  /** Messages name the file as the user typed it, resolved against `cwd`. */
  const inputOf = (file: string | undefined) => {
    const f = file ?? DEFAULT_FILE;
    return { path: at(f), label: f };
  };

  const program = new Command()
    .name("resume")
    .description("Build a print-ready, ATS-readable PDF résumé from a JSON Resume file in YAML or JSON.")
    .version(`${TOOL_NAME} ${VERSION}`, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showHelpAfterError("(run resume --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command("build")
    .description("validate the résumé and write the PDF")
    .argument("[file]", "résumé in YAML or JSON", DEFAULT_FILE)
    .option("-o, --output <file>", "PDF to write (default: out/<Name>-Resume.pdf)")
    .addOption(new Option("--theme <name>", "theme (overrides render.theme)").choices(THEMES))
    .addOption(new Option("--paper <size>", "paper size (overrides render.paper)").choices(PAPERS))
    .option("--max-pages <n>", "fail if the résumé needs more than n pages (overrides render.maxPages)", pageCount)
    .option("--fit <n>", "tighten spacing, leading, then size and margins until it fits n pages", pageCount)
    .option("--no-verify", "skip reading the PDF back to check every value is there, in order")
    .action(async (file: string, opts: { output?: string; theme?: Theme; paper?: Paper; maxPages?: number; fit?: number; verify: boolean }) => {
      const input = inputOf(file);
      try {
        const result = await build(input.path, {
          // Keep a trailing slash: "-o pdfs/" names a folder even before it exists.
          output: opts.output ? at(opts.output) + (/[\\/]$/.test(opts.output) ? path.sep : "") : undefined,
          outDir: at("out"),
          theme: opts.theme,
          paper: opts.paper,
          maxPages: opts.maxPages,
          fit: opts.fit,
          verify: opts.verify,
          env: io.env,
          label: input.label,
        });
        for (const w of result.warnings) io.err(`warning: ${formatDiagnostic(w)}\n`);
        const pages = `${result.pages} page${result.pages === 1 ? "" : "s"}`;
        if (result.fitted) io.out(`fitted to ${pages}: ${result.fitted.join(", ")}\n`);
        io.out(`wrote ${shown(result.output)} (${pages}, ${formatBytes(result.bytes)}) in ${Math.round(result.ms)} ms\n`);
      } catch (err) {
        fail(err);
      }
    });

  program
    .command("validate")
    .description("check the résumé without writing a PDF")
    .argument("[file]", "résumé in YAML or JSON", DEFAULT_FILE)
    .action(async (file: string) => {
      const input = inputOf(file);
      try {
        const { vm, warnings } = await check(input.path, { label: input.label });
        for (const w of warnings) io.err(`warning: ${formatDiagnostic(w)}\n`);
        io.out(`${input.label} is valid (${vm.sections.length} sections)\n`);
      } catch (err) {
        fail(err);
      }
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

function pageCount(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError("expected a whole number of pages, 1 or more");
  return Number(value);
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`;
}
