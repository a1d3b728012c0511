/**
 * Copies the font files the tool draws with into dist/fonts/<package>/<path in the package>,
 * with each package's licence files: the themes use three weights of each family (and italics of
 * the text fonts), about a third of what the font packages hold, so the installed tool carries
 * these copies instead of the packages (which are development dependencies). The CJK fonts stay
 * optional packages, installed on demand. src/render/fonts.ts reads a face here first.
 *   node scripts/ship-fonts.mjs   (run by npm run build, after tsc has compiled src/ into dist/)
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const require = createRequire(path.join(root, "package.json"));
const { SHIPPED_FAMILIES, faceSources, shippedPath } = await import(
  new URL("../dist/render/fonts.js", import.meta.url).href
);

rmSync(path.join(root, "dist/fonts"), { recursive: true, force: true });
const packages = new Set();
for (const family of SHIPPED_FAMILIES) {
  for (const face of faceSources(family)) {
    const to = shippedPath(face, root);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(require.resolve(`${face.pkg}/${face.inPackage}`), to);
    packages.add(face.pkg);
  }
}
for (const pkg of packages) {
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  for (const f of readdirSync(dir).filter((f) => /^(LICEN[SC]E|OFL)/i.test(f)))
    copyFileSync(path.join(dir, f), path.join(root, "dist/fonts", pkg, f));
}
