/**
 * The pieces every Word file of this tool is made of: Word's units, the theme and fonts a
 * document is made with (Ctx), paragraphs in the document's direction, runs of text (split by
 * script and direction, docx-scripts.ts) with inline markup and links, pictures, and a line with
 * text at both ends.
 */
import type * as Docx from "docx";
import type { Paragraph as DocxParagraph, ParagraphChild } from "docx";
import { SCRIPT_FONTS, type ScriptFont } from "../common/ids.js";
import { parseMarkup } from "../model/markup.js";
import type { ViewModel } from "../model/view-model.js";
import { CJK_FAMILIES, SCRIPT_FAMILIES } from "../render/fonts.js";
import { pageBox } from "../render/themes/measure.js";
import { fontStack } from "../render/themes/stack.js";
import type { ThemeTokens } from "../render/themes/tokens.js";
import { RTL_SCRIPTS, scriptLanguage, stretches, type Stretch } from "./docx-scripts.js";

/** Word measures in twentieths of a point (twips) and sizes in half-points. */
export const tw = (pt: number) => Math.round(pt * 20);
export const half = (pt: number) => Math.round(pt * 2);
export const hex = (color: string) => color.replace(/^#/, "").toUpperCase();
/** Pictures are sized in pixels at 96 to the inch. */
const px = (pt: number) => Math.round((pt * 96) / 72);

/** What every Word file of a résumé shares: the docx module, the theme, the text width. */
export interface Ctx {
  d: typeof Docx;
  vm: ViewModel;
  k: ThemeTokens;
  /** The text block's width, where right-aligned tab stops go. */
  width: number;
  fonts: { ascii: string; hAnsi: string; eastAsia: string; cs: string };
  headingFonts: { ascii: string; hAnsi: string; eastAsia: string; cs: string };
  /**
   * Whether the document reads right to left: every paragraph is then right to left, its start
   * (the header, an entry's title, the bullets) on the right and its end (the dates) on the left.
   */
  rtl: boolean;
  /** The family that draws each script with a font of its own, as in the PDF (Naskh in a serif theme). */
  scriptFamilies: Record<ScriptFont, string>;
  /** The right-to-left script of the document's text, for right-to-left runs of spaces and digits alone. */
  rtlScript?: ScriptFont;
  /** Ids for pictures, in the order they are placed (docx would draw them from a global counter). */
  nextPicture(): number;
}

export function context(d: typeof Docx, vm: ViewModel, k: ThemeTokens): Ctx {
  const cjk = vm.scripts.cjk[0] ? CJK_FAMILIES[vm.scripts.cjk[0]] : undefined;
  const fontsOf = (family: string) => ({ ascii: family, hAnsi: family, eastAsia: cjk ?? family, cs: family });
  // The script families the PDF's font stack would draw each script with.
  const stack = fontStack(k, { scripts: [...SCRIPT_FONTS] }).fallbacks;
  const scriptFamilies = Object.fromEntries(
    SCRIPT_FONTS.map((s) => [s, stack.find((f) => Object.values(SCRIPT_FAMILIES[s]).includes(f as never))!]),
  ) as Record<ScriptFont, string>;
  let picture = 0;
  return {
    d,
    vm,
    k,
    width: pageBox(k, vm.paper).width,
    fonts: fontsOf(k.font.body),
    headingFonts: fontsOf(k.font.heading),
    rtl: vm.direction === "rtl",
    scriptFamilies,
    rtlScript: (vm.scripts.scripts ?? []).find((s) => RTL_SCRIPTS.has(s)),
    nextPicture: () => ++picture,
  };
}

/** A paragraph in the document's direction. */
export function paragraph(c: Ctx, opts: Docx.IParagraphOptions): DocxParagraph {
  return new c.d.Paragraph(c.rtl ? { ...opts, bidirectional: true } : opts);
}

/**
 * Runs of `text` with `opts`, one for each stretch of a script or direction: a right-to-left
 * stretch is marked right to left, and a stretch of a script with a font of its own names that
 * font as its complex-script font and its language as its complex-script language (Word and
 * LibreOffice draw these scripts with the complex-script font, size and weight). Latin text
 * alone is one run with `opts` as they are.
 */
export function textRuns(c: Ctx, text: string, opts: Docx.IRunOptions = {}): Docx.TextRun[] {
  const parts = stretches(text, c.rtl, c.rtlScript);
  // An empty line is still a run (it carries the line break before it).
  if (!parts.length) return [new c.d.TextRun({ ...opts, text })];
  return parts.map(
    (s, i) =>
      new c.d.TextRun({ ...opts, ...(i > 0 ? { break: undefined } : {}), ...scriptOptions(c, s), text: s.text }),
  );
}

function scriptOptions(c: Ctx, s: Stretch): Docx.IRunOptions {
  return {
    ...(s.rtl ? { rightToLeft: true } : {}),
    ...(s.script
      ? {
          font: { cs: c.scriptFamilies[s.script] },
          language: { bidirectional: scriptLanguage(s.script, c.vm.metadata.language) },
        }
      : {}),
  };
}

/** Runs of a value with inline markup (**bold**, *italic*, [links](…)); a line break in it breaks the line. */
export function richRuns(c: Ctx, text: string, base: Docx.IRunOptions = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const run of parseMarkup(text)) {
    const lines = run.text.split("\n");
    const runs = lines.flatMap((line, i) =>
      textRuns(c, line, {
        ...base,
        bold: run.bold || base.bold,
        italics: run.italic || base.italics,
        break: i > 0 ? 1 : undefined,
      }),
    );
    if (run.href) out.push(link(c, run.href, runs));
    else out.push(...runs);
  }
  return out;
}

/** Plain runs of a value printed as it is (no markup), linked when it has an address. */
export function plainRuns(c: Ctx, text: string, href?: string, base: Docx.IRunOptions = {}): ParagraphChild[] {
  const runs = textRuns(c, text, { ...base, ...(href ? { color: hex(c.k.color.link) } : {}) });
  return href ? [link(c, href, runs)] : runs;
}

function link(c: Ctx, href: string, children: Docx.TextRun[]): Docx.ExternalHyperlink {
  return new c.d.ExternalHyperlink({ link: href, children });
}

/** Text of paragraphs separated by blank lines, one Word paragraph each. */
export function paragraphs(text: string): string[] {
  return text.split(/\n{2,}/).filter((p) => p.trim() !== "");
}

/** A picture, inline (in the text's flow, where every Word reader finds it), with its alt text and link. */
export function picture(
  c: Ctx,
  image: { data: Buffer; format: "png" | "jpg"; width: number; height: number },
  size: number,
  alt: string,
  opts: { link?: string } = {},
): Docx.ImageRun {
  const scale = size / Math.max(image.width, image.height);
  return new c.d.ImageRun({
    type: image.format,
    data: image.data,
    transformation: { width: px(image.width * scale), height: px(image.height * scale) },
    altText: { id: String(c.nextPicture()), name: alt, title: alt, description: alt },
    ...(opts.link ? { link: opts.link } : {}),
  });
}

/**
 * A line with text at its start and, at a tab stop at its end, more text: on the left and the
 * right, or, in a right-to-left document, on the right and the left (a tab stop at the end of a
 * right-to-left paragraph is measured from the right).
 */
export function twoSided(
  c: Ctx,
  start: ParagraphChild[],
  end: ParagraphChild[],
  opts: Docx.IParagraphOptions,
): DocxParagraph {
  const children = end.length ? [...start, new c.d.TextRun({ children: [new c.d.Tab()] }), ...end] : start;
  const type = c.rtl ? c.d.TabStopType.END : c.d.TabStopType.RIGHT;
  return paragraph(c, { ...opts, tabStops: [{ type, position: tw(c.width) }], children });
}
