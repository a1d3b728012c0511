/**
 * The command's startup snapshot (see scripts/snapshot.mjs and bin/resume). Building it runs
 * this file once: every module is loaded and initialised, a starter résumé goes through load,
 * validate, normalize and the glyph check, the default theme's fonts are read and parsed, and
 * the résumé is rendered once with a stand-in for yoga and read back.
 * The heap is then saved; a process started from it begins with all of that already done.
 */
import { preloadFonts, resetGlyphCaches } from "../render/fontstore.js";
import { readPdfLines } from "../check/pdftext.js";
import { renderPdf } from "../render/render.js";
import { snapshotEntry } from "./snapshot-common.js";
import { themeTokens } from "../render/themes/index.js";
import { checkReadback } from "../check/verify.js";
import { yogaStub } from "./yoga-stub.js";

declare global {
  /** A yoga for react-pdf to use instead of its own, during the snapshot's warm-up only. */
  var __resumeWarmUpYoga: unknown;
}

snapshotEntry(async (stack, vm) => {
  await preloadFonts(stack);
  // A render with a stand-in yoga (there is no WebAssembly while a snapshot is built): its output
  // is meaningless and thrown away, but the code of every stage after layout has run once, so
  // the snapshot holds it compiled, with the font tables those stages read. A cold build is
  // ~40 ms faster. If it fails the snapshot is not built, and bin/resume runs the bundle.
  globalThis.__resumeWarmUpYoga = yogaStub();
  try {
    const { bytes } = await renderPdf(vm, new Date(0));
    // And the read-back check over it (its verdict on a meaningless layout does not matter).
    checkReadback(vm, themeTokens(vm), readPdfLines(bytes));
  } finally {
    globalThis.__resumeWarmUpYoga = undefined;
    resetGlyphCaches();
  }
});
