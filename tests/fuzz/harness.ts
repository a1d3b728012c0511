/**
 * The fuzz harness: feeds generated inputs to one target in a child process, one case at a time,
 * and holds each case to a time bound and the child to a memory bound. A case ends in one of:
 *   ok       the target read it;
 *   refused  the target refused it with a ResumeError whose message is plain English;
 *   crash    any other error (a TypeError, a stack overflow, a V8 abort), or a message that leaks
 *            internals ("is not a function", "Cannot read properties", "Maximum call stack");
 *   hang     no answer within the time bound (the child is killed and restarted);
 *   memory   the child's peak resident memory passed the memory bound.
 * A target is a module whose default export takes the case's bytes (see targets/*.ts).
 *
 *   FUZZ_CASES=5000 npx vitest run tests/fuzz     (npm run fuzz)
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface FuzzCase {
  label: string;
  bytes: Uint8Array;
}

export interface FuzzFailure {
  label: string;
  outcome: "crash" | "hang" | "memory";
  message: string;
  /** The case's bytes, to write out and reproduce. */
  bytes: Uint8Array;
}

export interface FuzzStats {
  cases: number;
  ok: number;
  refused: number;
  failures: FuzzFailure[];
  /** The slowest case, in ms. */
  slowest: number;
  /**
   * Every case's outcome, in order, with the refusal's message or the text the target returned (its first 4,000
   * characters).
   */
  results: FuzzResult[];
}

export interface FuzzResult {
  label: string;
  outcome: "ok" | "refused" | FuzzFailure["outcome"];
  message: string;
  ms: number;
  /** The child's peak resident memory so far (bytes). */
  maxRss: number;
}

export interface FuzzOptions {
  /**
   * Per-case time bound (ms), against a hang only: a case ends in well under a second, but on a
   * loaded 2-core machine a sound one may take many times longer, so the default is a minute.
   */
  timeoutMs?: number;
  /** Peak resident memory bound for the child (bytes). */
  maxRss?: number;
}

/** How many cases a fuzz test runs: FUZZ_CASES when set (npm run fuzz), else `fallback`. */
export const caseCount = (fallback: number) => Number(process.env.FUZZ_CASES) || fallback;

const CHILD = path.join(import.meta.dirname, "child.ts");

/** Messages that show an internal failure rather than a plain refusal. */
const LEAKS =
  /is not a function|Cannot read propert|Maximum call stack|is not iterable|undefined|NaN|out of memory|Check failed|Invalid array length|Cannot create a Buffer|RangeError|TypeError|SyntaxError|\bat .*:\d+:\d+/;

export async function fuzz(target: string, cases: Iterable<FuzzCase>, opts: FuzzOptions = {}): Promise<FuzzStats> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const maxRss = opts.maxRss ?? 300 * 1024 * 1024;
  const stats: FuzzStats = { cases: 0, ok: 0, refused: 0, failures: [], slowest: 0, results: [] };
  let child: ChildProcess | undefined;
  let baseRss = 0;
  const start = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const c = fork(CHILD, [target], {
        execArgv: ["--import", "tsx", "--max-old-space-size=512", "--stack-size=984"],
        serialization: "advanced",
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      });
      c.stderr?.resume();
      c.once("message", (m: { ready?: boolean; rss?: number }) => {
        baseRss = m.rss ?? 0;
        resolve(c);
      });
      c.once("error", reject);
    });
  const runOne = (c: ChildProcess, bytes: Uint8Array) =>
    new Promise<{ outcome: string; message?: string; ms?: number; maxRss?: number }>((resolve) => {
      const timer = setTimeout(() => {
        cleanup();
        resolve({ outcome: "hang", message: `no answer within ${timeoutMs} ms` });
      }, timeoutMs);
      const onMessage = (m: { outcome: string; message?: string; ms: number; maxRss: number }) => {
        cleanup();
        resolve(m);
      };
      const onExit = (code: number | null, signal: string | null) => {
        cleanup();
        resolve({ outcome: "crash", message: `the child died (exit ${code}, signal ${signal})` });
      };
      const cleanup = () => {
        clearTimeout(timer);
        c.off("message", onMessage);
        c.off("exit", onExit);
      };
      c.on("message", onMessage);
      c.once("exit", onExit);
      c.send({ bytes });
    });
  try {
    for (const kase of cases) {
      child ??= await start();
      stats.cases++;
      const r = await runOne(child, kase.bytes);
      stats.slowest = Math.max(stats.slowest, r.ms ?? 0);
      let outcome = r.outcome;
      let message = r.message ?? "";
      if (outcome === "refused" && LEAKS.test(message)) outcome = "crash";
      if ((outcome === "ok" || outcome === "refused") && (r.maxRss ?? 0) > maxRss) {
        outcome = "memory";
        message = `peak resident memory ${Math.round((r.maxRss ?? 0) / 2 ** 20)} MB (the child starts at ${Math.round(baseRss / 2 ** 20)} MB)`;
      }
      stats.results.push({
        label: kase.label,
        outcome: outcome as FuzzResult["outcome"],
        message,
        ms: r.ms ?? timeoutMs,
        maxRss: r.maxRss ?? 0,
      });
      if (outcome === "ok") stats.ok++;
      else if (outcome === "refused") stats.refused++;
      else {
        stats.failures.push({
          label: kase.label,
          outcome: outcome as FuzzFailure["outcome"],
          message,
          bytes: kase.bytes,
        });
        // A hung, dead or bloated child is replaced: the next case starts clean.
        child.kill("SIGKILL");
        child = undefined;
      }
    }
  } finally {
    child?.kill("SIGKILL");
  }
  return stats;
}

/** The failures, one line each, for an assertion message. */
export const describeFailures = (stats: FuzzStats) =>
  stats.failures.map((f) => `${f.outcome}: ${f.label}: ${f.message.split("\n")[0]}`).join("\n");

/** One line of figures for a run: cases, read, refused, failed, the slowest case. */
export const report = (name: string, s: FuzzStats) =>
  `${name}: ${s.cases} cases, ${s.ok} read, ${s.refused} refused, ${s.failures.length} failed; slowest ${Math.round(s.slowest)} ms`;
