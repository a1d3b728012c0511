/**
 * Copies pdf.js's two browser files (the library and its worker, minified, with its licence) into
 * dist/preview/pdfjs/: the preview page draws the PDF's pages with them. pdfjs-dist itself is a
 * development dependency (37 MB); the installed tool carries these 1.5 MB instead.
 * src/preview/server.ts serves them from here, or from the package when run from a checkout.
 *   node scripts/ship-pdfjs.mjs   (run by npm run build)
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const require = createRequire(path.join(root, "package.json"));
const to = path.join(root, "dist/preview/pdfjs");
mkdirSync(to, { recursive: true });
const pkg = path.dirname(require.resolve("pdfjs-dist/package.json"));
for (const file of ["build/pdf.min.mjs", "build/pdf.worker.min.mjs", "LICENSE"])
  copyFileSync(path.join(pkg, file), path.join(to, path.basename(file)));
