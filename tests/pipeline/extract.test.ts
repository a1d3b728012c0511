/**
 * The résumé inside its PDF (`resume extract`): every build embeds the document as printed — the
 * selected variant only, with the render settings used — as the PDF's source file; extracting
 * and rebuilding gives the same bytes; --no-embed, a PDF from elsewhere and a file that is not a
 * PDF each give a plain, located message and exit 1.
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { readEmbeddedFiles } from "../../src/pdf/reader.js";
import { build } from "../../src/pipeline/build.js";
import { extractResume } from "../../src/pipeline/extract.js";
import { ROOT, run, tempDir } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };

/** tests/fixtures/full.yaml where its badge's relative path still finds the badge. */
function fullFixture(): { dir: string; input: string } {
  const root = tempDir();
  const dir = path.join(root, "tests/fixtures");
  mkdirSync(dir, { recursive: true });
  mkdirSync(path.join(root, "assets"));
  copyFileSync(path.join(ROOT, "tests/fixtures/full.yaml"), path.join(dir, "full.yaml"));
  copyFileSync(
    path.join(ROOT, "assets/aws-certified-machine-learning-specialty.png"),
    path.join(root, "assets/aws-certified-machine-learning-specialty.png"),
  );
  return { dir, input: path.join(dir, "full.yaml") };
}

describe("the embedded résumé", () => {
  it("is the PDF's source file, and extract → build gives the same bytes", async () => {
    const { dir, input } = fullFixture();
    const first = path.join(dir, "a.pdf");
    await build(input, { output: first, env: EPOCH });
    const [file, ...more] = readEmbeddedFiles(readFileSync(first));
    expect(more).toEqual([]);
    expect(file).toMatchObject({ name: "resume.json", relationship: "Source" });
    const again = path.join(dir, "again.yaml");
    const code = await run(["extract", first, "-o", again], { cwd: dir });
    expect(code.code).toBe(0);
    const second = path.join(dir, "b.pdf");
    await build(again, { output: second, env: EPOCH });
    expect(Buffer.compare(readFileSync(first), readFileSync(second))).toBe(0);
    // --json gives the same document.
    expect(JSON.parse(extractResume(first, { format: "json" }))).toEqual(parse(readFileSync(again, "utf8")));
  });

  it("holds only the selected variant, with the render settings used, and no other variants", async () => {
    const dir = tempDir();
    const out = path.join(dir, "v.pdf");
    await build(path.join(ROOT, "tests/fixtures/variants.yaml"), {
      output: out,
      env: EPOCH,
      variant: "backend",
      render: { theme: "compact" },
    });
    const doc = JSON.parse(extractResume(out, { format: "json" })) as Record<string, unknown>;
    expect(doc).not.toHaveProperty("variants");
    expect(doc.render).toMatchObject({ theme: "compact", order: ["skills", "work"] });
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/"tags"/);
    // Rebuilt as it is, it is the variant's PDF, byte for byte.
    const again = path.join(dir, "again.json");
    expect((await run(["extract", out, "--json", "-o", again], { cwd: dir })).code).toBe(0);
    const rebuilt = path.join(dir, "w.pdf");
    await build(again, { output: rebuilt, env: EPOCH });
    expect(Buffer.compare(readFileSync(out), readFileSync(rebuilt))).toBe(0);
    // What the frontend variant alone prints is not there.
    const source = readFileSync(path.join(ROOT, "tests/fixtures/variants.yaml"), "utf8");
    const frontendOnly = /- text: (.*)\n\s+tags: \[frontend\]/.exec(source)?.[1];
    if (frontendOnly) expect(text).not.toContain(frontendOnly.replace(/^"|"$/g, ""));
  });

  it("is left out with --no-embed, and extract says so plainly", async () => {
    const dir = tempDir();
    const out = path.join(dir, "n.pdf");
    const r = await run(["build", path.join(ROOT, "resume.yaml"), "-o", out, "--no-embed", "-q"], {
      cwd: dir,
      env: EPOCH,
    });
    expect(r.code).toBe(0);
    expect(readEmbeddedFiles(readFileSync(out))).toEqual([]);
    const x = await run(["extract", out], { cwd: dir });
    expect(x.code).toBe(1);
    expect(x.stderr).toMatch(
      /n\.pdf {2}holds no résumé to extract: it was not built by this tool, or was built with --no-embed/,
    );
  });

  it("fails plainly on a PDF from another tool and on what is not a PDF", async () => {
    const other = await run(["extract", path.join(ROOT, "tests/fixtures/pdf/rendercv-classic.pdf")]);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/rendercv-classic\.pdf {2}holds no résumé to extract/);
    const notPdf = await run(["extract", path.join(ROOT, "resume.yaml")]);
    expect(notPdf.code).toBe(1);
    expect(notPdf.stderr).toMatch(/resume\.yaml {2}cannot be read as a PDF: not a PDF file/);
    expect(notPdf.stderr).not.toMatch(/\n\s+at /);
  });
});
