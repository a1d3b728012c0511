/**
 * Tailored variants from one file: tags on entries and bullets, named variants, --variant and
 * --all-variants.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ResumeError } from "../../src/common/errors.js";
import { validate } from "../../src/input/validate.js";
import { listDir, readPdf, ROOT, run, source, tempDir } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const FILE = path.join(ROOT, "tests/fixtures/variants.yaml");
const text = async (file: string) => (await readPdf(readFileSync(file))).text;

describe("variants", () => {
  it("without --variant, prints everything", async () => {
    const dir = tempDir();
    expect((await run(["build", FILE, "-o", "all.pdf"], { cwd: dir, env: EPOCH })).code).toBe(0);
    const t = await text(path.join(dir, "all.pdf"));
    for (const s of [
      "Datastream",
      "Pixel Studio",
      "Open Source",
      "Tuned Postgres",
      "design-system guild",
      "Backend:",
      "Frontend:",
    ])
      expect(t).toContain(s);
  });

  it("--variant prints untagged content plus what it includes, in its order, under its file name", async () => {
    const dir = tempDir();
    const r = await run(["build", FILE, "--variant", "backend"], { cwd: dir, env: EPOCH });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(path.join("out", "Sam-Rivera-Backend.pdf"));
    const t = await text(path.join(dir, "out", "Sam-Rivera-Backend.pdf"));
    for (const s of [
      "Datastream",
      "Built the ingestion pipeline in Go",
      "Tuned Postgres",
      "Open Source",
      "Maintains a small HTTP router",
      "Backend: Go, Postgres",
      "SUMMARY",
    ])
      expect(t).toContain(s);
    for (const s of ["Pixel Studio", "design-system guild", "Frontend:"]) expect(t).not.toContain(s);
    expect(t.indexOf("SKILLS")).toBeLessThan(t.indexOf("EXPERIENCE"));
  });

  it("applies hide and the default file name <Name>-Resume-<variant>.pdf", async () => {
    const dir = tempDir();
    expect((await run(["build", FILE, "--variant", "frontend"], { cwd: dir, env: EPOCH })).code).toBe(0);
    const t = await text(path.join(dir, "out", "Sam-Rivera-Resume-frontend.pdf"));
    expect(t).not.toContain("SUMMARY");
    expect(t).toContain("Pixel Studio");
    expect(t).not.toContain("Datastream");
  });

  it("--all-variants builds every variant in one run, with a progress line each", async () => {
    const dir = tempDir();
    const r = await run(["build", FILE, "--all-variants", "-f", "pdf,txt"], { cwd: dir, env: EPOCH });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      [
        "[1/2] variant backend",
        `  (1/2) ${path.join("out", "Sam-Rivera-Backend.pdf")}`,
        `  (2/2) ${path.join("out", "Sam-Rivera-Backend.txt")}`,
        "[2/2] variant frontend",
        `  (1/2) ${path.join("out", "Sam-Rivera-Resume-frontend.pdf")}`,
        `  (2/2) ${path.join("out", "Sam-Rivera-Resume-frontend.txt")}`,
        "",
      ].join("\n"),
    );
    expect(listDir(path.join(dir, "out"))).toEqual([
      ".resume-builder-outputs",
      "Sam-Rivera-Backend.pdf",
      "Sam-Rivera-Backend.txt",
      "Sam-Rivera-Resume-frontend.pdf",
      "Sam-Rivera-Resume-frontend.txt",
    ]);
    const json = await run(["build", FILE, "--all-variants", "--json"], { cwd: dir, env: EPOCH });
    const parsed = JSON.parse(json.stdout) as { ok: boolean; variants: { variant: string; pages: number }[] };
    expect(parsed.ok).toBe(true);
    expect(parsed.variants.map((v) => [v.variant, v.pages])).toEqual([
      ["backend", 1],
      ["frontend", 1],
    ]);
  });

  it("takes --variant or --all-variants, not both (a usage error)", async () => {
    const r = await run(["build", FILE, "--variant", "backend", "--all-variants"], { env: EPOCH });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("give --variant or --all-variants, not both");
  });

  it("names an unknown variant, with a suggestion", async () => {
    const r = await run(["build", FILE, "--variant", "bakend"], { env: EPOCH });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--variant  no variant "bakend"; did you mean "backend"?');
  });

  it("refuses tags no content carries, and bad variant keys, located", () => {
    const doc = `${readFileSync(FILE, "utf8")}  data-only:\n    include: [dtaa]\n    exlude: [frontend]\n`;
    try {
      validate(source(doc));
      expect.unreachable();
    } catch (err) {
      const list = (err as ResumeError).diagnostics.map((d) => `${d.line}:${d.col} ${d.path} ${d.message}`);
      expect(list).toEqual([
        '47:15 variants.data-only.include[0] no entry or bullet has the tag "dtaa"; did you mean "data"?',
        '48:5 variants.data-only.exlude unknown key; did you mean "exclude"?',
      ]);
    }
  });

  it("exports tagged bullets as plain JSON Resume bullets", async () => {
    const dir = tempDir();
    expect((await run(["build", FILE, "-o", "x.pdf", "-f", "json"], { cwd: dir, env: EPOCH })).code).toBe(0);
    const doc = JSON.parse(readFileSync(path.join(dir, "x.json"), "utf8")) as {
      work: { highlights: unknown[]; tags?: unknown }[];
      variants?: unknown;
    };
    expect(doc.work[0]!.highlights).toEqual([
      "Built the ingestion pipeline in Go",
      "Tuned Postgres queries for a 4× speed-up",
      "Ran the internal design-system guild",
    ]);
    // The extensions stay under their own keys, which JSON Resume allows: tags, variants.
    const original = validate(source(readFileSync(FILE, "utf8")));
    expect(doc.work[0]!.tags).toEqual(original.work![0]!.tags);
    expect(doc.variants).toEqual(original.variants);
  });
});
