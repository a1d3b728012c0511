/** `resume extract FILE.pdf [-o resume.yaml] [--json]`: the résumé a PDF was built from, to edit and rebuild. */
import type { Command } from "commander";
import { ResumeError } from "../../common/errors.js";
import { extractResume } from "../../pipeline/extract.js";
import { writeNew, writeProblem } from "../../output/write.js";
import type { Context } from "../context.js";

export function extractCommand(program: Command, ctx: Context): void {
  program
    .command("extract")
    .description("write out the résumé a PDF built by this tool carries inside it")
    .argument("<file>", "the PDF")
    .option("-o, --output <file>", "write it to this file (never replaced) instead of printing it")
    .option("--json", "as JSON Resume JSON (default: YAML)")
    .action((file: string, opts: { output?: string; json?: boolean }) => {
      try {
        const text = extractResume(ctx.at(file), { label: file, format: opts.json ? "json" : "yaml" });
        if (!opts.output) return ctx.data(text);
        const out = ctx.at(opts.output);
        try {
          // Never replaced, and never written through a symbolic link: created only where nothing is.
          writeNew(out, Buffer.from(text));
        } catch (err) {
          const e = err as NodeJS.ErrnoException;
          throw ResumeError.of(
            opts.output,
            e.code === "EEXIST" ? "exists; refusing to overwrite it (choose another -o path)" : writeProblem(e, out),
          );
        }
        ctx.io.err(`${ctx.paint("green", "wrote")} ${ctx.shown(out)}\n`);
      } catch (err) {
        ctx.fail(err);
      }
    });
}
