/**
 * Read a PDF back as text, page by page and line by line, the way a text extractor (and so an
 * applicant-tracking system) sees it: glyph codes are turned into text only through each font's
 * ToUnicode map (or a simple font's encoding), and text is placed by the transformation matrices
 * in drawing order. The read-back check (verify.ts), the page limit, `resume ats` and `resume
 * extract` use it.
 *
 * It reads what PDF writers produce (pdfkit's, Word's, LaTeX's, cairo's, LibreOffice's: numbered
 * objects, object streams, the standard stream filters, Type0 and simple fonts, the Standard
 * security handler with an empty user password), with no dependency and in a few milliseconds.
 * tests/check/readback.test.ts proves it reads the same lines as pdf.js does.
 *
 * Any PDF may be hostile, so it reads as viewers rebuild a damaged file and within bounds: the
 * objects are found by one forward scan (a damaged one is passed over; a wrong /Length gives way
 * to `endstream`), every tree is walked visiting each node once, and streams, fonts, nesting,
 * pages and text are capped (the MAX_ constants below), so that any file is read or refused with
 * a PdfError, in plain words, within seconds and a few hundred megabytes.
 *
 * This file finds the objects, pages, fonts and ToUnicode maps; lexer.ts reads PDF values,
 * filters.ts decodes streams, crypt.ts decrypts, and content.ts runs a page's content
 * stream into lines.
 */
import { interpret, placeLines, type Font, type PageLines, type PlacedLine, type TextItem } from "./content.js";
import { decryptor, type Decryptor } from "./crypt.js";
import { simpleEncoding } from "./encoding.js";
import { decodeFilter, MAX_DECODED_BYTES, MAX_STREAM_BYTES, PdfTooLarge, type FilterParms } from "./filters.js";
import {
  Lexer,
  latin1,
  PdfBytes,
  PdfError,
  PdfName,
  PdfOperator,
  PdfRef,
  textString,
  type PdfDict,
  type PdfValue,
} from "./lexer.js";

export type { PageLines, PlacedLine, TextItem } from "./content.js";

/** A page as read back: its text items, its lines with their baselines, and its size (PDF units). */
export interface PageLayout {
  items: TextItem[];
  lines: PlacedLine[];
  width: number;
  height: number;
}

/**
 * The direction the lines of a document are read in. A page's own letters decide when it is not
 * given (a page mostly in a right-to-left script reads right to left); a document that knows its
 * direction gives it: a one-page Hebrew letter whose contacts are Latin addresses has more Latin
 * letters than Hebrew ones, yet each of its lines reads right to left.
 */
export type ReadingDirection = "ltr" | "rtl";

/** The text of every page, as lines. Throws when the bytes are not a PDF it can read. */
export function readPdfLines(bytes: Uint8Array, direction?: ReadingDirection): PageLines[] {
  return readPdfPages(bytes, direction).map((p) => p.lines.map((l) => l.text));
}

/** Every page's lines with where they sit, and the page's height. */
export function readPdfPages(bytes: Uint8Array, direction?: ReadingDirection): PageLayout[] {
  return pagesOf(new PdfFile(bytes), direction);
}

/** The pages and the structure tree of one PDF, read from one pass over its objects. */
export function readPdfPagesAndStructure(
  bytes: Uint8Array,
  direction?: ReadingDirection,
): {
  pages: PageLayout[];
  structure: ReturnType<typeof readPdfStructure>;
} {
  const pdf = new PdfFile(bytes);
  return { pages: pagesOf(pdf, direction), structure: structureOf(pdf) };
}

function pagesOf(pdf: PdfFile, direction?: ReadingDirection): PageLayout[] {
  return pdf.pages().map((page) => {
    const { width, height } = pageSize(pdf.resolve(page.get("MediaBox")), (v) => pdf.resolve(v));
    const items = pdf.pageText(page);
    if (direction)
      for (const it of items) {
        if (direction === "rtl") it.rtl = true;
        else delete it.rtl;
      }
    return { items, lines: placeLines(items), width, height };
  });
}

/**
 * A page's size from its MediaBox. A box that is not four finite numbers, or whose sides are
 * not between 1 and 14,400 units, cannot be paper: the page is read as US Letter, the size
 * viewers assume for a page without a box.
 */
export function pageSize(
  box: PdfValue | undefined,
  resolve: (v: PdfValue | undefined) => PdfValue | undefined = (v) => v,
): { width: number; height: number } {
  const n = Array.isArray(box) && box.length >= 4 ? box.slice(0, 4).map((v) => resolve(v)) : [];
  if (n.length === 4 && n.every((v) => typeof v === "number" && Number.isFinite(v))) {
    const [x0, y0, x1, y1] = n as number[];
    const width = Math.abs(x1! - x0!);
    const height = Math.abs(y1! - y0!);
    if (width >= 1 && height >= 1 && width <= MAX_PAGE_SIDE && height <= MAX_PAGE_SIDE) return { width, height };
  }
  return { width: 612, height: 792 };
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

interface PdfObject {
  value: PdfValue;
  /** Its generation number (for decryption); -1 for an object read from an object stream. */
  gen: number;
  /** The stream's raw bytes, when the object is a stream. */
  stream?: Uint8Array;
}

/** Pages read, at most; and text items over all of them (a page of a résumé has a few hundred). */
export const MAX_PAGES = 10_000;
export const MAX_TEXT_ITEMS = 200_000;
/** The highest object number PDF allows. */
const MAX_OBJECT_NUMBER = 8_388_607;
/** A font's codes are at most two bytes: widths and ToUnicode entries past that are never looked up. */
const MAX_CODE = 0xffff;
/** A font's width and ToUnicode ranges together fill at most this many entries. */
const MAX_FONT_ENTRIES = 4 * 65536;
/** A page size (PDF units) past this is no paper: PDF itself allows at most 14,400 units a side. */
const MAX_PAGE_SIDE = 14_400;

const arrayOf = (v: PdfValue | undefined): PdfValue[] => (Array.isArray(v) ? v : []);
const isRegular = (c: number) =>
  !(
    c === 0x20 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x09 ||
    c === 0x0c ||
    c === 0x00 ||
    "()<>[]{}/%".includes(String.fromCharCode(c))
  );
const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDigitCode = (c: number) => c >= 0x30 && c <= 0x39;

/** The `n g` before an `obj` keyword at `at`, or undefined. */
function objectHeader(t: string, at: number): { num: number; gen: number } | undefined {
  if (at + 3 < t.length && isRegular(t.charCodeAt(at + 3))) return undefined;
  let i = at - 1;
  const digits = (max: number) => {
    const end = i + 1;
    while (i >= 0 && end - i <= max && isDigitCode(t.charCodeAt(i))) i--;
    return end - (i + 1) > 0 && end - (i + 1) <= max ? t.slice(i + 1, end) : undefined;
  };
  const spaces = () => {
    const end = i;
    while (i >= 0 && end - i < 32 && isWhite(t.charCodeAt(i))) i--;
    return i < end;
  };
  if (!spaces()) return undefined;
  const gen = digits(5);
  if (gen === undefined || !spaces()) return undefined;
  const num = digits(10);
  if (num === undefined || (i >= 0 && isRegular(t.charCodeAt(i)))) return undefined;
  return { num: Number(num), gen: Number(gen) };
}

class PdfFile {
  private readonly objects = new Map<number, PdfObject>();
  private readonly fonts = new Map<number | PdfDict, Font>();
  private readonly text: string;
  /** Trailer dictionaries (classic and cross-reference streams), in file order. */
  private readonly trailers: { at: number; dict: PdfDict }[] = [];
  private crypt?: Decryptor;
  /** Object number of the Encrypt dictionary, whose strings are not encrypted. */
  private encryptNum = -1;
  /** Bytes decoded from streams so far. */
  private decoded = 0;
  /** Text items read so far. */
  private itemCount = 0;

  constructor(private readonly buf: Uint8Array) {
    this.text = latin1(buf);
    const header = this.text.slice(0, 1024).indexOf("%PDF-");
    if (header < 0) throw new PdfError("not a PDF file");
    this.indexObjects();
    this.findTrailers();
    this.setUpDecryption();
    this.indexObjectStreams();
  }

  /**
   * Finds every `n g obj` in the file (later definitions win, as incremental updates do), without
   * the cross-reference table, as viewers rebuild a damaged file. An object that cannot be read is
   * passed over. The scan only moves forward: past each object's value and stream.
   */
  private indexObjects(): void {
    const t = this.text;
    let endobj = -1;
    let from = 0;
    for (let at = t.indexOf("obj", from); at >= 0; at = t.indexOf("obj", from)) {
      from = at + 3;
      const header = objectHeader(t, at);
      if (!header || header.num > MAX_OBJECT_NUMBER) continue;
      // A value never runs past the next `endobj`: a damaged one stops there.
      if (endobj < at) {
        endobj = t.indexOf("endobj", at);
        if (endobj < 0) endobj = t.length;
      }
      const lexer = new Lexer(t, at + 3, true, endobj);
      try {
        const value = lexer.next();
        from = Math.max(from, lexer.pos);
        if (value === undefined || value instanceof PdfOperator) continue;
        const obj: PdfObject = { value, gen: header.gen };
        const after = new Lexer(t, lexer.pos);
        const kw = after.next();
        if (kw instanceof PdfOperator && kw.op === "stream" && value instanceof Map) {
          let start = after.pos;
          if (this.buf[start] === 0x0d) start++;
          if (this.buf[start] === 0x0a) start++;
          const end = this.streamEnd(value, start);
          obj.stream = this.buf.subarray(start, end);
          from = Math.max(from, end);
        }
        const type = value instanceof Map ? value.get("Type") : undefined;
        if (type instanceof PdfName && type.name === "XRef" && value instanceof Map)
          this.trailers.push({ at, dict: value });
        this.objects.set(header.num, obj);
      } catch (err) {
        if (!(err instanceof PdfError)) throw err;
        // A damaged object: passed over, as viewers do.
        from = Math.max(from, lexer.pos);
      }
    }
  }

  /** Where a stream's data ends: at its Length when `endstream` follows there, else before the next `endstream`. */
  private streamEnd(dict: PdfDict, start: number): number {
    const t = this.text;
    const len = dict.get("Length");
    const length = len instanceof PdfRef ? this.objects.get(len.num)?.value : len;
    if (typeof length === "number" && Number.isInteger(length) && length >= 0 && start + length <= t.length) {
      let j = start + length;
      while (j < t.length && j < start + length + 4 && isWhite(t.charCodeAt(j))) j++;
      if (t.startsWith("endstream", j)) return start + length;
    }
    const found = t.indexOf("endstream", start);
    if (found < 0) return t.length;
    let end = found;
    if (end > start && t.charCodeAt(end - 1) === 0x0a) end--;
    if (end > start && t.charCodeAt(end - 1) === 0x0d) end--;
    return end;
  }

  /**
   * The classic trailers (`trailer << … >>`), the last few of them, merged with the cross-reference streams' by place
   * in the file.
   */
  private findTrailers(): void {
    const t = this.text;
    const places: number[] = [];
    for (let at = t.indexOf("trailer"); at >= 0; at = t.indexOf("trailer", at + 7)) places.push(at);
    for (const at of places.slice(-8)) {
      try {
        const v = new Lexer(t, at + 7).next();
        if (v instanceof Map) this.trailers.push({ at, dict: v });
      } catch (err) {
        if (!(err instanceof PdfError)) throw err;
      }
    }
    this.trailers.sort((a, b) => a.at - b.at);
  }

  /** The latest trailer's value for `key`. */
  private trailer(key: string): PdfValue | undefined {
    for (let i = this.trailers.length - 1; i >= 0; i--) {
      const v = this.trailers[i]!.dict.get(key);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** An encrypted PDF: its strings are decrypted now, its streams as they are read. */
  private setUpDecryption(): void {
    const enc = this.trailer("Encrypt");
    if (enc === undefined) return;
    const dict = this.dictAt(enc);
    if (!dict) throw new PdfError("it is encrypted, and its encryption dictionary cannot be read");
    const id = arrayOf(this.resolve(this.trailer("ID")))[0];
    this.crypt = decryptor(dict, id instanceof PdfBytes ? id.bytes : new Uint8Array(), (v) => this.resolve(v));
    if (enc instanceof PdfRef) this.encryptNum = enc.num;
    const crypt = this.crypt;
    const walk = (v: PdfValue, num: number, gen: number): PdfValue => {
      if (v instanceof PdfBytes) return new PdfBytes(crypt.string(v.bytes, num, gen));
      if (Array.isArray(v)) return v.map((x) => walk(x, num, gen));
      if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, walk(x, num, gen)]));
      return v;
    };
    for (const [num, obj] of this.objects) {
      if (num === this.encryptNum || obj.gen < 0 || this.isXRef(obj)) continue;
      obj.value = walk(obj.value, num, obj.gen);
    }
  }

  private isXRef(obj: PdfObject): boolean {
    const type = obj.value instanceof Map ? obj.value.get("Type") : undefined;
    return type instanceof PdfName && type.name === "XRef";
  }

  /** Objects packed into object streams (PDF 1.5, as Word and LaTeX write them). */
  private indexObjectStreams(): void {
    for (const [num, obj] of [...this.objects]) {
      const type = obj.value instanceof Map ? obj.value.get("Type") : undefined;
      if (!(type instanceof PdfName && type.name === "ObjStm") || !obj.stream) continue;
      const dict = obj.value as PdfDict;
      const n = this.resolve(dict.get("N"));
      const first = this.resolve(dict.get("First"));
      if (typeof n !== "number" || typeof first !== "number") continue;
      let text: string;
      try {
        text = latin1(this.streamData(new PdfRef(num)));
      } catch (err) {
        if (err instanceof PdfTooLarge || !(err instanceof PdfError)) throw err;
        continue;
      }
      const header = new Lexer(text, 0, false);
      const entries: [number, number][] = [];
      try {
        for (let i = 0; i < n && header.pos < first; i++) {
          const objNum = header.next();
          const offset = header.next();
          if (typeof objNum !== "number" || typeof offset !== "number") break;
          entries.push([objNum, offset]);
        }
      } catch (err) {
        if (!(err instanceof PdfError)) throw err;
      }
      // Each object is read only up to where the next one starts, and each place once, however
      // many entries name it: a damaged entry cannot make the stream be read again and again.
      const starts = [...new Set(entries.map(([, offset]) => offset))].sort((a, b) => a - b);
      const index = new Map(starts.map((o, i) => [o, i]));
      const values = new Map<number, PdfValue | undefined>();
      const valueAt = (offset: number) => {
        if (values.has(offset)) return values.get(offset);
        const i = index.get(offset)!;
        const end = i + 1 < starts.length ? first + starts[i + 1]! : text.length;
        let value: PdfValue | undefined;
        try {
          const v = new Lexer(text, first + offset, true, end).next();
          if (v !== undefined && !(v instanceof PdfOperator)) value = v;
        } catch (err) {
          if (!(err instanceof PdfError)) throw err;
        }
        values.set(offset, value);
        return value;
      };
      for (const [objNum, offset] of entries) {
        if (this.objects.has(objNum) || !Number.isInteger(objNum) || objNum < 0 || objNum > MAX_OBJECT_NUMBER) continue;
        const value = valueAt(offset);
        if (value !== undefined) this.objects.set(objNum, { value, gen: -1 });
      }
    }
  }

  /** A value, with references followed to what they name. */
  resolve(v: PdfValue | undefined): PdfValue | undefined {
    for (let i = 0; v instanceof PdfRef && i < 32; i++) v = this.objects.get(v.num)?.value;
    return v instanceof PdfRef ? undefined : v;
  }

  private dictAt(v: PdfValue | undefined): PdfDict | undefined {
    const d = this.resolve(v);
    return d instanceof Map ? d : undefined;
  }

  /** A stream's data, decrypted and decoded; bounded in size (PdfTooLarge past the bounds). */
  private streamData(v: PdfValue | undefined): Uint8Array {
    const num = v instanceof PdfRef ? v.num : -1;
    const obj = this.objects.get(num);
    if (!obj?.stream) return new Uint8Array();
    const dict = obj.value as PdfDict;
    const filter = this.resolve(dict.get("Filter"));
    const filters = (Array.isArray(filter) ? filter : filter ? [filter] : []).map((f) => {
      const r = this.resolve(f);
      return r instanceof PdfName ? r.name : "";
    });
    const parmsValue = this.resolve(dict.get("DecodeParms") ?? dict.get("DP"));
    const parmsList = Array.isArray(parmsValue) ? parmsValue : [parmsValue];
    let data = obj.stream;
    if (this.crypt && obj.gen >= 0 && !this.isXRef(obj)) data = this.crypt.stream(data, num, obj.gen);
    for (const [i, f] of filters.entries()) {
      const parms: FilterParms = new Map();
      const p = this.dictAt(parmsList[i] ?? undefined);
      for (const [k, x] of p ?? []) {
        const r = this.resolve(x);
        if (typeof r === "number") parms.set(k, r);
      }
      const left = MAX_DECODED_BYTES - this.decoded;
      data = decodeFilter(f, data, parms, Math.min(MAX_STREAM_BYTES, left));
      this.decoded += data.length;
    }
    return data;
  }

  /** Object numbers of the pages, in page order (set by pages()). */
  private pageNums: number[] = [];
  private pageList?: PdfDict[];

  /** The structure tree of a tagged PDF, or undefined. */
  structure(): StructNode | undefined {
    this.pages();
    const root = this.dictAt(this.dictAt(this.findRoot())?.get("StructTreeRoot"));
    if (!root) return undefined;
    const pageIndex = new Map<number, number>();
    this.pageNums.forEach((n, i) => {
      if (!pageIndex.has(n)) pageIndex.set(n, i + 1);
    });
    const pageOf = (ref: PdfValue | undefined) => (ref instanceof PdfRef ? (pageIndex.get(ref.num) ?? 0) : 0);
    // Each element is read once, however often the tree names it (a loop or a shared kid).
    const seen = new Set<PdfDict>();
    const element = (dict: PdfDict, depth: number): StructNode => {
      seen.add(dict);
      const s = this.resolve(dict.get("S"));
      const alt = this.resolve(dict.get("Alt"));
      const node: StructNode = {
        tag: s instanceof PdfName ? s.name : "",
        kids: [],
        ...(alt instanceof PdfBytes ? { alt: textString(alt.bytes) } : {}),
      };
      const page = pageOf(dict.get("Pg"));
      const k = this.resolve(dict.get("K"));
      for (const kid of Array.isArray(k) ? k : k === undefined ? [] : [k]) {
        const v = this.resolve(kid);
        if (typeof v === "number") node.kids.push({ page, mcid: v });
        else if (v instanceof Map && depth < 64 && !seen.has(v) && seen.size < MAX_TEXT_ITEMS) {
          const type = this.resolve(v.get("Type"));
          const name = type instanceof PdfName ? type.name : "";
          const mcid = this.resolve(v.get("MCID"));
          if (name === "MCR") {
            if (typeof mcid === "number") node.kids.push({ page: pageOf(v.get("Pg")) || page, mcid });
          } else if (name === "OBJR") {
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
      arrayOf(this.resolve(page.get("Annots")))
        .filter((a) => {
          const sub = this.dictAt(a)?.get("Subtype");
          return a instanceof PdfRef && sub instanceof PdfName && sub.name === "Link";
        })
        .map((a) => (a as PdfRef).num),
    );
  }

  embeddedFiles(): { name: string; data: Uint8Array; relationship?: string }[] {
    const catalog = this.dictAt(this.findRoot());
    let specs = arrayOf(this.resolve(catalog?.get("AF")));
    if (!specs.length) {
      const names = arrayOf(
        this.resolve(this.dictAt(this.dictAt(catalog?.get("Names"))?.get("EmbeddedFiles"))?.get("Names")),
      );
      specs = names.filter((_, i) => i % 2 === 1);
    }
    return specs.flatMap((ref) => {
      const spec = this.dictAt(ref);
      const file = this.dictAt(spec?.get("EF"))?.get("F");
      if (!spec || !file) return [];
      const name = this.resolve(spec.get("UF") ?? spec.get("F"));
      const rel = this.resolve(spec.get("AFRelationship"));
      return [
        {
          name: name instanceof PdfBytes ? textString(name.bytes) : name instanceof PdfName ? name.name : "",
          data: this.streamData(file),
          relationship: rel instanceof PdfName ? rel.name : undefined,
        },
      ];
    });
  }

  /** The page dictionaries in page order: each page-tree node visited once, at most MAX_PAGES pages. */
  pages(): PdfDict[] {
    if (this.pageList) return this.pageList;
    const catalog = this.dictAt(this.findRoot());
    const out: PdfDict[] = [];
    // A page inherits its resources and boxes from the page-tree nodes above it.
    const INHERITED = ["Resources", "MediaBox", "CropBox", "Rotate"];
    const seen = new Set<PdfDict>();
    this.pageNums = [];
    const walk = (ref: PdfValue | undefined, depth: number, inherited: PdfDict) => {
      const node = this.dictAt(ref);
      if (!node || depth > 64 || seen.has(node) || out.length >= MAX_PAGES) return;
      seen.add(node);
      const type = node.get("Type");
      const kids = this.resolve(node.get("Kids"));
      if ((type instanceof PdfName && type.name === "Page") || !Array.isArray(kids)) {
        if (type instanceof PdfName && type.name !== "Page") return;
        const page: PdfDict = new Map(node);
        for (const [k, v] of inherited) if (!page.has(k)) page.set(k, v);
        out.push(page);
        this.pageNums.push(ref instanceof PdfRef ? ref.num : -1);
        return;
      }
      const next: PdfDict = new Map(inherited);
      for (const k of INHERITED) if (node.has(k)) next.set(k, node.get(k)!);
      for (const kid of kids) walk(kid, depth + 1, next);
    };
    walk(catalog?.get("Pages"), 0, new Map());
    this.pageList = out;
    return out;
  }

  private findRoot(): PdfValue {
    const root = this.trailer("Root");
    if (this.dictAt(root)) return root!;
    for (const [num, obj] of this.objects) {
      const t = obj.value instanceof Map ? obj.value.get("Type") : undefined;
      if (t instanceof PdfName && t.name === "Catalog") return new PdfRef(num);
    }
    throw new PdfError("it has no catalog (the object that lists its pages)");
  }

  private font(ref: PdfValue | undefined): Font | undefined {
    const dict = this.dictAt(ref);
    if (!dict) return undefined;
    const key = ref instanceof PdfRef ? ref.num : dict;
    const cached = this.fonts.get(key);
    if (cached) return cached;
    const name = (k: string) => {
      const v = this.resolve(dict.get(k));
      return v instanceof PdfName ? v.name : undefined;
    };
    const subtype = name("Subtype");
    const base = name("BaseFont") ?? "";
    const font: Font = {
      bytes: subtype === "Type0" ? 2 : 1,
      toUnicode: new Map(),
      widths: new Map(),
      defaultWidth: subtype === "Type0" ? 1000 : 0,
      name: base.replace(/^[A-Z]{6}\+/, ""),
    };
    if (dict.has("ToUnicode")) {
      try {
        parseCMap(this.streamData(dict.get("ToUnicode")), font.toUnicode);
      } catch (err) {
        // A damaged map: the font's text is read through its encoding, if any.
        if (err instanceof PdfTooLarge || !(err instanceof PdfError)) throw err;
      }
    }
    const num = (v: PdfValue | undefined) => {
      const r = this.resolve(v);
      return typeof r === "number" ? r : undefined;
    };
    let budget = MAX_FONT_ENTRIES;
    const setWidth = (code: number, w: number | undefined) => {
      if (w !== undefined && code >= 0 && code <= MAX_CODE && budget-- > 0) font.widths.set(code, w);
    };
    if (subtype === "Type0") {
      const descendant = this.dictAt(arrayOf(this.resolve(dict.get("DescendantFonts")))[0]);
      const dw = num(descendant?.get("DW"));
      if (dw !== undefined) font.defaultWidth = dw;
      const w = arrayOf(this.resolve(descendant?.get("W")));
      for (let i = 0; i < w.length && budget > 0;) {
        const first = num(w[i]);
        const next = this.resolve(w[i + 1]);
        if (first === undefined) break;
        if (Array.isArray(next)) {
          next.slice(0, Math.max(0, MAX_CODE + 1 - first)).forEach((v, j) => setWidth(first + j, num(v)));
          i += 2;
        } else {
          const last = Math.min(typeof next === "number" ? next : -1, MAX_CODE);
          const width = num(w[i + 2]);
          for (let c = Math.max(0, first); c <= last && budget > 0; c++) setWidth(c, width);
          i += 3;
        }
      }
    } else {
      const first = num(dict.get("FirstChar"));
      const widths = this.resolve(dict.get("Widths"));
      if (first !== undefined && Array.isArray(widths))
        widths.slice(0, 256).forEach((v, j) => setWidth(first + j, num(v)));
      // A standard font lists no widths: half an em is near enough to tell words apart.
      else font.defaultWidth = 500;
      // Codes the ToUnicode map (if any) leaves out are read through the font's encoding.
      const encoding = this.resolve(dict.get("Encoding"));
      const encDict = encoding instanceof Map ? encoding : undefined;
      const baseName = (encDict ? this.resolve(encDict.get("BaseEncoding")) : encoding) as PdfValue | undefined;
      const differences = arrayOf(encDict && this.resolve(encDict.get("Differences"))).map((v) => {
        const r = this.resolve(v);
        return typeof r === "number" ? r : r instanceof PdfName ? r.name : "";
      });
      const byEncoding = simpleEncoding(baseName instanceof PdfName ? baseName.name : undefined, differences);
      for (const [code, text] of byEncoding) if (!font.toUnicode.has(code)) font.toUnicode.set(code, text);
    }
    this.fonts.set(key, font);
    return font;
  }

  /** The text items of one page in drawing order. A content stream that cannot be decoded gives no text. */
  pageText(page: PdfDict): TextItem[] {
    const resources = this.dictAt(page.get("Resources"));
    const fontDict = this.dictAt(resources?.get("Font"));
    const contents = this.resolve(page.get("Contents"));
    const parts = Array.isArray(contents) ? contents : contents === undefined ? [] : [page.get("Contents")!];
    const chunks = parts.map((p) => {
      try {
        return this.streamData(p);
      } catch (err) {
        if (err instanceof PdfTooLarge || !(err instanceof PdfError)) throw err;
        return new Uint8Array();
      }
    });
    const size = chunks.reduce((n, c) => n + c.length + 1, 0);
    if (size > MAX_STREAM_BYTES)
      throw new PdfTooLarge(
        `a page's contents are more than ${MAX_STREAM_BYTES / 2 ** 20} MB, far more than a résumé holds`,
      );
    const data = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      data.set(c, at);
      data[at + c.length] = 0x0a;
      at += c.length + 1;
    }
    const items = interpret(data, (name) => this.font(fontDict?.get(name)), MAX_TEXT_ITEMS - this.itemCount);
    this.itemCount += items.length;
    return items;
  }
}

/**
 * ToUnicode: `bfchar` and `bfrange` entries, destinations in UTF-16BE. Codes past two bytes are
 * never looked up and are left out; the entries are bounded as a font's widths are.
 */
function parseCMap(data: Uint8Array, into: Map<number, string>): void {
  const lexer = new Lexer(latin1(data), 0, false);
  const utf16 = (b: PdfValue) => {
    if (!(b instanceof PdfBytes)) return "";
    let s = "";
    for (let i = 0; i + 1 < b.bytes.length && i < 64; i += 2)
      s += String.fromCharCode((b.bytes[i]! << 8) | b.bytes[i + 1]!);
    return s;
  };
  const code = (b: PdfValue | undefined) =>
    b instanceof PdfBytes && b.bytes.length <= 4 ? b.bytes.reduce((n, x) => n * 256 + x, 0) : -1;
  let budget = MAX_FONT_ENTRIES;
  const set = (c: number, text: string) => {
    if (c >= 0 && c <= MAX_CODE && budget-- > 0) into.set(c, text);
  };
  const operands: PdfValue[] = [];
  for (let tok = lexer.next(); tok !== undefined && budget > 0; tok = lexer.next()) {
    if (!(tok instanceof PdfOperator)) {
      // A block lists at most 100 entries; a longer run is not a CMap's.
      if (operands.length < 3 * 4096) operands.push(tok);
      continue;
    }
    if (tok.op === "endbfchar") {
      for (let i = 0; i + 1 < operands.length; i += 2) set(code(operands[i]), utf16(operands[i + 1]!));
    } else if (tok.op === "endbfrange") {
      for (let i = 0; i + 2 < operands.length; i += 3) {
        const lo = code(operands[i]);
        const hi = Math.min(code(operands[i + 1]), MAX_CODE);
        const dst = operands[i + 2]!;
        if (lo < 0) continue;
        if (Array.isArray(dst)) dst.slice(0, Math.max(0, hi - lo + 1)).forEach((d, j) => set(lo + j, utf16(d)));
        else {
          const base = utf16(dst);
          if (!base) continue;
          const last = base.charCodeAt(base.length - 1);
          for (let c = lo; c <= hi && budget > 0; c++)
            set(c, base.slice(0, -1) + String.fromCharCode((last + (c - lo)) & 0xffff));
        }
      }
    }
    operands.length = 0;
  }
}
