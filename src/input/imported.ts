/** What an importer (linkedin.ts, rendercv.ts) hands back. */
import type { Diagnostic } from "../common/errors.js";

export interface Imported {
  /** The résumé, as JSON Resume with this tool's extensions. */
  doc: Record<string, unknown>;
  /** What was done that the user should know: files skipped, values left out. */
  notes: Diagnostic[];
}
