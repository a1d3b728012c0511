/**
 * The startup snapshot of the commands that never render (validate, schema, themes, init; see
 * bin/resume). The renderer is not in it at all: its bundle (dist/resume-check-snapshot.cjs)
 * replaces render.js with a module that refuses to render (scripts/bundle.mjs).
 */
import { snapshotEntry } from "./snapshot-common.js";

snapshotEntry(async () => {});
