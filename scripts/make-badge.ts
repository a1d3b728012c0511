/**
 * Renders the stand-in certification badge (assets/*.svg) to a 600×600 PNG with resvg, using
 * the bundled font files only, so the PNG is the same on every machine.
 *   npm run badge
 */
import { readFileSync, writeFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import sharp from "sharp";
import { familyFaces } from "../src/render/fonts.js";

const svgPath = new URL("../assets/aws-certified-machine-learning-specialty.svg", import.meta.url);
const pngPath = new URL("../assets/aws-certified-machine-learning-specialty.png", import.meta.url);

const resvg = new Resvg(readFileSync(svgPath), {
  fitTo: { mode: "width", value: 600 },
  // Opaque, on the page's white: a PNG without alpha is embedded as it is, while one with alpha
  // is decoded and re-compressed on every render.
  background: "#ffffff",
  font: {
    fontFiles: familyFaces("Source Sans 3").map((f) => f.file),
    loadSystemFonts: false,
    defaultFontFamily: "Source Sans 3",
  },
});
// resvg always writes RGBA; drop the (now fully opaque) alpha channel.
const png = await sharp(resvg.render().asPng()).removeAlpha().png({ compressionLevel: 9 }).toBuffer();
writeFileSync(pngPath, png);
console.log(`wrote ${pngPath.pathname} (${png.length} bytes)`);
