/** Output naming: where a build's PDF goes (`-o`, a folder, or the default name), and the names of its files. */
import { statSync } from "node:fs";
import { slug } from "../common/text.js";
import path from "node:path";
import type { Variant } from "../model/variants.js";
import type { BuildOptions } from "./options.js";

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `-o` as given (a folder, existing or ending in `/`, gets the default name inside it). A
 * document in several languages names each language's file (`…-Resume-de.pdf`, a variant's
 * own name as `Jane-Backend-de.pdf`).
 */
export function resumeOutputPath(
  prepared: { fileName: string; language?: string; languages: readonly string[] },
  opts: BuildOptions,
  variant?: Variant,
): string {
  const name = variant
    ? (variant.output ?? defaultFileName(prepared.fileName, variant.name))
    : defaultFileName(prepared.fileName);
  const language = fileLanguage(prepared);
  return resolveOutput(withLanguage(name, language), opts);
}

/** `Jane-Resume.pdf`, `de` → `Jane-Resume-de.pdf`; the name unchanged without a language. */
export function withLanguage(name: string, language: string | undefined): string {
  return language === undefined ? name : name.replace(/(\.pdf)?$/i, (ext) => `-${language}${ext}`);
}

/** The language a file's name carries: a document's in more than one language, each file names its. */
export const fileLanguage = (p: { language?: string; languages: readonly string[] }): string | undefined =>
  p.languages.length > 1 ? p.language : undefined;

/** The file to write: `-o` as given, or `name` inside it when it is a folder, or inside the output folder. */
export function resolveOutput(name: string, opts: Pick<BuildOptions, "output" | "outDir">): string {
  if (!opts.output) return path.resolve(opts.outDir ?? "out", name);
  const given = path.resolve(opts.output);
  const isDir = /[\\/]$/.test(opts.output) || isDirectory(given);
  return isDir ? path.join(given, name) : given;
}

/** `Rajat Jog` → `Rajat-Jog` (letters of any script kept, the rest dashed): the start of every output's name. */
export const nameStem = (name: string): string => slug(name, { unicode: true });

/** `Rajat Jog` → `Rajat-Jog-Resume.pdf`. */
export function defaultFileName(name: string, variant?: string): string {
  return `${nameStem(name) || "Resume"}-Resume${variant ? `-${variant}` : ""}.pdf`;
}

/** `Rajat Jog`, `acme` → `Rajat-Jog-Letter-acme.pdf`. */
export function letterFileName(name: string, id: string): string {
  return `${nameStem(name) || "Letter"}-Letter-${id}.pdf`;
}
