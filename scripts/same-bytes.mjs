#!/usr/bin/env node
/**
 * The same-bytes check: every output of every fixture and real résumé, in every theme, hashed.
 * Run it before a change that should change no output (`node scripts/same-bytes.mjs > before.json`)
 * and after it (`node scripts/same-bytes.mjs --against before.json`): the second run lists every
 * output whose bytes (or whose error message) differ, and exits 1 when any does.
 *
 * It covers résumés (pdf, docx, md, txt, json; png for the default résumé), variants, cover
 * letters in their own file and in a résumé's list, refused files (their messages), imports
 * (RenderCV, LinkedIn) and what `resume ats --json` and `resume extract` read back.
 * Needs `npm run build` first: it drives dist/ as the package ships it.
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(ROOT);
const { build } = await import(path.join(ROOT, "dist/lib.mjs"));
const THEMES = ["classic", "modern", "compact", "sidebar"];
const env = { ...process.env, SOURCE_DATE_EPOCH: "1700000000" };
const sha = (b) => createHash("sha256").update(b).digest("hex").slice(0, 16);
const list = (dir, re) =>
  readdirSync(dir)
    .filter((f) => re.test(f))
    .sort()
    .map((f) => path.join(dir, f));
const out = {};
const work = mkdtempSync(path.join(tmpdir(), "same-bytes-"));
const errorText = (err) =>
  err?.diagnostics
    ? err.diagnostics
        .map((d) => `${path.basename(d.file)}:${d.line ?? ""}:${d.col ?? ""} ${d.path} ${d.message}`)
        .join("\n")
    : String(err?.stack ?? err);

async function record(key, opts, file) {
  const dir = mkdtempSync(path.join(work, "b-"));
  try {
    const r = await build(file, { outDir: dir, env, ...opts });
    for (const o of r.outputs) out[`${key} ${path.basename(o)}`] = sha(readFileSync(o));
    out[`${key} warnings`] = sha(r.warnings.map((w) => `${w.line}:${w.col} ${w.path} ${w.message}`).join("\n"));
    return r;
  } catch (err) {
    out[`${key} error`] = sha(errorText(err));
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cli = (args) => {
  try {
    return execFileSync("sh", ["bin/resume", ...args], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (err) {
    return `exit ${err.status}\n${err.stdout}${err.stderr}`;
  }
};

const resumes = ["resume.yaml", ...list("tests/fixtures", /\.ya?ml$/), ...list("tests/fixtures/real", /\.json$/)];
for (const file of resumes) {
  for (const theme of THEMES) {
    const formats = ["pdf", "docx", "md", "txt", "json", ...(file === "resume.yaml" ? ["png"] : [])];
    await record(`${file} ${theme}`, { render: { theme }, formats }, file);
  }
}
for (const file of list("tests/fixtures/bad", /./)) await record(file, {}, file);
for (const variant of ["backend", "ml"])
  await record(`variants.yaml ${variant}`, { variant, formats: ["pdf", "md"] }, "tests/fixtures/variants.yaml");
for (const theme of THEMES)
  await record(
    `cover-letter ${theme}`,
    { render: { theme }, formats: ["pdf", "docx", "md", "txt"] },
    "examples/cover-letter.yaml",
  );
const inList = path.join(work, "letters.yaml");
writeFileSync(
  inList,
  `${readFileSync("resume.yaml", "utf8").replace(/assets\//g, `${ROOT}/assets/`)}\nletters:\n  - id: acme\n    recipient: { name: Hiring team, company: Acme }\n    body: [First paragraph of the letter., Second paragraph.]\n`,
);
await record("letters acme", { letter: "acme", formats: ["pdf", "md", "docx"] }, inList);

const imports = [
  ...list("tests/fixtures/import/rendercv", /\.yaml$/),
  ...list("tests/fixtures/import/rendercv-real", /\.yaml$/),
  "tests/fixtures/import/linkedin",
];
for (const [i, source] of imports.entries()) {
  const to = path.join(work, `import-${i}.yaml`);
  const said = cli(["import", source, "-o", to, "-q"]);
  out[`import ${source}`] = sha(statSync(to, { throwIfNoEntry: false }) ? readFileSync(to) : said);
  rmSync(to, { force: true });
}
for (const theme of THEMES) {
  const pdf = path.join(work, `${theme}.pdf`);
  cli(["build", "resume.yaml", "--theme", theme, "-o", pdf, "-q"]);
  out[`ats ${theme}`] = sha(cli(["ats", pdf, "--json"]));
  out[`extract ${theme}`] = sha(cli(["extract", pdf]));
}
rmSync(work, { recursive: true, force: true });

const against = process.argv.indexOf("--against");
if (against < 0) {
  process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
} else {
  const before = JSON.parse(readFileSync(process.argv[against + 1], "utf8"));
  const keys = [...new Set([...Object.keys(before), ...Object.keys(out)])].sort();
  const differ = keys.filter((k) => before[k] !== out[k]);
  for (const k of differ)
    console.log(`${before[k] === undefined ? "new    " : out[k] === undefined ? "missing" : "differs"} ${k}`);
  console.log(`${keys.length - differ.length} of ${keys.length} outputs have the same bytes`);
  process.exitCode = differ.length ? 1 : 0;
}
