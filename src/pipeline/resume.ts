/**
 * A résumé up to the point of drawing it: load → validate → (images, glyph check) → normalize,
 * every problem found reported together.
 */
import path from "node:path";
import { ResumeError, type Diagnostic } from "../common/errors.js";
import { LOCALES } from "../input/languages.js";
import { coverage, languageTagOf, localeOfTag, type Coverage } from "../input/translations.js";
import { THEMES, themeSpecKind } from "../common/ids.js";
import { loadAssets } from "../input/assets.js";
import type { LoadedSource } from "../input/load.js";
import { loadFile } from "../input/load.js";
import { asRecord, ResumeSchema, type Resume } from "../input/schema.js";
import { inFileOrder, trusted, validateDocument, type Validated } from "../input/validate.js";
import {
  definedOnly,
  fontsFor,
  normalize,
  resumeText,
  type RenderOptions,
  type ViewModel,
} from "../model/normalize.js";
import { detectLocale, scriptNeeds } from "../model/scripts.js";
import { findVariant, selectVariant, type Variant } from "../model/variants.js";
import { glyphProblems } from "../render/glyphs.js";
import { applyStyle, fontStack, installedStack, themeTokens, type FontStack } from "../render/themes/index.js";
import { builtinThemeFile, resolveTheme, type ThemeData } from "../render/themes/files.js";
import type { ThemeTokens } from "../render/themes/tokens.js";
import { imageWarnings } from "./image-warnings.js";
import { sectionOptionProblems } from "./option-problems.js";
import type { BuildOptions } from "./options.js";
import { scriptsFor } from "./scripts.js";

export interface PreparedResume {
  source: LoadedSource;
  resume: Resume;
  vm: ViewModel;
  /** The theme's tokens with the résumé's style knobs applied. */
  tokens: ThemeTokens;
  variant?: Variant;
  /**
   * The language built (a tag): the one asked for, else the document's default; undefined for a
   * document without languages.
   */
  language?: string;
  /** The document's languages (render.languages, else those its translations give); empty when it has none. */
  languages: string[];
  /** The name output files are named after: the default language's, the same for every language. */
  fileName: string;
  /** How much of the document each of its languages has (none for a document without languages). */
  coverage: Coverage[];
  /** The résumé file, the image files it refers to and the theme file it names (and those that file extends). */
  inputs: string[];
  warnings: Diagnostic[];
  /** Keys kept but not printed (written back by -f json). */
  extras: Validated["extras"];
}

/**
 * A résumé ready to lay out: loaded (unless `preloaded` is given), validated, its images read, its
 * view model made, and checked short of drawing: syntax, schema, images, fonts and glyph coverage,
 * all at once.
 */
export async function prepareResume(
  file: string,
  opts: Pick<BuildOptions, "render" | "label" | "variant" | "strict" | "language"> = {},
  preloaded?: LoadedSource,
): Promise<PreparedResume> {
  const loaded = preloaded ?? (await loadFile(file, opts.label));
  const asked = opts.language === undefined ? undefined : languageTagOf(opts.language);
  const v = validateDocument(loaded, { strict: opts.strict ? "--strict" : undefined, language: asked });
  const { source } = v;
  const photo = opts.render?.photo ?? asRecord(asRecord(v.data).render).photo === true;
  const photoFrom = opts.render?.photo !== undefined ? "--photo" : "render.photo";
  /** Problems found from here on; problems of the command line's options come after the file's. */
  const later: Diagnostic[] = [];
  const options: Diagnostic[] = [];
  /** Problems of the theme's own file (located there), after the résumé's. */
  const themeProblems: Diagnostic[] = [];
  const throwProblems = (): never => {
    throw new ResumeError(
      [...inFileOrder([...v.problems, ...trusted(later, loaded.brokenAt)]), ...themeProblems, ...options],
      v.warnings,
    );
  };
  // The theme, found and read once: a built-in name, a theme file or a theme package.
  const theme = themeOf(v.data, source, opts.render?.theme, { later, themeProblems, options });

  if (!v.resume) {
    // The document has problems; still check its images and characters, so that one report has all.
    const { stack, missing } = installedStack(draftStack(v.data, opts.render, theme?.theme));
    later.push(...glyphProblems(v.data, source, stack, missing));
    later.push(...(await loadAssets(v.data, source, { photo, photoFrom })).problems);
    return throwProblems();
  }
  const { languages } = v.translations;
  // The language built sets the titles, months and date order: over render.locale, which is said.
  const language = v.translations.chosen ?? asked;
  // One language's document (what -f json writes and the PDF embeds): it names its language only.
  const resume =
    language === undefined
      ? v.resume
      : { ...v.resume, render: { ...definedOnly({ ...v.resume.render, locale: undefined }), languages: [language] } };
  options.push(...sectionOptionProblems(resume, source, opts.render));
  if (opts.language !== undefined && (asked === undefined || (languages.length && !languages.includes(asked))))
    options.push({
      file: source.file,
      path: "--lang",
      message:
        asked === undefined
          ? `"${opts.language}" is not a language this tool prints; languages: ${LOCALES.join(", ")} (with a region or script too, e.g. pt-BR)`
          : `the résumé is not written in ${asked}; its languages are ${languages.join(", ")}`,
    });
  const locale = language === undefined ? undefined : localeOfTag(language);
  const languageWarnings: Diagnostic[] = [];
  if (languages.length && (opts.render?.locale !== undefined || v.resume.render?.locale !== undefined)) {
    const what = "is not used: each language prints with its own titles, months and date order (render.languages)";
    languageWarnings.push({
      ...(opts.render?.locale !== undefined
        ? { file: source.file, path: "--locale", message: what }
        : source.at(["render", "locale"], what)),
      severity: "warning",
    });
  }
  let variant: Variant | undefined;
  try {
    variant = opts.variant === undefined ? undefined : findVariant(resume, opts.variant, source);
  } catch (err) {
    if (!(err instanceof ResumeError)) throw err;
    options.push(...err.diagnostics);
  }
  const { assets, problems: imageProblems } = await loadAssets(resume, source, { photo, photoFrom });
  later.push(...imageProblems);
  // A variant's order and hidden sections apply unless the command line sets its own.
  const render = {
    ...(variant ? { order: variant.order, hide: variant.hide } : {}),
    ...definedOnly(opts.render ?? {}),
    ...(locale ? { locale, language } : {}),
  };
  // The fonts cover the whole file's CJK characters, not only the variant's.
  const everyText = resumeText(resume);
  const vm = {
    ...normalize(selectVariant(resume, variant), assets, render, (text, locale, forced) =>
      scriptsFor(text, locale, forced, everyText),
    ),
    theme: theme?.key ?? "classic",
  };
  const tokens = themeTokens(vm);
  const { stack, missing } = installedStack(fontStack(tokens, vm.scripts));
  const glyphs = glyphProblems(resume, source, stack, missing);
  later.push(...glyphs);
  // A CJK font asked for by name (render.cjk, --cjk) that is not installed: when the text has
  // CJK characters the glyph check said so for them; when it has none, say it at the setting.
  if (missing.length && !scriptNeeds(everyText).cjk.length) {
    for (const m of missing) {
      if (opts.render?.cjk) options.push({ file: source.file, path: "--cjk", message: m.message });
      else if (resume.render?.cjk) later.push(source.at(["render", "cjk"], m.message));
    }
  }
  if (later.length || themeProblems.length || options.length) throwProblems();
  const builtinFiles = THEMES.map(builtinThemeFile);
  const inputs = [
    path.resolve(file),
    ...[...assets.badges.values(), ...(assets.photo ? [assets.photo] : [])].map((a) => a.file),
    // A theme file of the user's, and those it extends (--watch rebuilds when one changes).
    ...(theme?.theme.files ?? []).filter((f) => !builtinFiles.includes(f)),
  ];
  return {
    source,
    resume,
    vm,
    tokens,
    variant,
    language,
    languages,
    fileName: v.translations.defaults.get("basics.name") ?? resume.basics.name,
    coverage: coverage(languages, v.translations.maps, (at) => loaded.locate(at)),
    inputs,
    extras: v.extras,
    warnings: [...v.warnings, ...languageWarnings, ...imageWarnings(resume, source, assets, tokens)],
  };
}

/**
 * The fonts a document that failed validation would be drawn with, as far as its render
 * settings and text tell: enough to check its characters along with its other problems.
 */
function draftStack(data: unknown, overrides: RenderOptions = {}, theme?: ThemeData): FontStack {
  const parsed = ResumeSchema.shape.render.safeParse(asRecord(data).render);
  const o = { ...(parsed.success ? parsed.data : {}), ...definedOnly(overrides) };
  const text = resumeText(data);
  const locale = o.locale ?? detectLocale(text) ?? "en";
  const base = theme?.tokens ?? themeTokens({ theme: "classic", style: {} });
  return fontStack(applyStyle(base, { font: o.font }), fontsFor(text, locale, o.cjk));
}

/**
 * The theme the command line (`--theme`) or the file's `render.theme` names, read; undefined with
 * the problem added to `found` when it cannot be: not found (at the setting), or a theme file
 * with problems (located in that file).
 */
function themeOf(
  data: unknown,
  source: LoadedSource,
  fromOptions: string | undefined,
  found: { later: Diagnostic[]; themeProblems: Diagnostic[]; options: Diagnostic[] },
): { key: string; theme: ThemeData } | undefined {
  // The file's setting as the schema reads it (a name in any case); one the schema refuses is reported by it.
  const raw = asRecord(asRecord(data).render).theme;
  const written = typeof raw === "string" ? raw.trim() : undefined;
  const inFile = written && (THEMES.find((t) => t === written.toLowerCase()) ?? written);
  const spec = fromOptions ?? (inFile && themeSpecKind(inFile) ? inFile : "classic");
  const at = (message: string): Diagnostic =>
    fromOptions !== undefined
      ? { file: source.file, path: "--theme", message }
      : source.at(["render", "theme"], message);
  try {
    return resolveTheme(spec, { dir: source.dir, labelDir: path.dirname(source.file) }, at);
  } catch (err) {
    if (!(err instanceof ResumeError)) throw err;
    for (const d of err.diagnostics) {
      if (d.file !== source.file) found.themeProblems.push(d);
      else if (d.path === "--theme") found.options.push(d);
      else found.later.push(d);
    }
    return undefined;
  }
}
