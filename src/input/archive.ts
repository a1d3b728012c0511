/**
 * Reading an archive (LinkedIn's data export) with a well-kept library (fflate), within bounds:
 * a ZIP can be small on disk and expand enormously, so the entries it holds, the size of each
 * entry it unpacks and their total are all limited, and only the entries asked for are unpacked.
 */
import { unzipSync } from "fflate";
import { ResumeError } from "../common/errors.js";
import { readFileBounded } from "./load.js";

/** Limits for an archive: its size on disk, its entries, and what it may unpack. */
export const ARCHIVE_LIMITS = {
  bytes: 100 * 1024 * 1024,
  entries: 10_000,
  entryBytes: 20 * 1024 * 1024,
  totalBytes: 100 * 1024 * 1024,
};

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;

/**
 * The entries of the ZIP at `file` whose names `wanted` accepts, by name; every other entry is
 * listed (in `names`) but not unpacked.
 */
export function readZip(file: string, label: string, wanted: (name: string) => boolean, limits = ARCHIVE_LIMITS): { files: Map<string, Uint8Array>; names: string[] } {
  const fail = (message: string) => new ResumeError([{ file: label, path: "", message }]);
  const bytes = readFileBounded(file, label, limits.bytes);
  if (bytes.subarray(0, 2).toString("latin1") !== "PK") throw fail("is not a ZIP archive");
  const names: string[] = [];
  let total = 0;
  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(bytes, {
      filter: (entry) => {
        names.push(entry.name);
        if (names.length > limits.entries) throw fail(`holds more than ${limits.entries} entries; this is not a data export`);
        if (!wanted(entry.name)) return false;
        if (entry.originalSize > limits.entryBytes) throw fail(`${entry.name} would unpack to ${mib(entry.originalSize)}; the limit for one file is ${mib(limits.entryBytes)}`);
        total += entry.originalSize;
        if (total > limits.totalBytes) throw fail(`would unpack to more than its limit, ${mib(limits.totalBytes)} in all`);
        return true;
      },
    });
  } catch (err) {
    if (err instanceof ResumeError) throw err;
    throw fail(`cannot be read as a ZIP archive (${(err as Error).message})`);
  }
  const files = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(unpacked)) {
    // The sizes the archive declares are checked above; what was unpacked is checked too.
    if (data.length > limits.entryBytes) throw fail(`${name} unpacks to more than ${mib(limits.entryBytes)}; the limit for one file is ${mib(limits.entryBytes)}`);
    files.set(name, data);
  }
  return { files, names };
}
