/** `resume schema`: the JSON Schema of the format, for editors. */
import type { Command } from "commander";
import { resumeJsonSchema } from "../../input/schema.js";
import type { Context } from "../context.js";

export function schemaCommand(program: Command, ctx: Context): void {
  program
    .command("schema")
    .description("print the JSON Schema of the résumé format (for editor completion)")
    .action(() => ctx.printJson(resumeJsonSchema()));
}
