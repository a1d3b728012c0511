/** The fuzz harness's child: runs one target (argv[2]) on each case the parent sends. */
const target = ((await import(process.argv[2]!)) as { default: (bytes: Uint8Array) => unknown }).default;

process.on("message", async (m: { bytes: Uint8Array }) => {
  const t0 = performance.now();
  let outcome = "ok";
  let message: string | undefined;
  try {
    const result = await target(m.bytes);
    // A target may return a summary of what it read, for a test to check.
    if (typeof result === "string") message = result.slice(0, 4000);
  } catch (err) {
    // By name: a target may load errors.ts under another URL than this file would.
    if (err instanceof Error && err.name === "ResumeError" && Array.isArray((err as { diagnostics?: unknown }).diagnostics)) {
      outcome = "refused";
      message = err.message;
    } else {
      outcome = "crash";
      message = err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err);
    }
  }
  process.send!({ outcome, message, ms: performance.now() - t0, maxRss: process.resourceUsage().maxRSS * 1024 });
});
process.send!({ ready: true, rss: process.memoryUsage().rss });
