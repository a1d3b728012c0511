/**
 * buildMany: many résumés in one process, on a pool of worker threads or in this thread. Same
 * bytes as one build at a time, results in job order, a bad résumé reported in its place.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { ROOT, tempDir, writeFixture } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
// The library as the package ships it (dist/lib.mjs, the package's export), with its pool's
// worker, the bundled dist/batch-worker.mjs.
const { buildMany, ResumeError } = (await import(
  path.join(ROOT, "dist/lib.mjs")
)) as typeof import("../../src/pipeline/index.js");

describe("buildMany", () => {
  const dir = tempDir();
  const bad = writeFixture(dir, "bad.yaml", "basics:\n  name: Bad\nrender:\n  theme: nope\n");
  const inputs = [
    ["resume.yaml"],
    ["tests/fixtures/full.yaml"],
    ["tests/fixtures/variants.yaml", "backend"],
    [bad],
    ["tests/fixtures/long.yaml"],
    ["tests/fixtures/variants.yaml", "frontend"],
  ] as const;
  const jobs = (tag: string) =>
    inputs.map(([file, variant], i) => ({
      file: path.isAbsolute(file) ? file : path.join(ROOT, file),
      opts: { output: path.join(dir, `${tag}-${i}.pdf`), env: EPOCH, variant },
    }));

  for (const threads of [2, 0]) {
    it(`${threads ? `${threads} worker threads` : "in this thread"}: same bytes as single builds, in job order, errors in place`, async () => {
      const finished: number[] = [];
      const results = await buildMany(jobs(`t${threads}`), { threads, onResult: (_, i) => finished.push(i) });
      expect(finished.sort()).toEqual([0, 1, 2, 3, 4, 5]);
      expect(results).toHaveLength(6);
      const failure = results[3];
      expect(failure).toBeInstanceOf(ResumeError);
      expect((failure as InstanceType<typeof ResumeError>).diagnostics[0]).toMatchObject({
        file: bad,
        line: 4,
        path: "render.theme",
      });
      for (const [i, job] of jobs(`single${threads}`).entries()) {
        if (i === 3) continue;
        const result = results[i]!;
        expect(result).not.toBeInstanceOf(Error);
        if (result instanceof Error) continue;
        expect(result.output).toBe(path.join(dir, `t${threads}-${i}.pdf`));
        await build(job.file, job.opts);
        expect(readFileSync(result.output).equals(readFileSync(job.opts.output)), job.file).toBe(true);
      }
    });
  }
});
