/**
 * Watch mode: build, then rebuild whenever the résumé or an image it refers to changes. The
 * process stays up, so fonts, modules and parsed font files are reused: a rebuild is warm.
 * Problems are reported without stopping; the next good build says they are fixed.
 *
 * What is watched: the files the last build read, and, when it failed, every file the résumé
 * names (badges, photo, the résumé of a letter) whether or not it exists yet. Folders are
 * watched rather than files, so that a file created, replaced or fixed is seen; a folder that
 * does not exist yet is waited for in the nearest one that does, and a folder that is removed
 * and made again is watched again.
 */
import { statSync, watch as fsWatch, type FSWatcher } from "node:fs";
import path from "node:path";
import { build, type BuildOptions, type BuildResult } from "./build.js";
import { loadFile } from "../input/load.js";

export type WatchEvent =
  | { kind: "built"; result: BuildResult; fixed: boolean }
  | { kind: "failed"; error: unknown }
  | { kind: "watching"; files: string[] };

/** Quiet period after a change before rebuilding: editors write a file in several steps. */
const DEBOUNCE_MS = 30;

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The image files a résumé (or a letter's résumé) names, resolved; for a build that failed. */
async function named(file: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (f: string, depth: number) => {
    out.push(path.resolve(f));
    let doc: Record<string, unknown>;
    let dir: string;
    try {
      const loaded = await loadFile(f);
      doc = record(loaded.data);
      dir = loaded.dir;
    } catch {
      return;
    }
    const refs = [
      record(doc.basics).image,
      ...(Array.isArray(doc.certificates) ? doc.certificates.map((c) => record(c).badge) : []),
    ];
    for (const ref of refs) {
      if (typeof ref === "string" && ref.trim() && !/^[a-z][a-z0-9+.-]*:\/\//i.test(ref.trim()))
        out.push(path.resolve(dir, ref.trim()));
    }
    if (depth === 0 && typeof doc.resume === "string" && doc.resume.trim())
      await visit(path.resolve(dir, doc.resume.trim()), 1);
  };
  if (file !== "-") await visit(file, 0);
  return out;
}

/** The folder's identity (its inode), or undefined when it is not a folder. */
function folderId(dir: string): number | undefined {
  try {
    const st = statSync(dir);
    return st.isDirectory() ? st.ino : undefined;
  } catch {
    return undefined;
  }
}

/** The folder itself when it exists, else its nearest existing parent. */
function nearest(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (folderId(d) !== undefined) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

export function watchBuild(
  file: string,
  opts: BuildOptions,
  onEvent: (e: WatchEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const watchers = new Map<string, { watcher: FSWatcher; id: number }>();
  let watched = new Set<string>([path.resolve(file)]);
  let lastGood: string[] = [];
  let failing = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let again = false;

  /**
   * Watch the folders that hold the watched files (or their nearest existing parents); a folder
   * replaced since it was watched is watched again. Says whether anything changed.
   */
  const sync = (): boolean => {
    if (stopped) return false;
    const wanted = new Map<string, number>();
    for (const f of watched) {
      const dir = nearest(path.dirname(f));
      const id = dir === undefined ? undefined : folderId(dir);
      if (dir !== undefined && id !== undefined) wanted.set(dir, id);
    }
    let changed = false;
    for (const [dir, w] of watchers) {
      if (wanted.get(dir) !== w.id) {
        w.watcher.close();
        watchers.delete(dir);
        changed = true;
      }
    }
    for (const [dir, id] of wanted) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = fsWatch(dir, (event, name) => {
          if (name && watched.has(path.join(dir, name.toString()))) schedule();
          // Something appeared, went or was replaced: a folder on the way to a watched file, or
          // this folder itself. Watch what is there now, and build when that changed. A folder
          // named by the event is watched anew even when it looks the same (a folder removed and
          // made again may get the same inode; the old watch is dead).
          if (event !== "rename") return;
          let renewed = false;
          const base = name?.toString();
          for (const stale of base ? [path.join(dir, base), base === path.basename(dir) ? dir : ""] : []) {
            const w = watchers.get(stale);
            if (!w) continue;
            w.watcher.close();
            watchers.delete(stale);
            renewed = true;
          }
          if (sync() || renewed) schedule();
        });
        watcher.on("error", () => {
          watcher.close();
          if (watchers.get(dir)?.watcher === watcher) watchers.delete(dir);
          if (sync()) schedule();
        });
        watchers.set(dir, { watcher, id });
        changed = true;
      } catch {
        // Gone between the look and the watch: the parent's event brings us back here.
      }
    }
    return changed;
  };

  const rewatch = (files: string[]) => {
    watched = new Set(files.map((f) => path.resolve(f)));
    sync();
    onEvent({ kind: "watching", files: [...watched] });
  };

  const once = async () => {
    try {
      const result = await build(file, opts);
      onEvent({ kind: "built", result, fixed: failing });
      failing = false;
      lastGood = result.inputs;
      rewatch(result.inputs);
    } catch (error) {
      failing = true;
      onEvent({ kind: "failed", error });
      // Watch what the résumé names now (a missing or broken image, to see it fixed), and what
      // the last good build read.
      rewatch([...new Set([...(await named(file)), ...lastGood])]);
    }
  };

  const schedule = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      // One build at a time; a change during a build asks for one more after it.
      again = true;
      running = running.then(async () => {
        while (again && !stopped) {
          again = false;
          await once();
        }
      });
    }, DEBOUNCE_MS);
  };

  return new Promise<void>((resolve) => {
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      for (const w of watchers.values()) w.watcher.close();
      watchers.clear();
      void running.then(() => resolve());
    };
    if (signal?.aborted) return stop();
    signal?.addEventListener("abort", stop, { once: true });
    rewatch([file]);
    running = once();
  });
}
