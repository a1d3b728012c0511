/**
 * What the speed work must not break: validate stays light, and the shipped bundle writes the
 * same bytes as the library.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { ROOT, tempDir } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };

describe("resume validate", () => {
  it("never loads the PDF renderer, pdf.js or the image converter", () => {
    const dir = tempDir();
    const log = path.join(dir, "resolved.txt");
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        path.join(ROOT, "tests/support/resolve-log.mjs"),
        path.join(ROOT, "dist/cli/bin.js"),
        "validate",
        path.join(ROOT, "resume.yaml"),
      ],
      {
        env: { ...process.env, RESOLVE_LOG: log },
        encoding: "utf8",
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const resolved = readFileSync(log, "utf8");
    expect(resolved).toContain("/dist/input/validate.js"); // the log works
    expect(resolved).not.toMatch(/@react-pdf|pdfjs-dist|pdf-parse|\/sharp\//);
  });
});

describe("resume build", () => {
  it("reads the PDF back without loading pdf.js (the built-in reader is enough)", () => {
    const dir = tempDir();
    const log = path.join(dir, "resolved.txt");
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        path.join(ROOT, "tests/support/resolve-log.mjs"),
        path.join(ROOT, "dist/cli/bin.js"),
        "build",
        path.join(ROOT, "resume.yaml"),
        "-q",
        "-o",
        path.join(dir, "r.pdf"),
      ],
      { env: { ...process.env, ...EPOCH, RESOLVE_LOG: log }, encoding: "utf8" },
    );
    expect(r.status, r.stderr).toBe(0);
    const resolved = readFileSync(log, "utf8");
    expect(resolved).toContain("/dist/pdf/reader.js");
    expect(resolved).not.toMatch(/pdfjs-dist|pdf-parse/);
  });
});

describe("the bundled command (dist/resume.mjs)", () => {
  // The bundle patches work out of react-pdf's pagination (scripts/bundle.mjs): the output must
  // not change, on any theme, for one page or several.
  const fixtures = [
    "resume.yaml",
    "tests/fixtures/full.yaml",
    "tests/fixtures/long.yaml",
    "../shared/conformance/jsonresume/sample.resume.json",
  ];
  for (const theme of ["classic", "modern", "compact", "sidebar"] as const) {
    it(`writes the same bytes as the library build (${theme})`, async () => {
      const dir = tempDir();
      for (const fixture of fixtures) {
        const bundled = path.join(dir, "bundled.pdf");
        const input = path.join(ROOT, fixture);
        const r = spawnSync(
          process.execPath,
          [path.join(ROOT, "dist/resume.mjs"), "build", input, "--theme", theme, "-o", bundled, "-q"],
          {
            env: { ...process.env, ...EPOCH },
            encoding: "utf8",
          },
        );
        expect(r.status, r.stderr).toBe(0);
        const library = path.join(dir, "library.pdf");
        await build(input, { output: library, env: EPOCH, render: { theme } });
        expect(readFileSync(bundled).equals(readFileSync(library)), fixture).toBe(true);
      }
    });
  }
});
