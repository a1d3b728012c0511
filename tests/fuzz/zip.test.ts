/**
 * Fuzzing `resume import` with ZIP archives: LinkedIn's export (deflated, stored, in a folder of
 * its own) mutated byte by byte and with ZIP's own structures (signatures, sizes, ZIP64 marks).
 * Every case is read or refused plainly, within the time and memory bounds: no crash, no hang.
 *   FUZZ_CASES=5000 npx vitest run tests/fuzz/zip.test.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { expect, it } from "vitest";
import { caseCount, describeFailures, fuzz, report } from "./harness.js";
import { mutations } from "./mutate.js";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/import/linkedin");
const files = Object.fromEntries(
  readdirSync(FIXTURE).map((f) => [f, new Uint8Array(readFileSync(path.join(FIXTURE, f)))]),
);
const only = (names: string[]) => Object.fromEntries(names.map((n) => [n, files[n]!]));

const seeds = [
  { label: "deflated", bytes: zipSync(files, { level: 6, mtime: new Date("2026-01-01T00:00:00Z") }) },
  { label: "stored", bytes: zipSync(files, { level: 0, mtime: new Date("2026-01-01T00:00:00Z") }) },
  {
    label: "nested",
    bytes: zipSync(Object.fromEntries(Object.entries(files).map(([f, b]) => [`Basic_LinkedInDataExport/${f}`, b])), {
      level: 6,
      mtime: new Date("2026-01-01T00:00:00Z"),
    }),
  },
  {
    label: "small",
    bytes: zipSync(only(["Profile.csv", "Positions.csv", "Skills.csv"]), {
      level: 9,
      mtime: new Date("2026-01-01T00:00:00Z"),
    }),
  },
  {
    label: "profile only, stored",
    bytes: zipSync(only(["Profile.csv"]), { level: 0, mtime: new Date("2026-01-01T00:00:00Z") }),
  },
];

const TOKENS = [
  "PK\x03\x04",
  "PK\x01\x02",
  "PK\x05\x06",
  "PK\x06\x06",
  "PK\x06\x07",
  "PK\x07\x08",
  "\xff\xff\xff\xff",
  "\xff\xff",
  "\x00\x00\x00\x00",
  "\x00\x00\x00\x40",
  "\xff\xff\xff\x7f",
  "\x01\x00\x10\x00",
  "\x08\x00",
  "\x00\x00",
  "\x09\x00",
  "\x0e\x00",
  "\x01\x00",
  "\x08\x08",
  "Profile.csv",
  "../../etc/passwd",
  "\x1b[2J",
];

it("resume import reads or refuses every mutated ZIP: no crash, hang or runaway memory", async () => {
  const stats = await fuzz(
    path.join(import.meta.dirname, "targets/zip-import.ts"),
    mutations(seeds, caseCount(300), 20260512, TOKENS),
  );
  console.log(report("zip", stats));
  expect(describeFailures(stats)).toBe("");
  expect(stats.ok + stats.refused).toBe(stats.cases);
}, 3_600_000);
