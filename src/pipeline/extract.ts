/**
 * `resume extract`: the résumé a PDF of this tool was built from, as it was printed (the selected
 * variant, with the render settings used), written back out as YAML or JSON to edit and rebuild.
 */
import { stringify } from "yaml";
import { readEmbeddedFiles } from "../check/pdftext.js";
import { ResumeError } from "../common/errors.js";
import { EMBEDDED_NAME } from "./build.js";
import { readFileBounded } from "../input/load.js";
import { MAX_ATS_BYTES } from "./ats.js";

export function extractResume(pdf: string, opts: { label?: string; format?: "yaml" | "json" } = {}): string {
  const label = opts.label ?? pdf;
  const bytes = readFileBounded(pdf, label, MAX_ATS_BYTES);
  const fail = (message: string) => new ResumeError([{ file: label, path: "", message }]);
  let files: ReturnType<typeof readEmbeddedFiles>;
  try {
    files = readEmbeddedFiles(bytes);
  } catch (err) {
    throw fail(`cannot be read as a PDF: ${(err as Error).message}`);
  }
  const file = files.find((f) => f.name === EMBEDDED_NAME && (f.relationship === undefined || f.relationship === "Source"));
  if (!file) throw fail("holds no résumé to extract: it was not built by this tool, or was built with --no-embed");
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(file.data).toString("utf8"));
  } catch {
    throw fail(`its embedded ${EMBEDDED_NAME} is not valid JSON`);
  }
  if (opts.format === "json") return `${JSON.stringify(doc, null, 2)}\n`;
  return `# yaml-language-server: $schema=./resume.schema.json\n${stringify(doc, { lineWidth: 0 })}`;
}
