/**
 * Bundles the command into one ESM file, dist/resume.mjs, with esbuild: Node then loads one file
 * instead of several hundred modules, which is most of a cold build's time. Native and
 * worker-based packages (sharp, pdf.js, canvas) stay external, loaded from node_modules when used.
 *   node scripts/bundle.mjs   (run by npm run build)
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const require = createRequire(path.join(root, "package.json"));

/** pdfkit loads its standard-font metrics through a private import map that a bundle cannot see. */
const pdfkitFonts = {
  name: "pdfkit-standard-fonts",
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit(\.node\.mjs|\.js)$/ }, (args) => {
      const dir = path.join(path.dirname(args.path), "standard-fonts");
      const contents = readFileSync(args.path, "utf8").replace(/require\$1\('#standard-fonts\/(\w+)'\)/g, (_, name) => `require(${JSON.stringify(path.join(dir, `${name}.cjs`))})`);
      return { contents, loader: "js" };
    });
  },
};

/**
 * yoga's Emscripten loader reads its inlined wasm through fetch() whenever fetch exists, which in
 * Node loads the whole undici HTTP client (~25 ms) just to decode a data: URL; decode it directly.
 */
const yogaWithoutFetch = {
  name: "yoga-without-fetch",
  setup(b) {
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const contents = source.replace('function ya(){return w||"function"!=typeof fetch?', "function ya(){return true?");
      if (contents === source) throw new Error(`yoga-without-fetch: the loader in ${args.path} has changed`);
      return { contents, loader: "js" };
    });
  },
};

await build({
  entryPoints: [path.join(root, "src/bin.ts")],
  outfile: path.join(root, "dist/resume.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  jsx: "automatic",
  splitting: false,
  legalComments: "none",
  minify: true,
  keepNames: true,
  logLevel: "warning",
  // React's production build: the development one checks and warns on every element it creates.
  define: { "process.env.NODE_ENV": '"production"' },
  external: ["sharp", "pdfjs-dist", "pdf-parse", "@napi-rs/canvas"],
  // Bundled CommonJS code calls require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [pdfkitFonts, yogaWithoutFetch],
});
void require;
