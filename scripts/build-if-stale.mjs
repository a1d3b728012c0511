/**
 * `npm test`'s build step: runs `npm run build` (tsc, the esbuild bundles, the V8 snapshots) unless
 * dist/ was built from exactly the files it is built from now. `npm run build` ends by writing the
 * stamp, dist/.build-stamp: a hash of src/, scripts/, patches/, the package and TypeScript
 * configuration, the installed packages' lock (node_modules/.package-lock.json), the Node.js
 * version and dist/'s own path (the snapshots name it). A fresh clone has no dist/: it builds.
 *   node scripts/build-if-stale.mjs           (npm test)
 *   node scripts/build-if-stale.mjs --stamp   (the end of npm run build: writes the stamp)
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, "dist");
const STAMP = path.join(dist, ".build-stamp");

const INPUTS = [
  "src",
  "scripts",
  "patches",
  "package.json",
  "package-lock.json",
  "node_modules/.package-lock.json",
  "tsconfig.json",
  "tsconfig.build.json",
];
/** What the tests run: the build must have left each of these. */
const OUTPUTS = [
  "cli/bin.js",
  "cli/main.js",
  "resume.mjs",
  "lib.mjs",
  "preview/pdfjs/pdf.min.mjs",
  `snapshot/node-${process.version}.blob`,
  `snapshot/node-${process.version}-check.blob`,
];

/** Every file under `rel` (or `rel` itself), relative to the root, sorted. */
function files(rel) {
  const full = path.join(root, rel);
  const stat = statSync(full, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [rel];
  return readdirSync(full, { recursive: true })
    .map((f) => path.join(rel, String(f)))
    .filter((f) => statSync(path.join(root, f)).isFile())
    .sort();
}

function stamp() {
  const hash = createHash("sha256").update(`${process.version}\0${dist}\0`);
  for (const file of INPUTS.flatMap(files)) hash.update(`${file}\0`).update(readFileSync(path.join(root, file)));
  return hash.digest("hex");
}

if (process.argv.includes("--stamp")) {
  writeFileSync(STAMP, `${stamp()}\n`);
  process.exit(0);
}

const want = stamp();
const have = existsSync(STAMP) ? readFileSync(STAMP, "utf8").trim() : "";
const complete =
  OUTPUTS.every((f) => existsSync(path.join(dist, f))) &&
  [`node-${process.version}.blob.dir`, `node-${process.version}-check.blob.dir`].every(
    (f) =>
      existsSync(path.join(dist, "snapshot", f)) &&
      readFileSync(path.join(dist, "snapshot", f), "utf8").trim() === dist,
  );

if (have === want && complete) {
  console.log("dist/ is up to date with src/, scripts/ and the installed packages: not rebuilt (npm run build does)");
} else {
  const r = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  process.exit(r.status ?? 1);
}
