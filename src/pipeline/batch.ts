/**
 * Many résumés in one process: builds spread over a pool of worker threads, one per core, or run
 * one after another in this thread. A worker takes about a second to load the renderer and warm
 * up, then two of them build ~1.6× as many résumés a second as one thread (measured on two cores:
 * 50 jobs are faster in one thread, 100 about even, 200 ~1.2× faster on the pool), so the pool is
 * used by default from POOL_FROM jobs up, on more than one core. Results come back in the order
 * of the jobs; a build that fails gives its ResumeError in its place and the others go on.
 */
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { build, type BuildOptions, type BuildResult } from "./build.js";
import { ResumeError, type Diagnostic } from "../common/errors.js";
import { PACKAGE_ROOT } from "../common/package.js";

/** A build's options without callbacks (they cannot cross to a worker thread). */
export type BatchOptions = Omit<BuildOptions, "onWrite">;

export interface BatchJob {
  file: string;
  opts?: BatchOptions;
}

export type BatchResult = BuildResult | ResumeError;

/** Below this many jobs the pool's start-up costs more than it saves. */
export const POOL_FROM = 100;

export interface BatchSettings {
  /** Worker threads (default: one per core from POOL_FROM jobs up, else 0); 0 = this thread. */
  threads?: number;
  /** Told as each job finishes, in the order they finish. */
  onResult?: (result: BatchResult, index: number) => void;
}

/** What a worker sends back for one job. */
export type WorkerReply =
  { id: number; result: BuildResult } | { id: number; diagnostics: Diagnostic[] } | { id: number; crash: string };

export async function buildMany(jobs: readonly BatchJob[], settings: BatchSettings = {}): Promise<BatchResult[]> {
  const cores = os.availableParallelism();
  const threads = Math.min(settings.threads ?? (cores > 1 && jobs.length >= POOL_FROM ? cores : 0), jobs.length);
  const results: BatchResult[] = new Array(jobs.length);
  const done = (result: BatchResult, i: number) => {
    results[i] = result;
    settings.onResult?.(result, i);
  };
  if (threads < 1) {
    for (const [i, job] of jobs.entries()) done(await buildOne(job), i);
    return results;
  }
  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      // React's production build, as the bundled command uses: the development one only adds checks.
      const worker = new Worker(path.join(PACKAGE_ROOT, "dist/batch-worker.mjs"), {
        env: { ...process.env, NODE_ENV: "production" },
      });
      // Two jobs in flight per worker: the next one is already there when a build ends.
      let inFlight = 0;
      const send = () => {
        if (next >= jobs.length) {
          if (inFlight === 0) void worker.terminate().then(() => resolve(), reject);
          return;
        }
        const id = next++;
        inFlight++;
        worker.postMessage({ id, file: jobs[id]!.file, opts: jobs[id]!.opts ?? {} });
      };
      worker.on("message", (reply: WorkerReply) => {
        inFlight--;
        if ("result" in reply) done(reply.result, reply.id);
        else if ("diagnostics" in reply) done(new ResumeError(reply.diagnostics), reply.id);
        else return reject(new Error(reply.crash));
        send();
      });
      worker.on("error", reject);
      send();
      send();
    });
  await Promise.all(Array.from({ length: threads }, runWorker));
  return results;
}

/** One build, with a problem in the résumé as a value rather than an exception. */
export async function buildOne(job: BatchJob): Promise<BatchResult> {
  try {
    return await build(job.file, job.opts);
  } catch (err) {
    if (err instanceof ResumeError) return err;
    throw err;
  }
}
