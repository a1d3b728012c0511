/** The fuzz harness's child: runs one target (argv[2]) on each case the parent sends. */
import { readFileSync, writeFileSync } from "node:fs";

const target = ((await import(process.argv[2]!)) as { default: (bytes: Uint8Array) => unknown }).default;

/**
 * The peak resident memory of this case alone, where Linux can tell it: the high-water mark is
 * reset before each case (clear_refs 5) and read after (VmHWM). Elsewhere, the process's peak
 * so far (getrusage, which a child inherits from the process that forked it: a parent that
 * holds many cases makes every child look large).
 */
const resetPeak = () => {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
};
const peak = (reset: boolean) => {
  if (reset) {
    try {
      const kb = /VmHWM:\s*(\d+)\s*kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
      if (kb) return Number(kb) * 1024;
    } catch {
      // Not Linux: below.
    }
  }
  return process.resourceUsage().maxRSS * 1024;
};

process.on("message", async (m: { bytes: Uint8Array }) => {
  const reset = resetPeak();
  const t0 = performance.now();
  let outcome = "ok";
  let message: string | undefined;
  try {
    const result = await target(m.bytes);
    // A target may return a summary of what it read, for a test to check.
    if (typeof result === "string") message = result.slice(0, 4000);
  } catch (err) {
    // By name: a target may load errors.ts under another URL than this file would.
    if (
      err instanceof Error &&
      err.name === "ResumeError" &&
      Array.isArray((err as { diagnostics?: unknown }).diagnostics)
    ) {
      outcome = "refused";
      message = err.message;
    } else {
      outcome = "crash";
      message = err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err);
    }
  }
  process.send!({ outcome, message, ms: performance.now() - t0, maxRss: peak(reset) });
});
process.send!({ ready: true, rss: process.memoryUsage().rss });
