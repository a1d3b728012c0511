/**
 * The résumé (or a cover letter) as a Word file, over the same view model and theme tokens as
 * the PDF: the theme's fonts by name, its sizes, colours and spacing; the name and section titles
 * as Word's own heading styles; bullets as a Word list; links as hyperlinks; dates right-aligned
 * at a tab stop; the badge as an inline picture with alt text. One column in every theme (the
 * sidebar's sections come first), no text boxes, tables, headers or footers: what ATS vendors
 * advise for Word files.
 *
 * `docx` and `fflate` are loaded (through docx-deps.ts, a bundle of their own) only when a Word
 * file is asked for: a PDF build never reads them.
 * The bytes are reproducible: docx draws relationship ids from Math.random and stamps the zip and
 * its core properties with the current time, so ids are drawn from a seeded generator while the
 * document is made, and the package is re-zipped with the build's date and core properties of
 * our own (which also carry the language, which docx does not write).
 */
import type * as Docx from "docx";
import type { Paragraph as DocxParagraph, ParagraphChild } from "docx";
import { parseMarkup } from "../model/markup.js";
import type { Entry, Link, Section, ViewModel } from "../model/view-model.js";
import type { LetterModel } from "../model/letter.js";
import { pageBox } from "../render/themes/measure.js";
import { CONTACT_SEPARATOR, inlineRows, layoutSections, rowLabel, sectionHeading } from "../render/themes/reading.js";
import type { ThemeTokens } from "../render/themes/tokens.js";
import { TOOL_NAME, VERSION } from "../common/version.js";
import { CJK_FAMILIES } from "../render/fonts.js";
import { existsSync, statSync } from "node:fs";
import { readFileBounded } from "../input/load.js";
import { seeded } from "../common/random.js";

/** Word measures in twentieths of a point (twips) and sizes in half-points. */
const tw = (pt: number) => Math.round(pt * 20);
const half = (pt: number) => Math.round(pt * 2);
const hex = (color: string) => color.replace(/^#/, "").toUpperCase();
/** Pictures are sized in pixels at 96 to the inch. */
const px = (pt: number) => Math.round((pt * 96) / 72);

/** The application name written in docProps/app.xml, by which a later build knows its own file. */
export const DOCX_APPLICATION = TOOL_NAME;

const BULLETS = "bullets";

/** What every Word file of a résumé shares: the docx module, the theme, the text width. */
interface Ctx {
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

function context(d: typeof Docx, vm: ViewModel, k: ThemeTokens): Ctx {
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
function richRuns(c: Ctx, text: string, base: Docx.IRunOptions = {}): ParagraphChild[] {
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
function plainRuns(c: Ctx, text: string, href?: string, base: Docx.IRunOptions = {}): ParagraphChild[] {
  const run = new c.d.TextRun({ ...base, text, ...(href ? { color: hex(c.k.color.link) } : {}) });
  return [href ? link(c, href, [run]) : run];
}

function link(c: Ctx, href: string, children: Docx.TextRun[]): Docx.ExternalHyperlink {
  return new c.d.ExternalHyperlink({ link: href, children });
}

/** Text of paragraphs separated by blank lines, one Word paragraph each. */
function paragraphs(text: string): string[] {
  return text.split(/\n{2,}/).filter((p) => p.trim() !== "");
}

/** The header: the name (Heading 1), the label, the contacts on one line, the photo. */
function header(c: Ctx): DocxParagraph[] {
  const { d, vm, k } = c;
  const align = k.header.align === "center" ? d.AlignmentType.CENTER : d.AlignmentType.LEFT;
  const out: DocxParagraph[] = [];
  if (vm.photo) {
    out.push(
      new d.Paragraph({
        alignment: align,
        spacing: { after: tw(6) },
        children: [picture(c, vm.photo, k.photo, vm.photo.alt)],
      }),
    );
  }
  out.push(
    new d.Paragraph({ heading: d.HeadingLevel.HEADING_1, alignment: align, children: [new d.TextRun(vm.name)] }),
  );
  if (vm.label) {
    out.push(
      new d.Paragraph({
        alignment: align,
        spacing: { before: tw(2) },
        children: [new d.TextRun({ text: vm.label, size: half(k.size.label), color: hex(k.color.muted) })],
      }),
    );
  }
  if (vm.contacts.length) {
    const small = { size: half(k.size.small + 0.5), color: hex(k.color.muted) };
    const runs: ParagraphChild[] = [];
    vm.contacts.forEach((contact: Link, i) => {
      runs.push(...plainRuns(c, contact.text, contact.href, small));
      if (i < vm.contacts.length - 1) runs.push(new d.TextRun({ ...small, text: CONTACT_SEPARATOR }));
    });
    out.push(new d.Paragraph({ alignment: align, spacing: { before: tw(4) }, children: runs }));
  }
  return out;
}

/** A picture, inline (in the text's flow, where every Word reader finds it), with its alt text and link. */
function picture(
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
function twoSided(
  c: Ctx,
  left: ParagraphChild[],
  right: ParagraphChild[],
  opts: Docx.IParagraphOptions,
): DocxParagraph {
  const children = right.length ? [...left, new c.d.TextRun({ children: [new c.d.Tab()] }), ...right] : left;
  return new c.d.Paragraph({ ...opts, tabStops: [{ type: c.d.TabStopType.RIGHT, position: tw(c.width) }], children });
}

function entryParagraphs(c: Ctx, e: Entry, first: boolean): DocxParagraph[] {
  const { d, k } = c;
  const out: DocxParagraph[] = [];
  const before = first ? 0 : tw(k.space.entry);
  const italic = k.entry.subtitleItalic;
  if (e.title || e.date) {
    const title = e.title ? plainRuns(c, e.title, e.titleHref, e.titleHref ? { color: hex(k.color.text) } : {}) : [];
    const date = e.date ? plainRuns(c, e.date, e.dateHref, { bold: false }) : [];
    out.push(
      twoSided(c, title, date, {
        heading: e.title ? d.HeadingLevel.HEADING_3 : undefined,
        spacing: { before },
        keepNext: true,
      }),
    );
  }
  const placeOnLine = e.location !== undefined && !(e.locationHref && e.location.length > 32);
  if (e.subtitle || (e.location && placeOnLine)) {
    const subtitle = e.subtitle
      ? [new d.TextRun({ text: e.subtitle, italics: italic, color: italic ? undefined : hex(k.color.muted) })]
      : [];
    const place =
      e.location && placeOnLine
        ? plainRuns(c, e.location, e.locationHref, { italics: italic, color: hex(k.color.muted) })
        : [];
    out.push(twoSided(c, subtitle, place, { keepNext: true, spacing: { before: out.length ? 0 : before } }));
  }
  if (e.location && !placeOnLine)
    out.push(
      new d.Paragraph({
        keepNext: true,
        children: plainRuns(c, e.location, e.locationHref, { italics: italic, color: hex(k.color.muted) }),
      }),
    );
  if (e.note)
    out.push(
      new d.Paragraph({ children: [new d.TextRun({ text: e.note, italics: true, color: hex(k.color.muted) })] }),
    );
  if (e.summary)
    for (const p of paragraphs(e.summary))
      out.push(new d.Paragraph({ spacing: { before: tw(k.space.line) }, children: richRuns(c, p) }));
  out.push(...bullets(c, e.bullets));
  // The badge: an inline picture linked to its verification page, at the right end of the entry's
  // last line of details (where it costs the fewest lines), or under the entry.
  // Two lines high: a Word line is as tall as its tallest picture, so a badge as large as the
  // PDF's (which sits beside the entry's lines) would add three lines to the page.
  const badge = e.badge
    ? picture(c, e.badge, Math.min(k.badge, Math.round(k.size.body * k.leading * 2)), e.badge.alt, {
        link: e.badge.href,
      })
    : undefined;
  e.details.forEach((detail, i) => {
    const size = half(k.size.body - 0.5);
    const text = [
      new d.TextRun({ text: `${detail.label}: `, bold: true, size }),
      ...plainRuns(c, detail.value, detail.href, { size }),
    ];
    const last = i === e.details.length - 1;
    out.push(
      badge && last
        ? twoSided(c, text, [badge], { spacing: { before: tw(k.space.line) } })
        : new d.Paragraph({ spacing: { before: tw(k.space.line) }, children: text }),
    );
  });
  if (badge && !e.details.length)
    out.push(new d.Paragraph({ spacing: { before: tw(k.space.line * 2) }, children: [badge] }));
  return out;
}

function bullets(c: Ctx, items: string[]): DocxParagraph[] {
  return items.map(
    (b) =>
      new c.d.Paragraph({
        numbering: { reference: BULLETS, level: 0 },
        spacing: { before: tw(c.k.space.line) },
        children: richRuns(c, b),
      }),
  );
}

function sectionParagraphs(c: Ctx, sec: Section): DocxParagraph[] {
  const { d, k } = c;
  const out: DocxParagraph[] = [
    new d.Paragraph({ heading: d.HeadingLevel.HEADING_2, children: [new d.TextRun(sectionHeading(sec, k))] }),
  ];
  switch (sec.kind) {
    case "text":
      if (sec.paragraph)
        for (const p of paragraphs(sec.paragraph))
          out.push(new d.Paragraph({ spacing: { before: tw(k.space.line) }, children: richRuns(c, p) }));
      out.push(...bullets(c, sec.bullets));
      break;
    case "rows":
      if (sec.inline) out.push(new d.Paragraph({ children: [new d.TextRun(inlineRows(sec.rows))] }));
      else {
        for (const r of sec.rows) {
          const label = rowLabel(r.label, r.value);
          out.push(
            new d.Paragraph({
              spacing: { after: tw(k.space.line + 0.5) },
              children: [
                ...(label ? [new d.TextRun({ text: label, bold: true })] : []),
                ...(r.value ? [new d.TextRun(r.value)] : []),
              ],
            }),
          );
        }
      }
      break;
    case "entries":
      sec.entries.forEach((e, i) => out.push(...entryParagraphs(c, e, i === 0)));
      break;
  }
  return out;
}

/** The document's styles: the theme's body text, and its name, section and entry headings as Heading 1–3. */
function styles(c: Ctx): Docx.IStylesOptions {
  const { k, vm } = c;
  const decoration = k.sectionTitle.decoration;
  const border = {
    style: c.d.BorderStyle.SINGLE,
    size: Math.max(2, Math.round(k.sectionTitle.weight * 8)),
    color: hex(k.color.rule),
  };
  return {
    default: {
      document: {
        run: {
          font: c.fonts,
          size: half(k.size.body),
          color: hex(k.color.text),
          language: { value: vm.metadata.language },
        },
        // At least the theme's leading, as the PDF sets it (size × leading); taller glyphs (emoji, CJK) still fit.
        paragraph: {
          spacing: { line: tw(k.size.body * k.leading), lineRule: c.d.LineRuleType.AT_LEAST, before: 0, after: 0 },
        },
      },
      heading1: {
        run: {
          font: c.headingFonts,
          size: half(k.size.name),
          bold: k.header.nameWeight >= 600,
          color: hex(k.color.name),
          characterSpacing: tw(k.header.nameLetterSpacing),
        },
        paragraph: {
          spacing: { line: tw(k.size.name * 1.15), lineRule: c.d.LineRuleType.AT_LEAST, before: 0, after: 0 },
          keepNext: true,
        },
      },
      heading2: {
        run: {
          font: c.headingFonts,
          size: half(k.size.section),
          bold: true,
          color: hex(k.color.title),
          characterSpacing: tw(k.sectionTitle.letterSpacing),
        },
        paragraph: {
          spacing: { before: tw(k.space.section), after: tw(k.space.title) },
          keepNext: true,
          ...(decoration === "rule"
            ? { border: { bottom: { ...border, space: 1 } } }
            : decoration === "bar"
              ? { border: { left: { ...border, space: 6 } } }
              : {}),
        },
      },
      heading3: {
        run: { font: c.fonts, size: half(k.size.body), bold: k.entry.titleWeight >= 600, color: hex(k.color.text) },
        paragraph: { keepNext: true },
      },
    },
  };
}

function numbering(c: Ctx): Docx.INumberingOptions {
  const { d, k } = c;
  return {
    config: [
      {
        reference: BULLETS,
        levels: [
          {
            level: 0,
            format: d.LevelFormat.BULLET,
            text: "\u2022",
            alignment: d.AlignmentType.LEFT,
            style: { paragraph: { indent: { left: tw(12), hanging: tw(10) } }, run: { color: hex(k.color.muted) } },
          },
        ],
      },
    ],
  };
}

function page(c: Ctx): Docx.ISectionPropertiesOptions {
  const { k, vm } = c;
  const [w, h] = vm.paper === "letter" ? [612, 792] : [595.28, 841.89];
  return {
    page: {
      size: { width: tw(w), height: tw(h) },
      margin: {
        top: tw(k.margin.top),
        right: tw(k.margin.right),
        bottom: tw(k.margin.bottom),
        left: tw(k.margin.left),
        header: 0,
        footer: 0,
        gutter: 0,
      },
    },
  };
}

type DocxMetadata = ViewModel["metadata"];

/** The résumé as a .docx file. */
export async function resumeToDocx(vm: ViewModel, tokens: ThemeTokens, date: Date): Promise<Uint8Array> {
  const { docx: d } = await import("./docx-deps.js");
  const c = context(d, vm, tokens);
  const { side, main } = layoutSections(vm, tokens);
  return pack(c, vm.metadata, date, () => [
    ...header(c),
    ...[...side, ...main].flatMap((sec) => sectionParagraphs(c, sec)),
  ]);
}

/** A cover letter as a .docx file: the résumé's header, then the letter. */
export async function letterToDocx(letter: LetterModel, tokens: ThemeTokens, date: Date): Promise<Uint8Array> {
  const { docx: d } = await import("./docx-deps.js");
  const c = context(d, letter.vm, tokens);
  const k = tokens;
  const gap = tw(k.size.body * k.leading);
  return pack(c, letter.metadata, date, () => [
    ...header(c),
    new d.Paragraph({
      spacing: { before: tw(k.space.header + k.space.section) },
      alignment: d.AlignmentType.RIGHT,
      children: [new d.TextRun(letter.date)],
    }),
    ...letter.to.map(
      (line, i) => new d.Paragraph({ spacing: { before: i === 0 ? gap : 0 }, children: [new d.TextRun(line)] }),
    ),
    ...(letter.subject
      ? [new d.Paragraph({ spacing: { before: gap }, children: [new d.TextRun({ text: letter.subject, bold: true })] })]
      : []),
    ...(letter.greeting
      ? [new d.Paragraph({ spacing: { before: gap }, children: [new d.TextRun(letter.greeting)] })]
      : []),
    ...letter.body.map((p) => new d.Paragraph({ spacing: { before: gap }, children: richRuns(c, p) })),
    ...(letter.closing
      ? [new d.Paragraph({ spacing: { before: gap }, keepNext: true, children: [new d.TextRun(letter.closing)] })]
      : []),
    new d.Paragraph({
      spacing: { before: letter.closing ? tw(k.size.body * k.leading * 2) : gap },
      children: [new d.TextRun(letter.signature)],
    }),
  ]);
}

/**
 * Make the document and its bytes, reproducibly: ids from a seeded generator, the zip's dates and
 * the core properties from `date`.
 */
async function pack(c: Ctx, meta: DocxMetadata, date: Date, body: () => DocxParagraph[]): Promise<Uint8Array> {
  const { d } = c;
  const random = Math.random;
  Math.random = seeded(0x5eed);
  let packed: Promise<Buffer>;
  try {
    const doc = new d.Document({
      title: meta.title,
      creator: meta.author,
      subject: meta.subject,
      keywords: meta.keywords.join(", "),
      styles: styles(c),
      numbering: numbering(c),
      sections: [{ properties: page(c), children: body() }],
    });
    // Packing compiles the document (where the remaining ids are drawn) before its first await.
    packed = d.Packer.toBuffer(doc);
  } finally {
    Math.random = random;
  }
  return rezip(await packed, { "docProps/core.xml": coreXml(meta, date), "docProps/app.xml": appXml() }, date);
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Core properties: title, author, subject, keywords and language, created and modified at the build's date. */
function coreXml(meta: DocxMetadata, date: Date): string {
  const when = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const el = (name: string, value: string | undefined) => (value ? `<${name}>${xml(value)}</${name}>` : "");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    el("dc:title", meta.title) +
    el("dc:subject", meta.subject) +
    el("dc:creator", meta.author) +
    el("cp:keywords", meta.keywords.join(", ")) +
    el("dc:language", meta.language) +
    el("cp:lastModifiedBy", meta.author) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}

function appXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>${xml(DOCX_APPLICATION)}</Application><AppVersion>${xml(appVersion(VERSION))}</AppVersion></Properties>`
  );
}

/**
 * Whether `file` is a Word file this tool wrote (its docProps/app.xml names the tool), so that a
 * build may replace it; a Word file edited and saved elsewhere, or any other file, is "other".
 */
export async function existingWordFile(file: string): Promise<"absent" | "ours" | "other"> {
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) return "other";
    bytes = readFileBounded(file, file, 50 * 1024 * 1024);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ENOENT" || !existsSync(file) ? "absent" : "other";
  }
  const { unzipSync } = await import("./docx-deps.js");
  try {
    const app = unzipSync(bytes, { filter: (f) => f.name === "docProps/app.xml" })["docProps/app.xml"];
    return app &&
      Buffer.from(app)
        .toString("utf8")
        .includes(`<Application>${xml(DOCX_APPLICATION)}</Application>`)
      ? "ours"
      : "other";
  } catch {
    return "other";
  }
}

/** AppVersion must look like `XX.YYYY` (Word refuses other forms). */
const appVersion = (v: string) => {
  const [major = "0", minor = "0"] = v.split(".");
  return `${major.padStart(2, "0")}.${minor.padStart(4, "0")}`;
};

/** The package again, with `replace`d parts and every entry dated `date` (zip dates are local time; written as UTC). */
async function rezip(bytes: Uint8Array, replace: Record<string, string>, date: Date): Promise<Uint8Array> {
  const { unzipSync, zipSync, strToU8 } = await import("./docx-deps.js");
  const files = unzipSync(bytes);
  const floor = Date.UTC(1980, 0, 1);
  const utc = new Date(Math.max(date.getTime(), floor));
  const mtime = new Date(utc.getTime() + utc.getTimezoneOffset() * 60_000);
  const out: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, data] of Object.entries(files))
    out[name] = [name in replace ? strToU8(replace[name]!) : data, { mtime }];
  for (const [name, data] of Object.entries(replace)) if (!(name in out)) out[name] = [strToU8(data), { mtime }];
  return zipSync(out, { level: 9 });
}
