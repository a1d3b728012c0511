/**
 * The Word file's libraries, in a bundle of their own (dist/docx-deps.mjs, .cjs for the startup
 * snapshot): loaded by docx.ts only when a Word file is asked for, so a PDF build never parses
 * them, and the installed tool carries one minified copy instead of docx's whole package.
 */
export * as docx from "docx";
export { strToU8, unzipSync, zipSync } from "fflate";
