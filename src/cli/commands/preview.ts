/**
 * `resume preview [file]`: a local page that shows the PDF as it is built, its problems and what a
 * parser reads, updated on every save. Runs until interrupted (Ctrl-C, SIGTERM) or `io.signal`.
 */
import { spawn } from "node:child_process";
import { InvalidArgumentError, type Command } from "commander";
import type { RenderOptions } from "../../model/normalize.js";
import { startPreview } from "../../preview/server.js";
import type { Context } from "../context.js";
import { addInputOptions, addRenderOptions, renderOverrides } from "../options.js";

const port = (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) > 65535) throw new InvalidArgumentError("expected a port number, 0–65535");
  return Number(v);
};

/** The command that opens a URL in the desktop's browser. */
function opener(url: string): [string, string[]] {
  if (process.platform === "darwin") return ["open", [url]];
  if (process.platform === "win32") return ["cmd", ["/c", "start", "", url]];
  return ["xdg-open", [url]];
}

export function previewCommand(program: Command, ctx: Context): void {
  const cmd = addInputOptions(
    program.command("preview").description("show the résumé in a local web page that updates on every save"),
  )
    .option("--port <n>", "the port to listen on, on 127.0.0.1 (default: a free one)", port)
    .option("--open", "open the page in the browser")
    .option("--job <posting>", "a job posting (text file): show its keywords the résumé has and misses")
    .option("--variant <name>", "preview this variant")
    .option("--letter <id>", "preview this cover letter")
    .option("--lang <tag>", "preview this language");
  addRenderOptions(cmd).action(
    async (
      file: string | undefined,
      opts: RenderOptions & {
        strict?: boolean;
        port?: number;
        open?: boolean;
        job?: string;
        variant?: string;
        letter?: string;
        lang?: string;
        title?: Record<string, string>;
      },
    ) => {
      try {
        const input = ctx.input(file);
        if (input.path === "-") {
          ctx.io.err("error: preview needs a file to watch; standard input (-) is read once\n");
          ctx.code = 2;
          return;
        }
        const preview = await startPreview({
          file: input.path,
          cwd: ctx.cwd,
          port: opts.port,
          job: opts.job === undefined ? undefined : ctx.at(opts.job),
          build: {
            render: renderOverrides(opts, ctx.cwd),
            strict: opts.strict,
            env: ctx.io.env,
            label: input.label,
            variant: opts.variant,
            letter: opts.letter,
            language: opts.lang,
          },
        });
        ctx.io.out(`previewing ${input.label} at ${preview.url}\n`);
        ctx.io.err(`${ctx.paint("dim", "the page updates on every save; Ctrl-C stops the server")}\n`);
        if (opts.open) {
          const [command, args] = opener(preview.url);
          const child = spawn(command, args, { stdio: "ignore", detached: true });
          child.on("error", () => ctx.io.err(`could not start ${command}; open ${preview.url} yourself\n`));
          child.unref();
        }
        await new Promise<void>((resolve) => {
          if (ctx.io.signal?.aborted) return resolve();
          ctx.io.signal?.addEventListener("abort", () => resolve(), { once: true });
          // Without a signal the process runs until SIGINT or SIGTERM ends it (cli/run.ts).
        });
        await preview.close();
      } catch (err) {
        ctx.fail(err);
      }
    },
  );
}
