/**
 * The README's languages section: our page beside Chromium's for the same text (both shaped with
 * HarfBuzz's rules; Chromium's page is ../shared/reference/scripts-chromium-harfbuzz.png, when that
 * folder is beside the checkout) in docs/scripts/side-by-side.png, and page 1 of every script
 * fixture (tests/fixtures/scripts) in the classic theme in docs/scripts/pages.png.
 *   npm run script-pages
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { build } from "../src/pipeline/build.js";
import { screenshots } from "./screenshot.js";

const root = path.resolve(import.meta.dirname, "..");
const outDir = path.join(root, "docs/scripts");
const tmp = mkdtempSync(path.join(os.tmpdir(), "script-pages-"));
const env = { SOURCE_DATE_EPOCH: "1767225600" };
mkdirSync(outDir, { recursive: true });

/** Page 1 of `file` as a PNG, `scale` times 72 dpi. */
async function page(file: string, scale: number, theme = "classic"): Promise<Buffer> {
  const pdf = path.join(tmp, `${path.basename(file, ".yaml")}-${theme}.pdf`);
  await build(file, { output: pdf, render: { theme: theme as never }, env });
  const [png] = await screenshots(readFileSync(pdf), scale);
  return png!;
}

/** Images in a row (each `height` high), with a gap between them, on white. */
async function row(images: Buffer[], height: number, gap = 24): Promise<Buffer> {
  const scaled = await Promise.all(
    images.map((i) => sharp(i).resize({ height }).png().toBuffer({ resolveWithObject: true })),
  );
  const width = scaled.reduce((w, s) => w + s.info.width, 0) + gap * (scaled.length - 1);
  let left = 0;
  const composite = scaled.map((s) => {
    const c = { input: s.data, left, top: 0 };
    left += s.info.width + gap;
    return c;
  });
  return sharp({ create: { width, height, channels: 3, background: "#ffffff" } })
    .composite(composite)
    .png()
    .toBuffer();
}

try {
  const reference = path.join(root, "../shared/reference/scripts-chromium-harfbuzz.png");
  if (existsSync(reference)) {
    const ours = await page(path.join(root, "examples/scripts-sample.yaml"), 110 / 72);
    await sharp(await row([ours, readFileSync(reference)], 1210)).toFile(path.join(outDir, "side-by-side.png"));
    console.log("wrote docs/scripts/side-by-side.png");
  } else console.log(`no ${reference}: docs/scripts/side-by-side.png left as it is`);

  const dir = path.join(root, "tests/fixtures/scripts");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") && !f.startsWith("en-"))
    .sort();
  // The top half of each page, where a one-page fixture's content is.
  const pages = [];
  for (const f of files) {
    const png = await page(path.join(dir, f), 0.9);
    const { width, height } = await sharp(png).metadata();
    pages.push(
      await sharp(png)
        .extract({ left: 0, top: 0, width: width!, height: Math.round(height! / 2) })
        .toBuffer(),
    );
  }
  const rows = [];
  for (let i = 0; i < pages.length; i += 3) rows.push(await row(pages.slice(i, i + 3), 500));
  const widths = await Promise.all(rows.map(async (r) => (await sharp(r).metadata()).width!));
  const width = Math.max(...widths);
  await sharp({ create: { width, height: rows.length * 524, channels: 3, background: "#ffffff" } })
    .composite(rows.map((r, i) => ({ input: r, left: 0, top: i * 524 })))
    .png()
    .toFile(path.join(outDir, "pages.png"));
  console.log(`wrote docs/scripts/pages.png (${files.map((f) => path.basename(f, ".yaml")).join(", ")})`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
