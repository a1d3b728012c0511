/**
 * This package's folder: the nearest one above this module that holds its package.json. The
 * same answer from the sources (src/…), the compiled library (dist/…) and the bundles (dist/).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file) && (JSON.parse(readFileSync(file, "utf8")) as { name?: string }).name === "resume-builder")
      return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, "..");
  }
}

export const PACKAGE_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
