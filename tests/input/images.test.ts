/**
 * Images in every common flavour embed and look right; other formats are converted or refused
 * with a clear message; huge images stay within the memory budget.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { ResumeError } from "../../src/common/errors.js";
import { ROOT, tempDir, tool, writeFixture } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const IMAGES = path.join(ROOT, "tests/fixtures/images");
const QUADRANTS = { tl: [0xd6, 0x28, 0x28], tr: [0x2a, 0x9d, 0x8f], bl: [0x1d, 0x4e, 0xd8], br: [0xff, 0xff, 0xff] } as const;
const luma = ([r, g, b]: readonly number[]) => 0.299 * r! + 0.587 * g! + 0.114 * b!;

function badgeResume(dir: string, image: string): string {
  return writeFixture(dir, "r.yaml", `basics: {name: Image Test}\ncertificates:\n  - name: Certificate\n    badge: ${image}\n`);
}

/** The first image embedded in the PDF, as RGBA pixels (pdfimages writes what the PDF holds). */
function embeddedImage(pdf: string, dir: string): PNG {
  const prefix = path.join(dir, "img");
  expect(tool("pdfimages", ["-png", pdf, prefix]).code).toBe(0);
  const first = readdirSync(dir).filter((f) => f.startsWith("img-") && f.endsWith(".png")).sort()[0]!;
  return PNG.sync.read(readFileSync(path.join(dir, first)));
}

function pixel(png: PNG, fx: number, fy: number): number[] {
  const x = Math.floor(png.width * fx);
  const y = Math.floor(png.height * fy);
  const i = (y * png.width + x) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

describe.each([
  ["rgba8.png", "colour"],
  ["rgb16.png", "colour"],
  ["palette-trns.png", "colour"],
  ["interlaced.png", "colour"],
  ["baseline.jpg", "colour"],
  ["progressive.jpg", "colour"],
  ["cmyk.jpg", "colour"],
  ["image.webp", "colour"],
  ["image.gif", "colour"],
  ["image.svg", "colour"],
  ["gray.png", "grey"],
  ["gray-alpha.png", "grey"],
] as const)("%s", (name, kind) => {
  it("embeds, and each quadrant keeps its colour", async () => {
    // The source as a reference decoder (sharp, in sRGB) sees it; a CMYK file's blue is already
    // less saturated than the drawing it came from.
    const source = await sharp(path.join(IMAGES, name), { density: 72 }).toColourspace("srgb").removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const ref = (fx: number, fy: number) => {
      const i = (Math.floor(source.info.height * fy) * source.info.width + Math.floor(source.info.width * fx)) * source.info.channels;
      return [source.data[i]!, source.data[i + 1]!, source.data[i + 2]!];
    };
    const dir = tempDir();
    const pdf = path.join(dir, "r.pdf");
    const result = await build(badgeResume(dir, path.join(IMAGES, name)), { output: pdf, env: EPOCH });
    expect(result.pages).toBe(1);
    const png = embeddedImage(pdf, dir);
    const samples = { tl: pixel(png, 0.25, 0.25), tr: pixel(png, 0.75, 0.25), bl: pixel(png, 0.25, 0.75), br: pixel(png, 0.75, 0.75) };
    const refs = { tl: ref(0.25, 0.25), tr: ref(0.75, 0.25), bl: ref(0.25, 0.75), br: ref(0.75, 0.75) };
    for (const q of Object.keys(QUADRANTS) as (keyof typeof QUADRANTS)[]) {
      const got = samples[q];
      // Roughly the drawing's colour, and closely what the file itself holds.
      expect(Math.abs(luma(got) - luma(QUADRANTS[q])), `${q}: ${got}`).toBeLessThan(40);
      const want = refs[q];
      if (kind === "grey") {
        expect(Math.abs(luma(got) - luma(want)), `${q}: ${got}`).toBeLessThan(30);
      } else {
        // Transparency is stored separately (SMask), so colours are compared as stored.
        for (let c = 0; c < 3; c++) expect(Math.abs(got[c]! - want[c]!), `${q}: ${got} vs ${want}`).toBeLessThan(24);
      }
    }
    // Whatever came in, what is embedded has at most 8 bits per component.
    const rows = tool("pdfimages", ["-list", pdf]).stdout.trim().split("\n").slice(2).map((r) => r.trim().split(/\s+/));
    for (const r of rows) expect(Number(r[7])).toBeLessThanOrEqual(8);
  });
});

describe("images that cannot be embedded", () => {
  it.each([
    ["text.png", "not an image this tool can read; use PNG or JPEG (WebP, GIF, SVG, TIFF and AVIF are converted)"],
    ["truncated.png", "the image is damaged or cut short; export it again"],
    ["missing.png", "image not found"],
  ])("%s gets a located message", async (name, message) => {
    const dir = tempDir();
    const err = (await build(badgeResume(dir, path.join(IMAGES, name)), { output: path.join(dir, "r.pdf"), env: EPOCH }).catch((e: unknown) => e)) as ResumeError;
    expect(err).toBeInstanceOf(ResumeError);
    expect(err.diagnostics[0]).toMatchObject({ line: 4, col: 12, path: "certificates[0].badge" });
    expect(err.diagnostics[0]!.message).toContain(message);
  });
});

describe("an 8000×8000 image", () => {
  it("is scaled down to 1200 px and built within 300 MB", async () => {
    const dir = tempDir();
    const big = path.join(dir, "big.png");
    await sharp({ create: { width: 8000, height: 8000, channels: 3, background: "#2a9d8f" } }).png().toFile(big);
    const input = badgeResume(dir, big);
    const pdf = path.join(dir, "r.pdf");
    // A fresh process, so that its peak memory is this build's alone.
    const script = `const { main } = await import(${JSON.stringify(path.join(ROOT, "dist/cli/main.js"))});
      process.exitCode = await main(["build", ${JSON.stringify(input)}, "-o", ${JSON.stringify(pdf)}]);
      process.stderr.write("maxrss " + process.resourceUsage().maxRSS + "\\n");`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, ...EPOCH } });
    expect(r.status, r.stderr).toBe(0);
    const rssKb = Number(/maxrss (\d+)/.exec(r.stderr)![1]);
    expect(rssKb).toBeLessThan(300 * 1024);
    const row = tool("pdfimages", ["-list", pdf]).stdout.trim().split("\n")[2]!.trim().split(/\s+/);
    expect([row[3], row[4]]).toEqual(["1200", "1200"]);
    writeFileSync(path.join(dir, "rss.txt"), String(rssKb));
  });
});
