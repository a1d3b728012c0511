/**
 * npm run bench — how fast the builder is, measured on this machine, now.
 *
 * Every figure is a median over RUNS runs (with min and max), and each process timing is set
 * against `node -e 0` measured in the same run, interleaved, because shared machines are noisy.
 *   cold      the `resume` command (bin/resume) building resume.yaml, as a whole process: from
 *             its startup snapshot, and from the bundle alone (RESUME_NO_SNAPSHOT=1)
 *   warm      `resume build --watch`: the time it reports for each rebuild after an edit
 *   batch     100 résumés (fixtures and variants) built in one process by buildMany, on a
 *             pool of worker threads and, for comparison, in one thread
 *   rss       peak resident memory of a cold build (GNU time or Python's getrusage)
 *   scaling   RenderCV's John Doe example, imported with `resume import`, then every section
 *             repeated ×1 … ×9 (scripts/scaled-cv.mjs: 2 to 15 pages), built cold: the cost of
 *             each added page (the slope of the medians), peak memory at 15 pages, and
 *             `--watch` rebuilding the 8-page one after a one-word edit in a bullet
 *   preview   `resume preview` on the 2-page CV: from a one-word save to the new pages drawn in
 *             Chromium (puppeteer-core; when Chromium is installed), else to the new PDF served
 *   typst     the same CVs compiled cold by Typst (scripts/typst-cv.mjs sets the same words in
 *             the manner of RenderCV's classic theme), the comparison the 15-page budget is held
 *             to: its compiler (@myriaddreamin/typst-ts-node-compiler, not a dependency) is
 *             installed into out/typst/ from the npm registry on the first run; BENCH_TYPST=0,
 *             or no registry, leaves it out and the budget falls back to the 2-page build
 * Results are printed as a table, with the budgets they are held to, and written to
 * out/bench.json.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";
import { scaledResume } from "./scaled-cv.mjs";
import { toTypst } from "./typst-cv.mjs";

const root = path.resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const tmp = mkdtempSync(path.join(os.tmpdir(), "bench-"));
const env = { ...process.env, SOURCE_DATE_EPOCH: "1767225600" };
delete env.NODE_OPTIONS; // the command starts from its snapshot only without extra Node options
const cli = path.join(root, "bin/resume");
const input = path.join(root, "resume.yaml");

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s.at(-1), runs: s.length };
};

/** Wall time of a whole process, in ms; fails loudly if the command fails. */
function timed(command, args, extraEnv = {}) {
  const t0 = performance.now();
  const r = spawnSync(command, args, { env: { ...env, ...extraEnv }, encoding: "utf8" });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${r.stderr}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}

// The snapshot for this Node.js must exist, or the first runs would measure the fallback.
if (!existsSync(path.join(root, "dist/snapshot", `node-${process.version}.blob.dir`))) {
  throw new Error("no startup snapshot for this Node.js: run npm run build first");
}

// Interleave the baseline with the builds so that all of them see the same machine.
const node0 = [];
const coldNoVerify = [];
const coldVerify = [];
const coldBundle = [];
timed(cli, ["build", input, "-q", "-o", path.join(tmp, "warmup.pdf")]); // fill the OS file cache
for (let i = 0; i < RUNS; i++) {
  node0.push(timed(process.execPath, ["-e", "0"]).ms);
  coldNoVerify.push(timed(cli, ["build", input, "--no-verify", "-q", "-o", path.join(tmp, "a.pdf")]).ms);
  coldVerify.push(timed(cli, ["build", input, "-q", "-o", path.join(tmp, "b.pdf")]).ms);
  coldBundle.push(timed(cli, ["build", input, "-q", "-o", path.join(tmp, "c.pdf")], { RESUME_NO_SNAPSHOT: "1" }).ms);
}

// Peak memory of the whole process, read by a parent that waited for it.
function peakRssMb(file = input) {
  const args = ["build", file, "-q", "-o", path.join(tmp, "d.pdf")];
  if (existsSync("/usr/bin/time")) {
    const r = timed("/usr/bin/time", ["-f", "maxrss %M", cli, ...args]);
    return Number(/maxrss (\d+)/.exec(r.stderr)[1]) / 1024;
  }
  const py = `import resource, subprocess, sys\nsubprocess.run(sys.argv[1:], check=True)\nprint(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)`;
  const r = spawnSync("python3", ["-c", py, cli, ...args], { env, encoding: "utf8" });
  return r.status === 0 ? Number(r.stdout.trim()) / 1024 : undefined;
}
const rss = [];
for (let i = 0; i < Math.min(RUNS, 5); i++) rss.push(peakRssMb());

// Watch mode, as a user runs it: edit the résumé, read the rebuild time the command reports.
// `edit(text, i)` is the i-th edit of the file's text.
async function watchRebuilds(source = input, edit = (text, i) => `${text}# edit ${i}\n`, name = "resume.yaml") {
  const dir = mkdtempSync(path.join(tmp, "watch-"));
  cpSync(path.join(root, "assets"), path.join(dir, "assets"), { recursive: true });
  const file = path.join(dir, name);
  const text = readFileSync(source, "utf8");
  writeFileSync(file, text);
  const child = spawn(cli, ["build", file, "--watch", "-o", path.join(dir, "w.pdf")], {
    env: { ...env, NO_COLOR: "1" },
  });
  let out = "";
  const waitFor = (re, from) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const m = re.exec(out.slice(from));
        if (m) {
          child.stdout.off("data", check);
          resolve(m);
        }
      };
      child.stdout.on("data", check);
      child.once("exit", () => reject(new Error(`watch ended:\n${out}`)));
      child.setMaxListeners(0);
      check();
    });
  child.stdout.on("data", (d) => (out += d));
  await waitFor(/wrote .* in \d+ ms/, 0);
  const ms = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const from = out.length;
    writeFileSync(file, edit(text, i));
    const m = await waitFor(/rebuilt .* in (\d+) ms/, from);
    if (i >= 2) ms.push(Number(m[1]));
  }
  child.kill("SIGINT");
  return ms;
}
const warm = await watchRebuilds();

// Batches run through the library in this process.
const { buildMany } = await import(path.join(root, "dist/lib.mjs"));
const fixtures = [
  ["resume.yaml"],
  ["tests/fixtures/full.yaml"],
  ["tests/fixtures/long.yaml"],
  ["tests/fixtures/knobs.yaml"],
  ["tests/fixtures/unicode.yaml"],
  ["tests/fixtures/variants.yaml", "backend"],
  ["tests/fixtures/variants.yaml", "frontend"],
  ["../shared/conformance/jsonresume/sample.resume.json"],
];
const jobs = Array.from({ length: 100 }, (_, i) => {
  const [file, variant] = fixtures[i % fixtures.length];
  return { file: path.join(root, file), opts: { output: path.join(tmp, `batch-${i}.pdf`), env, variant } };
});
async function batch(threads) {
  const t0 = performance.now();
  const results = await buildMany(jobs, { threads });
  const failed = results.filter((r) => r instanceof Error);
  if (failed.length) throw new Error(`batch: ${failed[0].message}`);
  const seconds = (performance.now() - t0) / 1000;
  return { threads, seconds, per_second: jobs.length / seconds };
}
process.env.NODE_ENV = "production"; // as the worker threads and the bundled command run React
const pool = await batch(os.availableParallelism());
const single = await batch(0);

// The scaling series: the same CV at ×1 … ×9, built cold, interleaved with `node -e 0`.
const TIMES = [1, 2, 4, 5, 8, 9];
const scaleDir = path.join(tmp, "scale");
mkdirSync(scaleDir);
timed(cli, [
  "import",
  path.join(root, "tests/fixtures/import/rendercv/John_Doe_ClassicTheme_CV.yaml"),
  "-o",
  path.join(scaleDir, "cv.yaml"),
]);
const cv = YAML.parse(readFileSync(path.join(scaleDir, "cv.yaml"), "utf8"));
const series = TIMES.map((times) => {
  const file = path.join(scaleDir, `cv-x${times}.json`);
  writeFileSync(file, `${JSON.stringify(scaledResume(cv, times), null, 2)}\n`);
  const { pages } = JSON.parse(
    timed(cli, ["build", file, "--json", "-o", path.join(scaleDir, `x${times}.pdf`)]).stdout,
  );
  return { times, file, pages, ms: [] };
});
const node0Scaling = [];
for (let i = 0; i < RUNS; i++) {
  node0Scaling.push(timed(process.execPath, ["-e", "0"]).ms);
  for (const point of series)
    point.ms.push(timed(cli, ["build", point.file, "-q", "-o", path.join(scaleDir, "s.pdf")]).ms);
}
/** Least-squares slope of the medians against pages: what each added page costs. */
function slope(points) {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  return points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0) / points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
}
const scaling = series.map(({ times, pages, ms }) => ({ times, pages, ...stats(ms) }));
const perPage = slope(scaling.map((p) => ({ x: p.pages, y: p.median })));
const longest = series.at(-1);
const rssLong = [];
for (let i = 0; i < Math.min(RUNS, 3); i++) rssLong.push(peakRssMb(longest.file));
// --watch on the CV nearest 8 pages, one word of one bullet changed each time.
const eight = series.reduce((a, b) => (Math.abs(b.pages - 8) < Math.abs(a.pages - 8) ? b : a));
const word = (text, i) =>
  text.replace(
    /"(Built|Made) foundation model infrastructure/,
    `"${i % 2 ? "Built" : "Made"} foundation model infrastructure`,
  );
if (word(readFileSync(eight.file, "utf8"), 0) === readFileSync(eight.file, "utf8"))
  throw new Error("the scaling CV no longer has the bullet the watch edit changes");
const warmLong = await watchRebuilds(eight.file, word, "cv.json");

// resume preview on the 2-page CV: from a one-word save to its new pages drawn by the page in
// Chromium (when installed), else to the new PDF served after the server's event.
const CHROMIUM = ["chromium", "chromium-browser", "google-chrome"]
  .map((name) => spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim())
  .find(Boolean);
async function previewUpdates(file) {
  const child = spawn(cli, ["preview", file, "--port", "0"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (c) => (out += c));
  for (let i = 0; i < 600 && !/http:\/\/\S+/.test(out); i++) await new Promise((r) => setTimeout(r, 50));
  const url = /http:\/\/\S+/.exec(out)?.[0];
  if (!url) throw new Error(`preview printed no URL: ${out}`);
  const state = async () => (await fetch(`${url}state.json`)).json();
  for (let i = 0; i < 1200 && !(await state()).ok; i++) await new Promise((r) => setTimeout(r, 50));
  const text = readFileSync(file, "utf8");
  const ms = [];
  let browser;
  try {
    if (CHROMIUM) {
      const { default: puppeteer } = await import("puppeteer-core");
      browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForFunction("document.body.dataset.drawn !== undefined", { timeout: 120_000 });
      for (let i = 1; i <= RUNS + 2; i++) {
        const drawn = await page.evaluate("Number(document.body.dataset.drawn)");
        const t0 = performance.now();
        writeFileSync(file, word(text, i));
        await page.waitForFunction(`Number(document.body.dataset.drawn) > ${drawn}`, {
          timeout: 120_000,
          polling: "raf",
        });
        if (i > 2) ms.push(performance.now() - t0);
      }
    } else {
      for (let i = 1; i <= RUNS + 2; i++) {
        const id = (await state()).id;
        const t0 = performance.now();
        writeFileSync(file, word(text, i));
        for (let s = await state(); s.id === id; s = await state()) await new Promise((r) => setTimeout(r, 5));
        await (await fetch(`${url}resume.pdf`)).arrayBuffer();
        if (i > 2) ms.push(performance.now() - t0);
      }
    }
  } finally {
    await browser?.close();
    child.kill("SIGINT");
    writeFileSync(file, text);
  }
  return { through: CHROMIUM ? "Chromium, pages drawn" : "the server, new PDF fetched", ms };
}
const previewed = await previewUpdates(series[0].file);

// Typst on the same words, cold, interleaved with the builder's series' floor.
const TYPST = "@myriaddreamin/typst-ts-node-compiler";
function typstCompiler() {
  if (process.env.BENCH_TYPST === "0") return undefined;
  const prefix = path.join(root, "out/typst");
  const installed = path.join(prefix, "node_modules", TYPST);
  if (!existsSync(installed)) {
    mkdirSync(prefix, { recursive: true });
    const r = spawnSync("npm", ["install", "--no-save", "--no-package-lock", "--prefix", prefix, `${TYPST}@0.7.0`], {
      encoding: "utf8",
    });
    if (r.status !== 0) {
      console.error(
        `typst: not installed (${r.stderr.trim().split("\n").at(-1)}); the 15-page budget falls back to the 2-page build`,
      );
      return undefined;
    }
  }
  return installed;
}
const compiler = typstCompiler();
const typst = compiler
  ? series.map(({ times, file }) => {
      const typ = path.join(scaleDir, `cv-x${times}.typ`);
      writeFileSync(typ, toTypst(JSON.parse(readFileSync(file, "utf8"))));
      const out = path.join(scaleDir, `typst-x${times}.pdf`);
      timed(process.execPath, [path.join(root, "scripts/typst-cv.mjs"), compiler, typ, out]);
      const pages =
        Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [out], { encoding: "utf8" }).stdout ?? "")?.[1]) || undefined;
      return { times, typ, out, pages, ms: [] };
    })
  : [];
for (let i = 0; i < (typst.length ? RUNS : 0); i++) {
  for (const point of typst)
    point.ms.push(
      timed(process.execPath, [path.join(root, "scripts/typst-cv.mjs"), compiler, point.typ, point.out]).ms,
    );
}

const n0 = stats(node0);
const withRatio = (xs) => ({ ...stats(xs), ratio_to_node: stats(xs).median / n0.median });
const result = {
  machine: { cpus: os.availableParallelism(), node: process.version },
  node_e_0_ms: n0,
  cold_no_verify_ms: withRatio(coldNoVerify),
  cold_verify_ms: withRatio(coldVerify),
  cold_bundle_only_ms: withRatio(coldBundle),
  warm_rebuild_ms: stats(warm),
  batch_100: { pool: { ...pool, threads: os.availableParallelism() }, one_thread: single },
  peak_rss_mb: rss.every((x) => x !== undefined) ? stats(rss) : null,
  scaling: {
    node_e_0_ms: stats(node0Scaling),
    cold_ms: scaling,
    per_added_page_ms: perPage,
    peak_rss_mb: { pages: longest.pages, ...(rssLong.every((x) => x !== undefined) ? stats(rssLong) : {}) },
    watch_rebuild_ms: { pages: eight.pages, ...stats(warmLong) },
    preview_update_ms: { pages: series[0].pages, through: previewed.through, ...stats(previewed.ms) },
  },
  typst: typst.length ? { cold_ms: typst.map(({ times, pages, ms }) => ({ times, pages, ...stats(ms) })) } : null,
};
if (result.typst)
  result.typst.per_added_page_ms = slope(
    result.typst.cold_ms.filter((p) => p.pages).map((p) => ({ x: p.pages, y: p.median })),
  );
const two = scaling[0];
const fifteen = scaling.at(-1);
/** The budgets the build is held to (tests never time anything). */
const budgets = [
  [`each added page costs at most 100 ms`, perPage <= 100, `${perPage.toFixed(0)} ms`],
  result.typst
    ? [
        `${fifteen.pages} pages cold in at most 2× Typst on the same words`,
        fifteen.median <= 2 * result.typst.cold_ms.at(-1).median,
        `${(fifteen.median / result.typst.cold_ms.at(-1).median).toFixed(2)}×`,
      ]
    : [
        `${fifteen.pages} pages cold in at most 1.5× the ${two.pages}-page build (no Typst to compare with)`,
        fifteen.median <= 1.5 * two.median,
        `${(fifteen.median / two.median).toFixed(2)}×`,
      ],
  [
    `--watch rebuilds ${eight.pages} pages in at most 300 ms after a one-word edit`,
    result.scaling.watch_rebuild_ms.median <= 300,
    `${result.scaling.watch_rebuild_ms.median.toFixed(0)} ms`,
  ],
  [
    `resume preview shows ${series[0].pages} new pages within 300 ms of a save (${previewed.through})`,
    result.scaling.preview_update_ms.median <= 300,
    `${result.scaling.preview_update_ms.median.toFixed(0)} ms`,
  ],
  [
    `peak RSS at ${longest.pages} pages at most 200 MB`,
    (result.scaling.peak_rss_mb.median ?? Infinity) <= 200,
    `${result.scaling.peak_rss_mb.median?.toFixed(0)} MB`,
  ],
];
result.budgets = budgets.map(([budget, ok, measured]) => ({ budget, ok, measured }));
rmSync(tmp, { recursive: true, force: true });
mkdirSync(path.join(root, "out"), { recursive: true });
writeFileSync(path.join(root, "out/bench.json"), `${JSON.stringify(result, null, 2)}\n`);

const f = (x) => x.toFixed(0).padStart(6);
const row = (name, s, extra = "") => console.log(`${name.padEnd(40)}${f(s.median)}${f(s.min)}${f(s.max)}  ${extra}`);
console.log(
  `${"".padEnd(40)}median   min   max   (ms, ${RUNS} runs, ${result.machine.cpus} cores, Node ${process.version})`,
);
row("node -e 0", n0);
row(
  "cold build --no-verify",
  result.cold_no_verify_ms,
  `${result.cold_no_verify_ms.ratio_to_node.toFixed(1)}× node -e 0`,
);
row(
  "cold build (with read-back check)",
  result.cold_verify_ms,
  `${result.cold_verify_ms.ratio_to_node.toFixed(1)}× node -e 0`,
);
row(
  "cold build, bundle only (no snapshot)",
  result.cold_bundle_only_ms,
  `${result.cold_bundle_only_ms.ratio_to_node.toFixed(1)}× node -e 0`,
);
row("warm rebuild (--watch, as reported)", result.warm_rebuild_ms);
const batchRow = (name, b) =>
  console.log(`${name.padEnd(40)}${b.seconds.toFixed(1).padStart(6)} s   ${b.per_second.toFixed(1)} résumés/s`);
batchRow(`batch of 100, ${result.batch_100.pool.threads} worker threads`, pool);
batchRow("batch of 100, one thread", single);
if (result.peak_rss_mb) console.log(`${"peak RSS, cold build".padEnd(40)}${f(result.peak_rss_mb.median)} MB`);
else console.log(`${"peak RSS, cold build".padEnd(40)}  (needs /usr/bin/time or python3)`);
console.log(
  `\nscaling: RenderCV's John Doe ×n, cold builds (node -e 0: ${result.scaling.node_e_0_ms.median.toFixed(0)} ms in this series)`,
);
for (const p of scaling)
  row(`  ×${p.times}, ${p.pages} pages`, p, `${(p.median / result.scaling.node_e_0_ms.median).toFixed(1)}× node -e 0`);
console.log(`${"  each added page".padEnd(40)}${f(perPage)} ms`);
if (result.scaling.peak_rss_mb.median !== undefined)
  console.log(`${`  peak RSS, ${longest.pages} pages`.padEnd(40)}${f(result.scaling.peak_rss_mb.median)} MB`);
row(`  --watch, ${eight.pages} pages, one-word edit`, result.scaling.watch_rebuild_ms);
row(`  preview, ${series[0].pages} pages, save to new pages`, result.scaling.preview_update_ms, previewed.through);
if (result.typst) {
  console.log("\nTypst on the same words, cold (scripts/typst-cv.mjs)");
  for (const p of result.typst.cold_ms)
    row(
      `  ×${p.times}, ${p.pages ?? "?"} pages`,
      p,
      `${(scaling.find((q) => q.times === p.times).median / p.median).toFixed(1)}× faster than this tool`,
    );
  console.log(`${"  each added page".padEnd(40)}${f(result.typst.per_added_page_ms)} ms`);
}
console.log("\nbudgets:");
for (const b of result.budgets) console.log(`  ${b.ok ? "ok  " : "OVER"}  ${b.budget}: ${b.measured}`);
console.log("written to out/bench.json");
