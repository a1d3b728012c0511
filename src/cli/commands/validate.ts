/** `resume validate [file]`: every check `build` makes, without writing anything. */
import type { Command } from "commander";
import type { RenderOptions } from "../../model/normalize.js";
import path from "node:path";
import { prepareLetter } from "../../pipeline/letter.js";
import { prepareInput } from "../../pipeline/prepare.js";
import { prepareResume } from "../../pipeline/resume.js";
import type { Context } from "../context.js";
import { addInputOptions, addRenderOptions, renderOverrides } from "../options.js";

export function validateCommand(program: Command, ctx: Context): void {
  const cmd = addInputOptions(program.command("validate").description("check the résumé without writing a PDF")).option(
    "--json",
    "print the result (sections, warnings) as JSON",
  );
  addRenderOptions(cmd).action(
    async (file: string | undefined, opts: RenderOptions & { strict?: boolean; json?: boolean }) => {
      ctx.json = Boolean(opts.json);
      try {
        const input = ctx.input(file);
        const prepared = await prepareInput(input.path, input.label);
        // A letter in a file of its own: the letter and the résumé it names.
        if (prepared.isLetter) {
          const { found, checked } = await prepareLetter(
            input.path,
            { label: input.label, render: renderOverrides(opts, ctx.cwd), strict: opts.strict, env: ctx.io.env },
            prepared.source,
          );
          const goesWith = path.relative(ctx.at("."), found.resumeFile) || found.resumeFile;
          if (ctx.json)
            return ctx.printJson({
              ok: true,
              file: input.label,
              letter: found.letter.id,
              resume: goesWith,
              warnings: checked.warnings,
            });
          for (const w of checked.warnings) ctx.warn(w);
          ctx.io.out(`${input.label} is a valid letter ("${found.letter.id}", to go with ${goesWith})\n`);
          return;
        }
        const { vm, warnings } = await prepareResume(
          input.path,
          { label: input.label, render: renderOverrides(opts, ctx.cwd), strict: opts.strict },
          prepared.source,
        );
        if (ctx.json)
          return ctx.printJson({ ok: true, file: input.label, sections: vm.sections.map((s) => s.id), warnings });
        for (const w of warnings) ctx.warn(w);
        ctx.io.out(`${input.label} is valid (${vm.sections.length} sections)\n`);
      } catch (err) {
        ctx.fail(err);
      }
    },
  );
}
