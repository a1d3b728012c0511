/**
 * `resume themes`: the built-in themes and those found here (theme files in ./themes/, installed
 * `resume-theme-*` packages), a line each. `resume theme new NAME`: a theme file to start from;
 * `resume theme schema`: the theme file's JSON Schema.
 */
import path from "node:path";
import type { Command } from "commander";
import { findThemes, newThemeFile, themeJsonSchema } from "../../pipeline/themes.js";
import type { Context } from "../context.js";

export function themesCommand(program: Command, ctx: Context): void {
  program
    .command("themes")
    .description("list the built-in themes and the theme files and packages found here")
    .action(() => {
      const found = findThemes(ctx.cwd);
      const builtin = found.filter((t) => t.kind === "built-in");
      const others = found.filter((t) => t.kind !== "built-in");
      const width = Math.max(...found.map((t) => t.spec.length));
      for (const t of builtin) ctx.io.out(`${t.spec.padEnd(width)}  ${t.description}\n`);
      if (others.length) ctx.io.out("\n");
      for (const t of others) {
        const what = t.problem ? `cannot be used: ${t.problem}` : t.description;
        ctx.io.out(`${t.spec.padEnd(width)}  ${what} (${t.kind === "file" ? "theme file" : "package"})\n`);
      }
    });

  const theme = program.command("theme").description("make a theme file (new) or print its JSON Schema (schema)");
  theme
    .command("new")
    .description("write NAME.yaml, a theme file with every token of a theme, to edit (and theme.schema.json)")
    .argument("<name>", "the new theme's name (the file is NAME.yaml)")
    .option("--from <theme>", "the theme to start from: a built-in name, a theme file or a package", "classic")
    .action((name: string, opts: { from: string }) => {
      try {
        const written = newThemeFile(name, opts.from, ctx.cwd);
        ctx.io.out(
          `wrote ${ctx.shown(written)}; use it with render.theme: ./${path.basename(written)} ` +
            "(relative to the résumé)\n",
        );
      } catch (err) {
        ctx.fail(err);
      }
    });
  theme
    .command("schema")
    .description("print the JSON Schema of a theme file (for editor completion)")
    .action(() => ctx.printJson(themeJsonSchema()));
}
