/**
 * Ctrl-C and SIGTERM end every command at once, in both ways the command starts (the V8 startup
 * snapshot and the bundle): during a long layout, a build leaves no PDF and no temporary file;
 * `resume ats` stops in the middle of reading a long PDF. Killed by the signal, the process ends
 * as a shell reports it: 130 (SIGINT) or 143 (SIGTERM).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HANG_MS, ROOT, tempDir, tool } from "../helpers.js";

const BIN = path.join(ROOT, "bin/resume");
const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const STARTS = [
  ["the snapshot", {}],
  ["the bundle", { RESUME_NO_SNAPSHOT: "1" }],
] as const;
const SIGNALS = [
  ["SIGTERM", 143],
  ["SIGINT", 130],
] as const;
/** A résumé of `n` jobs with two bullets each (400 jobs: about 35 pages, seconds of layout). */
const jobs = (n: number) =>
  `basics:\n  name: Long Person\nwork:\n${Array.from({ length: n }, (_, i) => `  - name: Company ${i}\n    position: Engineer ${i}\n    startDate: 2020-01\n    highlights:\n      - Built system number ${i} that handles a great many requests per second reliably\n      - Reduced costs by ${i % 90} percent across the fleet with careful capacity planning work\n`).join("")}`;

/**
 * Start the command, send `signal` after `afterMs`, and say how it ended: whether the signal was
 * sent before it ended, and whether it hung (no end within HANG_MS of the signal: then killed).
 */
function interrupt(args: string[], env: NodeJS.ProcessEnv, signal: NodeJS.Signals, afterMs: number) {
  type Ended = { code: number | null; signal: NodeJS.Signals | null; sent: boolean; hung: boolean; stderr: string };
  return new Promise<Ended>((resolve) => {
    const child = spawn("sh", [BIN, ...args], { env: { ...process.env, ...EPOCH, ...env } });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => void (stderr += d.toString()));
    let sent = false;
    let hung = false;
    let hang: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      sent = true;
      child.kill(signal);
      hang = setTimeout(() => ((hung = true), child.kill("SIGKILL")), HANG_MS);
    }, afterMs);
    child.on("exit", (code, sig) => {
      clearTimeout(timer);
      clearTimeout(hang);
      resolve({ code, signal: sig, sent, hung, stderr });
    });
  });
}

/** 130 or 143, whether the process exited with that code or was ended by the signal (as a shell reports it). */
const shellCode = (r: { code: number | null; signal: NodeJS.Signals | null }) =>
  r.code ?? (r.signal === "SIGINT" ? 130 : r.signal === "SIGTERM" ? 143 : null);

describe("a signal during a long build's layout", () => {
  const dir = tempDir();
  const file = path.join(dir, "long.yaml");
  writeFileSync(file, jobs(400));

  it.each(STARTS)(
    "ends it at once, exit 143 / 130, no PDF and no temporary file (%s)",
    async (_, env) => {
      // How long this build takes uninterrupted, and when its layout starts.
      const ref = spawnSync("sh", [BIN, "build", file, "-o", path.join(dir, "ref", "r.pdf"), "--json"], {
        env: { ...process.env, ...EPOCH, ...env },
        encoding: "utf8",
        timeout: 300_000,
      });
      expect(ref.status, ref.stderr).toBe(0);
      const { ms, work } = JSON.parse(ref.stdout) as {
        ms: number;
        work: { phases: { check: number; layout: number; draw: number } };
      };
      const startup = ms - Object.values(work.phases).reduce((a, b) => a + b, 0);
      // A third into the layout, as this machine timed it. How soon the command ends after the
      // signal is a speed, not a pass condition: only a hang fails. On a loaded machine the
      // reference run may have been the slower one, so that the command ends before the signal
      // is sent: then it is tried again, with the signal sent earlier.
      let at = Math.max(0, startup) + work.phases.check + work.phases.layout / 3;

      for (const [signal, code] of SIGNALS) {
        const out = path.join(dir, `out-${signal}-${Object.keys(env).length}`);
        mkdirSync(out);
        let r = await interrupt(["build", file, "-o", path.join(out, "r.pdf")], env, signal, at);
        for (let tries = 1; !r.sent && tries < 4; tries++) {
          rmSync(out, { recursive: true, force: true });
          mkdirSync(out);
          at /= 2;
          r = await interrupt(["build", file, "-o", path.join(out, "r.pdf")], env, signal, at);
        }
        expect(r.sent, `${signal}: the build ended before the signal, four times`).toBe(true);
        expect(r.hung, `${signal}: no end within ${HANG_MS / 1000} s of the signal`).toBe(false);
        expect(shellCode(r), `${signal}: ${r.stderr}`).toBe(code);
        expect(readdirSync(out), signal).toEqual([]);
        expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+|internal error/);
      }
    },
    600_000,
  );
});

describe("a signal while `resume ats` reads a long PDF", () => {
  const dir = tempDir();

  it.each(STARTS)(
    "ends it at once, exit 143 / 130 (%s)",
    async (_, env) => {
      // A PDF of about 1,500 pages: the short one from a build, repeated.
      const pdf = path.join(dir, "huge.pdf");
      if (!existsSync(pdf)) {
        writeFileSync(path.join(dir, "r.yaml"), jobs(300));
        const built = spawnSync("sh", [BIN, "build", path.join(dir, "r.yaml"), "-o", path.join(dir, "r.pdf")], {
          env: { ...process.env, ...EPOCH },
          encoding: "utf8",
          timeout: 300_000,
        });
        expect(built.status, built.stderr).toBe(0);
        const pages = Array.from({ length: 50 }, () => path.join(dir, "r.pdf"));
        expect(tool("qpdf", ["--empty", "--pages", ...pages, "--", pdf]).code).toBe(0);
      }
      for (const [signal, code] of SIGNALS) {
        const r = await interrupt(["ats", pdf], env, signal, 1500);
        expect(r.sent, `${signal}: ats ended before the signal`).toBe(true);
        expect(r.hung, `${signal}: no end within ${HANG_MS / 1000} s of the signal`).toBe(false);
        expect(shellCode(r), `${signal}: ${r.stderr}`).toBe(code);
      }
    },
    600_000,
  );
});

describe("holdSignals (a write in flight)", () => {
  const dir = tempDir();
  /** A process that holds signals as `mode` says, then spins synchronously for `spinMs`, told "ready" when it spins. */
  const script = (mode: "held" | "released", spinMs: number) => `
    import { writeFileSync } from "node:fs";
    import { holdSignals, signalsHeld } from ${JSON.stringify(path.join(ROOT, "src/common/signals.ts"))};
    const release = holdSignals(() => writeFileSync(${JSON.stringify(path.join(dir, "cleaned"))}, "${mode}"));
    if (${JSON.stringify(mode)} === "released") {
      release();
      // The default action comes back once the event loop has polled again.
      while (signalsHeld()) await new Promise((r) => setTimeout(r, 10));
    }
    process.stdout.write("ready\\n");
    const end = Date.now() + ${spinMs};
    while (Date.now() < end);
    process.stdout.write("finished\\n");
    // Still held, the event loop runs on (as the rest of a build does after the layout).
    await new Promise((r) => setTimeout(r, 10_000));
  `;
  const start = (mode: "held" | "released", spinMs: number) => {
    const file = path.join(dir, `${mode}.mts`);
    writeFileSync(file, script(mode, spinMs));
    const child = spawn(process.execPath, ["--import", "tsx", file], { cwd: ROOT });
    let out = "";
    const ready = new Promise<void>((resolve) =>
      child.stdout.on("data", (d: Buffer) => ((out += d.toString()), out.includes("ready") && resolve())),
    );
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal })),
    );
    return { child, ready, exit, out: () => out };
  };

  it("while held, a signal waits for the synchronous work, cleans up and exits 143", async () => {
    const p = start("held", 1500);
    await p.ready;
    p.child.kill("SIGTERM");
    expect(await p.exit).toEqual({ code: 143, signal: null });
    expect(p.out()).toContain("finished");
    expect(readdirSync(dir)).toContain("cleaned");
  });

  it("once released, the default action is back: a signal ends synchronous work at once", async () => {
    // It spins for as long as a hang bound: ended by the signal, it never prints "finished".
    const p = start("released", HANG_MS);
    await p.ready;
    p.child.kill("SIGTERM");
    expect(await p.exit).toEqual({ code: null, signal: "SIGTERM" });
    expect(p.out()).not.toContain("finished");
  });
});
