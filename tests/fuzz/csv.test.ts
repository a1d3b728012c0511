/**
 * Fuzzing `resume import` with the CSV files of LinkedIn's export: each file of the fixture
 * export mutated byte by byte and with CSV's own structures (quotes, line breaks, byte-order
 * marks, huge fields, names every object has). Every case is read or refused plainly, within
 * the time and memory bounds, and what is written validates: no crash, no hang.
 *   FUZZ_CASES=5000 npx vitest run tests/fuzz/csv.test.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { caseCount, describeFailures, fuzz, report } from "./harness.js";
import { mutations } from "./mutate.js";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/import/linkedin");
// Each case: the file's name on its first line, then its content (see targets/csv-import.ts).
const seeds = readdirSync(FIXTURE)
  .filter((f) => f.endsWith(".csv"))
  .map((f) => ({ label: f, bytes: Buffer.concat([Buffer.from(`${f}\n`), readFileSync(path.join(FIXTURE, f))]) }));

const TOKENS = [
  '"',
  '""',
  '"\n"',
  "\n",
  "\r\n",
  "\r",
  ",",
  ",,,,",
  "\xef\xbb\xbf",
  "\xff\xfe",
  "\x00",
  `"${"x".repeat(70_000)}"`,
  "y".repeat(200_000),
  "\n".repeat(500),
  ",\n".repeat(3_000),
  "First Name,Last Name\n",
  "Company Name,Title\n",
  "Name\n",
  "constructor",
  "__proto__",
  "toString",
  "Mar 2021",
  "Feb 30, 2021",
  "99999",
  "https://",
  "javascript:alert(1)",
  "[PORTFOLIO:",
  "]",
  "\x1b]0;x\x07",
  "\xe2\x80\xae",
];

it("resume import reads or refuses every mutated CSV of the export: no crash, hang or runaway memory", async () => {
  const stats = await fuzz(
    path.join(import.meta.dirname, "targets/csv-import.ts"),
    mutations(seeds, caseCount(300), 20260513, TOKENS),
  );
  console.log(report("csv", stats));
  expect(describeFailures(stats)).toBe("");
  expect(stats.ok + stats.refused).toBe(stats.cases);
}, 3_600_000);
