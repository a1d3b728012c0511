/**
 * The library is safe inside another program: what a build replaces for a while (console.warn
 * while react-pdf draws a cover letter, Math.random while docx numbers a Word file) is the
 * program's own again after build() returns, and Math.random is random again.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/index.js";
import { tempDir, writeFixture } from "../helpers.js";

const RESUME = `basics:
  name: Jane Doe
  label: Backend engineer
  email: jane@example.com
  url: https://jane.dev
work:
  - name: Acme
    position: Engineer
    startDate: 2020-01
    highlights:
      - Built the billing service
letters:
  - id: acme
    to:
      organization: Acme Corp
    body: I am writing to apply for the role advertised on [your site](https://acme.example/jobs).
`;

describe("the globals a build replaces", () => {
  it(
    "are the originals after a résumé and a cover letter are built, as PDF and Word",
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      const file = writeFixture(dir, "resume.yaml", RESUME);
      const warn = console.warn;
      const random = Math.random;
      const env = { SOURCE_DATE_EPOCH: "1767225600" };

      await build(file, { output: path.join(dir, "r.pdf"), formats: ["pdf", "docx"], env });
      await build(file, { letter: "acme", output: path.join(dir, "l.pdf"), formats: ["pdf", "docx"], env });
      for (const f of ["r.pdf", "r.docx", "l.pdf", "l.docx"]) expect(existsSync(path.join(dir, f)), f).toBe(true);

      expect(console.warn).toBe(warn);
      expect(Math.random).toBe(random);
      // Not a seeded generator left behind: twenty draws are not all the same, nor the same twice.
      const draws = () => Array.from({ length: 20 }, () => Math.random());
      const a = draws();
      expect(new Set(a).size).toBeGreaterThan(1);
      expect(draws()).not.toEqual(a);
    },
  );
});
