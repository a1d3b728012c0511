/** Fuzz target: a PDF read as `resume extract` reads it (its embedded resume.json, as YAML). */
import { extractResumeBytes } from "../../../src/pipeline/extract.js";

export default function (bytes: Uint8Array): string {
  return extractResumeBytes(bytes, { label: "case.pdf" });
}
