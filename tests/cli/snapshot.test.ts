/**
 * The `resume` command (bin/resume) starts Node.js from a V8 startup snapshot when one was built
 * for this Node.js and this folder, and from the bundle otherwise. Both must behave the same:
 * same bytes, the run's own arguments, environment and folder, the packages left outside the
 * snapshot loaded when needed. A fake `node` first on PATH records how the launcher started it.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { HANG_MS, ROOT, tempDir, writeFixture } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const BLOB = `node-${process.version}.blob`;

/** A folder with a `node` that logs its arguments to $NODE_LOG, then runs the real one. */
function fakeNode(dir: string): string {
  const bin = path.join(dir, "fake-bin");
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, "node"), `#!/bin/sh\necho "$*" >> "$NODE_LOG"\nexec "${process.execPath}" "$@"\n`);
  chmodSync(path.join(bin, "node"), 0o755);
  return bin;
}

interface Run extends SpawnSyncReturns<string> {
  /** The node command lines the launcher ran, one per line. */
  nodeCalls: string[];
}

function runCommand(
  launcher: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; dir: string },
): Run {
  const log = path.join(opts.dir, `node-${Math.random().toString(36).slice(2)}.log`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...EPOCH,
    ...opts.env,
    NODE_LOG: log,
    PATH: `${fakeNode(opts.dir)}:${process.env.PATH}`,
  };
  // vitest's own NODE_OPTIONS (if any) would turn the snapshot off; tests that want it set it.
  if (!opts.env || !("NODE_OPTIONS" in opts.env)) delete env.NODE_OPTIONS;
  const r = spawnSync(launcher, args, { cwd: opts.cwd ?? opts.dir, env, encoding: "utf8" });
  const nodeCalls = existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : [];
  return Object.assign(r, { nodeCalls });
}
/** Started from a snapshot: `node [heap flags] --snapshot-blob …`. */
const fromSnapshot = (r: Run) => r.nodeCalls.some((c) => c.includes("--snapshot-blob "));

describe("bin/resume in this checkout (snapshot built by npm run build)", () => {
  const dir = tempDir();
  const launcher = path.join(ROOT, "bin/resume");

  it("starts from the snapshot and writes the same bytes as the library", async () => {
    expect(existsSync(path.join(ROOT, "dist/snapshot", `${BLOB}.dir`))).toBe(true);
    for (const fixture of ["resume.yaml", "tests/fixtures/full.yaml", "tests/fixtures/unicode.yaml"]) {
      const out = path.join(dir, `${path.basename(fixture)}.pdf`);
      const r = runCommand(launcher, ["build", path.join(ROOT, fixture), "-q", "-o", out], { dir });
      expect(r.status, r.stderr).toBe(0);
      expect(fromSnapshot(r), r.nodeCalls.join("\n")).toBe(true);
      const library = path.join(dir, `${path.basename(fixture)}.library.pdf`);
      await build(path.join(ROOT, fixture), { output: library, env: EPOCH });
      expect(readFileSync(out).equals(readFileSync(library)), fixture).toBe(true);
    }
  });

  it("answers its own --version and --help, not Node's", () => {
    const version = runCommand(launcher, ["--version"], { dir });
    expect(fromSnapshot(version)).toBe(true);
    expect(version.stdout.trim()).toBe(
      `resume-builder ${JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version}`,
    );
    const help = runCommand(launcher, ["build", "--help"], { dir });
    expect(help.stdout).toContain("Usage: resume build");
  });

  it("starts validate, schema, themes, theme and init from a snapshot that has no renderer", () => {
    for (const args of [["validate", path.join(ROOT, "resume.yaml")], ["schema"], ["themes"], ["theme", "schema"]]) {
      const r = runCommand(launcher, args, { dir });
      expect(r.status, r.stderr).toBe(0);
      expect(
        r.nodeCalls.some((c) => c.includes(`-check.blob -- ${args[0]}`)),
        r.nodeCalls.join("\n"),
      ).toBe(true);
    }
    expect(runCommand(launcher, ["validate", path.join(ROOT, "resume.yaml")], { dir }).stdout).toContain("is valid");
    // react-pdf's code (one of its messages stands for it) is in the build snapshot, not in this one.
    const marker = "Font family not registered";
    expect(readFileSync(path.join(ROOT, "dist/resume-snapshot.cjs"), "utf8")).toContain(marker);
    expect(readFileSync(path.join(ROOT, "dist/resume-check-snapshot.cjs"), "utf8")).not.toContain(marker);
    expect(readFileSync(path.join(ROOT, "dist/resume-check-snapshot.cjs"), "utf8")).not.toMatch(/yoga|pdfkit/i);
  });

  it("uses the run's folder, arguments and environment, not the snapshot build's", () => {
    const work = path.join(dir, "work");
    mkdirSync(work);
    cpSync(path.join(ROOT, "resume.yaml"), path.join(work, "mine.yaml"));
    cpSync(path.join(ROOT, "assets"), path.join(work, "assets"), { recursive: true });
    const dates: string[] = [];
    for (const epoch of ["1767225600", "1700000000"]) {
      const r = runCommand(launcher, ["build", "mine.yaml", "-o", `out-${epoch}.pdf`], {
        dir,
        cwd: work,
        env: { SOURCE_DATE_EPOCH: epoch, TZ: "Asia/Kolkata", NO_COLOR: "1" },
      });
      expect(r.status, r.stderr).toBe(0);
      expect(fromSnapshot(r)).toBe(true);
      expect(r.stdout).toContain(`wrote out-${epoch}.pdf`);
      dates.push(/\(D:(\d{14})/.exec(readFileSync(path.join(work, `out-${epoch}.pdf`), "latin1"))![1]!);
    }
    expect(dates).toEqual(["20260101000000", "20231114221320"]);
    // A problem is located in the run's file, relative to the run's folder.
    writeFileSync(path.join(work, "bad.yaml"), "basics:\n  name: X\nrender:\n  theme: nope\n");
    const bad = runCommand(launcher, ["build", "bad.yaml"], { dir, cwd: work });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^bad\.yaml:4:10 {2}render\.theme/);
  });

  it("loads the packages kept outside the snapshot when a build needs them (PNG pages, image conversion)", () => {
    const file = writeFixture(
      dir,
      "webp.yaml",
      `basics: {name: Image Test}\ncertificates:\n  - name: Certificate\n    badge: ${path.join(ROOT, "tests/fixtures/images/image.webp")}\n`,
    );
    const r = runCommand(launcher, ["build", file, "--format", "pdf,png", "-o", path.join(dir, "webp.pdf")], { dir });
    expect(r.status, r.stderr).toBe(0);
    expect(fromSnapshot(r)).toBe(true);
    expect(readFileSync(path.join(dir, "webp-1.png")).subarray(1, 4).toString()).toBe("PNG");
    expect(readFileSync(path.join(dir, "webp.pdf"), "latin1")).toContain("/Subtype /Image");
  });
});

describe("bin/resume in a fresh install without a snapshot", () => {
  const dir = tempDir();
  // A package folder of its own: the launcher, the built code, the theme files, package.json, node_modules.
  const pkg = path.join(dir, "pkg");
  mkdirSync(path.join(pkg, "dist"), { recursive: true });
  cpSync(path.join(ROOT, "bin"), path.join(pkg, "bin"), { recursive: true });
  cpSync(path.join(ROOT, "themes"), path.join(pkg, "themes"), { recursive: true });
  cpSync(path.join(ROOT, "scripts/snapshot.mjs"), path.join(pkg, "scripts/snapshot.mjs"));
  for (const f of ["resume.mjs", "resume-snapshot.cjs", "resume-check-snapshot.cjs"])
    cpSync(path.join(ROOT, "dist", f), path.join(pkg, "dist", f));
  cpSync(path.join(ROOT, "package.json"), path.join(pkg, "package.json"));
  symlinkSync(path.join(ROOT, "node_modules"), path.join(pkg, "node_modules"));
  const launcher = path.join(pkg, "bin/resume");
  const stamp = path.join(pkg, "dist/snapshot", `${BLOB}.dir`);
  const input = path.join(ROOT, "resume.yaml");

  it("runs the bundle, builds a snapshot in the background, and starts from it next time", async () => {
    const first = runCommand(launcher, ["build", input, "-q", "-o", path.join(dir, "first.pdf")], { dir });
    expect(first.status, first.stderr).toBe(0);
    expect(fromSnapshot(first)).toBe(false);
    expect(
      first.nodeCalls.some((c) =>
        c.endsWith("/dist/resume.mjs build " + `${input} -q -o ${path.join(dir, "first.pdf")}`),
      ),
    ).toBe(true);
    const checkStamp = stamp.replace(/\.blob\.dir$/, "-check.blob.dir");
    // Built in the background: waited for until a hang bound.
    for (let i = 0; i < HANG_MS / 100 && !(existsSync(stamp) && existsSync(checkStamp)); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(readFileSync(stamp, "utf8").trim()).toBe(path.join(pkg, "dist"));
    const second = runCommand(launcher, ["build", input, "-q", "-o", path.join(dir, "second.pdf")], { dir });
    expect(second.status, second.stderr).toBe(0);
    expect(fromSnapshot(second)).toBe(true);
    expect(readFileSync(path.join(dir, "second.pdf")).equals(readFileSync(path.join(dir, "first.pdf")))).toBe(true);
    const check = runCommand(launcher, ["validate", input], { dir });
    expect(check.status, check.stderr).toBe(0);
    expect(check.nodeCalls.some((c) => c.includes("-check.blob -- validate"))).toBe(true);
  });

  it("finds its package through a symlink, as npm installs it in a bin folder", () => {
    const binDir = path.join(dir, "global-bin");
    mkdirSync(binDir);
    symlinkSync(path.relative(binDir, launcher), path.join(binDir, "resume"));
    const r = runCommand(path.join(binDir, "resume"), ["validate", input], { dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("is valid");
  });

  it("runs the bundle when the snapshot is turned off", () => {
    expect(existsSync(stamp)).toBe(true);
    const cases: [string, NodeJS.ProcessEnv][] = [
      ["RESUME_NO_SNAPSHOT", { RESUME_NO_SNAPSHOT: "1" }],
      ["NODE_OPTIONS", { NODE_OPTIONS: "--no-warnings" }],
    ];
    for (const [name, env] of cases) {
      const r = runCommand(launcher, ["validate", input], { dir, env });
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
      expect(fromSnapshot(r), name).toBe(false);
    }
  });

  it("runs the bundle when the snapshot was built for another folder, and builds one for this folder", async () => {
    writeFileSync(stamp, "/somewhere/else/dist\n");
    const moved = runCommand(launcher, ["--version"], { dir });
    expect(moved.status, moved.stderr).toBe(0);
    expect(fromSnapshot(moved)).toBe(false);
    const built = () => (existsSync(stamp) ? readFileSync(stamp, "utf8").trim() : "");
    for (let i = 0; i < HANG_MS / 100 && built() !== path.join(pkg, "dist"); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(readFileSync(stamp, "utf8").trim()).toBe(path.join(pkg, "dist"));
    expect(fromSnapshot(runCommand(launcher, ["--version"], { dir }))).toBe(true);
  });
});
