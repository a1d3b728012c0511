/**
 * `resume import SOURCE [-o resume.yaml]`: LinkedIn's export, a RenderCV file or JSON Resume, as a resume.yaml that
 * builds.
 */
import type { Command } from "commander";
import type { Context } from "../context.js";

export function importCommand(program: Command, ctx: Context): void {
  program
    .command("import")
    .description(
      "turn LinkedIn's data export (ZIP or folder), a RenderCV file or a JSON Resume document into a resume.yaml that builds",
    )
    .argument("<source>", "the export's ZIP or folder, a RenderCV .yaml, or a JSON Resume .json")
    .option("-o, --output <file>", "the file to write (never replaced)", "resume.yaml")
    .option("--json", "print the result (output, source kind, sections, notes) as JSON")
    .action(async (source: string, opts: { output: string; json?: boolean }) => {
      ctx.json = Boolean(opts.json);
      try {
        // Loaded when used: only this command reads ZIP archives and other tools' files (yauzl, the
        // CSV and RenderCV readers), so the other commands start without them.
        const { importResume } = await import("../../pipeline/import.js");
        const r = await importResume(ctx.at(source), {
          output: ctx.at(opts.output),
          label: source,
          outputLabel: opts.output,
        });
        if (ctx.json)
          return ctx.printJson({ ok: true, output: r.output, from: r.from, sections: r.sections, notes: r.notes });
        for (const n of r.notes) ctx.warn(n);
        const shown = ctx.shown(r.output);
        ctx.io.out(
          `${ctx.paint("green", "wrote")} ${shown} from ${r.from} (${r.sections.length} section${r.sections.length === 1 ? "" : "s"}${r.schema ? `, and ${ctx.shown(r.schema)} for editors` : ""}); check it, then run: resume build ${shown}\n`,
        );
      } catch (err) {
        ctx.fail(err);
      }
    });
}
