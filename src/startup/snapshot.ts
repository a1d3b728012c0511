/**
 * The command's startup snapshot (see scripts/snapshot.mjs and bin/resume). Building it runs
 * this file once: every module is loaded and initialised, a starter résumé goes through load,
 * validate, normalize and the glyph check, the default theme's fonts are read and parsed, and
 * the résumé is laid out and drawn once with a stand-in for yoga and read back.
 * The heap is then saved; a process started from it begins with all of that already done.
 */
import { preloadFonts } from "../render/fontstore.js";
import { readPdfLines } from "../pdf/reader.js";
import { clearMeasurements, drawResume, layoutResume } from "../render/render.js";
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
  // A layout and a drawing with a stand-in yoga (there is no WebAssembly while a snapshot is
  // built): the output is meaningless and thrown away, but the code of every stage has run once,
  // so the snapshot holds it compiled, with the font tables those stages read. A cold build is
  // ~40 ms faster. If it fails the snapshot is not built, and bin/resume runs the bundle.
  globalThis.__resumeWarmUpYoga = yogaStub();
  try {
    const tokens = themeTokens(vm);
    const { bytes } = await drawResume(await layoutResume(vm, tokens), new Date(0));
    // And the read-back check over it (its verdict on a meaningless layout does not matter).
    checkReadback(vm, tokens, readPdfLines(bytes));
  } finally {
    globalThis.__resumeWarmUpYoga = undefined;
    // Measurements made with the stand-in are wrong: none may be reused.
    clearMeasurements();
  }
});
