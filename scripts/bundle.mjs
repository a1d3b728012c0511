/**
 * Bundles the command into one ESM file, dist/resume.mjs, with esbuild: Node then loads one file
 * instead of several hundred modules, which is most of a cold build's time. Native and
 * worker-based packages (sharp, pdf.js, canvas) stay external, loaded from node_modules when used.
 *   node scripts/bundle.mjs   (run by npm run build)
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");

/**
 * pdfkit loads its standard-font metrics through a private import map that a bundle cannot see.
 * This rewrite and the ones below are changes to the PDF libraries: each is listed, with every
 * other change to them, in patches/README.md (K1, Y1, L3, L4).
 */
const pdfkitFonts = {
  name: "pdfkit-standard-fonts",
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit(\.node\.mjs|\.js)$/ }, (args) => {
      const dir = path.join(path.dirname(args.path), "standard-fonts");
      const contents = readFileSync(args.path, "utf8").replace(
        /require\$1\('#standard-fonts\/(\w+)'\)/g,
        (_, name) => `require(${JSON.stringify(path.join(dir, `${name}.cjs`))})`,
      );
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
      const contents = source.replace(
        'function ya(){return w||"function"!=typeof fetch?',
        "function ya(){return true?",
      );
      if (contents === source) throw new Error(`yoga-without-fetch: the loader in ${args.path} has changed`);
      return { contents, loader: "js" };
    });
  },
};

/**
 * Changes to react-pdf's layout (each fails the bundle if the code it changes has changed):
 * - While paginating, react-pdf lays the whole remaining document out again on every page just
 *   to resolve dynamic nodes (`render` props) for that page number. A dynamic node that is
 *   absolutely positioned, like this tool's page footer, cannot move anything else, so a page
 *   whose dynamic nodes are all absolute is split as it is; the final pass that numbers the pages
 *   still resolves them. tests/pipeline/perf.test.ts checks the bundle writes the same bytes as the
 *   library on every theme.
 * - `warmUpYoga`: while a startup snapshot is built there is no WebAssembly, so no yoga; the
 *   snapshot's warm-up render lends a stand-in (src/startup/yoga-stub.ts) through a global.
 */
const reactPdfLayout = ({ warmUpYoga = false } = {}) => ({
  name: "react-pdf-layout",
  setup(b) {
    b.onLoad({ filter: /[\\/]@react-pdf[\\/]layout[\\/]lib[\\/]index\.js$/ }, (args) => {
      let contents = readFileSync(args.path, "utf8");
      const patch = (from, to) => {
        if (!contents.includes(from)) throw new Error(`react-pdf-layout: ${args.path} has changed (${from})`);
        contents = contents.replace(from, to);
      };
      patch(
        "const dynamicPage = resolveDynamicPage({ pageNumber }, page, fontStore, yoga);",
        `const inFlowDynamic = (node) => node.style?.position !== "absolute" && (isDynamic$1(node) || (node.children || []).some(inFlowDynamic));
    const dynamicPage = (page.children || []).some(inFlowDynamic) ? resolveDynamicPage({ pageNumber }, page, fontStore, yoga) : page;`,
      );
      if (warmUpYoga) {
        patch(
          "const instance = await (instancePromise ??= loadYoga$1());",
          "const instance = globalThis.__resumeWarmUpYoga ?? (await (instancePromise ??= loadYoga$1()));",
        );
      }
      return { contents, loader: "js" };
    });
  },
});

/** `import("./docx-deps.js")` stays an import, of the bundle beside this one (`ext`: its module format). */
function wordAside(ext) {
  return {
    name: "word-aside",
    setup(b) {
      b.onResolve({ filter: /^\.\/docx-deps\.js$/ }, () => ({ path: `./docx-deps.${ext}`, external: true }));
    },
  };
}

/** What both bundles share: everything but the native and worker-based packages, minified. */
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  jsx: "automatic",
  splitting: false,
  legalComments: "none",
  minify: !process.env.BUNDLE_DEBUG,
  logLevel: "warning",
  // React's production build: the development one checks and warns on every element it creates.
  define: { "process.env.NODE_ENV": '"production"' },
  external: ["sharp", "pdfjs-dist", "pdf-parse", "@napi-rs/canvas"],
  plugins: [pdfkitFonts, yogaWithoutFetch, reactPdfLayout(), wordAside("mjs")],
};

// The Word file's libraries (docx, fflate) are a bundle of their own, dist/docx-deps.mjs (.cjs
// for the snapshots), loaded beside the command's bundle only when a Word file is asked for.
for (const format of ["esm", "cjs"]) {
  await build({
    bundle: true,
    platform: "node",
    target: "node20",
    minify: !process.env.BUNDLE_DEBUG,
    legalComments: "none",
    logLevel: "warning",
    format,
    entryPoints: [path.join(root, "src/output/docx-deps.ts")],
    outfile: path.join(root, `dist/docx-deps.${format === "esm" ? "mjs" : "cjs"}`),
  });
}

// The command, the batch pool's worker thread (src/pipeline/batch.ts, bundled so that each worker
// starts fast) and the library (the package's export): ESM files. These bundles are what the
// package ships and runs; only sharp, the fonts and (for PNG) pdf-parse are left outside.
// Bundled CommonJS code calls require(); give each bundle one.
for (const [entry, out] of [
  ["src/cli/bin.ts", "dist/resume.mjs"],
  ["src/pipeline/batch-worker.ts", "dist/batch-worker.mjs"],
  ["src/pipeline/index.ts", "dist/lib.mjs"],
]) {
  await build({
    ...common,
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, out),
    format: "esm",
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
}

// The startup snapshots' entries (scripts/snapshot.mjs turns them into V8 snapshots): classic
// scripts, which is what Node.js snapshots. They may only require Node's own modules while the
// snapshot is built; the packages left outside are required at run time through the require
// that src/startup/snapshot-common.ts sets up, so every require() is routed through a function resolved
// late. The check snapshot (validate and the other commands that never render) leaves the
// renderer out: render.js becomes a module that refuses to render.
const withoutRenderer = {
  name: "without-renderer",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/render\/render\.js$/ }, () => ({ path: "render", namespace: "without-renderer" }));
    b.onLoad({ filter: /.*/, namespace: "without-renderer" }, () => ({
      contents:
        "const none = async () => { throw new Error('this snapshot has no renderer'); }; export const layoutResume = none, drawResume = none, renderLetterPdf = none;",
      loader: "js",
    }));
  },
};
for (const [entry, out, plugins] of [
  [
    "src/startup/snapshot.ts",
    "dist/resume-snapshot.cjs",
    [pdfkitFonts, yogaWithoutFetch, reactPdfLayout({ warmUpYoga: true }), wordAside("cjs")],
  ],
  [
    "src/startup/snapshot-check.ts",
    "dist/resume-check-snapshot.cjs",
    [withoutRenderer, pdfkitFonts, yogaWithoutFetch, reactPdfLayout(), wordAside("cjs")],
  ],
]) {
  await build({
    ...common,
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, out),
    format: "iife",
    // import() in a snapshot has no module loader behind it: make the externals' imports require().
    supported: { "dynamic-import": false },
    define: { ...common.define, "import.meta.url": "__resumeModuleUrl" },
    banner: { js: "((require, __resumeModuleUrl) => {" },
    footer: {
      js: "})((id) => (globalThis.__resumeRequire ?? require)(id), require('node:url').pathToFileURL(__filename).href);",
    },
    plugins,
  });
}

// Snapshots of the previous code must not start any more (scripts/snapshot.mjs makes a new one).
const snapshots = path.join(root, "dist/snapshot");
for (const f of existsSync(snapshots) ? readdirSync(snapshots) : [])
  if (f.endsWith(".dir")) rmSync(path.join(snapshots, f));
