/**
 * Options more than one command takes: the render knobs (each checked by the same schema as the
 * file's `render`), the résumé argument and --strict, and their parsers.
 */
import { type Command, InvalidArgumentError, Option } from "commander";
import { DATE_FORMATS, LOCALES } from "../input/languages.js";
import path from "node:path";
import { CJK, FONT_IDS, PAPERS, THEMES, themeSpecKind } from "../common/ids.js";
import { RENDER_KNOBS } from "../input/schema.js";
import type { RenderOptions } from "../model/normalize.js";
import { DEFAULT_FILES } from "./context.js";

/** The résumé argument and --strict, as build and validate take them. */
export function addInputOptions(cmd: Command): Command {
  return cmd
    .argument("[file]", `résumé in YAML or JSON (default: ${DEFAULT_FILES.join(", then ")})`)
    .option("--strict", "refuse keys that are not printed, instead of warning about them (also render.strict)");
}

/** Options that set a `render` knob; each value is checked by the same schema as the file's. */
export function addRenderOptions(cmd: Command): Command {
  const knob =
    (key: keyof typeof RENDER_KNOBS, toValue: (v: string) => unknown = (v) => v) =>
    (value: string) => {
      const parsed = RENDER_KNOBS[key].safeParse(toValue(value));
      if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0]!.message);
      return parsed.data;
    };
  const number = (v: string) => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : v);
  return cmd
    .addOption(
      new Option(
        "--theme <name>",
        `theme: ${THEMES.join(", ")}, a theme file (./my-theme.yaml) or a theme package (overrides render.theme)`,
      ).argParser(themeOption),
    )
    .addOption(oneOf("--paper <size>", "paper size (overrides render.paper)", PAPERS))
    .option("--accent <colour>", "accent colour, e.g. #0b6e99 (overrides render.accent)", knob("accent"))
    .addOption(oneOf("--font <family>", "text font (overrides render.font)", FONT_IDS))
    .option("--font-size <pt>", "body text size in points, 9–13 (overrides render.fontSize)", knob("fontSize", number))
    .option(
      "--line-spacing <n>",
      "line height as a multiple of the size, 1–2 (overrides render.lineSpacing)",
      knob("lineSpacing", number),
    )
    .option("--margins <mm>", "page margins in millimetres, 12–30 (overrides render.margins)", knob("margins", number))
    .addOption(oneOf("--locale <code>", "language of titles and dates (overrides render.locale)", LOCALES))
    .addOption(oneOf("--date-format <style>", "how dates print (overrides render.dateFormat)", DATE_FORMATS))
    .addOption(
      oneOf(
        "--cjk <font>",
        "Noto CJK font for Chinese, Japanese or Korean text, instead of the one the text asks for (overrides render.cjk)",
        CJK,
      ),
    )
    .option("--photo", "print basics.image as a photo (overrides render.photo)")
    .option("--no-photo", "do not print a photo")
    .option("--icons", "draw icons before the contacts (overrides render.icons)")
    .option("--no-icons", "draw no icons before the contacts")
    .option("--order <ids>", "sections to print first, in this order, comma-separated (overrides render.order)", idList)
    .option("--hide <ids>", "sections not to print, comma-separated (overrides render.hide)", idList)
    .option(
      "--title <id=title>",
      'a section\'s title, e.g. skills="Core stack" (repeatable; adds to render.titles)',
      titleOption,
    );
}

/** One of `values`, in any case (`--paper A4`). */
function oneOf(flags: string, what: string, values: readonly string[]): Option {
  return new Option(flags, `${what} (${values.join(", ")})`).argParser((v: string) => {
    const found = values.find((x) => x.toLowerCase() === v.trim().toLowerCase());
    if (found === undefined) throw new InvalidArgumentError(`Allowed choices are ${values.join(", ")}.`);
    return found;
  });
}

/** A built-in theme in any case, a theme file or a theme package (found when the build starts). */
function themeOption(value: string): string {
  const v = value.trim();
  const spec = THEMES.find((t) => t === v.toLowerCase()) ?? v;
  if (themeSpecKind(spec) === undefined) {
    throw new InvalidArgumentError(
      `Allowed choices are ${THEMES.join(", ")}, a theme file (./my-theme.yaml) or a theme package (resume-theme-x).`,
    );
  }
  return spec;
}

function idList(value: string): string[] {
  const ids = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (!ids.length) throw new InvalidArgumentError("expected section ids separated by commas, e.g. summary,work,skills");
  return ids;
}

function titleOption(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const m = /^([a-z][a-z0-9-]*)=(.+)$/s.exec(value);
  if (!m || !m[2]!.trim()) throw new InvalidArgumentError('expected id=title, e.g. skills="Core stack"');
  return { ...previous, [m[1]!]: m[2]!.trim() };
}

const RENDER_OPTION_KEYS = [
  "theme",
  "paper",
  "accent",
  "font",
  "fontSize",
  "lineSpacing",
  "margins",
  "locale",
  "dateFormat",
  "photo",
  "order",
  "hide",
  "titles",
  "cjk",
  "icons",
] as const;

/**
 * The render options the command line set (commander's --title is render.titles); a theme file
 * given with --theme is where the user stands, `cwd`, not beside the résumé.
 */
export function renderOverrides(
  opts: RenderOptions & { title?: Record<string, string> },
  cwd: string = process.cwd(),
): RenderOptions {
  const theme = opts.theme && themeSpecKind(opts.theme) === "file" ? path.resolve(cwd, opts.theme) : opts.theme;
  const picked = { ...opts, theme, titles: opts.title } as RenderOptions;
  return Object.fromEntries(
    RENDER_OPTION_KEYS.filter((k) => picked[k] !== undefined).map((k) => [k, picked[k]]),
  ) as RenderOptions;
}

export function pageCount(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError("expected a whole number of pages, 1 or more");
  return Number(value);
}
