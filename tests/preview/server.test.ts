/**
 * `resume preview`'s server, over HTTP: the PDF it serves is the bytes `build` writes; a save
 * rebuilds and is announced on the event stream; a broken file keeps the last good PDF with the
 * located problems and their source lines; the page's choices rebuild without editing the file
 * and name the flag that keeps them. Safe by default: loopback only, a token in every path,
 * foreign `Host` names and cross-origin requests refused, no path reaching the file system, and
 * nothing left behind when the process is ended. The page itself, in Chromium: browser.test.ts.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { startPreview, type Preview } from "../../src/preview/server.js";
import type { PreviewState } from "../../src/preview/session.js";
import { listDir, ROOT, tempDir, writeFixture } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const FIXTURE = readFileSync(path.join(ROOT, "tests/fixtures/languages.yaml"), "utf8");

/** A request with exactly these headers (fetch cannot set Host). */
function get(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? "GET", headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

const state = async (p: Preview) => JSON.parse((await get(`${p.url}state.json`)).body.toString()) as PreviewState;

/** Wait until the state satisfies `ok` (builds take a moment). */
async function until(p: Preview, ok: (s: PreviewState) => boolean, what: string): Promise<PreviewState> {
  for (let i = 0; i < 600; i++) {
    const s = p.session.state;
    if (ok(s)) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(p.session.state.problems)}`);
}

let open: Preview | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function preview(text = FIXTURE) {
  const dir = tempDir();
  const file = writeFixture(dir, "resume.yaml", text);
  open = await startPreview({ file, cwd: dir, build: { env: EPOCH } });
  await until(open, (s) => s.ok && s.ats !== undefined, "the first build");
  return { dir, file, p: open };
}

describe("resume preview's server", () => {
  it("listens on 127.0.0.1 only, under a token, and serves the page, pdf.js, the state and the PDF build writes", async () => {
    const { file, p } = await preview();
    expect(p.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\/$/);
    const page = await get(p.url);
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(page.body.toString()).toContain('<script type="module" src="app.js"></script>');
    for (const asset of ["app.js", "app.css", "pdf.min.mjs", "pdf.worker.min.mjs"])
      expect((await get(`${p.url}${asset}`)).status, asset).toBe(200);
    const s = await state(p);
    expect(s.pdf).toMatchObject({ name: "Mira-Kovalenko-Resume-en.pdf", pages: 1 });
    expect(s.ats?.parsed.name).toBe("Mira Kovalenko");
    expect(s.choices).toMatchObject({ variants: ["platform"], letters: ["northwind"], languages: ["en", "de", "uk"] });
    // The same bytes as the build of the same file and language.
    const built = await build(file, { outDir: tempDir(), env: EPOCH, language: "en" });
    expect((await get(`${p.url}resume.pdf`)).body).toEqual(readFileSync(built.output));
    const download = await get(`${p.url}download`);
    expect(download.headers["content-disposition"]).toMatch(/^attachment; filename="Mira-Kovalenko-Resume-en\.pdf"/);
  });

  it("rebuilds on save and says so on the event stream; a broken file keeps the last good PDF, with the problem located", async () => {
    const { file, p } = await preview();
    const before = await get(`${p.url}resume.pdf`);
    const events: string[] = [];
    const stream = await new Promise<import("node:http").IncomingMessage>((resolve) =>
      request(`${p.url}events`, (res) => resolve(res)).end(),
    );
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => events.push(chunk));
    const first = p.session.state.id;

    writeFileSync(file, FIXTURE.replace("en: Backend Engineer", "en: Platform Engineer"));
    let s = await until(p, (x) => x.id > first && x.ok && x.ats !== undefined, "the rebuild");
    expect(s.ats?.parsed.headline).toContain("Platform Engineer");
    await until(p, () => events.join("").includes(`data: {"id":${s.id},"pdf":`), "the event");

    writeFileSync(file, FIXTURE.replace("  email: mira", "  email: [mira").replace("\nwork:", "\nwork:"));
    s = await until(p, (x) => !x.ok, "the failed build");
    expect(s.problems.length).toBeGreaterThan(0);
    const problem = s.problems[0]!;
    // YAML sees the unclosed list where the next key starts; the lines around it show the cause.
    expect([problem.file, problem.line]).toEqual([file, 13]);
    expect(problem.source?.map((l) => l.n)).toEqual([11, 12, 13, 14, 15]);
    expect(problem.source?.find((l) => l.n === 12)?.text).toBe("  email: [mira.kovalenko@example.com");
    // The last good PDF is still there.
    const kept = await get(`${p.url}resume.pdf`);
    expect(kept.status).toBe(200);
    expect(kept.body.equals(before.body)).toBe(false);

    writeFileSync(file, FIXTURE);
    s = await until(p, (x) => x.ok && x.id > s.id, "the fixed build");
    expect(s.problems).toEqual([]);
    stream.destroy();
  });

  it("rebuilds with the page's choices, and names the flag and key that keep them", async () => {
    const { p } = await preview();
    const origin = new URL(p.url).origin;
    const choose = (body: unknown, headers: Record<string, string> = {}) =>
      get(`${p.url}choose`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: origin, ...headers },
        body: JSON.stringify(body),
      });
    const id = p.session.state.id;
    expect((await choose({ theme: "modern", language: "de", variant: "platform", paper: "letter" })).status).toBe(200);
    const s = await until(p, (x) => x.ok && x.id > id && x.ats !== undefined, "the build with the choice");
    expect(s.choice).toEqual({ theme: "modern", paper: "letter", variant: "platform", language: "de" });
    expect(s.pdf?.name).toBe("Mira-Kovalenko-Resume-platform-de.pdf");
    expect(s.permanent.map((x) => x.flag)).toEqual([
      "--theme modern",
      "--paper letter",
      "--variant platform",
      "--lang de",
    ]);
    expect(s.ats?.parsed.headline.join(" ")).toContain("Backend-Entwicklerin");
    // A choice the document does not have is ignored, not passed to the build.
    await choose({ theme: "../../etc/passwd", variant: "nope" });
    expect(p.session.state.choice).toEqual({});
  });

  it("refuses foreign Host names, other origins, other tokens, and maps no path to a file", async () => {
    const { p } = await preview();
    const { port, pathname } = new URL(p.url);
    const at = (route: string) => `http://127.0.0.1:${port}${route}`;
    for (const host of [
      "evil.example",
      `evil.example:${port}`,
      "127.0.0.1",
      `127.0.0.2:${port}`,
      `localhost.evil.example:${port}`,
    ])
      expect((await get(p.url, { headers: { Host: host } })).status, host).toBe(403);
    expect((await get(p.url, { headers: { Host: `localhost:${port}` } })).status).toBe(200);
    expect((await get(`${p.url}state.json`, { headers: { Origin: "https://evil.example" } })).status).toBe(403);
    expect((await get(`${p.url}state.json`, { headers: { "Sec-Fetch-Site": "cross-site" } })).status).toBe(403);
    const post = (headers: Record<string, string>) =>
      get(`${p.url}choose`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: '{"theme":"modern"}',
      });
    expect((await post({})).status).toBe(403);
    expect((await post({ Origin: "http://evil.example" })).status).toBe(403);
    expect(p.session.state.choice).toEqual({});
    expect((await get(at("/state.json"))).status).toBe(404);
    expect((await get(at(`/${"0".repeat(32)}/state.json`))).status).toBe(404);
    for (const route of [
      "../package.json",
      "%2e%2e/package.json",
      "..%2fpackage.json",
      "/etc/passwd",
      "app.js/../../README.md",
    ])
      expect((await get(at(`${pathname}${route}`))).status, route).toBe(404);
    expect((await get(p.url, { method: "DELETE" })).status).toBe(405);
  });
});

describe("resume preview with a job posting", () => {
  it("shows the posting's keywords the résumé has and misses, read again on every build", async () => {
    const dir = tempDir();
    const file = writeFixture(dir, "resume.yaml", FIXTURE);
    const job = writeFixture(dir, "posting.txt", "Backend engineer: Go, Kafka, Rust and Kubernetes.\n");
    open = await startPreview({ file, cwd: dir, job, build: { env: EPOCH } });
    const s = await until(open, (x) => x.ok && x.ats !== undefined, "the first build");
    expect(s.ats?.job?.found.map((t) => t.term)).toEqual(expect.arrayContaining(["Go", "Kafka", "Kubernetes"]));
    expect(s.ats?.job?.missing.map((t) => t.term)).toContain("Rust");
    writeFileSync(
      file,
      FIXTURE.replace(
        "keywords: [Go, PostgreSQL, Kafka, Kubernetes]",
        "keywords: [Go, PostgreSQL, Kafka, Kubernetes, Rust]",
      ),
    );
    const again = await until(open, (x) => x.id > s.id && x.ats !== undefined, "the rebuild");
    expect(again.ats?.job?.missing.map((t) => t.term)).not.toContain("Rust");
  });
});

describe("resume preview, the command", () => {
  it("--open hands the URL to the desktop's opener", async () => {
    if (process.platform !== "linux") return;
    const dir = tempDir();
    writeFixture(dir, "resume.yaml", FIXTURE);
    const bin = tempDir();
    const opened = path.join(bin, "opened.txt");
    writeFixture(bin, "xdg-open", `#!/bin/sh\nprintf '%s' "$1" > "${opened}"\n`);
    chmodSync(path.join(bin, "xdg-open"), 0o755);
    const child = spawn(path.join(ROOT, "bin/resume"), ["preview", "--open", "--port", "0"], {
      cwd: dir,
      env: { ...process.env, ...EPOCH, PATH: `${bin}:${process.env.PATH}` },
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    for (let i = 0; i < 600 && !existsSync(opened); i++) await new Promise((r) => setTimeout(r, 100));
    child.kill("SIGTERM");
    await new Promise((r) => child.on("exit", r));
    const url = /at (http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\/)/.exec(out)?.[1];
    expect(url).toBeDefined();
    expect(readFileSync(opened, "utf8")).toBe(url);
  });

  it("prints its URL, and ends on SIGTERM with exit 143, leaving nothing behind", async () => {
    const dir = tempDir();
    writeFixture(dir, "resume.yaml", FIXTURE);
    const before = listDir(dir);
    const child = spawn(path.join(ROOT, "bin/resume"), ["preview", "--port", "0"], {
      cwd: dir,
      env: { ...process.env, ...EPOCH },
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 60_000);
      child.stdout.on("data", () => {
        const m = /previewing resume\.yaml at (http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\/)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    for (let i = 0; i < 600; i++) {
      const s = JSON.parse((await get(`${url}state.json`)).body.toString()) as PreviewState;
      if (s.ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const code = await new Promise<number | null>((resolve) => {
      child.on("exit", (c, signal) => resolve(c ?? (signal === "SIGTERM" ? 143 : null)));
      child.kill("SIGTERM");
    });
    expect(code).toBe(143);
    expect(listDir(dir)).toEqual(before);
    await expect(get(url)).rejects.toThrow();
  });

  it("refuses standard input: there is no file to watch", async () => {
    const { run } = await import("../helpers.js");
    const r = await run(["preview", "-"], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("preview needs a file to watch");
  });
});
