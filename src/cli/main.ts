/**
 * The command line: parses flags and hands each command to its module (commands/), which calls
 * the library. `main` returns the exit code and writes through the given streams, so tests run it
 * in-process.
 *   0 success · 1 invalid input or failed build · 2 usage error
 */
import { Command, CommanderError } from "commander";
import { TOOL_NAME, VERSION } from "../common/version.js";
import { atsCommand } from "./commands/ats.js";
import { buildCommand } from "./commands/build.js";
import { extractCommand } from "./commands/extract.js";
import { initCommand } from "./commands/init.js";
import { importCommand } from "./commands/import.js";
import { schemaCommand } from "./commands/schema.js";
import { themesCommand } from "./commands/themes.js";
import { validateCommand } from "./commands/validate.js";
import { previewCommand } from "./commands/preview.js";
import { Context, type Io } from "./context.js";
import { setStdin } from "../input/load.js";

export type { Io } from "./context.js";

/** The process's own streams; read when a command starts, not when this module loads. */
const processIo = (): Io => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
});

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const ctx = new Context(io);
  setStdin(io.stdin);
  const program = new Command()
    .name("resume")
    .description("Build a print-ready, ATS-readable PDF résumé from a JSON Resume file in YAML or JSON.")
    .version(`${TOOL_NAME} ${VERSION}`, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showHelpAfterError("(run resume --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: ctx.io.out, writeErr: ctx.io.err });
  for (const command of [
    buildCommand,
    validateCommand,
    previewCommand,
    atsCommand,
    extractCommand,
    themesCommand,
    schemaCommand,
    initCommand,
    importCommand,
  ])
    command(program, ctx);

  if (argv.length === 0) {
    ctx.io.err(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; anything else commander rejects is a usage error.
      return err.exitCode === 0 || err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : 2;
    }
    ctx.fail(err);
  }
  return ctx.code;
}
