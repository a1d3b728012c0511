/**
 * Read a PDF this tool wrote back as text, page by page and line by line, the way a text
 * extractor (and so an applicant-tracking system) sees it: glyph codes are turned into text only
 * through each font's ToUnicode map, and text is placed by the transformation matrices in
 * drawing order. The read-back check (verify.ts) and the page limit use it.
 *
 * It reads what PDF writers like pdfkit produce (numbered objects with direct stream lengths,
 * Flate streams, Type0/Identity-H and simple fonts), with no dependency and in a few
 * milliseconds. tests/check/readback.test.ts proves it reads the same lines as pdf.js does.
 *
 * This file finds the objects, pages, fonts and ToUnicode maps; pdf-lexer.ts reads PDF values and
 * pdf-content.ts runs a page's content stream into lines.
 */
import { inflateSync } from "node:zlib";
import { interpret, placeLines, type Font, type PageLines, type PlacedLine, type TextItem } from "./pdf-content.js";
import { simpleEncoding } from "./pdf-encoding.js";
import { Lexer, latin1, PdfBytes, PdfName, PdfOperator, PdfRef, type PdfDict, type PdfValue } from "./pdf-lexer.js";

export type { PageLines, PlacedLine, TextItem } from "./pdf-content.js";

/** A page as read back: its text items, its lines with their baselines, and its size (PDF units). */
export interface PageLayout {
  items: TextItem[];
  lines: PlacedLine[];
  width: number;
  height: number;
}

/** The text of every page, as lines. Throws when the bytes are not a PDF it can read. */
export function readPdfLines(bytes: Uint8Array): PageLines[] {
  return readPdfPages(bytes).map((p) => p.lines.map((l) => l.text));
}

/** Every page's lines with where they sit, and the page's height. */
export function readPdfPages(bytes: Uint8Array): PageLayout[] {
  return pagesOf(new PdfFile(bytes));
}

/** The pages and the structure tree of one PDF, read from one pass over its objects. */
export function readPdfPagesAndStructure(bytes: Uint8Array): { pages: PageLayout[]; structure: ReturnType<typeof readPdfStructure> } {
  const pdf = new PdfFile(bytes);
  return { pages: pagesOf(pdf), structure: structureOf(pdf) };
}

function pagesOf(pdf: PdfFile): PageLayout[] {
  return pdf.pages().map((page) => {
    const box = pdf.resolve(page.get("MediaBox"));
    const [x0, y0, x1, y1] = Array.isArray(box) && box.every((v) => typeof v === "number") ? (box as number[]) : [0, 0, 0, 0];
    const items = pdf.pageText(page);
    return { items, lines: placeLines(items), width: x1! - x0!, height: y1! - y0! };
  });
}

/** A structure element: its type, alternative text, and children (elements or marked content). */
export interface StructNode {
  tag: string;
  alt?: string;
  /** Object numbers of the annotations attached to it (OBJR). */
  objects?: number[];
  kids: (StructNode | { page: number; mcid: number })[];
}

/** The structure tree of a tagged PDF (its StructTreeRoot as the root node), or undefined, and its link annotations. */
export function readPdfStructure(bytes: Uint8Array): (StructNode & { links: number[] }) | undefined {
  return structureOf(new PdfFile(bytes));
}

function structureOf(pdf: PdfFile): (StructNode & { links: number[] }) | undefined {
  const tree = pdf.structure();
  return tree && { ...tree, links: pdf.linkAnnotations() };
}

/** The files embedded in a PDF as the document's associated files (or, failing that, its EmbeddedFiles). */
export function readEmbeddedFiles(bytes: Uint8Array): { name: string; data: Uint8Array; relationship?: string }[] {
  return new PdfFile(bytes).embeddedFiles();
}

/** A PDF text string: UTF-16BE after its byte-order mark, or else (near enough) Latin-1. */
function textString(b: Uint8Array): string {
  if (b[0] === 0xfe && b[1] === 0xff) {
    let out = "";
    for (let i = 2; i + 1 < b.length; i += 2) out += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
    return out;
  }
  return latin1(b);
}

interface PdfObject {
  value: PdfValue;
  /** The stream's raw bytes, when the object is a stream. */
  stream?: Uint8Array;
}

class PdfFile {
  private readonly objects = new Map<number, PdfObject>();
  private readonly fonts = new Map<number | PdfDict, Font>();

  private readonly text: string;

  constructor(private readonly buf: Uint8Array) {
    this.text = latin1(buf);
    if (!this.text.startsWith("%PDF-")) throw new Error("not a PDF file");
    this.indexObjects();
  }

  /** Finds every `n g obj` in the file (later definitions win, as incremental updates do). */
  private indexObjects(): void {
    const text = this.text;
    const re = /(?:^|[\r\n\s])(\d+)\s+(\d+)\s+obj\b/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const lexer = new Lexer(text, m.index + m[0].length);
      const value = lexer.next();
      if (value === undefined || value instanceof PdfOperator) continue;
      const obj: PdfObject = { value };
      const after = new Lexer(text, lexer.pos);
      const kw = after.next();
      if (kw instanceof PdfOperator && kw.op === "stream" && value instanceof Map) {
        let start = after.pos;
        if (this.buf[start] === 0x0d) start++;
        if (this.buf[start] === 0x0a) start++;
        const length = this.resolve(value.get("Length") ?? null);
        const end = typeof length === "number" ? start + length : text.indexOf("endstream", start);
        obj.stream = this.buf.subarray(start, end);
        re.lastIndex = end;
      }
      this.objects.set(Number(m[1]), obj);
    }
    this.indexObjectStreams();
  }

  /** Objects packed into object streams (PDF 1.5, as Word and LaTeX write them). */
  private indexObjectStreams(): void {
    for (const [num, obj] of [...this.objects]) {
      const type = obj.value instanceof Map ? obj.value.get("Type") : undefined;
      if (!(type instanceof PdfName && type.name === "ObjStm")) continue;
      const dict = obj.value as PdfDict;
      const n = this.resolve(dict.get("N"));
      const first = this.resolve(dict.get("First"));
      if (typeof n !== "number" || typeof first !== "number") continue;
      const text = latin1(this.streamData(new PdfRef(num)));
      const header = new Lexer(text, 0);
      const entries: [number, number][] = [];
      for (let i = 0; i < n; i++) {
        const objNum = header.next();
        const offset = header.next();
        if (typeof objNum !== "number" || typeof offset !== "number") break;
        entries.push([objNum, offset]);
      }
      for (const [objNum, offset] of entries) {
        if (this.objects.has(objNum)) continue;
        const value = new Lexer(text, first + offset).next();
        if (value !== undefined && !(value instanceof PdfOperator)) this.objects.set(objNum, { value });
      }
    }
  }

  /** A value, with references followed to what they name. */
  resolve(v: PdfValue | undefined): PdfValue | undefined {
    for (let i = 0; v instanceof PdfRef && i < 32; i++) v = this.objects.get(v.num)?.value;
    return v;
  }

  private dictAt(v: PdfValue | undefined): PdfDict | undefined {
    const d = this.resolve(v);
    return d instanceof Map ? d : undefined;
  }

  private streamData(v: PdfValue | undefined): Uint8Array {
    const obj = v instanceof PdfRef ? this.objects.get(v.num) : undefined;
    if (!obj?.stream) return new Uint8Array();
    const dict = obj.value as PdfDict;
    const filter = this.resolve(dict.get("Filter"));
    const filters = (Array.isArray(filter) ? filter : filter ? [filter] : []).map((f) => (f instanceof PdfName ? f.name : ""));
    let data = obj.stream;
    for (const f of filters) {
      if (f === "FlateDecode") data = inflateSync(data);
      else throw new Error(`unsupported stream filter ${f}`);
    }
    return data;
  }

  /** Object numbers of the pages, in page order (set by pages()). */
  private pageNums: number[] = [];

  /** The structure tree of a tagged PDF, or undefined. */
  structure(): StructNode | undefined {
    if (!this.pageNums.length) this.pages();
    const root = this.dictAt(this.dictAt(this.findRoot())?.get("StructTreeRoot"));
    if (!root) return undefined;
    const pageOf = (ref: PdfValue | undefined) => (ref instanceof PdfRef ? this.pageNums.indexOf(ref.num) + 1 : 0);
    const element = (dict: PdfDict, depth: number): StructNode => {
      const s = this.resolve(dict.get("S"));
      const alt = this.resolve(dict.get("Alt"));
      const node: StructNode = { tag: s instanceof PdfName ? s.name : "", kids: [], ...(alt instanceof PdfBytes ? { alt: textString(alt.bytes) } : {}) };
      const page = pageOf(dict.get("Pg"));
      const k = this.resolve(dict.get("K"));
      for (const kid of Array.isArray(k) ? k : k === undefined ? [] : [k]) {
        const v = this.resolve(kid);
        if (typeof v === "number") node.kids.push({ page, mcid: v });
        else if (v instanceof Map && depth < 64) {
          const type = this.resolve(v.get("Type"));
          const name = type instanceof PdfName ? type.name : "";
          if (name === "MCR") node.kids.push({ page: pageOf(v.get("Pg")) || page, mcid: this.resolve(v.get("MCID")) as number });
          else if (name === "OBJR") {
            const obj = v.get("Obj");
            if (obj instanceof PdfRef) (node.objects ??= []).push(obj.num);
          } else node.kids.push(element(v, depth + 1));
        }
      }
      return node;
    };
    return element(root, 0);
  }

  /** Object numbers of the link annotations on every page. */
  linkAnnotations(): number[] {
    return this.pages().flatMap((page) =>
      ((this.resolve(page.get("Annots")) as PdfValue[] | undefined) ?? []).filter((a) => {
        const sub = this.dictAt(a)?.get("Subtype");
        return a instanceof PdfRef && sub instanceof PdfName && sub.name === "Link";
      }).map((a) => (a as PdfRef).num),
    );
  }

  embeddedFiles(): { name: string; data: Uint8Array; relationship?: string }[] {
    const catalog = this.dictAt(this.findRoot());
    let specs = (this.resolve(catalog?.get("AF")) as PdfValue[] | undefined) ?? [];
    if (!specs.length) {
      const names = (this.resolve(this.dictAt(this.dictAt(catalog?.get("Names"))?.get("EmbeddedFiles"))?.get("Names")) as PdfValue[] | undefined) ?? [];
      specs = names.filter((_, i) => i % 2 === 1);
    }
    return specs.flatMap((ref) => {
      const spec = this.dictAt(ref);
      const file = this.dictAt(spec?.get("EF"))?.get("F");
      if (!spec || !file) return [];
      const name = this.resolve(spec.get("UF") ?? spec.get("F"));
      const rel = this.resolve(spec.get("AFRelationship"));
      return [{ name: name instanceof PdfBytes ? textString(name.bytes) : String(name ?? ""), data: this.streamData(file), relationship: rel instanceof PdfName ? rel.name : undefined }];
    });
  }

  /** The page dictionaries in page order. */
  pages(): PdfDict[] {
    const trailerRoot = this.findRoot();
    const catalog = this.dictAt(trailerRoot);
    const out: PdfDict[] = [];
    // A page inherits its resources and boxes from the page-tree nodes above it.
    const INHERITED = ["Resources", "MediaBox", "CropBox", "Rotate"];
    this.pageNums = [];
    const walk = (ref: PdfValue | undefined, depth: number, inherited: PdfDict) => {
      const node = this.dictAt(ref);
      if (!node || depth > 64) return;
      const type = node.get("Type");
      if (type instanceof PdfName && type.name === "Page") {
        const page: PdfDict = new Map(node);
        for (const [k, v] of inherited) if (!page.has(k)) page.set(k, v);
        out.push(page);
        this.pageNums.push(ref instanceof PdfRef ? ref.num : -1);
        return;
      }
      const next: PdfDict = new Map(inherited);
      for (const k of INHERITED) if (node.has(k)) next.set(k, node.get(k)!);
      for (const kid of (this.resolve(node.get("Kids")) as PdfValue[] | undefined) ?? []) walk(kid, depth + 1, next);
    };
    walk(catalog?.get("Pages"), 0, new Map());
    return out;
  }

  private findRoot(): PdfRef {
    const text = this.text;
    const m = /\/Root\s+(\d+)\s+\d+\s+R/g;
    let last: RegExpExecArray | null = null;
    for (let x = m.exec(text); x; x = m.exec(text)) last = x;
    if (last) return new PdfRef(Number(last[1]));
    for (const [num, obj] of this.objects) {
      const t = obj.value instanceof Map ? obj.value.get("Type") : undefined;
      if (t instanceof PdfName && t.name === "Catalog") return new PdfRef(num);
    }
    throw new Error("the PDF has no catalog");
  }

  private font(ref: PdfValue | undefined): Font | undefined {
    const key = ref instanceof PdfRef ? ref.num : this.dictAt(ref);
    if (key === undefined) return undefined;
    const cached = this.fonts.get(key);
    if (cached) return cached;
    const dict = this.dictAt(ref)!;
    const subtype = (dict.get("Subtype") as PdfName | undefined)?.name;
    const base = (dict.get("BaseFont") as PdfName | undefined)?.name ?? "";
    const font: Font = {
      bytes: subtype === "Type0" ? 2 : 1,
      toUnicode: new Map(),
      widths: new Map(),
      defaultWidth: subtype === "Type0" ? 1000 : 0,
      name: base.replace(/^[A-Z]{6}\+/, ""),
    };
    if (dict.has("ToUnicode")) parseCMap(this.streamData(dict.get("ToUnicode")), font.toUnicode);
    if (subtype === "Type0") {
      const descendant = this.dictAt((this.resolve(dict.get("DescendantFonts")) as PdfValue[] | undefined)?.[0]);
      const dw = this.resolve(descendant?.get("DW"));
      if (typeof dw === "number") font.defaultWidth = dw;
      const w = (this.resolve(descendant?.get("W")) as PdfValue[] | undefined) ?? [];
      for (let i = 0; i < w.length; ) {
        const first = this.resolve(w[i]) as number;
        const next = this.resolve(w[i + 1]);
        if (Array.isArray(next)) {
          next.forEach((v, j) => font.widths.set(first + j, this.resolve(v) as number));
          i += 2;
        } else {
          const last = next as number;
          const width = this.resolve(w[i + 2]) as number;
          for (let c = first; c <= last; c++) font.widths.set(c, width);
          i += 3;
        }
      }
    } else {
      const first = this.resolve(dict.get("FirstChar"));
      const widths = this.resolve(dict.get("Widths"));
      if (typeof first === "number" && Array.isArray(widths)) widths.forEach((v, j) => font.widths.set(first + j, this.resolve(v) as number));
      // A standard font lists no widths: half an em is near enough to tell words apart.
      else font.defaultWidth = 500;
      // Codes the ToUnicode map (if any) leaves out are read through the font's encoding.
      const encoding = this.resolve(dict.get("Encoding"));
      const encDict = encoding instanceof Map ? encoding : undefined;
      const baseName = (encDict ? this.resolve(encDict.get("BaseEncoding")) : encoding) as PdfValue | undefined;
      const differences = ((encDict && (this.resolve(encDict.get("Differences")) as PdfValue[] | undefined)) ?? []).map((v) => {
        const r = this.resolve(v);
        return typeof r === "number" ? r : r instanceof PdfName ? r.name : "";
      });
      const byEncoding = simpleEncoding(baseName instanceof PdfName ? baseName.name : undefined, differences);
      for (const [code, text] of byEncoding) if (!font.toUnicode.has(code)) font.toUnicode.set(code, text);
    }
    this.fonts.set(key, font);
    return font;
  }

  /** The text items of one page in drawing order. */
  pageText(page: PdfDict): TextItem[] {
    const resources = this.dictAt(page.get("Resources"));
    const fontDict = this.dictAt(resources?.get("Font"));
    const contents = this.resolve(page.get("Contents"));
    const parts = Array.isArray(contents) ? contents : contents === undefined ? [] : [page.get("Contents")!];
    const chunks = parts.map((p) => this.streamData(p));
    const data = new Uint8Array(chunks.reduce((n, c) => n + c.length + 1, 0));
    let at = 0;
    for (const c of chunks) {
      data.set(c, at);
      data[at + c.length] = 0x0a;
      at += c.length + 1;
    }
    return interpret(data, (name) => this.font(fontDict?.get(name)));
  }
}

/** ToUnicode: `bfchar` and `bfrange` entries, destinations in UTF-16BE. */
function parseCMap(data: Uint8Array, into: Map<number, string>): void {
  const lexer = new Lexer(latin1(data), 0, false);
  const utf16 = (b: PdfBytes) => {
    let s = "";
    for (let i = 0; i + 1 < b.bytes.length; i += 2) s += String.fromCharCode((b.bytes[i]! << 8) | b.bytes[i + 1]!);
    return s;
  };
  const code = (b: PdfBytes) => b.bytes.reduce((n, x) => n * 256 + x, 0);
  const operands: PdfValue[] = [];
  for (let tok = lexer.next(); tok !== undefined; tok = lexer.next()) {
    if (!(tok instanceof PdfOperator)) {
      operands.push(tok);
      continue;
    }
    if (tok.op === "endbfchar") {
      for (let i = 0; i + 1 < operands.length; i += 2) into.set(code(operands[i] as PdfBytes), utf16(operands[i + 1] as PdfBytes));
    } else if (tok.op === "endbfrange") {
      for (let i = 0; i + 2 < operands.length; i += 3) {
        const lo = code(operands[i] as PdfBytes);
        const hi = code(operands[i + 1] as PdfBytes);
        const dst = operands[i + 2]!;
        if (Array.isArray(dst)) dst.forEach((d, j) => into.set(lo + j, utf16(d as PdfBytes)));
        else {
          const base = utf16(dst as PdfBytes);
          const last = base.charCodeAt(base.length - 1);
          for (let c = lo; c <= hi; c++) into.set(c, base.slice(0, -1) + String.fromCharCode(last + (c - lo)));
        }
      }
    }
    operands.length = 0;
  }
}
