/**
 * The PDF reader against hostile and damaged files, one hand-made PDF per kind of attack
 * (pdf-attack-cases.ts): each runs in a child process under a time and memory bound
 * (tests/fuzz/harness.ts), as `resume ats` or `resume extract` would read it, and must end read
 * or refused in plain words. Files that viewers open (a wrong or negative /Length, a damaged
 * unused object, the other stream filters, owner-password-only encryption) must be read, and
 * read right.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fuzz, type FuzzCase, type FuzzResult } from "../fuzz/harness.js";
import { ATTACKS } from "./attack-cases.js";
import { ROOT } from "../helpers.js";

const TARGETS = path.join(ROOT, "tests/fuzz/targets");
describe("hostile and damaged PDFs end read or refused, within a bound", () => {
  const results = new Map<string, FuzzResult>();
  beforeAll(async () => {
    for (const target of ["pdf-ats", "pdf-extract", "pdf-job"] as const) {
      const cases: FuzzCase[] = [];
      for (const a of ATTACKS.filter((x) => x.target === target))
        cases.push({ label: a.label, bytes: await a.bytes() });
      const stats = await fuzz(path.join(TARGETS, `${target}.ts`), cases);
      for (const r of stats.results) results.set(r.label, r);
    }
  }, 600_000);

  it.each(ATTACKS.map((a) => [a.label, a] as const))("%s", (label, a) => {
    const r = results.get(label)!;
    expect(r, label).toBeDefined();
    const got = `${r.outcome}: ${r.message.slice(0, 300)}`;
    if (a.expect === "either") expect(["ok", "refused"], got).toContain(r.outcome);
    else if ("read" in a.expect) {
      expect(r.outcome, got).toBe("ok");
      if (a.expect.read !== true) expect(r.message.includes(a.expect.read), got).toBe(true);
    } else {
      expect(r.outcome, got).toBe("refused");
      expect(r.message.includes(a.expect.refused), got).toBe(true);
    }
  });
});
