/**
 * Themes as files, for people: the themes one can use from a folder (`resume themes`), and a new
 * theme file to start from (`resume theme new`).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { ResumeError } from "../common/errors.js";
import { THEMES } from "../common/ids.js";
import { writeNew } from "../output/write.js";
import { resolveTheme } from "../render/themes/files.js";
import { themeJsonSchema } from "../render/themes/schema.js";

export { findThemes, type FoundTheme } from "../render/themes/files.js";
export { themeJsonSchema } from "../render/themes/schema.js";

/** A built-in theme's name in any case (`Classic`) as its name; anything else as it is. */
const builtinName = (spec: string) => THEMES.find((t) => t === spec.toLowerCase()) ?? spec;

/** The schema file a new theme points editors at, written beside it unless one is there. */
export const THEME_SCHEMA_FILE = "theme.schema.json";

/**
 * Write `NAME.yaml` in `dir`: every token of the theme `from` (a built-in name, a theme file or a
 * package, looked for from `dir`), with a header pointing editors at theme.schema.json, which is
 * written beside it when missing. Refuses to overwrite a file. Returns the file written.
 */
export function newThemeFile(name: string, from: string, dir: string): string {
  const base = name.replace(/\.ya?ml$/i, "");
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(base)) {
    throw ResumeError.of(
      name,
      "a theme's name becomes its file's name: letters, digits, dots, hyphens and underscores",
      "NAME",
    );
  }
  const target = path.join(dir, `${base}.yaml`);
  const { theme } = resolveTheme(builtinName(from.trim()), { dir, labelDir: "." }, (message) => ({
    file: from,
    path: "--from",
    message,
  }));
  const text = [
    `# yaml-language-server: $schema=${THEME_SCHEMA_FILE}`,
    `# A résumé theme made from ${from}: every token is here; change any of them, or delete those`,
    `# you keep and add "extends: ${from}" (a theme with extends sets only what it changes).`,
    "# Sizes and spaces in points, margins in millimetres, colours as #hex, fonts by their render.font ids.",
    `# Use it with render.theme: ./${base}.yaml (a path relative to the résumé).`,
    stringify({ name: base, description: `${base}, made from ${from}`, ...theme.data }),
  ].join("\n");
  try {
    writeNew(target, Buffer.from(text));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw ResumeError.of(
      path.basename(target),
      e.code === "EEXIST" ? "already exists; not overwriting it" : `cannot be written (${e.code ?? e.message})`,
    );
  }
  const schemaFile = path.join(dir, THEME_SCHEMA_FILE);
  if (!existsSync(schemaFile)) {
    try {
      writeNew(schemaFile, Buffer.from(`${JSON.stringify(themeJsonSchema(), null, 2)}\n`));
    } catch {
      // Kept as it is.
    }
  }
  return target;
}
