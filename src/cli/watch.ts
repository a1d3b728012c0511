/**
 * Watch mode: build, then rebuild whenever the résumé or an image it refers to changes. The
 * process stays up, so fonts, modules and parsed font files are reused: a rebuild is warm.
 * Problems are reported without stopping; the next good build says they are fixed.
 */
import { watch as fsWatch, type FSWatcher } from "node:fs";
import path from "node:path";
import { build, type BuildOptions, type BuildResult } from "../pipeline/build.js";

export type WatchEvent =
  | { kind: "built"; result: BuildResult; fixed: boolean }
  | { kind: "failed"; error: unknown }
  | { kind: "watching"; files: string[] };

/** Quiet period after a change before rebuilding: editors write a file in several steps. */
const DEBOUNCE_MS = 60;

export function watchBuild(file: string, opts: BuildOptions, onEvent: (e: WatchEvent) => void, signal?: AbortSignal): Promise<void> {
  const watchers = new Map<string, FSWatcher>();
  let watched = new Set<string>([path.resolve(file)]);
  let failing = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let again = false;

  /** Watch folders, not files: an editor that saves by replacing the file would end a file watch. */
  const rewatch = (files: string[]) => {
    watched = new Set(files.map((f) => path.resolve(f)));
    const dirs = new Set([...watched].map((f) => path.dirname(f)));
    for (const [dir, w] of watchers) {
      if (!dirs.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        const w = fsWatch(dir, (_event, name) => {
          if (name && watched.has(path.join(dir, name.toString()))) schedule();
        });
        watchers.set(dir, w);
      } catch {
        // A folder that does not exist (yet): the next build reports the missing file.
      }
    }
    onEvent({ kind: "watching", files: [...watched] });
  };

  const once = async () => {
    try {
      const result = await build(file, opts);
      onEvent({ kind: "built", result, fixed: failing });
      failing = false;
      rewatch(result.inputs);
    } catch (error) {
      failing = true;
      onEvent({ kind: "failed", error });
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // One build at a time; a change during a build asks for one more after it.
      again = true;
      running = running.then(async () => {
        while (again) {
          again = false;
          await once();
        }
      });
    }, DEBOUNCE_MS);
  };

  return new Promise<void>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      void running.then(() => resolve());
    };
    if (signal?.aborted) return stop();
    signal?.addEventListener("abort", stop, { once: true });
    rewatch([file]);
    running = once();
  });
}
