/**
 * The Word file's libraries, in a bundle of their own (dist/docx-deps.mjs, .cjs for the startup
 * snapshot): loaded by docx.ts and docx-package.ts only when a Word file is made or read, so a
 * PDF build never parses them, and the installed tool carries one minified copy instead of docx's
 * whole package. scripts/bundle.mjs keeps `import("./docx-deps.js")` an import of that bundle: the
 * files that load it must stay beside it in src/output.
 */
export * as docx from "docx";
export { strToU8, unzipSync, zipSync } from "fflate";
