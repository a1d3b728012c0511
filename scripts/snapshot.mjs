/**
 * Builds the command's V8 startup snapshots for the Node.js running this script:
 *   dist/snapshot/node-<version>.blob        from dist/resume-snapshot.cjs (src/startup/snapshot.ts): the
 *                                            whole command, fonts of the default theme parsed
 *   dist/snapshot/node-<version>-check.blob  from dist/resume-check-snapshot.cjs: the commands
 *                                            that never render (validate, schema, themes, theme, init)
 * A process started from one skips loading and initialising the bundle. bin/resume uses a
 * snapshot only when it was built by the same Node.js version for the same folder (the `.dir`
 * file beside it), and runs dist/resume.mjs otherwise, so a missing or stale snapshot only costs
 * speed; it then starts this script in the background to build them for the next run.
 *   node scripts/snapshot.mjs              (run by npm run build)
 *   node scripts/snapshot.mjs --optional   (after install, or from bin/resume: never fails, says nothing)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const optional = process.argv.includes("--optional");
const dist = path.resolve(import.meta.dirname, "../dist");
/**
 * The V8 flags bin/resume starts Node.js with (`heap=` there): a snapshot starts only with the flags it was built with.
 */
const HEAP_FLAGS = ["--max-semi-space-size=8"];

const snapshots = [
  [path.join(dist, "resume-snapshot.cjs"), `node-${process.version}.blob`],
  [path.join(dist, "resume-check-snapshot.cjs"), `node-${process.version}-check.blob`],
];

function fail(message) {
  if (optional) process.exit(0);
  process.stderr.write(`snapshot: ${message}\n`);
  process.exit(1);
}

for (const [entry] of snapshots) if (!existsSync(entry)) fail(`${entry} is missing; run npm run build`);
const dir = path.join(dist, "snapshot");
mkdirSync(dir, { recursive: true });

// bin/resume may start a background build from several commands at once: one is enough.
const lock = path.join(dir, `node-${process.version}.lock`);
try {
  writeFileSync(lock, String(process.pid), { flag: "wx" });
} catch {
  const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0);
  if (optional && age < 120_000) process.exit(0);
  writeFileSync(lock, String(process.pid));
}
process.on("exit", () => rmSync(lock, { force: true }));

/** A snapshot is current when its stamp names this folder (npm run build still rebuilds it). */
const current = (blob) =>
  existsSync(blob) && existsSync(`${blob}.dir`) && readFileSync(`${blob}.dir`, "utf8").trim() === dist;

for (const [entry, name] of snapshots) {
  const blob = path.join(dir, name);
  if (optional && current(blob)) continue;
  const tmp = `${blob}.${process.pid}.tmp`;
  // Until the new snapshot is in place, bin/resume runs the bundle (never an older snapshot).
  rmSync(`${blob}.dir`, { force: true });
  const r = spawnSync(process.execPath, [...HEAP_FLAGS, "--snapshot-blob", tmp, "--build-snapshot", entry], {
    encoding: "utf8",
    cwd: dist,
  });
  if (r.status !== 0 || !existsSync(tmp)) {
    rmSync(tmp, { force: true });
    fail(`building ${name} failed:\n${r.stderr}`);
  }
  // The blob first, then the stamp that lets bin/resume use it.
  renameSync(tmp, blob);
  writeFileSync(`${blob}.dir.tmp`, `${dist}\n`);
  renameSync(`${blob}.dir.tmp`, `${blob}.dir`);
}
