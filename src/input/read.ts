/**
 * Every file the build reads goes through here: it is checked before it is read, and the read is
 * bounded by a size limit that holds even when the size cannot be known in advance. A regular
 * file over its limit is refused unread; a named pipe, a device or standard input (which a
 * résumé may come from) is read asynchronously, in chunks, and refused once it passes the limit,
 * so that nothing blocks the main thread (a signal always ends the process) and nothing grows
 * without end (`/dev/zero`).
 */
import { closeSync, constants, openSync, type Stats } from "node:fs";
import { open, stat } from "node:fs/promises";
import { ResumeError } from "../common/errors.js";

/** The largest image (badge, photo) read, on disk. */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/** The name standard input goes by in messages. */
export const STDIN_LABEL = "<stdin>";

/** What a path that is not a regular file is, in words. */
export function whatItIs(st: Stats): string {
  if (st.isDirectory()) return "a folder";
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

/** `1048576` → `1 MiB`. */
export function sizeText(n: number): string {
  return n >= 1024 * 1024
    ? `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`
    : n >= 1024
      ? `${Math.round(n / 1024)} KiB`
      : `${n} bytes`;
}

/** Why a file could not be read, in words. */
export function readProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === "ENOENT"
    ? "file not found"
    : code === "EISDIR"
      ? "is a folder, not a file"
      : code === "EACCES"
        ? "permission denied"
        : code === "ENXIO"
          ? "is a socket or a device that cannot be read"
          : `cannot be read (${code ?? String(err)})`;
}

export interface ReadOptions {
  /** Named pipes and devices may be read too (the résumé); else only a regular file is. */
  streams?: boolean;
  /** What the file is for, in the message when it is not one ("an image"). */
  what?: string;
}

/**
 * The bytes of `file`, at most `limit` of them; `label` names it in messages. Each problem is a
 * ResumeError with one plain message.
 */
export async function readBounded(file: string, label: string, limit: number, opts: ReadOptions = {}): Promise<Buffer> {
  const fail = (message: string) => ResumeError.of(label, message);
  const limitText = `${limit} bytes (${sizeText(limit)})`;
  const tooLarge = (size?: number) =>
    fail(
      size === undefined
        ? `is larger than the limit${opts.what ? ` for ${opts.what}` : ""}, ${limitText}; reading stopped there`
        : `file is ${size} bytes; the limit${opts.what ? ` for ${opts.what}` : ""} is ${limitText}`,
    );
  let st: Stats;
  try {
    st = await stat(file);
  } catch (err) {
    throw fail(readProblem(err));
  }
  if (st.isDirectory()) throw fail(`is a folder, not ${opts.what ?? "a file"}`);
  const regular = st.isFile();
  if (!regular && (!opts.streams || st.isSocket()))
    throw fail(`is ${whatItIs(st)}, not ${opts.what ?? "a regular file"}`);
  if (regular && st.size > limit) throw tooLarge(st.size);
  if (st.isFIFO() || (st.isCharacterDevice() && (await isTerminal(file)))) {
    // A pipe (or a terminal) is read on the event loop, as standard input is: opening it does not
    // wait for a writer, and nothing waits in a worker thread, which would hold up the exit a
    // signal asks for.
    let fd: number;
    try {
      fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (err) {
      throw fail(readProblem(err));
    }
    // Loaded here, not at start-up: the startup snapshot cannot hold these modules.
    const stream = st.isFIFO()
      ? new (await import("node:net")).Socket({ fd, readable: true, writable: false })
      : new (await import("node:tty")).ReadStream(fd);
    try {
      return await readStream(stream, limit, () => tooLarge());
    } finally {
      stream.destroy();
    }
  }
  let handle;
  try {
    handle = await open(file, "r");
  } catch (err) {
    throw fail(readProblem(err));
  }
  try {
    return await readAll(
      (buf, at) => handle.read(buf, at, buf.length - at, regular ? at : null).then((r) => r.bytesRead),
      limit,
      () => tooLarge(),
    );
  } catch (err) {
    if (err instanceof ResumeError) throw err;
    throw fail(readProblem(err));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Read chunks into one buffer until the end, or fail once more than `limit` bytes came. */
async function readAll(
  read: (buf: Buffer, at: number) => Promise<number>,
  limit: number,
  tooLarge: () => Error,
): Promise<Buffer> {
  let buf = Buffer.alloc(Math.min(limit + 1, 64 * 1024));
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (buf.length > limit) throw tooLarge();
      const next = Buffer.alloc(Math.min(limit + 1, buf.length * 2));
      buf.copy(next, 0, 0, length);
      buf = next;
    }
    const n = await read(buf, length);
    if (n === 0) break;
    length += n;
    if (length > limit) throw tooLarge();
  }
  return buf.subarray(0, length);
}

/** A stream's bytes until its end, or fail once more than `limit` came. */
async function readStream(stream: NodeJS.ReadableStream, limit: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    length += b.length;
    if (length > limit) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw tooLarge();
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks, length);
}

async function isTerminal(file: string): Promise<boolean> {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    return (await import("node:tty")).isatty(fd);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Standard input, at most `limit` bytes, read asynchronously. */
export function readStdin(limit: number, stdin: NodeJS.ReadableStream = process.stdin): Promise<Buffer> {
  return readStream(stdin, limit, () =>
    ResumeError.of(
      STDIN_LABEL,
      `is larger than the limit for a résumé, ${limit} bytes (${sizeText(limit)}); reading stopped there`,
    ),
  );
}
