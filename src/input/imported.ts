/** What an importer (linkedin.ts, rendercv.ts) hands back, and the helper both build entries with. */
import type { Diagnostic } from "../common/errors.js";

export interface Imported {
  /** The résumé, as JSON Resume with this tool's extensions. */
  doc: Record<string, unknown>;
  /** What was done that the user should know: files skipped, values left out. */
  notes: Diagnostic[];
}

/** `o` without its empty fields (undefined, "", an empty list): an entry as the file should hold it. */
export const compact = <T extends object>(o: T): T =>
  Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== "" && !(Array.isArray(v) && !v.length)),
  ) as T;
