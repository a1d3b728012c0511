/**
 * Fixes to pdfkit, the PDF writer under react-pdf: two for work it repeated in every document,
 * and one that makes every document tagged.
 * Installed once per process (marked with Symbol.for, so two copies of this module do not stack).
 */
import PDFDocument from "pdfkit";

/** Marks pdfkit's methods as wrapped, across copies of this module. */
const WRAPPED = Symbol.for("resume-builder.pdfkit-font-cache");
type Method = ((this: PdfKitDocument, ...args: unknown[]) => unknown) & { [WRAPPED]?: true };
interface PdfKitDocument {
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
  fontSize(size: unknown): PdfKitDocument;
}
const proto = (PDFDocument as unknown as { prototype: PdfKitDocument & { font: Method; initFonts: Method; initMarkings: Method } }).prototype;
const embeddedFonts = new WeakMap<PdfKitDocument, Map<object, unknown>>();

export function patchPdfkit(): void {
  const font = proto.font;
  const initFonts = proto.initFonts;
  const initMarkings = proto.initMarkings;
  if (font[WRAPPED]) return;

  /**
   * react-pdf selects the font for every run of text with `doc.font(fontkitFont, size)`. pdfkit
   * has no cache for fonts given as objects: each call builds a new embedded-font wrapper, then
   * recognises it as a font it already has by comparing JSON of the name tables — about 11 ms
   * per page of a long résumé. Each document keeps its own map from fontkit font to embedded
   * font, so a repeated font is a lookup. Everything else `font()` does (size, current font) is
   * kept.
   */
  proto.font = Object.assign(
    function (this: PdfKitDocument, src: unknown, size?: unknown, ...rest: unknown[]) {
      if (typeof src !== "object" || src === null || typeof size !== "number" || rest.length) return font.call(this, src, size, ...rest);
      let fonts = embeddedFonts.get(this);
      if (!fonts) embeddedFonts.set(this, (fonts = new Map()));
      const known = fonts.get(src);
      if (!known) {
        font.call(this, src, size);
        fonts.set(src, this._font);
        return this;
      }
      this._fontSource = src;
      this._fontFamily = null;
      this.fontSize(size);
      this._font = known;
      return this;
    },
    { [WRAPPED]: true as const },
  );

  /**
   * A new pdfkit document selects Helvetica as its default font, which parses Helvetica's AFM
   * metrics (~1.5 ms a document). react-pdf always selects a font before it draws text, and
   * this tool never draws with a standard font, so documents start with no font.
   */
  proto.initFonts = Object.assign(
    function (this: PdfKitDocument, defaultFont?: unknown, ...rest: unknown[]) {
      return initFonts.call(this, defaultFont === undefined ? null : defaultFont, ...rest);
    },
    { [WRAPPED]: true as const },
  );

  /**
   * Every document is tagged (MarkInfo /Marked true, a structure tree, pages with Tabs /S):
   * react-pdf does not pass pdfkit's `tagged` option (https://github.com/diegomura/react-pdf/issues/1288),
   * and its render step, patched in patches/@react-pdf+render+*.patch, writes the structure from
   * the components' `tag` props when the document has MarkInfo.
   */
  proto.initMarkings = Object.assign(
    function (this: PdfKitDocument, options?: unknown, ...rest: unknown[]) {
      return initMarkings.call(this, { ...(options as object), tagged: true }, ...rest);
    },
    { [WRAPPED]: true as const },
  );
}
