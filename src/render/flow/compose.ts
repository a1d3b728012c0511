/**
 * Draw a plan: each page made of the laid-out atoms the plan put on it, moved to their places
 * (a paragraph that breaks across pages keeps the lines of each piece), with its footer, then
 * written by react-pdf's renderer into a PDF with pdfkit. Nothing is laid out again: what is
 * drawn is what was measured.
 */
import renderPdfDocument from "@react-pdf/render";
import { definedOnly } from "../../common/objects.js";
import PDFKit from "pdfkit";
import type { Flows } from "./types.js";
import type { Measured, PdfNode } from "./measure.js";
import type { Placed, Plan, Sized } from "./plan.js";
import { withAttachments, type Attachment } from "../pdfkit-patches.js";

/** pdfkit's document, as far as drawing here uses it (react-pdf's renderer does the rest). */
interface PdfKitDocument {
  on(event: "data", listener: (chunk: Buffer) => void): void;
  on(event: "end", listener: () => void): void;
  on(event: "error", listener: (err: Error) => void): void;
}
const PDFDocument = PDFKit as unknown as new (options: object) => PdfKitDocument;

/** A planned atom with its measurement. */
export interface Laid extends Sized {
  measured: Measured;
}

/** The document settings react-pdf's <Document> takes (see themes/metadata.ts documentProps). */
export interface DocumentSettings {
  pdfVersion: string;
  conformance: string;
  title: string;
  author: string;
  subject?: string;
  keywords: string;
  language: string;
  creator: string;
  producer: string;
  creationDate: Date;
}

const ZERO_EDGES = Object.fromEntries(
  ["margin", "padding"]
    .flatMap((e) => ["Top", "Right", "Bottom", "Left"].map((s) => [`${e}${s}`, 0]))
    .concat(["Top", "Right", "Bottom", "Left"].map((s) => [`border${s}Width`, 0])),
) as Record<string, number>;

/** The pages of `plan` as react-pdf's laid-out page nodes; `footers[p]` is page p's footer (none on the first). */
export function composePages(plan: Plan, flows: Flows, footers: (PdfNode | undefined)[]): PdfNode[] {
  let bookmarks = 0;
  return plan.pages.map((placed, p) => {
    const children = placed.map((pl) => place(pl, flows, () => bookmarks++));
    const footer = footers[p];
    if (footer) children.push(footer);
    return {
      type: "PAGE",
      style: {},
      // One Document element for all pages (the structure tree's root; see the render patch).
      props: { tag: "Document", tagKey: "document" },
      box: { top: 0, left: 0, width: flows.page.width, height: flows.page.height, ...ZERO_EDGES },
      children,
    };
  });
}

function place(pl: Placed, flows: Flows, nextBookmark: () => number): PdfNode {
  const { atom, measured } = pl.item as Laid;
  const node = measured.node;
  const top = flows.page.top + pl.top;
  const left = flows.geometry[pl.column].left;
  const props: Record<string, unknown> = { ...node.props };
  if (atom.tag) {
    props.tag = atom.tag.tag;
    if (atom.tag.key !== undefined) props.tagKey = atom.tag.key;
    if (atom.tag.parent !== undefined) props.tagParent = atom.tag.parent;
  }
  if (atom.bookmark) props.bookmark = { ref: nextBookmark(), title: atom.bookmark, fit: false, top, left };
  let children = node.children;
  if (atom.textKey && children?.length === 1 && children[0]!.lines) {
    // A paragraph: one P element, whichever pages its pieces are drawn on.
    const text = children[0]!;
    const lines = pl.lines ? text.lines!.slice(pl.lines[0], pl.lines[1]) : text.lines;
    children = [
      { ...text, lines, box: { ...text.box!, height: pl.height }, props: { ...text.props, tagKey: atom.textKey } },
    ];
  }
  return { ...node, props, children, box: { ...node.box!, top, left, height: pl.height } };
}

/** Write pages with react-pdf's renderer into a PDF (as react-pdf's renderToBuffer does, without its layout). */
export function drawPdf(pages: PdfNode[], settings: DocumentSettings, attachments: Attachment[]): Promise<Buffer> {
  return withAttachments(attachments, async () => {
    const ctx = new PDFDocument({
      compress: true,
      subset: settings.conformance,
      pdfVersion: settings.pdfVersion,
      lang: settings.language,
      displayTitle: true,
      autoFirstPage: false,
      info: definedOnly({
        Title: settings.title,
        Author: settings.author,
        Subject: settings.subject,
        Keywords: settings.keywords,
        Creator: settings.creator,
        Producer: settings.producer,
        CreationDate: settings.creationDate,
      }),
    });
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      ctx.on("data", (c: Buffer) => chunks.push(c));
      ctx.on("end", () => resolve(Buffer.concat(chunks)));
      ctx.on("error", reject);
    });
    renderPdfDocument(ctx as never, { type: "DOCUMENT", props: {}, style: {}, children: pages } as never);
    return done;
  });
}
