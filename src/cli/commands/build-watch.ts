/** `resume build --watch`: build, then rebuild on every change, saying what happened each time. */
import { ResumeError } from "../../common/errors.js";
import type { BuildOptions } from "../../pipeline/options.js";
import type { Context, Input } from "../context.js";
import { watchBuild } from "../../pipeline/watch.js";

/** Build, then rebuild on every change until interrupted, saying what happened each time. */
export async function watch(ctx: Context, input: Input, opts: BuildOptions): Promise<void> {
  let first = true;
  let lastWatched = "";
  await watchBuild(
    input.path,
    opts,
    (e) => {
      if (e.kind === "failed") {
        if (!(e.error instanceof ResumeError)) return ctx.fail(e.error);
        for (const d of e.error.diagnostics) ctx.io.err(`${ctx.show(d)}\n`);
        ctx.io.err(`${ctx.paint("red", "problems found")}; the last good PDF is kept. Waiting for changes…\n`);
      } else if (e.kind === "built") {
        const r = e.result;
        for (const w of r.warnings) ctx.warn(w);
        const what = `${ctx.shown(r.output)} (${r.pages} page${r.pages === 1 ? "" : "s"})`;
        ctx.io.out(
          `${ctx.paint("green", first ? "wrote" : "rebuilt")} ${what} in ${Math.round(r.ms)} ms${e.fixed ? " — problems fixed" : ""}\n`,
        );
        first = false;
      } else {
        // Say what is watched whenever that changes (a badge added or removed).
        const list = e.files.map((f) => ctx.shown(f)).join(", ");
        if (list !== lastWatched) ctx.io.err(`${ctx.paint("dim", `watching ${list}`)}\n`);
        lastWatched = list;
      }
    },
    ctx.io.signal,
  );
}
