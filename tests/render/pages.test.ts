/**
 * Pagination, page limits and fitting, checked on the text of each page.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { ResumeError } from "../../src/common/errors.js";
import { readPdf, ROOT, run, tempDir, writeFixture } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const LONG = path.join(ROOT, "tests/fixtures/long.yaml");
const TITLES = ["SUMMARY", "EXPERIENCE", "SKILLS", "EDUCATION", "PRINCIPLES"];

const pageLines = (page: string) =>
  page
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter((l) => l && !/— \d+ \/ \d+$/.test(l) && !/^-- \d+ of \d+ --$/.test(l));

describe("pagination of twelve long entries", () => {
  const dir = tempDir();
  let pages: string[][];

  beforeAll(async () => {
    const output = path.join(dir, "long.pdf");
    const result = await build(LONG, { output, env: EPOCH });
    expect(result.pages).toBe(3);
    pages = (await readPdf(readFileSync(output))).pages.map(pageLines);
  });

  it("never ends a page with a section title", () => {
    for (const page of pages) expect(TITLES).not.toContain(page.at(-1));
  });

  it("keeps every entry whole where that leaves its page full enough: each page after the first starts with an entry's title", () => {
    for (const page of pages.slice(1)) expect(page[0]).toMatch(/^Company [A-L] International /);
  });

  it("never starts a page with a lone bullet of an entry begun on the page before", () => {
    for (const page of pages.slice(1)) expect(page[0]!.startsWith("•")).toBe(false);
  });
});

describe("a list longer than a page", () => {
  it("splits between bullets and carries at least two onto the next page", async () => {
    const dir = tempDir();
    // 55 bullets overflow one page by exactly one line's worth: widow control must move two.
    for (const n of [50, 53, 55, 58]) {
      const bullets = Array.from({ length: n }, (_, i) => `      - Point ${i} about the office workflow`).join("\n");
      const input = writeFixture(
        dir,
        `list${n}.yaml`,
        `basics: {name: Lists}\ncustomSections:\n  - title: Notes\n    highlights:\n${bullets}\n`,
      );
      const output = path.join(dir, `list${n}.pdf`);
      const result = await build(input, { output, env: EPOCH });
      const pages = (await readPdf(readFileSync(output))).pages.map(pageLines);
      if (result.pages > 1) expect(pages[1]!.filter((l) => l.startsWith("•")).length).toBeGreaterThanOrEqual(2);
      expect(pages.flat().filter((l) => l.startsWith("• Point")).length).toBe(n);
    }
  });
});

describe("--max-pages", () => {
  it("fails with the pages needed and the section that runs over, and writes nothing", async () => {
    const dir = tempDir();
    const output = path.join(dir, "long.pdf");
    const err = (await build(LONG, { output, env: EPOCH, maxPages: 2 }).catch((e: unknown) => e)) as ResumeError;
    expect(err).toBeInstanceOf(ResumeError);
    expect(err.diagnostics[0]!.message).toBe(
      'the résumé needs 3 pages; the limit is 2. "Experience" runs onto page 3. Shorten it, or let --fit 2 tighten the layout',
    );
    expect(existsSync(output)).toBe(false);
  });

  it("names a section that starts the overflowing page", async () => {
    const dir = tempDir();
    const input = writeFixture(dir, "r.yaml", `${readFileSync(LONG, "utf8")}render:\n  maxPages: 1\n`);
    const r = await run(["build", "r.yaml", "-o", "r.pdf"], { cwd: dir, env: EPOCH });
    expect(r.code).toBe(1);
    // The option came from the file, so the message points at it.
    expect(r.stderr).toMatch(
      /^r\.yaml:\d+:13 {2}render\.maxPages {2}the résumé needs 3 pages; the limit is 1\. "Experience" runs onto page 2/,
    );
    expect(existsSync(path.join(dir, "r.pdf"))).toBe(false);
    expect(input).toBeTruthy();
  });

  it("passes when the résumé fits", async () => {
    const dir = tempDir();
    const r = await run(["build", path.join(ROOT, "resume.yaml"), "--max-pages", "1", "-o", "r.pdf"], {
      cwd: dir,
      env: EPOCH,
    });
    expect(r.code).toBe(0);
  });
});

describe("--fit", () => {
  it("tightens the layout until the résumé fits and says what it changed", async () => {
    const dir = tempDir();
    const r = await run(["build", LONG, "--fit", "2", "-o", "fit.pdf"], { cwd: dir, env: EPOCH });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^fitted to 2 pages: spacing −\d+%/);
    expect(r.stdout).toContain("(2 pages,");
    const pdf = await readPdf(readFileSync(path.join(dir, "fit.pdf")));
    expect(pdf.pages).toHaveLength(2);
  });

  it("changes nothing when the résumé already fits", async () => {
    const dir = tempDir();
    const r = await run(["build", path.join(ROOT, "resume.yaml"), "--fit", "1", "-o", "r.pdf"], {
      cwd: dir,
      env: EPOCH,
    });
    expect(r.stdout).not.toContain("fitted");
    expect(r.code).toBe(0);
  });

  it("fails clearly when even the legible floors do not fit", async () => {
    const dir = tempDir();
    const r = await run(["build", LONG, "--fit", "1", "-o", "fit.pdf"], { cwd: dir, env: EPOCH });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("even at the tightest legible layout (body 9 pt, leading 1.15, margins 12 mm)");
    expect(existsSync(path.join(dir, "fit.pdf"))).toBe(false);
  });
});
