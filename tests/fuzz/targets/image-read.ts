/**
 * Fuzz target: the bytes as a certificate's badge, read the way a build reads it (assets.ts:
 * read from a file, checked, converted by images.ts) and, when accepted, embedded in a PDF the
 * way the renderer embeds it (@react-pdf/image, then pdfkit). A refusal is a ResumeError with
 * the located problem; anything else thrown is a crash.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import resolveImage from "@react-pdf/image";
import PDFKit from "pdfkit";
import { ResumeError } from "../../../src/common/errors.js";
import { loadAssets } from "../../../src/input/assets.js";
import { parseSource } from "../../../src/input/load.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "fuzz-image-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const file = path.join(dir, "badge.img");
interface Doc {
  on(event: string, fn: (...args: unknown[]) => void): void;
  image(data: Buffer, x: number, y: number, opts: { width: number; height: number }): void;
  end(): void;
}
const PDFDocument = PDFKit as new (opts: { autoFirstPage: boolean }) => Doc;
const source = {
  ...parseSource(
    Buffer.from(`basics: {name: Fuzz}\ncertificates:\n  - name: Cert\n    badge: badge.img\n`),
    path.join(dir, "r.yaml"),
  ),
  dir,
};

export default async function readImage(bytes: Uint8Array): Promise<void> {
  writeFileSync(file, bytes);
  const { assets, problems } = await loadAssets(source.data, source);
  if (problems.length) throw new ResumeError(problems);
  const badge = [...assets.badges.values()][0]!;
  const image = await resolveImage({ data: badge.data, format: badge.format }, { cache: false });
  if (!image) throw new Error("the renderer could not read an image that was accepted");
  const doc = new PDFDocument({ autoFirstPage: true });
  doc.on("data", () => {});
  const done = new Promise((resolve) => doc.on("end", resolve));
  doc.image(image.data as Buffer, 0, 0, { width: 40, height: 40 });
  doc.end();
  await done;
}
