/**
 * More outputs (PNG, Markdown, text, JSON Resume), and the command's quiet, JSON and colour modes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { validate } from "../../src/input/validate.js";
import { readPdf, ROOT, run, source, tempDir } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const FULL = path.join(ROOT, "tests/fixtures/full.yaml");
const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter((l) => l && !/^-- \d+ of \d+ --$/.test(l) && !/— \d+ \/ \d+$/.test(l));

describe("--format", () => {
  it("writes the PDF, one PNG per page, Markdown, text and JSON Resume side by side", async () => {
    const dir = tempDir();
    const r = await run(["build", FULL, "-o", "cv.pdf", "--format", "pdf,png,md,txt,json"], { cwd: dir, env: EPOCH });
    // A progress line per file, then the summary.
    expect(r.stderr).toBe(
      ["cv.pdf", "cv-1.png", "cv-2.png", "cv.md", "cv.txt", "cv.json"].map((f, i) => `  (${i + 1}/6) ${f}\n`).join(""),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^wrote cv\.pdf \(2 pages, [\d.]+ KB\) and cv-1\.png, cv-2\.png, cv\.md, cv\.txt, cv\.json in \d+ ms\n$/,
    );
    const png = PNG.sync.read(readFileSync(path.join(dir, "cv-1.png")));
    expect([png.width, png.height]).toEqual([1190, 1683]); // A4 at 144 dpi
  });

  it("keeps the PDF's order in text and Markdown", async () => {
    const dir = tempDir();
    expect((await run(["build", FULL, "-o", "cv.pdf", "-f", "pdf,md,txt"], { cwd: dir, env: EPOCH })).code).toBe(0);
    const pdf = lines((await readPdf(readFileSync(path.join(dir, "cv.pdf")))).text);
    const txt = lines(readFileSync(path.join(dir, "cv.txt"), "utf8"));
    const md = readFileSync(path.join(dir, "cv.md"), "utf8");
    const titles = (ls: string[]) => ls.filter((l) => /^[A-ZÆØÅ ’]{5,}$/.test(l));
    expect(titles(txt)).toEqual(titles(pdf));
    expect([...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.toUpperCase())).toEqual(titles(pdf));
    // Every bullet of the PDF, in the same order, in both.
    const bullets = pdf.filter((l) => l.startsWith("• "));
    expect(txt.filter((l) => l.startsWith("• "))).toEqual(bullets);
    expect(md.split("\n").filter((l) => l.startsWith("- ") && !l.startsWith("- **"))).toEqual(
      bullets.map((b) => `- ${b.slice(2)}`),
    );
    expect(txt[0]).toBe("Zoë Ångström-Ørsted");
    expect(md.split("\n")[0]).toBe("# Zoë Ångström-Ørsted");
  });

  it("exports a JSON Resume document that keeps the extensions under their own keys and validates again", async () => {
    const dir = tempDir();
    expect(
      (await run(["build", path.join(ROOT, "resume.yaml"), "-o", "cv.pdf", "-f", "json"], { cwd: dir, env: EPOCH }))
        .code,
    ).toBe(0);
    const text = readFileSync(path.join(dir, "cv.json"), "utf8");
    const doc = JSON.parse(text) as Record<string, unknown>;
    const original = validate(source(readFileSync(path.join(ROOT, "resume.yaml"), "utf8")));
    expect(doc.customSections).toEqual(original.customSections);
    expect(doc.render).toEqual(original.render);
    for (const [i, c] of (doc.certificates as { badge?: string }[]).entries())
      expect(c.badge).toBe(original.certificates![i]!.badge);
    const schema = JSON.parse(
      readFileSync(path.join(ROOT, "../shared/conformance/jsonresume/schema.json"), "utf8"),
    ) as { properties: object };
    const extensions = ["customSections", "render", "variants"];
    for (const key of Object.keys(doc)) expect([...Object.keys(schema.properties), ...extensions]).toContain(key);
    expect(() => validate(source(text, "cv.json"))).not.toThrow();
  });

  it("exports keys it does not print where they were, and says what JSON Resume cannot hold", async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, "r.yaml"),
      "basics: {name: A, x-github: a-dev}\nwork:\n  - company: Acme\n    technologies: [Go, Rust]\n    highlights:\n      - plain\n      - text: tagged\n        tags: [backend]\n",
    );
    const r = await run(["build", "r.yaml", "-o", "cv.pdf", "-f", "json"], { cwd: dir, env: EPOCH });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "note: r.yaml  -f json leaves out the tags of 1 tagged bullet (a JSON Resume bullet is text)",
    );
    const doc = JSON.parse(readFileSync(path.join(dir, "cv.json"), "utf8")) as { basics: object; work: object[] };
    expect(doc.basics).toMatchObject({ name: "A", "x-github": "a-dev" });
    expect(doc.work[0]).toEqual({ name: "Acme", technologies: ["Go", "Rust"], highlights: ["plain", "tagged"] });
  });

  it("rejects an unknown format as a usage error", async () => {
    const r = await run(["build", FULL, "-f", "pdf,odt"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("expected formats from: pdf, png, docx, md, txt, html, json (not odt)");
  });
});

describe("quiet, JSON and colour", () => {
  it("--quiet prints nothing on success, and still prints problems", async () => {
    const dir = tempDir();
    expect(await run(["build", FULL, "-o", "cv.pdf", "-q"], { cwd: dir, env: EPOCH })).toMatchObject({
      code: 0,
      stdout: "",
      stderr: "",
    });
    const bad = await run(["build", path.join(ROOT, "tests/fixtures/bad/25-typo-render.yaml"), "-q"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("render.theem");
  });

  it("--json prints a machine-readable result, for success and for problems", async () => {
    const dir = tempDir();
    const ok = await run(["build", FULL, "-o", "cv.pdf", "-f", "pdf,md", "--json"], { cwd: dir, env: EPOCH });
    expect(ok.code).toBe(0);
    const result = JSON.parse(ok.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ ok: true, pages: 2, fitted: null, warnings: [] });
    expect(result.outputs).toEqual([path.join(dir, "cv.pdf"), path.join(dir, "cv.md")]);
    expect(typeof result.ms).toBe("number");
    const bad = await run(["build", path.join(ROOT, "tests/fixtures/bad/25-typo-render.yaml"), "--json"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual({
      ok: false,
      problems: [
        {
          file: path.join(ROOT, "tests/fixtures/bad/25-typo-render.yaml"),
          line: 3,
          col: 3,
          path: "render.theem",
          message: 'unknown key; did you mean "theme"?',
        },
      ],
      warnings: [],
    });
  });

  it("validate --json prints the same shape as build --json", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "r.yaml"), "basics: {name: A, x-github: a-dev}\nskills:\n  - name: Go\n");
    const ok = await run(["validate", "r.yaml", "--json"], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({
      ok: true,
      file: "r.yaml",
      sections: ["skills"],
      warnings: [
        expect.objectContaining({
          line: 1,
          col: 19,
          severity: "warning",
          message: expect.stringContaining("1 key not printed"),
        }),
      ],
    });
    const bad = await run(["validate", path.join(ROOT, "tests/fixtures/bad/25-typo-render.yaml"), "--json"], {
      cwd: dir,
    });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, problems: [{ line: 3, col: 3, path: "render.theem" }] });
  });

  it("colours only when asked (a terminal without NO_COLOR)", async () => {
    const bad = path.join(ROOT, "tests/fixtures/bad/25-typo-render.yaml");
    expect((await run(["build", bad], { color: true })).stderr).toContain("\u001b[1m");
    expect((await run(["build", bad], { color: false })).stderr).not.toContain("\u001b[");
  });
});
