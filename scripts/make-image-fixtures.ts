/**
 * The image corpus of the tests (tests/fixtures/images/): one 4-quadrant picture — red, green,
 * blue and white — in every PNG and JPEG flavour the builder must embed, plus formats it must
 * convert or refuse. Drawn with sharp, so the files are the same on every run.
 *   npx tsx scripts/make-image-fixtures.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp, { type Sharp } from "sharp";

const dir = path.resolve(import.meta.dirname, "../tests/fixtures/images");
mkdirSync(dir, { recursive: true });

export const QUADRANTS = { tl: "#d62828", tr: "#2a9d8f", bl: "#1d4ed8", br: "#ffffff" };
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200">
  <rect width="100" height="100" fill="${QUADRANTS.tl}"/><rect x="100" width="100" height="100" fill="${QUADRANTS.tr}"/>
  <rect y="100" width="100" height="100" fill="${QUADRANTS.bl}"/><rect x="100" y="100" width="100" height="100" fill="${QUADRANTS.br}"/>
</svg>`;

const base = () => sharp(Buffer.from(svg), { density: 72 });
const out = async (name: string, image: Sharp) => writeFileSync(path.join(dir, name), await image.toBuffer());

await out("rgba8.png", base().ensureAlpha().png());
await out("rgb16.png", base().toColourspace("rgb16").png());
await out("palette-trns.png", base().ensureAlpha(0.8).png({ palette: true, colours: 16 }));
await out("gray.png", base().flatten({ background: "#ffffff" }).toColourspace("b-w").png());
await out("gray-alpha.png", base().toColourspace("b-w").ensureAlpha(0.9).png());
await out("interlaced.png", base().png({ progressive: true }));
await out("baseline.jpg", base().flatten({ background: "#ffffff" }).jpeg({ quality: 95, chromaSubsampling: "4:4:4" }));
await out(
  "progressive.jpg",
  base().flatten({ background: "#ffffff" }).jpeg({ quality: 95, progressive: true, chromaSubsampling: "4:4:4" }),
);
await out(
  "cmyk.jpg",
  base().flatten({ background: "#ffffff" }).toColourspace("cmyk").jpeg({ quality: 95, chromaSubsampling: "4:4:4" }),
);
await out("image.webp", base().webp({ lossless: true }));
await out("image.gif", base().gif());
writeFileSync(path.join(dir, "image.svg"), svg);
writeFileSync(path.join(dir, "text.png"), "This is a text file with a .png name, not an image.\n");
const full = await base().png().toBuffer();
writeFileSync(path.join(dir, "truncated.png"), full.subarray(0, Math.floor(full.length / 2)));
console.log(`wrote ${dir}`);
