/**
 * The write stage (load → validate → normalize → render → check → write): put the bytes in place
 * atomically, and only where this tool may. Every file this tool writes goes through here: the
 * outputs of a build (`writeOutputs`, after `refuseForeign`), and new files that must not replace
 * anything (`writeNew`: resume init, import, extract).
 *
 * Atomic: a temporary file in the destination folder (`.resume-PID-HEX.tmp`, short whatever the
 * output's name) is renamed over the target, so readers see the old file or the new one, never half
 * of one; two builds racing for one path leave one complete file. A rename replaces a symbolic link
 * at the target rather than writing through it. Where nothing was at the target when it was
 * checked, the temporary file is hard-linked there instead, which fails if anything has appeared
 * since: a new file is never written over something that came in between. Temporary files still
 * on disk when the process is interrupted are removed by `removeTempFiles` (see common/signals.ts);
 * ones a killed process left behind are removed by the next write into that folder
 * (`sweepTempFiles`).
 *
 * Owned: an existing file at an output path is replaced only if this tool wrote it. PDFs carry
 * the tool's name in their Creator entry and Word files in docProps/app.xml. Markdown, text, JSON
 * and PNG files carry nothing of the kind, so each one written is recorded, by its SHA-256, in
 * `.resume-builder-outputs` in its folder; such a file is replaced while its content is still what
 * was recorded (edited by hand, it is kept), or when it already holds exactly what would be written.
 * A symbolic link, a folder or anything else at an output path is never replaced.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { ResumeError, type Diagnostic } from "../common/errors.js";
import { holdSignals } from "../common/signals.js";
import { TOOL_NAME } from "../common/version.js";

/**
 * Temporary files being written, each with the release of its hold on SIGINT and SIGTERM: while
 * one is on disk, a signal waits for a safe point, removes it and exits (see common/signals.ts).
 */
const inFlight = new Map<string, () => void>();

/** A temporary file renamed into place or removed: no longer in flight. */
function settled(tmp: string): void {
  inFlight.get(tmp)?.();
  inFlight.delete(tmp);
}

/** This tool's temporary files: `.resume-PID-HEX.tmp`, at most 33 characters whatever the output's name. */
const TEMP_FILE = /^\.resume-(\d{1,10})-[0-9a-f]{8}\.tmp$/;
/** A temporary file older than this is left over even if its process id is in use again. */
const STALE_MS = 10 * 60 * 1000;
const swept = new Set<string>();

function tempName(dir: string): string {
  return path.join(dir, `.resume-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Remove the temporary files a killed process of this tool left in `dir`: those of this tool's
 * pattern whose process is gone, or that are older than ten minutes. Once per folder and process.
 */
export function sweepTempFiles(dir: string, now = Date.now()): void {
  if (swept.has(dir)) return;
  swept.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP_FILE.exec(name);
    if (!m) continue;
    const file = path.join(dir, name);
    try {
      const s = lstatSync(file);
      if (!s.isFile()) continue;
      const pid = Number(m[1]);
      if (pid === process.pid && inFlight.has(file)) continue;
      if ((pid !== process.pid && !alive(pid)) || now - s.mtimeMs > STALE_MS) rmSync(file, { force: true });
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

/** Write `bytes` to a new temporary file in `dir`, created exclusively; returns its path. */
function writeTemp(dir: string, bytes: Uint8Array): string {
  mkdirSync(dir, { recursive: true });
  sweepTempFiles(dir);
  const tmp = tempName(dir);
  inFlight.set(tmp, holdSignals(removeTempFiles));
  try {
    writeFileSync(tmp, bytes, { flag: "wx" });
  } catch (err) {
    rmSync(tmp, { force: true });
    settled(tmp);
    throw err;
  }
  return tmp;
}

/**
 * Put `bytes` at `target` through a finished temporary file: replacing what is there (a rename; a
 * symbolic link at `target` is replaced, never followed), or, with `replace` false, only where
 * nothing is (see linkNew): then false when something is there.
 */
async function place(target: string, bytes: Uint8Array, replace: boolean): Promise<boolean> {
  const tmp = writeTemp(path.dirname(path.resolve(target)), bytes);
  try {
    // For tests of interruption only: a pause between writing the temporary file and putting it in place.
    const renameDelay = Number(process.env.RESUME_TEST_RENAME_DELAY_MS ?? 0);
    if (renameDelay > 0) await new Promise((r) => setTimeout(r, renameDelay));
    if (replace) renameSync(tmp, target);
    else {
      try {
        linkNew(tmp, target, bytes);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
        throw err;
      }
    }
    return true;
  } finally {
    rmSync(tmp, { force: true });
    settled(tmp);
  }
}

/**
 * Make `target` from the finished temporary file `tmp`, only if nothing is there: not a file, not a
 * folder, not a symbolic link (dangling or not); throws EEXIST otherwise. The check is the link
 * itself, so nothing can appear between a check and the write. Where the file system has no hard
 * links, the file is created exclusively (O_CREAT|O_EXCL).
 */
function linkNew(tmp: string, target: string, bytes: Uint8Array): void {
  try {
    linkSync(tmp, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw err;
    // "wx" is O_CREAT|O_EXCL, which fails on any existing name, a symbolic link included.
    writeFileSync(target, bytes, { flag: "wx" });
  }
}

/**
 * Create `target`, complete, only if nothing is there (resume init, import, extract -o); throws
 * EEXIST otherwise, with no window between the check and the write (see linkNew).
 */
export function writeNew(target: string, bytes: Uint8Array): void {
  const tmp = writeTemp(path.dirname(path.resolve(target)), bytes);
  try {
    linkNew(tmp, target, bytes);
  } finally {
    rmSync(tmp, { force: true });
    settled(tmp);
  }
}

/** Remove temporary files of writes still under way (synchronous: safe in a signal handler). */
export function removeTempFiles(): void {
  for (const tmp of inFlight.keys()) rmSync(tmp, { force: true });
  inFlight.clear();
}

// ── What may be replaced ─────────────────────────────────────────────────────────────────────

/** The record of the Markdown, text, JSON and PNG files this tool wrote into a folder. */
export const RECORD_FILE = ".resume-builder-outputs";
const RECORD_HEADER = `# ${TOOL_NAME}: files it wrote in this folder (SHA-256, name); such a file is replaced only while it still holds what was written\n`;
/** Past this size the record keeps only the last entry of each name. */
const RECORD_COMPACT = 256 * 1024;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The entries of a folder's record, newest last; none when it is missing or not this tool's. */
function readRecord(dir: string): [string, string][] {
  const file = path.join(dir, RECORD_FILE);
  let text: string;
  try {
    const s = lstatSync(file);
    if (!s.isFile() || s.size > 16 * RECORD_COMPACT) return [];
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  if (!text.startsWith(RECORD_HEADER)) return [];
  const out: [string, string][] = [];
  for (const line of text.slice(RECORD_HEADER.length).split("\n")) {
    const m = /^([0-9a-f]{64}) (".*")$/.exec(line);
    if (!m) continue;
    try {
      const name: unknown = JSON.parse(m[2]!);
      if (typeof name === "string") out.push([m[1]!, name]);
    } catch {
      // A damaged line names nothing.
    }
  }
  return out;
}

/**
 * Note in the folder's record that this tool wrote `bytes` to `file` (appended: concurrent builds do not lose entries).
 */
function recordWritten(file: string, bytes: Uint8Array): void {
  const dir = path.dirname(path.resolve(file));
  const record = path.join(dir, RECORD_FILE);
  const line = `${sha256(bytes)} ${JSON.stringify(path.basename(file))}\n`;
  let fd: number;
  try {
    fd = openSync(record, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o644);
  } catch {
    // A symbolic link or something else by that name: not ours, left alone (its outputs will be refused next time).
    return;
  }
  try {
    const s = fstatSync(fd);
    if (!s.isFile()) return;
    if (s.size === 0) writeSync(fd, RECORD_HEADER);
    else {
      const head = Buffer.alloc(Buffer.byteLength(RECORD_HEADER));
      const fdr = openSync(record, constants.O_RDONLY | constants.O_NOFOLLOW);
      try {
        readSync(fdr, head, 0, head.length, 0);
      } finally {
        closeSync(fdr);
      }
      if (head.toString("utf8") !== RECORD_HEADER) return;
    }
    writeSync(fd, line);
    if (s.size > RECORD_COMPACT) compactRecord(dir);
  } finally {
    closeSync(fd);
  }
}

function compactRecord(dir: string): void {
  const last = new Map<string, string>();
  for (const [hash, name] of readRecord(dir)) {
    last.delete(name);
    last.set(name, hash);
  }
  const text = RECORD_HEADER + [...last].map(([name, hash]) => `${hash} ${JSON.stringify(name)}\n`).join("");
  const tmp = writeTemp(dir, Buffer.from(text));
  try {
    renameSync(tmp, path.join(dir, RECORD_FILE));
  } catch {
    rmSync(tmp, { force: true });
  } finally {
    settled(tmp);
  }
}

export type Existing = { state: "absent" | "ours" } | { state: "foreign"; message: string };

const REMEDY = "remove it or choose another -o path";

/**
 * What is at an output path, and whether this tool may replace it: nothing; a file it wrote; or
 * something it must leave alone, with the reason in words. `bytes`, when given, is what would be
 * written: a file already holding exactly that may be replaced whatever wrote it.
 */
async function existingFile(file: string, bytes?: Uint8Array): Promise<Existing> {
  let s;
  try {
    s = lstatSync(file);
  } catch {
    return { state: "absent" };
  }
  if (s.isSymbolicLink())
    return { state: "foreign", message: `is a symbolic link; refusing to replace it (${REMEDY})` };
  if (s.isDirectory()) return { state: "foreign", message: "is a folder; choose another -o path" };
  if (!s.isFile())
    return { state: "foreign", message: `exists and is not a regular file; refusing to replace it (${REMEDY})` };
  if (/\.pdf$/i.test(file)) {
    const kind = await existingOutput(file);
    if (kind === "other") return { state: "foreign", message: "exists and is not a PDF; refusing to overwrite it" };
    if (kind === "pdf")
      return { state: "foreign", message: `is a PDF this tool did not write; refusing to overwrite it (${REMEDY})` };
    return { state: kind === "absent" ? "absent" : "ours" };
  }
  if (/\.docx$/i.test(file)) {
    const { existingWordFile } = await import("./docx.js");
    const kind = await existingWordFile(file);
    if (kind === "other")
      return {
        state: "foreign",
        message: `exists and is not a Word file this tool wrote (it may have been edited); refusing to overwrite it (${REMEDY})`,
      };
    return { state: kind };
  }
  if (s.size > 64 * 1024 * 1024)
    return { state: "foreign", message: `exists and this tool did not write it; refusing to replace it (${REMEDY})` };
  const content = readFileSync(file);
  if (bytes && Buffer.compare(content, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) === 0)
    return { state: "ours" };
  const hash = sha256(content);
  const name = path.basename(file);
  const entries = readRecord(path.dirname(path.resolve(file)));
  if (entries.some(([h, n]) => n === name && h === hash)) return { state: "ours" };
  const changed = entries.some(([, n]) => n === name);
  return {
    state: "foreign",
    message: changed
      ? `was written by this tool but has been changed since; refusing to replace it (${REMEDY})`
      : `exists and this tool did not write it; refusing to replace it (${REMEDY})`,
  };
}

/** Whether a file written at this path is recorded (its format carries no mark of this tool). */
const recorded = (file: string) => !/\.(pdf|docx)$/i.test(file);

/** What is at a PDF output path: nothing, a PDF this tool wrote, another PDF, or something else. */
export async function existingOutput(file: string): Promise<"absent" | "ours" | "pdf" | "other"> {
  let size: number;
  try {
    const s = lstatSync(file);
    if (!s.isFile()) return "other";
    size = s.size;
  } catch {
    return "absent";
  }
  const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
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
      return `cannot write ${/\.pdf$/i.test(target) ? "the PDF" : "it"} (${err.code ?? err.message})`;
  }
}

// ── Outputs of a build ───────────────────────────────────────────────────────────────────────

/**
 * Refuse, before anything is written, every output path holding something this tool may not
 * replace (see existingFile) or naming an input file. `bytes` gives what would be written where
 * it is known: a file already holding exactly that is no loss. Gives the paths where nothing is.
 */
export async function refuseForeign(
  files: string[],
  inputs: string[] = [],
  bytes?: Map<string, Uint8Array>,
): Promise<Set<string>> {
  const problems: Diagnostic[] = [];
  const absent = new Set<string>();
  for (const file of files) {
    if (inputs.includes(path.resolve(file))) {
      problems.push({ file, path: "", message: "is the input file; choose another -o path" });
      continue;
    }
    const found = await existingFile(file, bytes?.get(file));
    if (found.state === "foreign") problems.push({ file, path: "", message: found.message });
    else if (found.state === "absent") absent.add(file);
  }
  if (problems.length) throw new ResumeError(problems);
  return absent;
}

/**
 * Write each file atomically, after checking that none of them replaces a file this tool may not;
 * a failure names the file and its cause. Files whose format carries no mark of this tool are
 * recorded as written. `onWrite` is told before each file is written.
 */
export async function writeOutputs(
  files: [string, Uint8Array][],
  onWrite?: (file: string, index: number, total: number) => void,
  inputs: string[] = [],
): Promise<string[]> {
  const absent = await refuseForeign(
    files.map(([f]) => f),
    inputs,
    new Map(files),
  );
  for (const [i, [file, bytes]] of files.entries()) {
    onWrite?.(file, i, files.length);
    try {
      // Where nothing was, the file is only created: something that appeared since is not replaced
      // unless it may be (another build of this tool got there first).
      if (!(absent.has(file) && (await place(file, bytes, false)))) {
        const found = absent.has(file) ? await existingFile(file, bytes) : undefined;
        if (found?.state === "foreign") throw ResumeError.of(file, found.message);
        await place(file, bytes, true);
      }
    } catch (err) {
      if (err instanceof ResumeError) throw err;
      throw ResumeError.of(file, writeProblem(err as NodeJS.ErrnoException, file));
    }
    if (recorded(file)) recordWritten(file, bytes);
  }
  return files.map(([f]) => f);
}
