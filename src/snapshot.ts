/**
 * The command as a V8 startup snapshot (see scripts/snapshot.mjs and bin/resume). Building the
 * snapshot runs this file once: every module is loaded and initialised, a starter résumé goes
 * through load, validate, normalize and the glyph check, and the default theme's fonts are read
 * and parsed. The heap is then saved; a process started from it begins here, in the deserialize
 * main function, with all of that already done.
 *
 * What may not be captured: anything about the process that runs the command (arguments,
 * environment, terminal, current folder) is read when a command starts, never at module load.
 */
import { createRequire } from "node:module";
import path from "node:path";
import v8 from "node:v8";
import { checkGlyphs } from "./glyphs.js";
import { parseSource } from "./load.js";
import { clearDateFormatters } from "./locale.js";
import { normalize } from "./normalize.js";
import { preloadFonts } from "./fontstore.js";
import "./render.js"; // the renderer, initialised in the snapshot
import { run } from "./run.js";
import { STARTER_RESUME } from "./starter.js";
import { fontStack, themeTokens } from "./themes/index.js";
import { validate } from "./validate.js";

declare global {
  /** How the snapshot loads packages kept outside it (sharp, pdf-parse): set when it starts. */
  var __resumeRequire: NodeJS.Require | undefined;
}

// Intl objects are not serializable; they are made again on first use.
v8.startupSnapshot.addSerializeCallback(clearDateFormatters);

v8.startupSnapshot.setDeserializeMainFunction(() => {
  globalThis.__resumeRequire = createRequire(path.join(process.env.RESUME_SNAPSHOT_DIR ?? process.cwd(), "resume.mjs"));
  // `node --snapshot-blob file.blob build …`: the arguments start right after node.
  void run(process.argv.slice(1));
});

async function warmUp(): Promise<void> {
  const source = parseSource(Buffer.from(STARTER_RESUME, "utf8"), "resume.yaml");
  const resume = validate(source);
  const vm = normalize(resume, { badges: new Map() });
  const stack = fontStack(themeTokens(vm));
  checkGlyphs(resume, source, stack);
  await preloadFonts(stack);
}

warmUp().catch((err: unknown) => {
  process.stderr.write(`could not prepare the startup snapshot: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
