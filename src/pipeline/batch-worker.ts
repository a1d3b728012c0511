/** A worker thread of the batch pool (batch.ts): builds the jobs it is sent, one at a time. */
import { parentPort } from "node:worker_threads";
import { buildOne, type BatchJob, type WorkerReply } from "./batch.js";
import { ResumeError } from "../common/errors.js";

parentPort!.on("message", async ({ id, file, opts }: BatchJob & { id: number }) => {
  let reply: WorkerReply;
  try {
    const result = await buildOne({ file, opts });
    reply = result instanceof ResumeError ? { id, diagnostics: result.diagnostics } : { id, result };
  } catch (err) {
    reply = { id, crash: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});
