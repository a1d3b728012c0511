/**
 * Fuzz target: one CSV file of LinkedIn's data export, given to `resume import` in the export's
 * folder. The case's first line names the file (Positions.csv when it names none the export
 * has); the rest is its content. The import reads it or refuses it with a ResumeError; what it
 * writes must validate under --strict.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadFile } from "../../../src/input/load.js";
import { validateDocument } from "../../../src/input/validate.js";
import { importResume } from "../../../src/pipeline/import.js";

const FIXTURE = path.resolve(import.meta.dirname, "../../fixtures/import/linkedin");
const FILES = readdirSync(FIXTURE);
const dir = mkdtempSync(path.join(os.tmpdir(), "fuzz-csv-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

export default async function csvImport(bytes: Uint8Array): Promise<void> {
  const buf = Buffer.from(bytes);
  const nl = buf.indexOf(0x0a);
  const named = nl < 0 ? "" : buf.subarray(0, nl).toString("latin1").trim();
  const file = FILES.includes(named) ? named : "Positions.csv";
  const folder = path.join(dir, "export");
  rmSync(folder, { recursive: true, force: true });
  cpSync(FIXTURE, folder, { recursive: true });
  writeFileSync(path.join(folder, file), nl < 0 ? buf : buf.subarray(nl + 1));
  const output = path.join(dir, "resume.yaml");
  rmSync(output, { force: true });
  rmSync(path.join(dir, "resume.schema.json"), { force: true });
  await importResume(folder, { output });
  const v = validateDocument(await loadFile(output, "resume.yaml"), { strict: "--strict" });
  if (!v.resume)
    throw new Error(
      `the imported file does not validate: ${v.problems.map((p) => `${p.path} ${p.message}`).join("; ")}`,
    );
}
