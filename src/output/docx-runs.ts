/**
 * The pieces every Word file of this tool is made of: Word's units, the theme and fonts a
 * document is made with (Ctx), runs of text with inline markup and links, pictures, and a line
 * with text at both ends.
 */
import type * as Docx from "docx";
import type { Paragraph as DocxParagraph, ParagraphChild } from "docx";
import { parseMarkup } from "../model/markup.js";
import type { ViewModel } from "../model/view-model.js";
import { CJK_FAMILIES } from "../render/fonts.js";
import { pageBox } from "../render/themes/measure.js";
import type { ThemeTokens } from "../render/themes/tokens.js";

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
  /** Ids for pictures, in the order they are placed (docx would draw them from a global counter). */
  nextPicture(): number;
}

export function context(d: typeof Docx, vm: ViewModel, k: ThemeTokens): Ctx {
  const cjk = vm.scripts.cjk[0] ? CJK_FAMILIES[vm.scripts.cjk[0]] : undefined;
  const fontsOf = (family: string) => ({ ascii: family, hAnsi: family, eastAsia: cjk ?? family, cs: family });
  let picture = 0;
  return {
    d,
    vm,
    k,
    width: pageBox(k, vm.paper).width,
    fonts: fontsOf(k.font.body),
    headingFonts: fontsOf(k.font.heading),
    nextPicture: () => ++picture,
  };
}

/** Runs of a value with inline markup (**bold**, *italic*, [links](…)); a line break in it breaks the line. */
export function richRuns(c: Ctx, text: string, base: Docx.IRunOptions = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const run of parseMarkup(text)) {
    const lines = run.text.split("\n");
    const runs = lines.map(
      (line, i) =>
        new c.d.TextRun({
          ...base,
          text: line,
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
  const run = new c.d.TextRun({ ...base, text, ...(href ? { color: hex(c.k.color.link) } : {}) });
  return [href ? link(c, href, [run]) : run];
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

/** A line with text on the left and, at the right-aligned tab stop, more text. */
export function twoSided(
  c: Ctx,
  left: ParagraphChild[],
  right: ParagraphChild[],
  opts: Docx.IParagraphOptions,
): DocxParagraph {
  const children = right.length ? [...left, new c.d.TextRun({ children: [new c.d.Tab()] }), ...right] : left;
  return new c.d.Paragraph({ ...opts, tabStops: [{ type: c.d.TabStopType.RIGHT, position: tw(c.width) }], children });
}
