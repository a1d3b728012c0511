/**
 * Builds the command's V8 startup snapshot: dist/snapshot/node-<version>.blob, from
 * dist/resume-snapshot.cjs (see src/snapshot.ts), for the Node.js running this script. A process
 * started from it skips loading the bundle and parsing the default theme's fonts. bin/resume
 * uses it only when it was built by the same Node.js version for the same folder (the `.dir`
 * file beside it), and runs dist/resume.mjs otherwise, so a missing or stale snapshot only costs
 * speed; it then starts this script in the background to build one for the next run.
 *   node scripts/snapshot.mjs              (run by npm run build)
 *   node scripts/snapshot.mjs --optional   (after install, or from bin/resume: never fails, says nothing)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const optional = process.argv.includes("--optional");
const dist = path.resolve(import.meta.dirname, "../dist");
const entry = path.join(dist, "resume-snapshot.cjs");

function fail(message) {
  if (optional) process.exit(0);
  process.stderr.write(`snapshot: ${message}\n`);
  process.exit(1);
}

if (!existsSync(entry)) fail(`${entry} is missing; run npm run build`);
const dir = path.join(dist, "snapshot");
mkdirSync(dir, { recursive: true });
const blob = path.join(dir, `node-${process.version}.blob`);
const tmp = `${blob}.${process.pid}.tmp`;
// bin/resume may start a background build from several commands at once: one is enough.
const lock = `${blob}.lock`;
try {
  writeFileSync(lock, String(process.pid), { flag: "wx" });
} catch {
  const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0);
  if (optional && age < 120_000) process.exit(0);
  writeFileSync(lock, String(process.pid));
}
process.on("exit", () => rmSync(lock, { force: true }));
// Until the new snapshot is in place, bin/resume runs the bundle (never an older snapshot).
rmSync(`${blob}.dir`, { force: true });
const r = spawnSync(process.execPath, ["--snapshot-blob", tmp, "--build-snapshot", entry], { encoding: "utf8", cwd: dist });
if (r.status !== 0 || !existsSync(tmp)) {
  rmSync(tmp, { force: true });
  fail(`building the snapshot failed:\n${r.stderr}`);
}
// The blob first, then the stamp that lets bin/resume use it.
renameSync(tmp, blob);
writeFileSync(`${blob}.dir.tmp`, `${dist}\n`);
renameSync(`${blob}.dir.tmp`, `${blob}.dir`);
