/**
 * A Word file's bytes, reproducibly: docx draws relationship ids from Math.random and stamps the
 * zip and its core properties with the current time, so ids are drawn from a seeded generator
 * while the document is made, and the package is re-zipped with the build's date and core
 * properties of our own (which also carry the language, which docx does not write). `docx` and
 * `fflate` come from docx-deps.ts, loaded only when a Word file is made or read.
 */
import type { Paragraph as DocxParagraph } from "docx";
import { existsSync, statSync } from "node:fs";
import { seeded } from "../common/random.js";
import { escapeXml } from "../common/text.js";
import { TOOL_NAME, VERSION } from "../common/version.js";
import { readFileBounded } from "../input/load.js";
import type { ViewModel } from "../model/view-model.js";
import type { Ctx } from "./docx-runs.js";
import { numbering, page, styles } from "./docx-styles.js";

/** The application name written in docProps/app.xml, by which a later build knows its own file. */
export const DOCX_APPLICATION = TOOL_NAME;

type DocxMetadata = ViewModel["metadata"];

/**
 * Make the document and its bytes, reproducibly: ids from a seeded generator, the zip's dates and
 * the core properties from `date`.
 */
export async function pack(c: Ctx, meta: DocxMetadata, date: Date, body: () => DocxParagraph[]): Promise<Uint8Array> {
  const { d } = c;
  const random = Math.random;
  Math.random = seeded(0x5eed);
  let packed: Promise<Buffer>;
  try {
    const doc = new d.Document({
      title: meta.title,
      creator: meta.author,
      subject: meta.subject,
      keywords: meta.keywords.join(", "),
      styles: styles(c),
      numbering: numbering(c),
      sections: [{ properties: page(c), children: body() }],
    });
    // Packing compiles the document (where the remaining ids are drawn) before its first await.
    packed = d.Packer.toBuffer(doc);
  } finally {
    Math.random = random;
  }
  return rezip(await packed, { "docProps/core.xml": coreXml(meta, date), "docProps/app.xml": appXml() }, date);
}

/** Core properties: title, author, subject, keywords and language, created and modified at the build's date. */
function coreXml(meta: DocxMetadata, date: Date): string {
  const when = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const el = (name: string, value: string | undefined) => (value ? `<${name}>${escapeXml(value)}</${name}>` : "");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    el("dc:title", meta.title) +
    el("dc:subject", meta.subject) +
    el("dc:creator", meta.author) +
    el("cp:keywords", meta.keywords.join(", ")) +
    el("dc:language", meta.language) +
    el("cp:lastModifiedBy", meta.author) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}

function appXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>${escapeXml(DOCX_APPLICATION)}</Application><AppVersion>${escapeXml(appVersion(VERSION))}</AppVersion></Properties>`
  );
}

/**
 * Whether `file` is a Word file this tool wrote (its docProps/app.xml names the tool), so that a
 * build may replace it; a Word file edited and saved elsewhere, or any other file, is "other".
 */
export async function existingWordFile(file: string): Promise<"absent" | "ours" | "other"> {
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) return "other";
    bytes = readFileBounded(file, file, 50 * 1024 * 1024);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ENOENT" || !existsSync(file) ? "absent" : "other";
  }
  const { unzipSync } = await import("./docx-deps.js");
  try {
    const app = unzipSync(bytes, { filter: (f) => f.name === "docProps/app.xml" })["docProps/app.xml"];
    return app &&
      Buffer.from(app)
        .toString("utf8")
        .includes(`<Application>${escapeXml(DOCX_APPLICATION)}</Application>`)
      ? "ours"
      : "other";
  } catch {
    return "other";
  }
}

/** AppVersion must look like `XX.YYYY` (Word refuses other forms). */
const appVersion = (v: string) => {
  const [major = "0", minor = "0"] = v.split(".");
  return `${major.padStart(2, "0")}.${minor.padStart(4, "0")}`;
};

/** The package again, with `replace`d parts and every entry dated `date` (zip dates are local time; written as UTC). */
async function rezip(bytes: Uint8Array, replace: Record<string, string>, date: Date): Promise<Uint8Array> {
  const { unzipSync, zipSync, strToU8 } = await import("./docx-deps.js");
  const files = unzipSync(bytes);
  const floor = Date.UTC(1980, 0, 1);
  const utc = new Date(Math.max(date.getTime(), floor));
  const mtime = new Date(utc.getTime() + utc.getTimezoneOffset() * 60_000);
  const out: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, data] of Object.entries(files))
    out[name] = [name in replace ? strToU8(replace[name]!) : data, { mtime }];
  for (const [name, data] of Object.entries(replace)) if (!(name in out)) out[name] = [strToU8(data), { mtime }];
  return zipSync(out, { level: 9 });
}
