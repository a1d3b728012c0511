/**
 * Visual regression: every theme on a few fixtures, drawn to PNG by pdf.js and compared with the
 * committed golden images. After an intended change, regenerate them with `npm run golden` and
 * look at the new images before committing them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { THEMES } from "../../src/common/ids.js";
import { screenshots } from "../../scripts/screenshot.js";
import { ROOT, tempDir } from "../helpers.js";

const GOLDEN = path.join(ROOT, "tests/golden");
const DIFFS = path.join(ROOT, "out/visual-diff");
const UPDATE = process.env.UPDATE_GOLDEN === "1";
/** Per-pixel colour tolerance (pixelmatch's threshold) and the share of pixels that may differ. */
const THRESHOLD = 0.1;
const MAX_DIFF_RATIO = 0.001;

const FIXTURES = {
  default: path.join(ROOT, "resume.yaml"),
  full: path.join(ROOT, "tests/fixtures/full.yaml"),
  knobs: path.join(ROOT, "tests/fixtures/knobs.yaml"),
};

describe.each(THEMES)("theme %s", (theme) => {
  const dir = tempDir();

  it.each(Object.entries(FIXTURES))("matches its golden images on the %s fixture", async (name, input) => {
    const output = path.join(dir, `${name}.pdf`);
    await build(input, { output, env: { SOURCE_DATE_EPOCH: "1767225600" }, render: { theme } });
    const pages = await screenshots(readFileSync(output));
    for (const [i, png] of pages.entries()) {
      const golden = path.join(GOLDEN, `${theme}-${name}-${i + 1}.png`);
      if (UPDATE) {
        writeFileSync(golden, png);
        continue;
      }
      expect(existsSync(golden), `${path.relative(ROOT, golden)} is missing; run npm run golden`).toBe(true);
      const want = PNG.sync.read(readFileSync(golden));
      const got = PNG.sync.read(png);
      expect([got.width, got.height]).toEqual([want.width, want.height]);
      const diff = new PNG({ width: want.width, height: want.height });
      const changed = pixelmatch(want.data, got.data, diff.data, want.width, want.height, { threshold: THRESHOLD });
      if (changed / (want.width * want.height) > MAX_DIFF_RATIO) {
        mkdirSync(DIFFS, { recursive: true });
        writeFileSync(path.join(DIFFS, `${theme}-${name}-${i + 1}.png`), PNG.sync.write(diff));
        writeFileSync(path.join(DIFFS, `${theme}-${name}-${i + 1}.actual.png`), png);
      }
      expect(
        changed / (want.width * want.height),
        `${theme}-${name} page ${i + 1} differs (see out/visual-diff/)`,
      ).toBeLessThanOrEqual(MAX_DIFF_RATIO);
    }
    if (!UPDATE) {
      // No golden page may be left over: a page fewer is a regression too.
      expect(existsSync(path.join(GOLDEN, `${theme}-${name}-${pages.length + 1}.png`))).toBe(false);
    }
  });
});
