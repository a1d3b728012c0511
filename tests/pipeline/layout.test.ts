/**
 * A résumé is laid out once and drawn once (render/flow/): its atoms are measured, the pages are
 * planned from the measurements, and the plan is drawn. Counted here: one drawing and one
 * measuring pass per build, however long the document and however many of its entries split;
 * none more for the last-page advice; a rebuild measures only what changed and writes the same
 * bytes as a fresh build; and what is drawn is what was planned, to the point.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { readPdfPages } from "../../src/pdf/reader.js";
import { themeTokens } from "../../src/render/themes/index.js";
import { footerPattern } from "../../src/render/themes/reading.js";
import { normalizeSpace } from "../../src/check/verify.js";
import { ARRANGEMENTS, ROOT, tempDir, writeFixture } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };

/** The bundled command in a process of its own. */
function spawnCli(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "dist/resume.mjs"), ...args], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const REAL = path.join(ROOT, "tests/fixtures/real");

/** A long career, every bullet its own words: `jobs` jobs of three to nine bullets (`seed` tells careers apart). */
function career(jobs: number, seed = ""): string {
  const verbs = ["Led", "Built", "Cut", "Moved", "Shipped", "Designed", "Rewrote", "Scaled", "Automated"];
  const things = [
    "the billing platform",
    "the search index",
    "deploys",
    "the data pipeline",
    "on-call",
    "the mobile app",
    "the API gateway",
  ];
  return JSON.stringify({
    basics: { name: "Jane Long-Career", label: `Principal Engineer${seed}`, email: "jane@example.com" },
    work: Array.from({ length: jobs }, (_, i) => ({
      name: `Company ${i + 1}`,
      position: i % 2 ? "Staff Engineer" : "Engineering Manager",
      startDate: `${1990 + i}-0${1 + (i % 9)}`,
      endDate: `${1991 + i}-0${1 + ((i + 4) % 9)}`,
      summary:
        i % 3 === 0
          ? `At company ${i + 1}, ${"a team of engineers building and running the systems customers rely on every day. ".repeat(1 + (i % 4))}`
          : undefined,
      highlights: Array.from(
        { length: 3 + ((i * 5) % 7) },
        (_, j) =>
          `${verbs[(i + j) % verbs.length]} ${things[(i * 3 + j) % things.length]} for release ${i}.${j}${seed}, ${"saving the team hours every week and ".repeat(1 + ((i + j) % 3))}keeping it running`,
      ),
    })),
  });
}

/** Each page's lowest baseline but the footer's, from the top of its text area, as read back from the PDF. */
function readBackBottoms(pdf: Buffer, name: string, top: number): number[] {
  const footer = footerPattern(name);
  return readPdfPages(pdf).map((page) => {
    const ys = page.lines.filter((l) => !footer.test(normalizeSpace(l.text))).map((l) => l.y);
    return page.height - top - Math.min(...ys);
  });
}

describe("one drawing", () => {
  it("for a document of fifteen pages and more, with entries split between pages: one measuring pass, one drawing", async () => {
    const dir = tempDir();
    const input = writeFixture(dir, "long.json", career(60, " (long)"));
    const r = await build(input, { output: path.join(dir, "long.pdf"), env: EPOCH });
    expect(r.pages).toBeGreaterThanOrEqual(15);
    expect(r.work!.splits).toBeGreaterThan(0);
    expect(r.work!.draws).toBe(1);
    expect(r.work!.passes).toBe(1);
  });

  it("gives the last-page advice from the measurements it has: no drawing and no measuring more", async () => {
    const dir = tempDir();
    const r = await build(path.join(REAL, "11-tabs-numbers-in-languages.json"), {
      output: path.join(dir, "cv.pdf"),
      env: EPOCH,
    });
    expect(r.warnings.map((w) => w.message).join("\n")).toMatch(
      /the last page holds \d+ % of a page; --fit 1 would bring the résumé onto 1 page/,
    );
    expect(r.work!.draws).toBe(1);
    expect(r.work!.passes).toBe(1);
  });

  it("fits with --fit by planning, and draws once", async () => {
    const dir = tempDir();
    const r = await build(path.join(REAL, "11-tabs-numbers-in-languages.json"), {
      output: path.join(dir, "cv.pdf"),
      env: EPOCH,
      fit: 1,
    });
    expect(r.pages).toBe(1);
    expect(r.fitted).toBeDefined();
    expect(r.work!.draws).toBe(1);
  });

  it.each(ARRANGEMENTS)(
    "draws every line where the plan put it (%s): the page fills the build reports are the PDF's",
    async (theme) => {
      const dir = tempDir();
      for (const input of [
        writeFixture(dir, "long.json", career(12, " (plan)")),
        path.join(ROOT, "tests/fixtures/full.yaml"),
        path.join(REAL, "06-french-long-career.json"),
      ]) {
        const output = path.join(dir, "x.pdf");
        const r = await build(input, { output, env: EPOCH, render: { theme } });
        const pdf = readFileSync(output);
        const name = readPdfPages(pdf)[0]!.lines[0]!.text;
        const tokens = themeTokens({ theme, style: {} });
        const area = pdf.includes("/MediaBox [0 0 612 792]")
          ? 792 - tokens.margin.top - tokens.margin.bottom
          : 841.89 - tokens.margin.top - tokens.margin.bottom;
        const bottoms = readBackBottoms(pdf, name, tokens.margin.top);
        expect(bottoms).toHaveLength(r.pages);
        bottoms.forEach((b, i) =>
          expect(Math.abs(b - r.fills[i]! * area), `${path.basename(input)} page ${i + 1}`).toBeLessThan(0.5),
        );
      }
    },
  );
});

describe("rebuilds", () => {
  it("measure only the atom that changed, and write the bytes a fresh build writes", async () => {
    const dir = tempDir();
    const text = career(10, " (rebuild)");
    const input = writeFixture(dir, "cv.json", text);
    const first = await build(input, { output: path.join(dir, "a.pdf"), env: EPOCH });
    expect(first.work!.measured).toBeGreaterThan(50);
    // One word of one bullet.
    const edited = text.replace(
      "Led the billing platform for release 0.0 (rebuild)",
      "Led the billing platform for release zero.0 (rebuild)",
    );
    expect(edited).not.toBe(text);
    writeFixture(dir, "cv.json", edited);
    const again = await build(input, { output: path.join(dir, "b.pdf"), env: EPOCH });
    expect(again.work!.measured).toBe(1);
    expect(again.work!.reused).toBe(first.work!.measured + first.work!.reused - 1);
    expect(again.work!.draws).toBe(1);
    const fresh = spawnCli(["build", input, "-o", path.join(dir, "fresh.pdf")], dir, EPOCH);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(readFileSync(path.join(dir, "b.pdf")).equals(readFileSync(path.join(dir, "fresh.pdf")))).toBe(true);
  });
});
