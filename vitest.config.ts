import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // No test asserts on how long something took (timings are scripts/bench.mjs's). A wait inside a
    // test is bounded by HANG_MS (tests/helpers.ts, 2 minutes) and fails as a hang; this bound is
    // only the last resort for a test that hangs where it does not wait, so it is longer still.
    // A test that loops over many cases sets its own bound, proportional to its work.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // vitest runs one file at a time on a 2-core machine (its default is one worker fewer than
    // cores); most test time is one core laying out PDFs, so a worker per core nearly halves it.
    maxWorkers: availableParallelism(),
  },
});
