/**
 * Stage 5 — write: put the bytes in place atomically. A temporary file in the destination
 * folder is renamed over the target, so readers see the old PDF or the new one, never half of
 * one; two builds racing for one path leave one complete PDF. Temporary files still on disk
 * when the process is interrupted are removed by `removeTempFiles` (see common/signals.ts).
 */
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { holdSignals } from "../common/signals.js";
import { TOOL_NAME } from "../common/version.js";

const inFlight = new Set<string>();


export async function writeAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  inFlight.add(tmp);
  // A signal now waits for this write, then removes the temporary file (see signals.ts).
  const release = holdSignals(removeTempFiles);
  try {
    writeFileSync(tmp, bytes, { flag: "wx" });
    // For tests of interruption only: a pause between writing the temporary file and renaming it.
    const renameDelay = Number(process.env.RESUME_TEST_RENAME_DELAY_MS ?? 0);
    if (renameDelay > 0) await new Promise((r) => setTimeout(r, renameDelay));
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  } finally {
    inFlight.delete(tmp);
    release();
  }
}

/** Remove temporary files of writes still under way (synchronous: safe in a signal handler). */
export function removeTempFiles(): void {
  for (const tmp of inFlight) rmSync(tmp, { force: true });
  inFlight.clear();
}

/** What is at an output path: nothing, a PDF this tool wrote, another PDF, or something else. */
export async function existingOutput(file: string): Promise<"absent" | "ours" | "pdf" | "other"> {
  let size: number;
  try {
    const s = statSync(file);
    if (!s.isFile()) return "other";
    size = s.size;
  } catch {
    return "absent";
  }
  const fd = openSync(file, "r");
  try {
    // A résumé is far below 20 MB; the Creator entry ("resume-builder <version>") marks ours.
    const bytes = Buffer.alloc(Math.min(size, 20 * 1024 * 1024));
    readSync(fd, bytes, 0, bytes.length, 0);
    if (bytes.toString("latin1", 0, 5) !== "%PDF-") return "other";
    return bytes.includes(`(${TOOL_NAME} `) ? "ours" : "pdf";
  } finally {
    closeSync(fd);
  }
}

/** A write error in plain words. */
export function writeProblem(err: NodeJS.ErrnoException, target: string): string {
  const dir = path.dirname(target);
  switch (err.code) {
    case "EACCES":
    case "EPERM":
      return `permission denied: cannot write into ${dir}`;
    case "EROFS":
      return `${dir} is on a read-only file system`;
    case "ENOSPC":
    case "EDQUOT":
      return `the disk holding ${dir} is full`;
    case "ENOTDIR":
    case "EEXIST": // mkdir met a file where a folder should be
      return `part of the path ${dir} is a file, not a folder`;
    case "EISDIR":
      return "is a folder";
    default:
      return `cannot write the PDF (${err.code ?? err.message})`;
  }
}
