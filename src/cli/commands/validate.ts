/** `resume validate [file]`: every check `build` makes, without writing anything. */
import type { Command } from "commander";
import type { Diagnostic } from "../../common/errors.js";
import type { RenderOptions } from "../../model/normalize.js";
import path from "node:path";
import { prepareLetter } from "../../pipeline/letter.js";
import { prepareInput } from "../../pipeline/prepare.js";
import { prepareResume } from "../../pipeline/resume.js";
import type { Context } from "../context.js";
import { addInputOptions, addRenderOptions, renderOverrides } from "../options.js";

const sameWarning = (a: Diagnostic, b: Diagnostic) =>
  a.message === b.message && a.line === b.line && a.col === b.col && a.path === b.path;

export function validateCommand(program: Command, ctx: Context): void {
  const cmd = addInputOptions(program.command("validate").description("check the résumé without writing a PDF"))
    .option("--json", "print the result (sections, languages and their translations, warnings) as JSON")
    .option("--lang <tag>", "check one language of a résumé written in several (default: each of them)");
  addRenderOptions(cmd).action(
    async (file: string | undefined, opts: RenderOptions & { strict?: boolean; json?: boolean; lang?: string }) => {
      ctx.json = Boolean(opts.json);
      try {
        const input = ctx.input(file);
        const prepared = await prepareInput(input.path, input.label);
        // A letter in a file of its own: the letter and the résumé it names.
        if (prepared.isLetter) {
          const { found, checked } = await prepareLetter(
            input.path,
            {
              label: input.label,
              render: renderOverrides(opts, ctx.cwd),
              strict: opts.strict,
              env: ctx.io.env,
              language: opts.lang,
            },
            prepared.source,
          );
          const goesWith = path.relative(ctx.at("."), found.resumeFile) || found.resumeFile;
          if (ctx.json)
            return ctx.printJson({
              ok: true,
              file: input.label,
              letter: found.letter.id,
              resume: goesWith,
              warnings: [...checked.warnings, ...found.warnings],
            });
          for (const w of [...checked.warnings, ...found.warnings]) ctx.warn(w);
          ctx.io.out(`${input.label} is a valid letter ("${found.letter.id}", to go with ${goesWith})\n`);
          return;
        }
        const settings = { label: input.label, render: renderOverrides(opts, ctx.cwd), strict: opts.strict };
        const first = await prepareResume(input.path, { ...settings, language: opts.lang }, prepared.source);
        // A résumé in several languages is checked in each (each has its own text, fonts and warnings).
        const warnings = [...first.warnings];
        if (opts.lang === undefined) {
          for (const language of first.languages.slice(1)) {
            const other = await prepareResume(input.path, { ...settings, language }, prepared.source);
            warnings.push(...other.warnings.filter((w) => !warnings.some((x) => sameWarning(x, w))));
          }
        }
        const { vm, coverage } = first;
        if (ctx.json)
          return ctx.printJson({
            ok: true,
            file: input.label,
            sections: vm.sections.map((s) => s.id),
            ...(coverage.length ? { languages: coverage } : {}),
            warnings,
          });
        for (const w of warnings) ctx.warn(w);
        const languages = coverage.length
          ? `; ${coverage.map((c) => (c.translated === c.total ? c.language : `${c.language} ${c.translated}/${c.total} translated`)).join(", ")}`
          : "";
        ctx.io.out(`${input.label} is valid (${vm.sections.length} sections${languages})\n`);
      } catch (err) {
        ctx.fail(err);
      }
    },
  );
}
