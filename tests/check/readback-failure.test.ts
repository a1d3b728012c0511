/**
 * The build fails, naming the value, when the read-back check cannot find it: here the reader is
 * made to lose the label, as a font with a broken ToUnicode map would.
 */
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { ResumeError } from "../../src/common/errors.js";
import { tempDir, writeFixture } from "../helpers.js";

vi.mock("../../src/pdf/reader.js", async (original) => {
  const real = await original<typeof import("../../src/pdf/reader.js")>();
  return {
    ...real,
    readPdfPagesAndStructure: (bytes: Uint8Array) => {
      const read = real.readPdfPagesAndStructure(bytes);
      return {
        ...read,
        pages: read.pages.map((page) => ({
          ...page,
          lines: page.lines.filter((line) => !line.text.includes("Engineer")),
        })),
      };
    },
  };
});

describe("the built-in read-back check", () => {
  it("fails the build, naming the value, when text does not read back", async () => {
    const dir = tempDir();
    const input = writeFixture(dir, "r.yaml", "basics:\n  name: Jane Doe\n  label: Staff Engineer\n");
    const err = (await build(input, {
      output: path.join(dir, "r.pdf"),
      env: { SOURCE_DATE_EPOCH: "1767225600" },
    }).catch((e: unknown) => e)) as ResumeError;
    expect(err).toBeInstanceOf(ResumeError);
    expect(err.message).toMatch(/the text "Staff Engineer" in the header cannot be read back from the PDF/);
    const ok = await build(input, {
      output: path.join(dir, "r.pdf"),
      env: { SOURCE_DATE_EPOCH: "1767225600" },
      verify: false,
    });
    expect(ok.pages).toBe(1);
  });
});
