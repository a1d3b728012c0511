/**
 * Print checks with poppler and qpdf: fonts, structure, page size, ink-free margins, image
 * resolution, file size and the outline.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { CONFORMANCE, ROOT, run, tempDir, tool, writeFixture } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const MM10_AT_150DPI = Math.ceil((10 / 25.4) * 150); // 60 px

/** Rows of 8-bit grey pixels of one page at 150 dpi (pdftoppm's PGM output). */
function rasterize(pdf: string, page: number, dir: string): { width: number; height: number; px: Buffer } {
  const base = path.join(dir, `raster-${path.basename(pdf)}-${page}`);
  const r = tool("pdftoppm", ["-r", "150", "-gray", "-f", String(page), "-l", String(page), "-singlefile", pdf, base]);
  expect(r.code).toBe(0);
  const data = readFileSync(`${base}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.toString("latin1", 0, 40))!;
  const offset = header[0].length;
  return { width: Number(header[1]), height: Number(header[2]), px: data.subarray(offset) };
}

/** Darkest pixel within `band` px of any edge (255 = white everywhere). */
function darkestNearEdge(img: { width: number; height: number; px: Buffer }, band: number): number {
  let min = 255;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (x >= band && x < img.width - band && y >= band && y < img.height - band) continue;
      min = Math.min(min, img.px[y * img.width + x]!);
    }
  }
  return min;
}

describe.each([
  ["the default résumé (A4)", path.join(ROOT, "resume.yaml"), "a4"],
  ["the default résumé (Letter)", path.join(ROOT, "resume.yaml"), "letter"],
  ["a three-page résumé", path.join(CONFORMANCE, "examples/complete-resume.json"), "a4"],
] as const)("%s", (_label, input, paper) => {
  const dir = tempDir();
  const pdf = path.join(dir, "out.pdf");
  let pages = 0;

  beforeAll(async () => {
    pages = (await build(input, { output: pdf, env: EPOCH, render: { paper } })).pages;
  });

  it("embeds and subsets every font, with a Unicode map", () => {
    const rows = tool("pdffonts", [pdf]).stdout.trim().split("\n").slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
      expect(row).not.toMatch(/Helvetica|Times|Courier/);
    }
  });

  it("passes qpdf --check", () => {
    const r = tool("qpdf", ["--check", pdf]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("No syntax or stream encoding errors found");
  });

  it("has the exact page size", () => {
    const info = tool("pdfinfo", [pdf]).stdout;
    expect(info).toMatch(
      paper === "a4" ? /Page size:\s+595\.28 x 841\.89 pts \(A4\)/ : /Page size:\s+612 x 792 pts \(letter\)/,
    );
  });

  it("leaves 10 mm along every edge free of ink, footer included", () => {
    for (let p = 1; p <= pages; p++) {
      expect(darkestNearEdge(rasterize(pdf, p, dir), MM10_AT_150DPI), `page ${p}`).toBe(255);
    }
  });

  it("prints its images at 300 dpi or more", () => {
    const rows = tool("pdfimages", ["-list", pdf]).stdout.trim().split("\n").slice(2);
    for (const row of rows) {
      const cols = row.trim().split(/\s+/);
      // page num type width height color comp bpc enc interp object ID x-ppi y-ppi …
      expect(Number(cols[12])).toBeGreaterThanOrEqual(300);
      expect(Number(cols[13])).toBeGreaterThanOrEqual(300);
    }
  });

  it("has one bookmark per section", async () => {
    const parser = new PDFParse({ data: readFileSync(pdf) });
    const info = await parser.getInfo();
    const text = await parser.getText();
    await parser.destroy();
    const titles = (info.outline ?? []).map((o) => o.title);
    expect(titles.length).toBeGreaterThan(3);
    // Each bookmark names a section title printed (in small capitals) in the text.
    for (const t of titles) expect(text.text).toContain(t.toUpperCase());
    expect(new Set(titles).size).toBe(titles.length);
  });
});

describe("file size and image resolution", () => {
  it("keeps the default résumé's PDF under 300 KB", async () => {
    const dir = tempDir();
    const output = path.join(dir, "r.pdf");
    await build(path.join(ROOT, "resume.yaml"), { output, env: EPOCH });
    expect(statSync(output).size).toBeLessThan(300 * 1024);
  });

  it("embeds the 600 px badge at over 1000 dpi", async () => {
    const dir = tempDir();
    const output = path.join(dir, "r.pdf");
    await build(path.join(ROOT, "resume.yaml"), { output, env: EPOCH });
    const row = tool("pdfimages", ["-list", output]).stdout.trim().split("\n")[2]!.trim().split(/\s+/);
    expect([row[3], row[4]]).toEqual(["600", "600"]);
    expect(Number(row[12])).toBeGreaterThan(1000);
  });

  it("warns, with the place, when an image would print below 300 dpi", async () => {
    const dir = tempDir();
    // A 100×100 PNG: grey, 8-bit, one IDAT (whose data inflates to exactly its 100 rows).
    const small = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAGQAAABkCAAAAABVicqIAAAAPUlEQVR42u3NAQkAAAwDoEVf9LU4HLSA6YFIJBKJRCKRSCQSiUQikUgkEolEIpFIJBKJRCKRSCQSiUTyPxmMBYke15yysgAAAABJRU5ErkJggg==",
      "base64",
    );
    writeFixture(dir, "small.png", small);
    writeFixture(dir, "r.yaml", "basics: {name: Small Badge}\ncertificates:\n  - name: Cert\n    badge: small.png\n");
    const r = await run(["build", "r.yaml", "-o", "r.pdf"], { cwd: dir, env: EPOCH });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "warning: r.yaml:4:12  certificates[0].badge  the image prints at 180 dpi (100×100 px at 40 pt); use one of at least 167×167 px for 300 dpi\n",
    );
  });
});
