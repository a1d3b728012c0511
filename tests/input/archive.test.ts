/**
 * A ZIP is not trusted: an entry whose headers lie about its size or its checksum, or that
 * unpacks to more than they declare, is refused as damaged, never read in part; what an
 * archive may unpack is bounded whatever its headers claim.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readZip } from "../../src/input/archive.js";
import { importRefusal, ROOT, tempDir } from "../helpers.js";

const dir = tempDir();
const LINKEDIN = path.join(ROOT, "tests/fixtures/import/linkedin");
let n = 0;

/** Where the headers of entry `name` are: its local header and its central-directory record. */
function headers(zip: Uint8Array, name: string): { local: number; central: number } {
  const b = Buffer.from(zip);
  const find = (sig: number, nameAt: number, lenAt: number) => {
    for (let i = 0; i + 4 <= b.length; i++) {
      if (
        b.readUInt32LE(i) === sig &&
        b.toString("latin1", i + nameAt, i + nameAt + b.readUInt16LE(i + lenAt)) === name
      )
        return i;
    }
    throw new Error(`no ${name}`);
  };
  return { local: find(0x04034b50, 30, 26), central: find(0x02014b50, 46, 28) };
}

/** The zip with entry `name`'s declared size (and/or CRC) changed in the headers chosen. */
function lie(
  zip: Uint8Array,
  name: string,
  change: { size?: number; crc?: number },
  where: ("local" | "central")[] = ["local", "central"],
): Buffer {
  const b = Buffer.from(zip);
  const h = headers(b, name);
  for (const w of where) {
    const at = h[w];
    const sizeAt = w === "local" ? at + 22 : at + 24;
    const crcAt = w === "local" ? at + 14 : at + 16;
    if (change.size !== undefined) b.writeUInt32LE(change.size, sizeAt);
    if (change.crc !== undefined) b.writeUInt32LE(change.crc, crcAt);
  }
  return b;
}

const exportFiles = (extra: Record<string, Uint8Array> = {}) => ({
  "Profile.csv": readFileSync(path.join(LINKEDIN, "Profile.csv")),
  ...extra,
});

const bigPositions = strToU8(
  "Company Name,Title,Description,Location,Started On,Finished On\n" +
    Array.from({ length: 60_000 }, (_, i) => `Company ${i},Engineer ${i},Built things,Lisbon,Mar 2021,\n`).join(""),
);

function save(bytes: Uint8Array): string {
  const file = path.join(dir, `lying-${++n}.zip`);
  writeFileSync(file, bytes);
  return file;
}

const refusal = (source: string) => importRefusal(source, path.join(dir, `out-${++n}.yaml`));

describe("a ZIP that lies is refused as damaged", () => {
  const zip = zipSync(exportFiles({ "Positions.csv": bigPositions }), { level: 6 });

  it("an entry whose headers declare 120 bytes but which holds 60,000 rows", async () => {
    const said = await refusal(save(lie(zip, "Positions.csv", { size: 120 })));
    expect(said).toMatch(/is damaged: Positions\.csv unpacks to more than the 120 bytes its headers declare/);
  });

  it("the same lie in one header only: the two headers disagree", async () => {
    expect(await refusal(save(lie(zip, "Positions.csv", { size: 120 }, ["central"])))).toMatch(
      /is damaged: Positions\.csv's two headers disagree on its size/,
    );
    expect(await refusal(save(lie(zip, "Positions.csv", { size: 120 }, ["local"])))).toMatch(
      /is damaged: Positions\.csv's two headers disagree on its size/,
    );
  });

  it("an entry that declares more than it holds, or a wrong checksum", async () => {
    const real = (await readZip(save(zip), "x.zip", () => true)).files.get("Positions.csv")!.length;
    expect(await refusal(save(lie(zip, "Positions.csv", { size: real + 10 })))).toMatch(
      new RegExp(`Positions\\.csv unpacks to ${real} bytes, not the ${real + 10} its headers declare`),
    );
    expect(await refusal(save(lie(zip, "Positions.csv", { crc: 0x12345678 })))).toMatch(
      /is damaged: Positions\.csv does not match its checksum \(CRC-32\)/,
    );
  });

  it("a stored (uncompressed) entry with a changed byte fails its checksum", async () => {
    const stored = Buffer.from(zipSync(exportFiles({ "Skills.csv": strToU8("Name\nGo\nRust\n") }), { level: 0 }));
    const at = stored.indexOf("Rust");
    stored[at] = "D".charCodeAt(0);
    expect(await refusal(save(stored))).toMatch(/Skills\.csv does not match its checksum/);
  });

  it("a bomb is bounded by the limit, whatever its headers say", async () => {
    const bomb = zipSync({ "Profile.csv": new Uint8Array(50 * 1024 * 1024) }, { level: 9 });
    const limits = { bytes: 1e8, entries: 10, entryBytes: 1024 * 1024, totalBytes: 1e8 };
    // Declared honestly: refused before anything is unpacked.
    await expect(readZip(save(bomb), "bomb.zip", () => true, limits)).rejects.toThrow(
      /Profile\.csv would unpack to 50 MiB; the limit for one file is 1 MiB/,
    );
    // Declared small: unpacking stops at the declared size.
    const before = process.memoryUsage().rss;
    await expect(
      readZip(save(lie(bomb, "Profile.csv", { size: 1000 })), "bomb.zip", () => true, limits),
    ).rejects.toThrow(/Profile\.csv unpacks to more than the 1000 bytes its headers declare/);
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
  });

  it("an honest archive still reads, and the entries it does not need are only listed", async () => {
    const r = await readZip(
      save(zipSync(exportFiles({ "Connections.csv": strToU8("a\n") }))),
      "ok.zip",
      (name) => name === "Profile.csv",
    );
    expect([...r.files.keys()]).toEqual(["Profile.csv"]);
    expect(r.names).toEqual(["Profile.csv", "Connections.csv"]);
  });
});
