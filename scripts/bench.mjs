/**
 * npm run bench — how fast the builder is, measured on this machine, now.
 *
 * Every figure is a median over RUNS runs (with min and max), and each process timing is set
 * against `node -e 0` measured in the same run, interleaved, because shared machines are noisy.
 *   cold      the built command (dist/resume.mjs) building resume.yaml, as a whole process
 *   warm      a rebuild in a process that has built before (what --watch does)
 *   batch     100 résumés (fixtures and variants) built in one process
 *   rss       peak resident memory of a cold build
 * Results are printed as a table and written to out/bench.json.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const tmp = mkdtempSync(path.join(os.tmpdir(), "bench-"));
const env = { ...process.env, SOURCE_DATE_EPOCH: "1767225600" };
const cli = path.join(root, "dist/resume.mjs");
const input = path.join(root, "resume.yaml");

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s.at(-1), runs: s.length };
};

/** Wall time of a whole process, in ms; fails loudly if the command fails. */
function timed(args, extraEnv = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { env: { ...env, ...extraEnv }, encoding: "utf8" });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stderr}`);
  return { ms, stderr: r.stderr };
}

// Interleave the baseline with the builds so that both see the same machine.
const node0 = [];
const coldNoVerify = [];
const coldVerify = [];
timed([cli, "build", input, "-q", "-o", path.join(tmp, "warmup.pdf")]); // fill the OS file cache
for (let i = 0; i < RUNS; i++) {
  node0.push(timed(["-e", "0"]).ms);
  coldNoVerify.push(timed([cli, "build", input, "--no-verify", "-q", "-o", path.join(tmp, "a.pdf")]).ms);
  coldVerify.push(timed([cli, "build", input, "-q", "-o", path.join(tmp, "b.pdf")]).ms);
}

// Peak memory: the child reports its own maximum RSS as it exits.
const hook = path.join(tmp, "rss.cjs");
writeFileSync(hook, `process.on("exit", () => process.stderr.write("maxrss " + process.resourceUsage().maxRSS + "\\n"));`);
const rss = [];
for (let i = 0; i < Math.min(RUNS, 5); i++) {
  const { stderr } = timed(["--require", hook, cli, "build", input, "-q", "-o", path.join(tmp, "c.pdf")]);
  rss.push(Number(/maxrss (\d+)/.exec(stderr)[1]) / 1024);
}

// Warm rebuilds and the batch run in this process, through the library.
const { build } = await import(path.join(root, "dist/build.js"));
const warm = [];
for (let i = 0; i < RUNS + 2; i++) {
  const t0 = performance.now();
  await build(input, { output: path.join(tmp, "w.pdf"), env });
  if (i >= 2) warm.push(performance.now() - t0);
}
const fixtures = [
  ["resume.yaml"],
  ["tests/fixtures/full.yaml"],
  ["tests/fixtures/long.yaml"],
  ["tests/fixtures/knobs.yaml"],
  ["tests/fixtures/unicode.yaml"],
  ["tests/fixtures/variants.yaml", "backend"],
  ["tests/fixtures/variants.yaml", "frontend"],
  ["../shared/conformance/jsonresume/sample.resume.json"],
].map(([f, variant]) => [path.join(root, f), variant]);
const t0 = performance.now();
for (let i = 0; i < 100; i++) {
  const [file, variant] = fixtures[i % fixtures.length];
  await build(file, { output: path.join(tmp, `batch-${i % fixtures.length}.pdf`), env, variant });
}
const batchSeconds = (performance.now() - t0) / 1000;

const n0 = stats(node0);
const result = {
  machine: { cpus: os.cpus().length, node: process.version },
  node_e_0_ms: n0,
  cold_no_verify_ms: { ...stats(coldNoVerify), ratio_to_node: stats(coldNoVerify).median / n0.median },
  cold_verify_ms: { ...stats(coldVerify), ratio_to_node: stats(coldVerify).median / n0.median },
  warm_rebuild_ms: stats(warm),
  batch_100: { seconds: batchSeconds, per_second: 100 / batchSeconds },
  peak_rss_mb: stats(rss),
};
rmSync(tmp, { recursive: true, force: true });
mkdirSync(path.join(root, "out"), { recursive: true });
writeFileSync(path.join(root, "out/bench.json"), `${JSON.stringify(result, null, 2)}\n`);

const f = (x) => x.toFixed(0).padStart(6);
const row = (name, s, extra = "") => console.log(`${name.padEnd(34)}${f(s.median)}${f(s.min)}${f(s.max)}  ${extra}`);
console.log(`${"".padEnd(34)}median   min   max   (ms, ${RUNS} runs, ${os.cpus().length} cores, Node ${process.version})`);
row("node -e 0", n0);
row("cold build --no-verify", result.cold_no_verify_ms, `${result.cold_no_verify_ms.ratio_to_node.toFixed(1)}× node -e 0`);
row("cold build (with read-back check)", result.cold_verify_ms, `${result.cold_verify_ms.ratio_to_node.toFixed(1)}× node -e 0`);
row("warm rebuild (watch mode)", result.warm_rebuild_ms);
console.log(`${"batch of 100 résumés".padEnd(34)}${batchSeconds.toFixed(1).padStart(6)} s   ${result.batch_100.per_second.toFixed(1)} résumés/s`);
console.log(`${"peak RSS, cold build".padEnd(34)}${f(result.peak_rss_mb.median)} MB`);
console.log("written to out/bench.json");
