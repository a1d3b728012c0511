/**
 * The tool replaces only files it wrote, for every output and every command; it never writes
 * through a symbolic link; its temporary files fit any output name and do not outlive a killed
 * process.
 */
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RECORD_FILE, sweepTempFiles } from "../../src/output/write.js";
import { run, tempDir, writeFixture } from "../helpers.js";

const env = { SOURCE_DATE_EPOCH: "1767225600" };
const RESUME =
  "basics: {name: Ada Lovelace, email: ada@example.com}\nwork:\n  - {name: Analytical Engines, position: Engineer, startDate: 2020-01, highlights: [Wrote the first program]}\n";

describe("an output replaces only a file this tool wrote", () => {
  it.each([
    ["README.pdf", "md", "README.md"],
    ["notes.pdf", "txt", "notes.txt"],
    ["package.pdf", "json", "package.json"],
  ])("-o %s -f %s leaves a foreign %s alone", async (out, format, victim) => {
    const dir = tempDir();
    writeFixture(dir, "r.yaml", RESUME);
    const theirs = `someone else's ${victim}\n`;
    writeFixture(dir, victim, theirs);
    for (const formats of [format, `pdf,${format}`]) {
      const r = await run(["build", "r.yaml", "-o", out, "-f", formats], { cwd: dir, env });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        `${victim}  exists and this tool did not write it; refusing to replace it (remove it or choose another -o path)`,
      );
      expect(readFileSync(path.join(dir, victim), "utf8")).toBe(theirs);
      // Refused before anything was written: not even the PDF.
      expect(existsSync(path.join(dir, out))).toBe(false);
    }
  });

  it("rebuilds its own Markdown, text and JSON after the résumé changed, and keeps them once edited by hand", async () => {
    const dir = tempDir();
    writeFixture(dir, "r.yaml", RESUME);
    const first = await run(["build", "r.yaml", "-o", "cv.pdf", "-f", "md,txt,json"], { cwd: dir, env });
    expect(first.code, first.stderr).toBe(0);
    writeFixture(dir, "r.yaml", RESUME.replace("Ada Lovelace", "Ada King"));
    const second = await run(["build", "r.yaml", "-o", "cv.pdf", "-f", "md,txt,json"], { cwd: dir, env });
    expect(second.code, second.stderr).toBe(0);
    for (const ext of ["md", "txt", "json"])
      expect(readFileSync(path.join(dir, `cv.${ext}`), "utf8")).toContain("Ada King");
    expect(readFileSync(path.join(dir, RECORD_FILE), "utf8")).toContain('"cv.md"');

    const edited = `${readFileSync(path.join(dir, "cv.md"), "utf8")}\nMy own note.\n`;
    writeFixture(dir, "cv.md", edited);
    const third = await run(["build", "r.yaml", "-o", "cv.pdf", "-f", "md"], { cwd: dir, env });
    expect(third.code).toBe(1);
    expect(third.stderr).toContain(
      "cv.md  was written by this tool but has been changed since; refusing to replace it",
    );
    expect(readFileSync(path.join(dir, "cv.md"), "utf8")).toBe(edited);
  });

  it("accepts a file that already holds exactly what would be written", async () => {
    const dir = tempDir();
    writeFixture(dir, "r.yaml", RESUME);
    expect((await run(["build", "r.yaml", "-o", "cv.pdf", "-f", "txt"], { cwd: dir, env })).code).toBe(0);
    mkdirSync(path.join(dir, "copy"));
    writeFixture(path.join(dir, "copy"), "cv.txt", readFileSync(path.join(dir, "cv.txt")));
    const r = await run(["build", "r.yaml", "-o", "copy/cv.pdf", "-f", "txt"], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);
  });

  it("refuses an output named like the input", async () => {
    const dir = tempDir();
    const input = writeFixture(dir, "cv.json", JSON.stringify({ basics: { name: "Ada Lovelace" } }));
    const r = await run(["build", "cv.json", "-f", "json", "-o", "cv.pdf"], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("cv.json  is the input file");
    expect(readFileSync(input, "utf8")).toBe(JSON.stringify({ basics: { name: "Ada Lovelace" } }));
  });

  it("never replaces or writes through a symbolic link at an output path", async () => {
    const dir = tempDir();
    writeFixture(dir, "r.yaml", RESUME);
    writeFixture(dir, "target.md", "kept\n");
    symlinkSync("target.md", path.join(dir, "cv.md"));
    symlinkSync("nowhere.pdf", path.join(dir, "dangling.pdf"));
    const md = await run(["build", "r.yaml", "-o", "cv.pdf", "-f", "md"], { cwd: dir, env });
    expect(md.stderr).toContain("cv.md  is a symbolic link; refusing to replace it");
    expect(readFileSync(path.join(dir, "target.md"), "utf8")).toBe("kept\n");
    const pdf = await run(["build", "r.yaml", "-o", "dangling.pdf"], { cwd: dir, env });
    expect(pdf.stderr).toContain("dangling.pdf  is a symbolic link; refusing to replace it");
    expect(existsSync(path.join(dir, "nowhere.pdf"))).toBe(false);
    expect(readlinkSync(path.join(dir, "dangling.pdf"))).toBe("nowhere.pdf");
  });

  it("extract, init and import create their file only where nothing is, not through a dangling link", async () => {
    const dir = tempDir();
    writeFixture(dir, "r.yaml", RESUME);
    expect((await run(["build", "r.yaml", "-o", "cv.pdf"], { cwd: dir, env })).code).toBe(0);
    symlinkSync(path.join(dir, "planted.yaml"), path.join(dir, "out.yaml"));
    const extract = await run(["extract", "cv.pdf", "-o", "out.yaml"], { cwd: dir, env });
    expect(extract.code).toBe(1);
    expect(extract.stderr).toContain("out.yaml  exists; refusing to overwrite it");
    expect(existsSync(path.join(dir, "planted.yaml"))).toBe(false);
    expect(lstatSync(path.join(dir, "out.yaml")).isSymbolicLink()).toBe(true);
    const ok = await run(["extract", "cv.pdf", "-o", "fresh.yaml"], { cwd: dir, env });
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(path.join(dir, "fresh.yaml"), "utf8")).toContain("Ada Lovelace");

    mkdirSync(path.join(dir, "new"));
    symlinkSync(path.join(dir, "planted-init.yaml"), path.join(dir, "new", "resume.yaml"));
    const init = await run(["init", "new"], { cwd: dir, env });
    expect(init.code).toBe(1);
    expect(existsSync(path.join(dir, "planted-init.yaml"))).toBe(false);

    symlinkSync(path.join(dir, "planted-import.yaml"), path.join(dir, "imported.yaml"));
    const imp = await run(["import", "fresh.yaml", "-o", "imported.yaml"], { cwd: dir, env });
    expect(imp.code).toBe(1);
    expect(imp.stderr).toContain("imported.yaml  exists; refusing to overwrite it");
    expect(existsSync(path.join(dir, "planted-import.yaml"))).toBe(false);
  });
});

describe("temporary files", () => {
  it("fit beside an output whose name is as long as the file system allows", async () => {
    const dir = tempDir();
    writeFixture(dir, "r.yaml", RESUME);
    const out = `${"a".repeat(251)}.pdf`; // 255 bytes, the limit of a name
    const r = await run(["build", "r.yaml", "-o", out, "-f", "pdf"], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);
    const md = await run(["build", "r.yaml", "-o", `${"b".repeat(235)}.pdf`, "-f", "md"], { cwd: dir, env });
    expect(md.code, md.stderr).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("left by a killed process are removed by the next write into their folder", async () => {
    const dir = tempDir();
    writeFixture(dir, "r.yaml", RESUME);
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!; // a process id no longer in use
    const stale = `.resume-${gone}-0123abcd.tmp`;
    const live = `.resume-${process.ppid}-0123abcd.tmp`; // a running process's write in progress
    const foreign = `.notes.${gone}.tmp`;
    for (const f of [stale, live, foreign]) writeFixture(dir, f, "partial");
    const r = await run(["build", "r.yaml", "-o", "cv.pdf", "-f", "txt"], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);
    const left = readdirSync(dir);
    expect(left).not.toContain(stale);
    expect(left).toContain(live);
    expect(left).toContain(foreign);
    // One left long ago is removed even if its process id is in use again.
    const later = Date.now() + 60 * 60 * 1000;
    const other = tempDir();
    writeFixture(other, live, "partial");
    sweepTempFiles(other, later);
    expect(readdirSync(other)).toEqual([]);
  });
});
