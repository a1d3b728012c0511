/**
 * Reading an archive (LinkedIn's data export), within bounds and without trusting it: a ZIP can
 * be small on disk and expand enormously, and its headers can lie about what an entry holds.
 * yauzl reads the ZIP's structure (its end record, central directory, ZIP64 fields and local
 * headers) and unpacks an entry as a stream that must yield exactly the size its central directory
 * declares. On top of that: the entries it lists, the size of each entry it unpacks and their total
 * are all limited, and the bytes are counted as they stream (the stream is stopped at a limit,
 * whatever the headers claim); only the entries asked for are unpacked; an entry's local header
 * must agree with its central-directory record (name, method, sizes and CRC-32); and what comes
 * out must match its CRC-32, computed here as it streams (yauzl does not check it). An archive
 * that fails any of this is refused as damaged, never read in part.
 */
import type { Readable } from "node:stream";
import { crc32 } from "node:zlib";
import type yauzl from "yauzl";
import { ResumeError } from "../common/errors.js";
import { readFileBounded } from "./load.js";

/** Limits for an archive: its size on disk, its entries, and what it may unpack. */
export const ARCHIVE_LIMITS = {
  bytes: 100 * 1024 * 1024,
  entries: 10_000,
  entryBytes: 20 * 1024 * 1024,
  totalBytes: 100 * 1024 * 1024,
};

const mib = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;
const MAX32 = 0xffffffff;

/** A name as stored: UTF-8 when it is (flagged or not), else one byte a character. */
function decodeName(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return Buffer.from(bytes).toString("latin1");
  }
}

/** A library's or zlib's message, plain enough to show in parentheses (no "Error:" prefix, one line, short). */
const plain = (err: unknown) =>
  String(err instanceof Error ? err.message : err)
    .replace(/^[A-Za-z]*Error:\s*/, "")
    .replace(/\s+/g, " ")
    .slice(0, 160);

/** An error raised by zlib while inflating (it carries a zlib code), not by the ZIP reader. */
const fromZlib = (err: unknown) =>
  typeof (err as NodeJS.ErrnoException | undefined)?.code === "string" &&
  /^(Z_|ERR_)/.test((err as NodeJS.ErrnoException).code!);

/**
 * The entries of the ZIP at `file` whose names `wanted` accepts, by name; every other entry is
 * listed (in `names`) but not unpacked.
 */
export async function readZip(
  file: string,
  label: string,
  wanted: (name: string) => boolean,
  limits = ARCHIVE_LIMITS,
): Promise<{ files: Map<string, Uint8Array>; names: string[] }> {
  const fail = (message: string) => ResumeError.of(label, message);
  const damaged = (what: string) =>
    fail(`is damaged: ${what}; nothing was read from it (make the export again, or unpack it and import the folder)`);
  const bytes = readFileBounded(file, label, limits.bytes);
  if (bytes.subarray(0, 2).toString("latin1") !== "PK") throw fail("is not a ZIP archive");

  let zip: yauzl.ZipFile;
  try {
    // Names are decoded here (decodeStrings: false): an entry this tool does not read may have any
    // name, and is only listed.
    // Loaded when a ZIP is read: only `resume import` needs it, so other commands start without it.
    const { fromBuffer } = (await import("yauzl")).default;
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      fromBuffer(
        bytes,
        { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
        (err, z) => (err ? reject(err) : resolve(z)),
      ),
    );
  } catch (err) {
    const m = plain(err);
    if (/end of central directory record signature not found/i.test(m))
      throw fail("cannot be read as a ZIP archive (it has no end of central directory; is it cut short?)");
    if (/comment length/i.test(m)) throw damaged("its end record does not end the file (there are bytes after it)");
    if (/zip64/i.test(m)) throw damaged("its ZIP64 end record is not where it says");
    if (/multi-disk/i.test(m)) throw fail("is split across several disks; make the export again as one file");
    if (/unexpected EOF/i.test(m)) throw damaged("its end record points past the end of the file");
    throw damaged(`its end record cannot be read (${m})`);
  }
  // Whatever happens from here, an error the reader raises later is never left unhandled.
  zip.on("error", () => {});
  try {
    return await read(zip);
  } finally {
    zip.close();
  }

  async function read(zip: yauzl.ZipFile): Promise<{ files: Map<string, Uint8Array>; names: string[] }> {
    const count = zip.entryCount;
    if (count > limits.entries) throw fail(`holds more than ${limits.entries} entries; this is not a data export`);

    // The central directory, all of it, before anything is unpacked.
    const entries: { name: string; entry: yauzl.Entry }[] = [];
    for (let i = 0; i < count; i++) {
      let entry: yauzl.Entry;
      try {
        entry = await new Promise<yauzl.Entry>((resolve, reject) => {
          const done = () => {
            zip.off("entry", onEntry);
            zip.off("error", onError);
            zip.off("end", onEnd);
          };
          const onEntry = (e: yauzl.Entry) => (done(), resolve(e));
          const onError = (err: unknown) => (done(), reject(err instanceof Error ? err : new Error(String(err))));
          const onEnd = () => (done(), reject(new Error("unexpected end")));
          zip.on("entry", onEntry);
          zip.on("error", onError);
          zip.on("end", onEnd);
          zip.readEntry();
        });
      } catch (err) {
        const m = plain(err);
        if (/strong encryption/i.test(m)) throw fail(`entry ${i + 1} is encrypted; export it again without a password`);
        if (/zip64/i.test(m)) throw damaged(`entry ${i + 1} declares ZIP64 sizes but has none`);
        if (/extra field/i.test(m)) throw damaged(`entry ${i + 1}'s extra fields run past their end`);
        if (/size mismatch for stored file/i.test(m))
          throw damaged(`entry ${i + 1} is stored uncompressed, but its two sizes differ`);
        if (/central directory file header signature|unexpected EOF|unexpected end/i.test(m))
          throw damaged(`its central directory ends after ${i} of the ${count} entries it declares`);
        throw damaged(`entry ${i + 1} cannot be read (${m})`);
      }
      entries.push({ name: decodeName(entry.fileNameRaw), entry });
    }

    const names = entries.map((e) => e.name);
    const files = new Map<string, Uint8Array>();
    let total = 0;
    for (const { name, entry } of entries) {
      if (!wanted(name)) continue;
      const size = entry.uncompressedSize;
      if (size > limits.entryBytes)
        throw fail(`${name} would unpack to ${mib(size)}; the limit for one file is ${mib(limits.entryBytes)}`);
      if (total + size > limits.totalBytes)
        throw fail(`would unpack to more than its limit, ${mib(limits.totalBytes)} in all`);
      if (entry.isEncrypted()) throw fail(`${name} is encrypted; export it again without a password`);
      await checkLocalHeader(zip, name, entry);
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        throw fail(
          `${name} is compressed in a way this tool does not read (method ${entry.compressionMethod}); make the export again, or unpack it and import the folder`,
        );
      }
      const data = await unpack(zip, name, entry, total);
      total += data.length;
      files.set(name, data);
    }
    return { files, names };
  }

  /** The local header must repeat what the central directory says of the entry. */
  async function checkLocalHeader(zip: yauzl.ZipFile, name: string, entry: yauzl.Entry): Promise<void> {
    let local: yauzl.LocalFileHeader;
    try {
      local = await zip.readLocalFileHeaderPromise(entry);
    } catch (err) {
      if (/overflows file bounds/i.test(plain(err))) throw damaged(`${name} runs past the end of the file`);
      throw damaged(`${name} is not where its central directory says`);
    }
    if (!local.fileName.equals(entry.fileNameRaw)) throw damaged(`${name} has another name in its own header`);
    if (local.compressionMethod !== entry.compressionMethod)
      throw damaged(`${name}'s two headers disagree on how it is compressed`);
    // Without a data descriptor (flag 3), the local header repeats the sizes and the CRC-32.
    if (entry.generalPurposeBitFlag & 8) return;
    let size = local.uncompressedSize;
    let packed = local.compressedSize;
    if (size === MAX32 || packed === MAX32) {
      const wide = zip64Extra(local.extraField);
      if (wide && wide.length >= 16) {
        size = Number(wide.readBigUInt64LE(0));
        packed = Number(wide.readBigUInt64LE(8));
      }
    }
    if (size !== entry.uncompressedSize || packed !== entry.compressedSize || local.crc32 !== entry.crc32) {
      throw damaged(
        `${name}'s two headers disagree on its size or checksum (${size} and ${entry.uncompressedSize} bytes)`,
      );
    }
  }

  /**
   * One entry's bytes: exactly as many as it declares (yauzl stops the stream past them), under
   * the limits for one entry and for all (counted here as they come), with its CRC-32.
   */
  async function unpack(zip: yauzl.ZipFile, name: string, entry: yauzl.Entry, before: number): Promise<Uint8Array> {
    const declared = entry.uncompressedSize;
    let stream: Readable;
    try {
      stream = await zip.openReadStreamPromise(entry);
    } catch (err) {
      throw damaged(`${name} cannot be unpacked (${plain(err)})`);
    }
    const chunks: Buffer[] = [];
    let got = 0;
    let crc = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        const stop = (err: ResumeError) => {
          stream.destroy();
          reject(err);
        };
        stream.on("data", (chunk: Buffer) => {
          got += chunk.length;
          if (got > declared)
            return stop(damaged(`${name} unpacks to more than the ${declared} bytes its headers declare`));
          if (got > limits.entryBytes)
            return stop(
              fail(
                `${name} unpacks to more than ${mib(limits.entryBytes)}; the limit for one file is ${mib(limits.entryBytes)}`,
              ),
            );
          if (before + got > limits.totalBytes)
            return stop(fail(`would unpack to more than its limit, ${mib(limits.totalBytes)} in all`));
          crc = crc32(chunk, crc);
          chunks.push(chunk);
        });
        stream.on("error", (err) => {
          stream.destroy();
          reject(err);
        });
        stream.on("end", resolve);
      });
    } catch (err) {
      if (err instanceof ResumeError) throw err;
      const m = plain(err);
      if (!fromZlib(err) && /too many bytes/i.test(m))
        throw damaged(`${name} unpacks to more than the ${declared} bytes its headers declare`);
      if (!fromZlib(err) && /not enough bytes/i.test(m))
        throw damaged(`${name} unpacks to ${got} bytes, not the ${declared} its headers declare`);
      throw damaged(`${name} cannot be unpacked (${m})`);
    }
    if (got !== declared) throw damaged(`${name} unpacks to ${got} bytes, not the ${declared} its headers declare`);
    if (crc >>> 0 !== entry.crc32 >>> 0) throw damaged(`${name} does not match its checksum (CRC-32)`);
    return Buffer.concat(chunks, got);
  }
}

/** The ZIP64 extra field (id 1) among a local header's extra fields, or undefined. */
function zip64Extra(extra: Buffer): Buffer | undefined {
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === 1) return extra.subarray(p + 4, Math.min(p + 4 + size, extra.length));
    p += 4 + size;
  }
  return undefined;
}
