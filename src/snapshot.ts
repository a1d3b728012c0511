/**
 * The command's startup snapshot (see scripts/snapshot.mjs and bin/resume). Building it runs
 * this file once: every module is loaded and initialised, a starter résumé goes through load,
 * validate, normalize and the glyph check, and the default theme's fonts are read and parsed.
 * The heap is then saved; a process started from it begins with all of that already done.
 */
import { preloadFonts } from "./fontstore.js";
import "./render.js"; // the renderer, initialised in the snapshot
import { snapshotEntry } from "./snapshot-common.js";

snapshotEntry(preloadFonts);
