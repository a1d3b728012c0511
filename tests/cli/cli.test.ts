import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { VERSION } from "../../src/common/version.js";
import { CONFORMANCE, listDir, ROOT, run, tempDir, writeFixture } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const BIN = path.join(ROOT, "dist/resume.mjs");

function spawnCli(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("resume build", () => {
  it("writes the PDF and says where, how many pages and how long it took", async () => {
    const dir = tempDir();
    const r = await run(["build", "resume.yaml", "-o", path.join(dir, "r.pdf")], { cwd: ROOT, env: EPOCH });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/^wrote .*r\.pdf \(1 page, \d+\.\d KB\) in \d+ ms\n$/);
    expect(readFileSync(path.join(dir, "r.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("defaults to ./resume.yaml and out/<Name>-Resume.pdf", async () => {
    const dir = tempDir();
    const input = writeFixture(dir, "resume.yaml", "basics:\n  name: Ada Lovelace\n");
    expect(existsSync(input)).toBe(true);
    const r = await run(["build"], { cwd: dir, env: EPOCH });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${path.join("out", "Ada-Lovelace-Resume.pdf")} (1 page`);
    expect(listDir(path.join(dir, "out"))).toEqual(["Ada-Lovelace-Resume.pdf"]);
  });

  it("lists every problem with file:line:col, exits 1 and writes nothing (--strict: what a build would assume is a problem)", async () => {
    const dir = tempDir();
    writeFixture(
      dir,
      "bad.yaml",
      "basics:\n  name: Jane\n  emial: jane@example.com\nwork:\n  - startDate: 2021-02-30\n",
    );
    const r = await run(["build", "bad.yaml", "--strict"], { cwd: dir, env: EPOCH });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      [
        'bad.yaml:3:3  basics.emial  unknown key; did you mean "email"?',
        'bad.yaml:5:16  work[0].startDate  "2021-02-30" is not a real day: 2021-02 has 28 days; read as 2021-02 (the month, without the day) (refused under --strict)',
        "",
        "2 problems found; nothing was written.",
        "",
      ].join("\n"),
    );
    expect(listDir(dir)).toEqual(["bad.yaml"]);
  });

  it("says when the file does not exist", async () => {
    const r = await run(["build", "nope.yaml"], { cwd: tempDir() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^nope\.yaml {2}file not found\n/);
  });

  it("writes into a folder given as -o, and never over something that is not a PDF", async () => {
    const dir = tempDir();
    writeFixture(dir, "r.yaml", "basics: {name: Ada Lovelace}\n");
    writeFixture(dir, "notes.pdf", "my notes, not a PDF");
    expect((await run(["build", "r.yaml", "-o", "pdfs/"], { cwd: dir, env: EPOCH })).code).toBe(0);
    expect(listDir(path.join(dir, "pdfs"))).toEqual(["Ada-Lovelace-Resume.pdf"]);
    const over = await run(["build", "r.yaml", "-o", "notes.pdf"], { cwd: dir, env: EPOCH });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("notes.pdf  exists and is not a PDF; refusing to overwrite it");
    expect(readFileSync(path.join(dir, "notes.pdf"), "utf8")).toBe("my notes, not a PDF");
    const yaml = await run(["build", "r.yaml", "-o", "copy.yaml"], { cwd: dir, env: EPOCH });
    expect(yaml.stderr).toContain("the output must be a .pdf file");
  });

  it("applies --paper and --theme over the file's render options", async () => {
    const dir = tempDir();
    writeFixture(dir, "r.yaml", "basics: {name: A}\nrender: {paper: a4}\n");
    expect(
      (
        await run(["build", "r.yaml", "--paper", "letter", "--theme", "classic", "-o", "x.pdf"], {
          cwd: dir,
          env: EPOCH,
        })
      ).code,
    ).toBe(0);
    expect(readFileSync(path.join(dir, "x.pdf"), "latin1")).toContain("/MediaBox [0 0 612 792]");
  });
});

describe("usage", () => {
  it.each([
    [["build", "--paper", "a5"], /argument 'a5' is invalid/],
    [["build", "--theme", "not a theme!"], /Allowed choices are classic/],
    [["build", "--bogus"], /unknown option '--bogus'/],
    [["frobnicate"], /unknown command 'frobnicate'/],
    [[], /Usage: resume/],
  ])("%j is a usage error (exit 2)", async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("prints --version and --help and exits 0", async () => {
    expect(await run(["--version"])).toMatchObject({ code: 0, stdout: `resume-builder ${VERSION}\n` });
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    for (const cmd of ["build", "validate", "schema", "init", "themes", "theme"]) expect(help.stdout).toContain(cmd);
    const buildHelp = await run(["build", "--help"]);
    for (const flag of ["--output", "--theme", "--paper"]) expect(buildHelp.stdout).toContain(flag);
  });
});

describe("resume validate", () => {
  it("checks without writing anything", async () => {
    const dir = tempDir();
    writeFixture(dir, "resume.yaml", "basics:\n  name: A\n");
    expect(await run(["validate"], { cwd: dir })).toMatchObject({
      code: 0,
      stdout: "resume.yaml is valid (0 sections)\n",
    });
    expect(listDir(dir)).toEqual(["resume.yaml"]);
  });

  it("reports glyph and badge problems too", async () => {
    const dir = tempDir();
    writeFixture(dir, "resume.yaml", "basics:\n  name: 李雷\ncertificates:\n  - badge: gone.png\n");
    const r = await run(["validate"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/resume\.yaml:4:12 {2}certificates\[0\]\.badge {2}image not found/);
  });
});

describe("resume schema", () => {
  it("prints the JSON Schema", async () => {
    const r = await run(["schema"]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toContain("customSections");
  });
});

describe("resume init", () => {
  it("writes a starter that builds as is, and never overwrites", async () => {
    const dir = tempDir();
    const init = await run(["init", "cv"], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(path.join("cv", "resume.yaml"));
    expect(listDir(path.join(dir, "cv"))).toEqual(["resume.schema.json", "resume.yaml"]);
    const r = await run(["build", "cv/resume.yaml", "-o", "cv.pdf"], { cwd: dir, env: EPOCH });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const again = await run(["init", "cv"], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
  });
});

describe("the installed command (dist/cli/bin.js)", () => {
  it("exits 1 without a stack trace on bad input, 2 on bad usage", () => {
    const dir = tempDir();
    writeFixture(dir, "r.yaml", "- not a mapping\n");
    const bad = spawnCli(["build", "r.yaml"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("r.yaml:1:1  the top level must be a mapping");
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(spawnCli(["build", "--paper", "b5"], dir).code).toBe(2);
  });

  it("builds the same bytes as a build run after other résumés in one process", async () => {
    // Renders in one process must not leak state (fonts, glyph maps) into each other.
    const dir = tempDir();
    const doc = path.join(CONFORMANCE, "examples/senior-engineer.resume.json");
    await build(path.join(CONFORMANCE, "sample.resume.json"), { output: path.join(dir, "first.pdf"), env: EPOCH });
    await build(doc, { output: path.join(dir, "in-process.pdf"), env: EPOCH });
    const fresh = spawnCli(["build", doc, "-o", path.join(dir, "fresh.pdf")], dir, EPOCH);
    expect(fresh.code).toBe(0);
    expect(readFileSync(path.join(dir, "in-process.pdf")).equals(readFileSync(path.join(dir, "fresh.pdf")))).toBe(true);
  });

  it("builds the same bytes when every string was shaped before, by other résumés and themes", async () => {
    // Shaping results are reused across builds (render.tsx); the glyph objects a document gets,
    // and so its ToUnicode map, must not depend on what was built before. The text mixes
    // characters that share a glyph or form ligatures (space and no-break space, "ffi", "fl"),
    // where the order glyphs are first made in decides the map.
    const dir = tempDir();
    const tricky = writeFixture(
      dir,
      "tricky.yaml",
      [
        "basics:",
        "  name: Zoë Office-Affluent",
        '  label: "Staff\u00a0Engineer - flow, office, affluent, fjord"',
        '  summary: "Efficient\u00a0offices - fine-tuned \u2013 first\u00a0fifty \u2014 fine"',
        "work:",
        '  - name: "Fluffy\u00a0Ltd"',
        '    highlights: ["Shipped\u00a0ffmpeg fixes - 20% off", "affine fields, finite\u00a0flows"]',
        "",
      ].join("\n"),
    );
    const docs = [tricky, path.join(ROOT, "tests/fixtures/unicode.yaml"), path.join(CONFORMANCE, "sample.resume.json")];
    for (const theme of ["sidebar", "compact", "modern", "classic"] as const) {
      for (const doc of [...docs].reverse())
        await build(doc, { output: path.join(dir, "warm.pdf"), env: EPOCH, render: { theme } });
    }
    for (const theme of ["classic", "sidebar"] as const) {
      for (const doc of docs) {
        await build(doc, { output: path.join(dir, "in-process.pdf"), env: EPOCH, render: { theme } });
        const fresh = spawnCli(["build", doc, "--theme", theme, "-o", path.join(dir, "fresh.pdf")], dir, EPOCH);
        expect(fresh.code, fresh.stderr).toBe(0);
        expect(
          readFileSync(path.join(dir, "in-process.pdf")).equals(readFileSync(path.join(dir, "fresh.pdf"))),
          `${doc} ${theme}`,
        ).toBe(true);
      }
    }
  });

  it("resolves badge paths against the résumé file, wherever it is run from", () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "cv/assets"), { recursive: true });
    copyFileSync(path.join(ROOT, "resume.yaml"), path.join(dir, "cv/resume.yaml"));
    copyFileSync(
      path.join(ROOT, "assets/aws-certified-machine-learning-specialty.png"),
      path.join(dir, "cv/assets/aws-certified-machine-learning-specialty.png"),
    );
    const r = spawnCli(["build", "cv/resume.yaml"], dir, EPOCH);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, "out/Rajat-Jog-Resume.pdf"))).toBe(true);
  });
});
