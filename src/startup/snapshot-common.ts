/**
 * What both startup snapshots share (see snapshot.ts and snapshot-check.ts): how a process
 * started from one begins, and a warm-up of the checking stages on a starter résumé.
 *
 * What may not be captured: anything about the process that runs the command (arguments,
 * environment, terminal, current folder) is read when a command starts, never at module load.
 */
import { createRequire } from "node:module";
import path from "node:path";
import v8 from "node:v8";
import { glyphProblems } from "../render/glyphs.js";
import { parseSource } from "../input/load.js";
import { clearDateFormatters } from "../model/locale.js";
import { clearSegmenters } from "../common/segments.js";
import { normalize, type ViewModel } from "../model/normalize.js";
import { run } from "../cli/run.js";
import { STARTER_RESUME } from "../cli/starter.js";
import { fontStack, themeTokens, type FontStack } from "../render/themes/index.js";
import { forgetBuiltinThemes } from "../render/themes/files.js";
import { validate } from "../input/validate.js";

declare global {
  /** How the snapshot loads packages kept outside it (sharp, pdf-parse): set when it starts. */
  var __resumeRequire: NodeJS.Require | undefined;
}

/** Makes this script a snapshot entry: `then` runs while it is built, the command when it starts. */
export function snapshotEntry(then: (stack: FontStack, vm: ViewModel) => Promise<void>): void {
  // Intl objects are not serializable; they are made again on first use.
  v8.startupSnapshot.addSerializeCallback(clearDateFormatters);
  v8.startupSnapshot.addSerializeCallback(clearSegmenters);
  // A theme is read from its file when a command starts (only the one it draws with).
  v8.startupSnapshot.addSerializeCallback(forgetBuiltinThemes);

  v8.startupSnapshot.setDeserializeMainFunction(() => {
    globalThis.__resumeRequire = createRequire(
      path.join(process.env.RESUME_SNAPSHOT_DIR ?? process.cwd(), "resume.mjs"),
    );
    // `node --snapshot-blob file.blob -- build …`: the arguments start right after node.
    void run(process.argv.slice(1));
  });

  // Load, validate, normalize and glyph-check a starter résumé, so that all of it is initialised.
  const warmUp = async () => {
    const source = parseSource(Buffer.from(STARTER_RESUME, "utf8"), "resume.yaml");
    const resume = validate(source);
    const vm = normalize(resume, { badges: new Map() });
    const stack = fontStack(themeTokens(vm));
    glyphProblems(resume, source, stack);
    await then(stack, vm);
  };
  warmUp().catch((err: unknown) => {
    process.stderr.write(`could not prepare the startup snapshot: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
