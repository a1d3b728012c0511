/**
 * Fuzz target: the bytes as a ZIP given to `resume import` (LinkedIn's data export). It reads
 * it or refuses it with a ResumeError; what it writes must validate under --strict.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadFile } from "../../../src/input/load.js";
import { validateDocument } from "../../../src/input/validate.js";
import { importResume } from "../../../src/pipeline/import.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "fuzz-zip-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

export default async function zipImport(bytes: Uint8Array): Promise<void> {
  const source = path.join(dir, "export.zip");
  const output = path.join(dir, "resume.yaml");
  rmSync(output, { force: true });
  writeFileSync(source, bytes);
  await importResume(source, { output });
  // What was written validates as it is: a file that does not is a failure of the import.
  const loaded = await loadFile(output, "resume.yaml");
  const v = validateDocument(loaded, { strict: "--strict" });
  if (!v.resume)
    throw new Error(
      `the imported file does not validate: ${v.problems.map((p) => `${p.path} ${p.message}`).join("; ")}`,
    );
}
