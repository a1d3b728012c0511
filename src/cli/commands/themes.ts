/** `resume themes`: the themes, a line each. */
import type { Command } from "commander";
import { themes } from "../../render/themes/index.js";
import type { Context } from "../context.js";

export function themesCommand(program: Command, ctx: Context): void {
  program
    .command("themes")
    .description("list the themes")
    .action(() => {
      const width = Math.max(...Object.keys(themes).map((n) => n.length));
      for (const t of Object.values(themes)) ctx.io.out(`${t.name.padEnd(width)}  ${t.description}\n`);
    });
}
