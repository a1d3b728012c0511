/**
 * `resume extract`: the résumé a PDF of this tool was built from, as it was printed (the selected
 * variant, with the render settings used), written back out as YAML or JSON to edit and rebuild.
 */
import { stringify } from "yaml";
import { readEmbeddedFiles } from "../pdf/reader.js";
import { ResumeError } from "../common/errors.js";
import { EMBEDDED_NAME } from "./embed.js";
import { readFileBounded } from "../input/load.js";
import { MAX_ATS_BYTES, unreadable } from "./ats.js";

/** An embedded résumé nested deeper than this is refused before it is parsed: a résumé nests about six deep. */
export const MAX_JSON_DEPTH = 64;

export function extractResume(pdf: string, opts: { label?: string; format?: "yaml" | "json" } = {}): string {
  const label = opts.label ?? pdf;
  return extractResumeBytes(readFileBounded(pdf, label, MAX_ATS_BYTES), { ...opts, label });
}

/** The same, from a PDF's bytes. */
export function extractResumeBytes(bytes: Uint8Array, opts: { label?: string; format?: "yaml" | "json" } = {}): string {
  const label = opts.label ?? "<pdf>";
  const problem = (message: string) => ResumeError.of(label, message);
  let files: ReturnType<typeof readEmbeddedFiles>;
  try {
    files = readEmbeddedFiles(bytes);
  } catch (err) {
    throw unreadable(err, label);
  }
  const file = files.find(
    (f) => f.name === EMBEDDED_NAME && (f.relationship === undefined || f.relationship === "Source"),
  );
  if (!file) throw problem("holds no résumé to extract: it was not built by this tool, or was built with --no-embed");
  const text = Buffer.from(file.data).toString("utf8");
  if (jsonDepth(text) > MAX_JSON_DEPTH)
    throw problem(`its embedded ${EMBEDDED_NAME} nests more than ${MAX_JSON_DEPTH} levels deep; a résumé nests a few`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw problem(`its embedded ${EMBEDDED_NAME} is not valid JSON`);
  }
  if (opts.format === "json") return `${JSON.stringify(doc, null, 2)}\n`;
  return `# yaml-language-server: $schema=./resume.schema.json\n${stringify(doc, { lineWidth: 0 })}`;
}

/** How deep JSON text's arrays and objects nest (brackets inside strings not counted), in one pass. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}
