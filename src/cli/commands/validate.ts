/** `resume validate [file]`: every check `build` makes, without writing anything. */
import type { Command } from "commander";
import type { RenderOptions } from "../../model/normalize.js";
import { check } from "../../pipeline/build.js";
import type { Context } from "../context.js";
import { addInputOptions, addRenderOptions, renderOverrides } from "../options.js";

export function validateCommand(program: Command, ctx: Context): void {
  const cmd = addInputOptions(program.command("validate").description("check the résumé without writing a PDF")).option(
    "--json",
    "print the result (sections, warnings) as JSON",
  );
  addRenderOptions(cmd).action(async (file: string | undefined, opts: RenderOptions & { strict?: boolean; json?: boolean }) => {
    ctx.json = Boolean(opts.json);
    try {
      const input = ctx.input(file);
      const { vm, warnings } = await check(input.path, { label: input.label, render: renderOverrides(opts), strict: opts.strict });
      if (ctx.json) return ctx.printJson({ ok: true, file: input.label, sections: vm.sections.map((s) => s.id), warnings });
      for (const w of warnings) ctx.warn(w);
      ctx.io.out(`${input.label} is valid (${vm.sections.length} sections)\n`);
    } catch (err) {
      ctx.fail(err);
    }
  });
}
