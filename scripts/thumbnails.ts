/**
 * The README's theme gallery: page 1 of the default résumé in every theme, drawn by pdf.js
 * (the renderer of the visual tests) at half size into docs/themes/<theme>.png; and the example
 * cover letter (examples/cover-letter.yaml) into docs/letter.png.
 *   npm run thumbnails
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "../src/pipeline/build.js";
import { buildLetter } from "../src/pipeline/letter.js";
import { THEMES } from "../src/common/ids.js";
import { screenshots } from "./screenshot.js";

const root = path.resolve(import.meta.dirname, "..");
const outDir = path.join(root, "docs/themes");
const tmp = mkdtempSync(path.join(os.tmpdir(), "thumbs-"));
mkdirSync(outDir, { recursive: true });
try {
  for (const theme of THEMES) {
    const pdf = path.join(tmp, `${theme}.pdf`);
    await build(path.join(root, "resume.yaml"), {
      output: pdf,
      render: { theme },
      env: { SOURCE_DATE_EPOCH: "1767225600" },
    });
    const [page] = await screenshots(readFileSync(pdf), 0.5);
    writeFileSync(path.join(outDir, `${theme}.png`), page!);
    console.log(`wrote docs/themes/${theme}.png`);
  }
  const letter = await buildLetter(path.join(root, "examples/cover-letter.yaml"), {
    output: path.join(tmp, "letter.pdf"),
    env: { SOURCE_DATE_EPOCH: "1767225600" },
  });
  const [page] = await screenshots(readFileSync(letter.output), 0.5);
  writeFileSync(path.join(root, "docs/letter.png"), page!);
  console.log("wrote docs/letter.png");
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
