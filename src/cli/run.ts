/**
 * The command as a process: exit codes, interruption and last-resort error handling around
 * `main`. Shared by the two ways the command starts: bin.ts (the bundle) and snapshot.ts (the
 * V8 startup snapshot).
 */
import { main } from "./main.js";
import { removeTempFiles } from "../output/write.js";
import { escapeControls } from "../common/terminal.js";

export async function run(argv: readonly string[]): Promise<void> {
  // Interrupted (Ctrl-C, a CI timeout): SIGINT and SIGTERM end the process at once, in any
  // command and at any point, except while an output is being written; then the write's
  // temporary file is removed first and the exit code is 130 or 143 (common/signals.ts). The PDF
  // itself is only ever renamed into place whole, so there is no partial PDF to clean up.

  // A failure that escapes the pipeline (a bug, or a library failing asynchronously) still ends
  // in one plain line and exit 1, never a stack trace (RESUME_DEBUG=1 shows it).
  for (const event of ["uncaughtException", "unhandledRejection"] as const) {
    process.on(event, (err: unknown) => {
      removeTempFiles();
      process.stderr.write(`internal error: ${escapeControls(err instanceof Error ? err.message : String(err))}\n`);
      if (process.env.RESUME_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
      process.exit(1);
    });
  }

  process.exitCode = await main(argv);
}
