/** `resume init [dir]`: a starter resume.yaml that builds as is, and the schema beside it. */
import path from "node:path";
import type { Command } from "commander";
import { resumeJsonSchema } from "../../input/schema.js";
import { writeNew } from "../../output/write.js";
import type { Context } from "../context.js";
import { DEFAULT_FILES } from "../context.js";
import { STARTER_RESUME } from "../starter.js";

export function initCommand(program: Command, ctx: Context): void {
  program
    .command("init")
    .description("write a starter resume.yaml (and resume.schema.json for editors) that builds as is")
    .argument("[dir]", "folder to write it in", ".")
    .action(async (dir: string) => {
      const target = path.join(ctx.at(dir), DEFAULT_FILES[0]!);
      const schemaFile = path.join(ctx.at(dir), "resume.schema.json");
      try {
        writeNew(target, Buffer.from(STARTER_RESUME));
        ctx.io.out(`wrote ${ctx.shown(target)}; edit it, then run: resume build ${ctx.shown(target)}\n`);
        // The starter's first line points editors at this schema; an existing one is kept.
        try {
          writeNew(schemaFile, Buffer.from(`${JSON.stringify(resumeJsonSchema(), null, 2)}\n`));
        } catch {
          // Kept as it is.
        }
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        ctx.io.err(
          e.code === "EEXIST"
            ? `${ctx.shown(target)} already exists; not overwriting it\n`
            : `cannot write ${ctx.shown(target)} (${e.code ?? e.message})\n`,
        );
        ctx.code = 1;
      }
    });
}
