/**
 * Paths that are not ordinary files, and inputs at the limits: every one ends with exit 1 and a
 * located message, never a hang, and with bounded memory (the child's own peak RSS, measured),
 * and leaves an earlier PDF untouched; SIGTERM ends a build waiting on a pipe at once; standard
 * input and named pipes work as the résumé.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { HANG_MS, notHung, ROOT, settles, tempDir, writeFixture } from "../helpers.js";

const dir = tempDir();
const env = { ...process.env, SOURCE_DATE_EPOCH: "1767225600", NODE_OPTIONS: "" };
const BUNDLE = path.join(ROOT, "dist/resume.mjs");
const BADGE = path.join(ROOT, "assets/aws-certified-machine-learning-specialty.png");
/** Prints the process's peak resident memory as it exits (KiB). */
const RSS = writeFixture(
  dir,
  "rss.cjs",
  'process.on("exit", () => { try { require("fs").writeSync(2, `\\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\\n`); } catch {} });\n',
);

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  rssMb: number;
}

/** Run the command as a process (the bundle, with the RSS probe), feeding `input` on stdin. */
function resume(args: string[], opts: { input?: string } = {}): Ran {
  const r = spawnSync(process.execPath, ["-r", RSS, BUNDLE, ...args], {
    cwd: dir,
    env,
    input: opts.input ?? "",
    encoding: "utf8",
    timeout: HANG_MS,
  });
  notHung(r, `resume ${args.join(" ")}`);
  const rss = Number(/PEAK_RSS_KB (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return {
    code: r.status,
    signal: r.signal,
    stdout: r.stdout,
    stderr: r.stderr.replace(/\nPEAK_RSS_KB \d+\n/, ""),
    rssMb: rss / 1024,
  };
}

function mkfifo(name: string): string {
  const file = path.join(dir, name);
  expect(spawnSync("mkfifo", [file]).status).toBe(0);
  return file;
}

const resumeWithBadge = (name: string, badge: string) =>
  writeFixture(dir, name, `basics:\n  name: Hostile Test\ncertificates:\n  - name: Cert\n    badge: ${badge}\n`);

/** An earlier, good PDF at `out/<name>.pdf`, to see that a failed build leaves it as it was. */
function earlierPdf(name: string): { file: string; bytes: Buffer } {
  const good = writeFixture(dir, `${name}-good.yaml`, "basics:\n  name: Hostile Test\n");
  const file = path.join(dir, "out", `${name}.pdf`);
  expect(resume(["build", good, "-o", file]).code).toBe(0);
  return { file, bytes: readFileSync(file) };
}

const SMALL_MB = 300;

describe("paths that are not ordinary files", () => {
  it("/dev/zero as a badge: refused unread, located, small; the earlier PDF stays", () => {
    const before = earlierPdf("zero-badge");
    const r = resume(["build", resumeWithBadge("zero-badge.yaml", "/dev/zero"), "-o", before.file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /zero-badge\.yaml:5:12 {2}certificates\[0\]\.badge {2}\/dev\/zero is a device, not an image/,
    );
    expect(r.rssMb).toBeLessThan(SMALL_MB);
    expect(readFileSync(before.file).equals(before.bytes)).toBe(true);
  });

  it("/dev/zero as the résumé: read until the limit, then refused", () => {
    const r = resume(["build", "/dev/zero"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "/dev/zero  is larger than the limit for a résumé, 1048576 bytes (1 MiB); reading stopped there",
    );
    expect(r.rssMb).toBeLessThan(SMALL_MB);
  });

  it("a named pipe with no writer, a folder and a socket as badges: each refused unread, all in one report", async () => {
    const fifo = mkfifo("pipe.png");
    const socket = path.join(dir, "sock.png");
    const server = createServer().listen(socket);
    await new Promise((r) => server.once("listening", r));
    mkdirSync(path.join(dir, "folder.png"), { recursive: true });
    const file = writeFixture(
      dir,
      "many.yaml",
      `basics:\n  name: Hostile Test\ncertificates:\n  - name: A\n    badge: ${fifo}\n  - name: B\n    badge: folder.png\n  - name: C\n    badge: sock.png\n`,
    );
    // The server runs in this process: the child runs asynchronously so that it can accept.
    const child = spawn(process.execPath, [BUNDLE, "build", file], { cwd: dir, env });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => void (stderr += d));
    const r = await settles(
      new Promise<{ code: number | null; stderr: string }>((resolve) =>
        child.on("exit", (code) => resolve({ code, stderr })),
      ),
      "the build with three unreadable badges",
    ).finally(() => child.kill("SIGKILL"));
    server.close();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /many\.yaml:5:12 {2}certificates\[0\]\.badge {2}.*pipe\.png is a named pipe \(FIFO\), not an image/,
    );
    expect(r.stderr).toMatch(/many\.yaml:7:12 {2}certificates\[1\]\.badge {2}.*folder\.png is a folder, not an image/);
    expect(r.stderr).toMatch(/many\.yaml:9:12 {2}certificates\[2\]\.badge {2}.*sock\.png is a socket, not an image/);
    expect(r.stderr).toContain("3 problems found; nothing was written.");
  });

  it("an image over 50 MiB, sparse on disk, is refused before it is read", () => {
    const big = path.join(dir, "huge-badge.png");
    writeFileSync(big, readFileSync(BADGE));
    truncateSync(big, 60 * 1024 * 1024);
    const r = resume(["build", resumeWithBadge("huge.yaml", "huge-badge.png")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /huge\.yaml:5:12 {2}certificates\[0\]\.badge {2}.*huge-badge\.png is 62914560 bytes; the limit for an image is 52428800 bytes \(50 MiB\)/,
    );
    expect(r.rssMb).toBeLessThan(SMALL_MB);
  });

  it("a ZIP that expands past its limit is refused while it is read", () => {
    const bomb = path.join(dir, "bomb.zip");
    writeFileSync(
      bomb,
      zipSync({ "Profile.csv": strToU8(`First Name,Last Name\n${"a,b\n".repeat(6_000_000)}`) }, { level: 9 }),
    );
    expect(readFileSync(bomb).length).toBeLessThan(1024 * 1024);
    const r = resume(["import", bomb, "-o", "bomb.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bomb\.zip {2}Profile\.csv would unpack to 22\.9 MiB; the limit for one file is 4 MiB/);
    expect(existsSync(path.join(dir, "bomb.yaml"))).toBe(false);
    expect(r.rssMb).toBeLessThan(SMALL_MB);
  });

  it("a pipe, a device or a folder is not imported", () => {
    const fifo = mkfifo("export.zip");
    const r = resume(["import", fifo, "-o", "x.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("is a named pipe (FIFO), not a file to import");
  });
});

describe("standard input and named pipes as the résumé", () => {
  it("`resume build -` reads standard input, labelled <stdin>; `resume validate -` too", () => {
    const r = resume(["build", "-", "-o", "out/stdin.pdf"], { input: "basics:\n  name: Piped Person\n" });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, "out/stdin.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    const v = resume(["validate", "-", "--strict"], {
      input: "basics:\n  name: Piped Person\n  emial: x@example.com\n",
    });
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/^<stdin>:3:3 {2}basics\.emial {2}unknown key; did you mean "email"\?/);
    const big = resume(["validate", "-"], { input: `basics:\n  name: Big\n# ${"x".repeat(1024 * 1024)}\n` });
    expect(big.stderr).toContain(
      "<stdin>  is larger than the limit for a résumé, 1048576 bytes (1 MiB); reading stopped there",
    );
    const watch = resume(["build", "-", "--watch"], { input: "basics:\n  name: X\n" });
    expect(watch.code).toBe(2);
  });

  it("a named pipe as the résumé builds once a writer comes", async () => {
    const fifo = mkfifo("resume-pipe.yaml");
    const child = spawn(process.execPath, [BUNDLE, "build", fifo, "-o", "out/fifo.pdf"], { cwd: dir, env });
    const done = new Promise<number | null>((r) => child.on("exit", r));
    await new Promise((r) => setTimeout(r, 300));
    writeFileSync(fifo, "basics:\n  name: Fifo Person\n");
    expect(await settles(done, "the build from a named pipe")).toBe(0);
    expect(existsSync(path.join(dir, "out/fifo.pdf"))).toBe(true);
  });

  it("SIGTERM ends a build waiting on a pipe with no writer, exit 143, no temporary file", async () => {
    const fifo = mkfifo("waiting.yaml");
    const out = path.join(dir, "sig");
    mkdirSync(out, { recursive: true });
    for (const command of [[BUNDLE], [path.join(ROOT, "bin/resume")]]) {
      const [exe, ...pre] = command[0]!.endsWith(".mjs") ? [process.execPath, ...command] : ["sh", ...command];
      const child = spawn(exe!, [...pre, "build", fifo, "-o", path.join(out, "w.pdf")], { cwd: dir, env });
      await new Promise((r) => setTimeout(r, 1500));
      child.kill("SIGTERM");
      const code = await settles(
        new Promise<number | null>((r) => child.on("exit", (c, s) => r(c ?? (s === "SIGTERM" ? 143 : null)))),
        `${command[0]} after SIGTERM`,
      ).finally(() => child.kill("SIGKILL"));
      expect(code, command[0]).toBe(143);
      expect(readdirSync(out)).toEqual([]);
    }
  });
});

describe("memory at the largest legal inputs", () => {
  /** A résumé of `n` jobs with two bullets each. */
  const jobs = (n: number) =>
    `basics:\n  name: Big Person\nwork:\n${Array.from({ length: n }, (_, i) => `  - name: Company ${i}\n    position: Engineer ${i}\n    startDate: 2020-01\n    highlights:\n      - Built system number ${i} that handles a great many requests per second reliably\n      - Reduced costs by ${i % 90} percent across the fleet with careful capacity planning work\n`).join("")}`;

  it("a 1 MiB résumé is refused before it is laid out: far more pages than a résumé has", () => {
    let text = jobs(3900);
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
    text += `# ${"x".repeat(1024 * 1024 - Buffer.byteLength(text) - 3)}\n`;
    const file = writeFixture(dir, "mib.yaml", text);
    expect(readFileSync(file).length).toBe(1024 * 1024);
    const r = resume(["build", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/mib\.yaml {2}the résumé would need about \d{3} pages; this tool lays out at most 100/);
    expect(r.rssMb).toBeLessThan(400);
  });

  it("the largest image it decodes (50 megapixels) stays within 300 MB", async () => {
    const { default: sharp } = await import("sharp");
    const side = 7_000;
    const pixels = Buffer.alloc(side * side * 3);
    for (let i = 0; i < pixels.length; i += 97) pixels[i] = (i * 31) & 255;
    await sharp(pixels, { raw: { width: side, height: side, channels: 3 }, limitInputPixels: false })
      .png({ compressionLevel: 1 })
      .toFile(path.join(dir, "49mp.png"));
    const r = resume(["build", resumeWithBadge("49mp.yaml", "49mp.png"), "-o", "out/49mp.pdf"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.rssMb).toBeLessThan(300);
  });

  it("the longest document it lays out (30 pages) stays within 600 MB", () => {
    const file = writeFixture(dir, "thirty.yaml", jobs(300));
    const r = resume(["build", file, "-o", "out/thirty.pdf"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.rssMb).toBeLessThan(600);
  });

  it("a letter far longer than a page fails before it is laid out", () => {
    const file = writeFixture(
      dir,
      "long-letter.yaml",
      `basics:\n  name: Jo\nletters:\n  - id: long\n    body: |\n${Array.from({ length: 400 }, () => `      ${"A sentence of a very long letter. ".repeat(10)}\n`).join("\n")}`,
    );
    const r = resume(["build", file, "--letter", "long"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /long-letter\.yaml:5:\d+ {2}letters\[0\]\.body {2}the letter needs about \d+ pages; a cover letter fits on one/,
    );
  });
});
