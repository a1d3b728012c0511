/**
 * Fixes to pdfkit, the PDF writer under react-pdf: two for work it repeated in every document,
 * one that makes every document tagged (and gives it the hooks of tagged.ts), the PDF/UA-1 and
 * PDF/A-3b identification, and files embedded in a document (`withAttachments`). Every change
 * to react-pdf, pdfkit and fontkit is listed in patches/README.md.
 * Installed once per process (marked with Symbol.for, so two copies of this module do not stack).
 */
import PDFDocument from "pdfkit";
import { escapeXml } from "../common/text.js";
import { SRGB_ICC } from "./srgb-icc.js";
import { tagDocument, type TaggableDocument } from "./tagged.js";

/** Marks pdfkit's methods as wrapped, across copies of this module. */
const WRAPPED = Symbol.for("resume-builder.pdfkit-font-cache");
type Method = ((this: PdfKitDocument, ...args: unknown[]) => unknown) & { [WRAPPED]?: true };
interface PdfKitDocument {
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
  fontSize(size: unknown): PdfKitDocument;
}
const proto = (
  PDFDocument as unknown as {
    prototype: PdfKitDocument & {
      font: Method;
      initFonts: Method;
      initMarkings: Method;
      initSubset: Method;
      _addInfo: Method;
      end: Method;
    };
  }
).prototype;

/** A file embedded in the PDF as an associated file of the document. */
export interface Attachment {
  name: string;
  data: Uint8Array;
  /** MIME type. */
  type: string;
  description: string;
  /** `Source`: what the document was made from (PDF/A-3's AFRelationship). */
  relationship: "Source" | "Data" | "Supplement" | "Alternative" | "Unspecified";
  date: Date;
}

const ATTACHMENTS = Symbol.for("resume-builder.attachments");
let pending: Attachment[] | undefined;

/**
 * Run `render` (react-pdf's renderToBuffer) so that the document it creates embeds `files`.
 * react-pdf creates its pdfkit document synchronously, at the start of the call, so the files
 * are handed to that document and to no other.
 */
export function withAttachments<T>(files: Attachment[], render: () => Promise<T>): Promise<T> {
  pending = files;
  try {
    return render();
  } finally {
    pending = undefined;
  }
}

/** What the identification patches use of a document. */
interface Subsetted {
  subset?: number;
  options: { lang?: string };
  info: Record<string, unknown>;
  _root: { data: Record<string, unknown> };
  ref(data: object): { write(bytes: Uint8Array): void; end(): void };
  appendXML(xml: string): void;
  endSubset(): void;
  _addColorOutputIntent(): void;
}

const embeddedFonts = new WeakMap<PdfKitDocument, Map<object, unknown>>();

export function patchPdfkit(): void {
  const font = proto.font;
  const initFonts = proto.initFonts;
  const initMarkings = proto.initMarkings;
  const initSubset = proto.initSubset;
  const addInfo = proto._addInfo;
  const end = proto.end;
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
      if (typeof src !== "object" || src === null || typeof size !== "number" || rest.length)
        return font.call(this, src, size, ...rest);
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
   * react-pdf does not pass pdfkit's `tagged` option (https://github.com/diegomura/react-pdf/issues/1288).
   * The document carries the hooks (tagged.ts) through which react-pdf's renderer, patched in
   * patches/@react-pdf+render+*.patch, writes the structure from the components' `tag` props.
   */
  proto.initMarkings = Object.assign(
    function (this: PdfKitDocument, options?: unknown, ...rest: unknown[]) {
      if (pending) Object.assign(this, { [ATTACHMENTS]: pending });
      const out = initMarkings.call(this, { ...(options as object), tagged: true }, ...rest);
      tagDocument(this as unknown as TaggableDocument);
      return out;
    },
    { [WRAPPED]: true as const },
  );

  /**
   * PDF/A (react-pdf's `conformance` prop): pdfkit reads its sRGB profile for the output intent
   * with `fs.readFileSync` of a file: URL string, which Node does not open (and a bundle has no
   * pdfkit folder beside it); the profile is inlined instead. The document also says it is
   * PDF/UA-1 (pdfkit identifies one subset only): the structure is there (the tags above).
   */
  proto.initSubset = Object.assign(
    function (this: PdfKitDocument, ...args: unknown[]) {
      const out = initSubset.call(this, ...args);
      identify(this as unknown as Subsetted);
      return out;
    },
    { [WRAPPED]: true as const },
  );

  /**
   * The XMP metadata: pdfkit writes the title, author and subject into XML unescaped (an "&" in
   * a label made it invalid) and no language; the values are escaped, and `dc:language` added.
   */
  proto._addInfo = Object.assign(
    function (this: PdfKitDocument, ...args: unknown[]) {
      const doc = this as unknown as Subsetted;
      const saved = { ...doc.info };
      for (const [k, v] of Object.entries(doc.info)) if (typeof v === "string") doc.info[k] = escapeXml(v);
      try {
        addInfo.call(this, ...args);
      } finally {
        Object.assign(doc.info, saved);
      }
      const lang = doc.options.lang;
      if (lang)
        doc.appendXML(
          `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:language><rdf:Bag><rdf:li>${escapeXml(lang)}</rdf:li></rdf:Bag></dc:language></rdf:Description>`,
        );
    },
    { [WRAPPED]: true as const },
  );

  /** The attachments `withAttachments` handed this document, embedded before it is written. */
  proto.end = Object.assign(
    function (this: PdfKitDocument, ...args: unknown[]) {
      const files = (this as unknown as { [ATTACHMENTS]?: Attachment[] })[ATTACHMENTS];
      const doc = this as unknown as { file(data: Uint8Array, options: object): void };
      for (const f of files ?? []) {
        doc.file(f.data, {
          name: f.name,
          type: f.type,
          description: f.description,
          relationship: f.relationship,
          creationDate: f.date,
          modifiedDate: f.date,
        });
      }
      return end.call(this, ...args);
    },
    { [WRAPPED]: true as const },
  );
}

/** A PDF/A document: its output intent from the inlined profile, and PDF/UA-1 in its XMP too. */
function identify(doc: Subsetted): void {
  if (!doc.subset) return;
  doc._addColorOutputIntent = function (this: Subsetted) {
    const profile = this.ref({ Length: SRGB_ICC.length, N: 3 });
    profile.write(SRGB_ICC);
    profile.end();
    const intent = this.ref({
      Type: "OutputIntent",
      S: "GTS_PDFA1",
      Info: new String("sRGB IEC61966-2.1"),
      OutputConditionIdentifier: new String("sRGB IEC61966-2.1"),
      DestOutputProfile: profile,
    });
    intent.end();
    this._root.data.OutputIntents = [intent];
  };
  const endSubset = doc.endSubset;
  doc.endSubset = function (this: Subsetted) {
    endSubset.call(this);
    this.appendXML(
      `<rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about=""><pdfuaid:part>1</pdfuaid:part></rdf:Description>`,
    );
  };
}
