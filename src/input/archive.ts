/**
 * Reading an archive (LinkedIn's data export), within bounds and without trusting it: a ZIP can
 * be small on disk and expand enormously, and its headers can lie about what an entry holds. The
 * entries it lists, the size of each entry it unpacks and their total are all limited; only the
 * entries asked for are unpacked, each under a hard bound on its output (whatever the headers
 * claim), and what comes out must have the length that both of its headers declare and their
 * CRC-32. An archive that fails any of this is refused as damaged, never read in part.
 */
import { crc32, inflateRawSync } from "node:zlib";
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

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

interface Entry {
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  size: number;
  packed: number;
  offset: number;
}

/** A name as stored: UTF-8 when it is (flagged or not), else one byte a character. */
function decodeName(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return Buffer.from(bytes).toString("latin1");
  }
}

/**
 * The entries of the ZIP at `file` whose names `wanted` accepts, by name; every other entry is
 * listed (in `names`) but not unpacked.
 */
export function readZip(file: string, label: string, wanted: (name: string) => boolean, limits = ARCHIVE_LIMITS): { files: Map<string, Uint8Array>; names: string[] } {
  const fail = (message: string) => new ResumeError([{ file: label, path: "", message }]);
  const damaged = (what: string) => fail(`is damaged: ${what}; nothing was read from it (make the export again, or unpack it and import the folder)`);
  const bytes = readFileBounded(file, label, limits.bytes);
  if (bytes.subarray(0, 2).toString("latin1") !== "PK") throw fail("is not a ZIP archive");
  const n = bytes.length;
  const u16 = (at: number) => (at + 2 <= n ? bytes.readUInt16LE(at) : -1);
  const u32 = (at: number) => (at + 4 <= n ? bytes.readUInt32LE(at) : -1);
  const u64 = (at: number) => (at + 8 <= n ? Number(bytes.readBigUInt64LE(at)) : -1);

  // The end record: the last one in the file's final 64 KiB (its comment may hold anything).
  let end = -1;
  for (let at = n - 22; at >= Math.max(0, n - 22 - 0xffff); at--) {
    if (bytes[at] === 0x50 && u32(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw fail("cannot be read as a ZIP archive (it has no end of central directory; is it cut short?)");
  let count = u16(end + 10);
  let cdSize = u32(end + 12);
  let cdOffset = u32(end + 16);
  if ((count === 0xffff || cdSize === MAX32 || cdOffset === MAX32) && u32(end - 20) === EOCD64_LOCATOR) {
    const at = u64(end - 12);
    if (at < 0 || at > n - 56 || u32(at) !== EOCD64) throw damaged("its ZIP64 end record is not where it says");
    count = u64(at + 32);
    cdSize = u64(at + 40);
    cdOffset = u64(at + 48);
  }
  if (count > limits.entries) throw fail(`holds more than ${limits.entries} entries; this is not a data export`);
  if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize > n) throw damaged("its central directory lies outside the file");

  const entries: Entry[] = [];
  let o = cdOffset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > cdOffset + cdSize || u32(o) !== CENTRAL) throw damaged(`its central directory ends after ${i} of the ${count} entries it declares`);
    const nameLen = u16(o + 28);
    const extraLen = u16(o + 30);
    const next = o + 46 + nameLen + extraLen + u16(o + 32);
    if (next > cdOffset + cdSize) throw damaged(`entry ${i + 1} runs past its central directory`);
    const nameBytes = bytes.subarray(o + 46, o + 46 + nameLen);
    const e: Entry = { name: decodeName(nameBytes), nameBytes, flags: u16(o + 8), method: u16(o + 10), crc: u32(o + 16), packed: u32(o + 20), size: u32(o + 24), offset: u32(o + 42) };
    // ZIP64: the sizes and offset that do not fit 32 bits are in an extra field, in this order.
    if (e.size === MAX32 || e.packed === MAX32 || e.offset === MAX32) {
      const wide = zip64Extra(bytes, o + 46 + nameLen, extraLen);
      if (!wide) throw damaged(`${e.name} declares ZIP64 sizes but has none`);
      let k = 0;
      const take = () => (k + 8 <= wide.length ? Number(wide.readBigUInt64LE((k += 8) - 8)) : -1);
      if (e.size === MAX32) e.size = take();
      if (e.packed === MAX32) e.packed = take();
      if (e.offset === MAX32) e.offset = take();
      if (e.size < 0 || e.packed < 0 || e.offset < 0) throw damaged(`${e.name}'s ZIP64 sizes are cut short`);
    }
    entries.push(e);
    o = next;
  }

  const names = entries.map((e) => e.name);
  const files = new Map<string, Uint8Array>();
  let total = 0;
  for (const e of entries) {
    if (!wanted(e.name)) continue;
    if (e.size > limits.entryBytes) throw fail(`${e.name} would unpack to ${mib(e.size)}; the limit for one file is ${mib(limits.entryBytes)}`);
    total += e.size;
    if (total > limits.totalBytes) throw fail(`would unpack to more than its limit, ${mib(limits.totalBytes)} in all`);
    if (e.flags & 1) throw fail(`${e.name} is encrypted; export it again without a password`);
    files.set(e.name, unpack(e));
  }
  return { files, names };

  /** One entry's bytes, checked against both of its headers. */
  function unpack(e: Entry): Uint8Array {
    const at = e.offset;
    if (at + 30 > n || u32(at) !== LOCAL) throw damaged(`${e.name} is not where its central directory says`);
    const nameLen = u16(at + 26);
    const extraLen = u16(at + 28);
    const start = at + 30 + nameLen + extraLen;
    if (!Buffer.from(bytes.subarray(at + 30, at + 30 + nameLen)).equals(e.nameBytes)) throw damaged(`${e.name} has another name in its own header`);
    if (u16(at + 8) !== e.method) throw damaged(`${e.name}'s two headers disagree on how it is compressed`);
    // Without a data descriptor (flag 3), the local header repeats the sizes and the CRC-32.
    if (!(e.flags & 8)) {
      let size = u32(at + 22);
      let packed = u32(at + 18);
      if (size === MAX32 || packed === MAX32) {
        const wide = zip64Extra(bytes, at + 30 + nameLen, extraLen);
        if (wide && wide.length >= 16) {
          size = Number(wide.readBigUInt64LE(0));
          packed = Number(wide.readBigUInt64LE(8));
        }
      }
      if (size !== e.size || packed !== e.packed || u32(at + 14) !== e.crc) throw damaged(`${e.name}'s two headers disagree on its size or checksum (${size} and ${e.size} bytes)`);
    }
    if (start + e.packed > n) throw damaged(`${e.name} runs past the end of the file`);
    const raw = bytes.subarray(start, start + e.packed);
    let data: Uint8Array;
    if (e.method === 0) {
      data = raw;
    } else if (e.method === 8) {
      try {
        // The output is bounded by the declared size: more than that is a lie, refused unread.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === "ERR_BUFFER_TOO_LARGE" || (err instanceof RangeError && /larger than/i.test(err.message))) throw damaged(`${e.name} unpacks to more than the ${e.size} bytes its headers declare`);
        throw damaged(`${e.name} cannot be unpacked (${String((err as Error).message).replace(/^[A-Za-z]*Error:\s*/, "")})`);
      }
    } else {
      throw fail(`${e.name} is compressed in a way this tool does not read (method ${e.method}); make the export again, or unpack it and import the folder`);
    }
    if (data.length !== e.size) throw damaged(`${e.name} unpacks to ${data.length} bytes, not the ${e.size} its headers declare`);
    if (crc32(data) >>> 0 !== e.crc) throw damaged(`${e.name} does not match its checksum (CRC-32)`);
    return data;
  }
}

/** The ZIP64 extra field (id 1) among the extra fields at `at`, or undefined. */
function zip64Extra(bytes: Buffer, at: number, length: number): Buffer | undefined {
  const stop = Math.min(at + length, bytes.length);
  for (let p = at; p + 4 <= stop; ) {
    const id = bytes.readUInt16LE(p);
    const size = bytes.readUInt16LE(p + 2);
    if (id === 1) return bytes.subarray(p + 4, Math.min(p + 4 + size, stop));
    p += 4 + size;
  }
  return undefined;
}
