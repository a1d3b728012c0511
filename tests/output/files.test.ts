/**
 * Files and processes: what the output may replace, unwritable destinations, concurrent builds
 * and interruption.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { writeProblem } from "../../src/output/write.js";
import { HANG_MS, listDir, ROOT, run, tempDir, tool, writeFixture } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const BIN = path.join(ROOT, "dist/resume.mjs");
const LONG = path.join(ROOT, "tests/fixtures/long.yaml");

describe("what a build may overwrite", () => {
  it("replaces a PDF it wrote, and refuses the input, non-PDFs and other PDFs", async () => {
    const dir = tempDir();
    const input = writeFixture(dir, "r.yaml", "basics: {name: Ada Lovelace}\n");
    expect((await run(["build", "r.yaml", "-o", "mine.pdf"], { cwd: dir, env: EPOCH })).code).toBe(0);
    expect((await run(["build", "r.yaml", "-o", "mine.pdf"], { cwd: dir, env: { SOURCE_DATE_EPOCH: "1" } })).code).toBe(
      0,
    );

    const foreign = "%PDF-1.4\n% someone else's document\n";
    writeFixture(dir, "other.pdf", foreign);
    const other = await run(["build", "r.yaml", "-o", "other.pdf"], { cwd: dir, env: EPOCH });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain("other.pdf  is a PDF this tool did not write; refusing to overwrite it");
    expect(readFileSync(path.join(dir, "other.pdf"), "utf8")).toBe(foreign);

    writeFixture(dir, "notes.pdf", "plain text");
    expect((await run(["build", "r.yaml", "-o", "notes.pdf"], { cwd: dir, env: EPOCH })).stderr).toContain(
      "exists and is not a PDF",
    );
    expect((await run(["build", "r.yaml", "-o", "r.yaml"], { cwd: dir, env: EPOCH })).stderr).toContain(
      "is the input file",
    );
    expect((await run(["build", "r.yaml", "-o", "copy.txt"], { cwd: dir, env: EPOCH })).stderr).toContain(
      "must be a .pdf file",
    );
    expect(readFileSync(input, "utf8")).toBe("basics: {name: Ada Lovelace}\n");
  });

  it("creates missing parent folders", async () => {
    const dir = tempDir();
    writeFixture(dir, "r.yaml", "basics: {name: Ada Lovelace}\n");
    expect((await run(["build", "r.yaml", "-o", "a/b/c/r.pdf"], { cwd: dir, env: EPOCH })).code).toBe(0);
    expect(existsSync(path.join(dir, "a/b/c/r.pdf"))).toBe(true);
  });
});

describe("destinations that cannot be written", () => {
  it("says so plainly for a read-only location and a path through a file", async () => {
    const dir = tempDir();
    writeFixture(dir, "r.yaml", "basics: {name: Ada Lovelace}\n");
    writeFixture(dir, "afile", "x");
    const throughFile = await run(["build", "r.yaml", "-o", "afile/r.pdf"], { cwd: dir, env: EPOCH });
    expect(throughFile.code).toBe(1);
    expect(throughFile.stderr).toMatch(/afile\/r\.pdf {2}part of the path .*afile is a file, not a folder/);
    // /sys is read-only even for root.
    const readOnly = await run(["build", "r.yaml", "-o", "/sys/resume-test.pdf"], { cwd: dir, env: EPOCH });
    expect(readOnly.code).toBe(1);
    expect(readOnly.stderr).toMatch(
      /\/sys\/resume-test\.pdf {2}(permission denied: cannot write into \/sys|\/sys is on a read-only file system)/,
    );
    expect(readOnly.stderr).not.toMatch(/\n\s+at /);
  });

  it("words every kind of write error", () => {
    const e = (code: string) => Object.assign(new Error(code), { code });
    expect(writeProblem(e("ENOSPC"), "/data/out/r.pdf")).toBe("the disk holding /data/out is full");
    expect(writeProblem(e("EROFS"), "/data/out/r.pdf")).toBe("/data/out is on a read-only file system");
    expect(writeProblem(e("EACCES"), "/data/out/r.pdf")).toBe("permission denied: cannot write into /data/out");
    expect(writeProblem(e("EIO"), "/data/out/r.pdf")).toBe("cannot write the PDF (EIO)");
  });
});

describe("two builds writing one output at once", () => {
  it("leave one complete, valid PDF and no temporary file", async () => {
    const dir = tempDir();
    const out = path.join(dir, "same.pdf");
    const runOne = (epoch: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [BIN, "build", LONG, "-o", out], {
          env: { ...process.env, SOURCE_DATE_EPOCH: epoch },
        });
        child.on("exit", resolve);
      });
    const codes = await Promise.all([runOne("1767225600"), runOne("1767225601"), runOne("1767225602")]);
    expect(codes).toEqual([0, 0, 0]);
    expect(listDir(dir)).toEqual(["same.pdf"]);
    const check = tool("qpdf", ["--check", out]);
    expect(check.code).toBe(0);
    expect(tool("pdfinfo", [out]).stdout).toMatch(/Pages:\s+3/);
  });
});

describe("an interrupted build", () => {
  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)("leaves no temporary file and no partial PDF on %s", async (signal, code) => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "out"));
    const earlier = path.join(dir, "out", "r.pdf");
    await build(path.join(ROOT, "resume.yaml"), { output: earlier, env: EPOCH });
    const before = readFileSync(earlier);
    // Pause between writing the temporary file and renaming it, and interrupt in that pause.
    const child = spawn(process.execPath, [BIN, "build", LONG, "-o", earlier], {
      env: { ...process.env, ...EPOCH, RESUME_TEST_RENAME_DELAY_MS: "5000" },
    });
    const exit = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const deadline = Date.now() + HANG_MS;
    while (!readdirSync(path.join(dir, "out")).some((f) => f.endsWith(".tmp")) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(readdirSync(path.join(dir, "out")).some((f) => f.endsWith(".tmp"))).toBe(true);
    child.kill(signal);
    expect(await exit).toBe(code);
    expect(readdirSync(path.join(dir, "out"))).toEqual(["r.pdf"]);
    expect(readFileSync(earlier).equals(before)).toBe(true);
  });

  it("before writing, leaves the folder as it was", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "keep.txt"), "x");
    const r = spawnSync(process.execPath, [BIN, "build", LONG, "-o", path.join(dir, "r.pdf")], {
      env: { ...process.env, ...EPOCH },
      timeout: 150,
      killSignal: "SIGTERM",
    });
    expect([143, null]).toContain(r.status);
    expect(readdirSync(dir).filter((f) => f !== "r.pdf")).toEqual(["keep.txt"]);
  });
});
