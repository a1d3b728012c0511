/**
 * Read a PDF this tool wrote back as text, page by page and line by line, the way a text
 * extractor (and so an applicant-tracking system) sees it: glyph codes are turned into text only
 * through each font's ToUnicode map, and text is placed by the transformation matrices in
 * drawing order. The read-back check (verify.ts) and the page limit use it.
 *
 * It reads what PDF writers like pdfkit produce (numbered objects with direct stream lengths,
 * Flate streams, Type0/Identity-H and simple fonts), with no dependency and in a few
 * milliseconds. tests/readback.test.ts proves it reads the same lines as pdf.js does.
 */
import { inflateSync } from "node:zlib";

export type PageLines = string[];

/** One text-showing operation: its text, where it starts, how far it advances, its size. */
interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

type PdfValue = number | boolean | null | string | PdfName | PdfRef | PdfValue[] | PdfDict | PdfBytes;
type PdfDict = Map<string, PdfValue>;

class PdfName {
  constructor(readonly name: string) {}
}
class PdfRef {
  constructor(readonly num: number) {}
}
/** A PDF string: raw bytes (literal and hex strings alike). */
class PdfBytes {
  constructor(readonly bytes: Uint8Array) {}
}
class PdfOperator {
  constructor(readonly op: string) {}
}

/** The text of every page, as lines. Throws when the bytes are not a PDF it can read. */
export function readPdfLines(bytes: Uint8Array): PageLines[] {
  const pdf = new PdfFile(bytes);
  return pdf.pages().map((page) => toLines(pdf.pageText(page)));
}

/** PDF white space: NUL, tab, line feed, form feed, carriage return, space. */
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
/** Delimiters: ( ) < > [ ] { } / % */
const isDelimiter = (c: number) => c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** White space and comments; a run of regular characters (sticky: they match at lastIndex). */
const SPACE = /(?:[\0\t\n\f\r ]+|%[^\r\n]*)*/y;
const REGULAR = /[^\0\t\n\f\r ()<>[\]{}/%]+/y;
const ESCAPES: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };

/** Bytes as a string of the same length (one character per byte), for fast scanning. */
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");

/**
 * A tokenizer and object parser over PDF syntax, used for the file and for content streams. It
 * scans a latin1 string of the bytes. `refs` enables `n g R` references (never in content).
 */
class Lexer {
  constructor(
    readonly text: string,
    public pos = 0,
    readonly refs = true,
  ) {}

  private skipSpace(): void {
    SPACE.lastIndex = this.pos;
    SPACE.test(this.text);
    this.pos = SPACE.lastIndex;
  }

  /** The next value or operator; undefined at the end. `]` and `>>` come back as operators. */
  next(): PdfValue | PdfOperator | undefined {
    this.skipSpace();
    const t = this.text;
    if (this.pos >= t.length) return undefined;
    const c = t.charCodeAt(this.pos);
    if (c === 0x2f) {
      this.pos++;
      return new PdfName(this.regular());
    }
    if (c === 0x28) return this.literalString();
    if (c === 0x3c) {
      if (t.charCodeAt(this.pos + 1) === 0x3c) {
        this.pos += 2;
        return this.dict();
      }
      return this.hexString();
    }
    if (c === 0x3e && t.charCodeAt(this.pos + 1) === 0x3e) {
      this.pos += 2;
      return new PdfOperator(">>");
    }
    if (c === 0x5b) {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        const v = this.next();
        if (v === undefined) throw new Error("unterminated array");
        if (v instanceof PdfOperator) {
          if (v.op === "]") return items;
          throw new Error(`unexpected ${v.op} in an array`);
        }
        items.push(v);
      }
    }
    if (c === 0x5d || c === 0x7b || c === 0x7d) {
      this.pos++;
      return new PdfOperator(String.fromCharCode(c));
    }
    const start = this.pos;
    const word = this.regular();
    if (!word) throw new Error(`unexpected byte ${c} at ${start}`);
    if (isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e) {
      const n = Number(word);
      if (Number.isNaN(n)) return new PdfOperator(word);
      return this.refs && Number.isInteger(n) && n >= 0 ? this.reference(n) : n;
    }
    if (word === "true") return true;
    if (word === "false") return false;
    if (word === "null") return null;
    return new PdfOperator(word);
  }

  /** After an integer: `g R` makes it a reference; otherwise nothing is consumed. */
  private reference(n: number): number | PdfRef {
    const t = this.text;
    const save = this.pos;
    this.skipSpace();
    const genStart = this.pos;
    while (this.pos < t.length && isDigit(t.charCodeAt(this.pos))) this.pos++;
    if (this.pos > genStart) {
      this.skipSpace();
      const after = t.charCodeAt(this.pos + 1);
      if (t.charCodeAt(this.pos) === 0x52 && (this.pos + 1 >= t.length || isSpace(after) || isDelimiter(after))) {
        this.pos++;
        return new PdfRef(n);
      }
    }
    this.pos = save;
    return n;
  }

  /** A run of regular characters from pos (a name's `#xx` escapes decoded). */
  private regular(): string {
    REGULAR.lastIndex = this.pos;
    const s = REGULAR.exec(this.text)?.[0] ?? "";
    this.pos += s.length;
    return s.includes("#") ? s.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
  }

  private dict(): PdfDict {
    const d: PdfDict = new Map();
    for (;;) {
      const k = this.next();
      if (k instanceof PdfOperator && k.op === ">>") return d;
      if (!(k instanceof PdfName)) throw new Error("a dictionary key is not a name");
      const v = this.next();
      if (v === undefined || v instanceof PdfOperator) throw new Error(`no value for /${k.name}`);
      d.set(k.name, v);
    }
  }

  private hexString(): PdfBytes {
    const t = this.text;
    let end = t.indexOf(">", this.pos + 1);
    if (end < 0) end = t.length;
    // Buffer's hex decoder stops at the first non-hex digit: drop white space first, pad odd.
    let hex = t.slice(this.pos + 1, end);
    if (/[^0-9a-fA-F]/.test(hex)) hex = hex.replace(/[^0-9a-fA-F]/g, "");
    if (hex.length % 2) hex += "0";
    this.pos = end + 1;
    return new PdfBytes(Buffer.from(hex, "hex"));
  }

  private literalString(): PdfBytes {
    const t = this.text;
    const out: number[] = [];
    let depth = 1;
    let i = this.pos + 1;
    while (i < t.length) {
      let c = t.charCodeAt(i++);
      if (c === 0x5c) {
        c = t.charCodeAt(i++);
        if (c in ESCAPES) out.push(ESCAPES[c]!);
        else if (c >= 0x30 && c <= 0x37) {
          let v = c - 0x30;
          for (let k = 0; k < 2 && t.charCodeAt(i) >= 0x30 && t.charCodeAt(i) <= 0x37; k++) v = v * 8 + (t.charCodeAt(i++) - 0x30);
          out.push(v & 0xff);
        } else if (c === 0x0d) {
          if (t.charCodeAt(i) === 0x0a) i++;
        } else if (c !== 0x0a) out.push(c);
        continue;
      }
      if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) break;
      out.push(c);
    }
    this.pos = i;
    return new PdfBytes(Uint8Array.from(out));
  }
}

interface PdfObject {
  value: PdfValue;
  /** The stream's raw bytes, when the object is a stream. */
  stream?: Uint8Array;
}

interface Font {
  /** Bytes per character code: 2 for Type0 (Identity-H), 1 for simple fonts. */
  bytes: 1 | 2;
  toUnicode: Map<number, string>;
  /** Advance widths in thousandths of the size, by character code. */
  widths: Map<number, number>;
  defaultWidth: number;
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
  }

  private resolve(v: PdfValue | undefined): PdfValue | undefined {
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

  /** The page dictionaries in page order. */
  pages(): PdfDict[] {
    const trailerRoot = this.findRoot();
    const catalog = this.dictAt(trailerRoot);
    const out: PdfDict[] = [];
    const walk = (node: PdfDict | undefined, depth: number) => {
      if (!node || depth > 64) return;
      const type = node.get("Type");
      if (type instanceof PdfName && type.name === "Page") out.push(node);
      else for (const kid of (this.resolve(node.get("Kids")) as PdfValue[] | undefined) ?? []) walk(this.dictAt(kid), depth + 1);
    };
    walk(this.dictAt(catalog?.get("Pages")), 0);
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
    const font: Font = { bytes: subtype === "Type0" ? 2 : 1, toUnicode: new Map(), widths: new Map(), defaultWidth: subtype === "Type0" ? 1000 : 0 };
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

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** Runs a content stream's text operators; graphics and marked content are passed over. */
function interpret(data: Uint8Array, fontNamed: (name: string) => Font | undefined): TextItem[] {
  const items: TextItem[] = [];
  const lexer = new Lexer(latin1(data), 0, false);
  const operands: PdfValue[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let tm: Matrix = [1, 0, 0, 1, 0, 0];
  let tlm: Matrix = [1, 0, 0, 1, 0, 0];
  let font: Font | undefined;
  let size = 0;
  let charSpacing = 0;
  let wordSpacing = 0;
  let scale = 1;
  let leading = 0;
  const num = (i: number) => {
    const v = operands[operands.length - i];
    return typeof v === "number" ? v : 0;
  };
  const moveText = (tx: number, ty: number) => {
    tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
  };
  const show = (parts: PdfValue[]) => {
    if (!font) return;
    const start = multiply(tm, ctm);
    const ySize = Math.hypot(start[2], start[3]) * size;
    let str = "";
    let advance = 0;
    for (const part of parts) {
      if (typeof part === "number") {
        advance -= (part / 1000) * size * scale;
        continue;
      }
      if (!(part instanceof PdfBytes)) continue;
      const b = part.bytes;
      for (let i = 0; i + font.bytes <= b.length; i += font.bytes) {
        const c = font.bytes === 2 ? (b[i]! << 8) | b[i + 1]! : b[i]!;
        str += font.toUnicode.get(c) ?? (font.bytes === 1 ? String.fromCharCode(c) : "");
        const w = font.widths.get(c) ?? font.defaultWidth;
        advance += ((w / 1000) * size + charSpacing + (font.bytes === 1 && c === 32 ? wordSpacing : 0)) * scale;
      }
    }
    const xScale = Math.hypot(start[0], start[1]);
    items.push({ str, x: start[4], y: start[5], width: advance * xScale, size: ySize });
    tm = multiply([1, 0, 0, 1, advance, 0], tm);
  };
  for (let tok = lexer.next(); tok !== undefined; tok = lexer.next()) {
    if (!(tok instanceof PdfOperator)) {
      operands.push(tok);
      continue;
    }
    switch (tok.op) {
      case "q":
        stack.push(ctm);
        break;
      case "Q":
        ctm = stack.pop() ?? ctm;
        break;
      case "cm":
        ctm = multiply([num(6), num(5), num(4), num(3), num(2), num(1)], ctm);
        break;
      case "BT":
        tm = tlm = [1, 0, 0, 1, 0, 0];
        break;
      case "Tf": {
        const name = operands[operands.length - 2];
        font = name instanceof PdfName ? fontNamed(name.name) : undefined;
        size = num(1);
        break;
      }
      case "Tm":
        tm = tlm = [num(6), num(5), num(4), num(3), num(2), num(1)];
        break;
      case "Td":
        moveText(num(2), num(1));
        break;
      case "TD":
        leading = -num(1);
        moveText(num(2), num(1));
        break;
      case "T*":
        moveText(0, -leading);
        break;
      case "TL":
        leading = num(1);
        break;
      case "Tc":
        charSpacing = num(1);
        break;
      case "Tw":
        wordSpacing = num(1);
        break;
      case "Tz":
        scale = num(1) / 100;
        break;
      case "Tj":
        show([operands[operands.length - 1]!]);
        break;
      case "TJ":
        show((operands[operands.length - 1] as PdfValue[] | undefined) ?? []);
        break;
      case "'":
        moveText(0, -leading);
        show([operands[operands.length - 1]!]);
        break;
      case '"':
        wordSpacing = num(3);
        charSpacing = num(2);
        moveText(0, -leading);
        show([operands[operands.length - 1]!]);
        break;
      case "BI": {
        // An inline image: skip its data up to EI.
        const ei = /\sEI(?=[\s]|$)/g;
        ei.lastIndex = lexer.pos;
        const m = ei.exec(lexer.text);
        lexer.pos = m ? m.index + m[0].length : data.length;
        break;
      }
    }
    operands.length = 0;
  }
  return items;
}

/** Items in drawing order → lines: same baseline joins, with a space where there is a gap. */
export function toLines(items: readonly TextItem[]): PageLines {
  const lines: string[] = [];
  let line = "";
  let lastY: number | undefined;
  let lastEnd = 0;
  for (const it of items) {
    const size = Math.abs(it.size || 10);
    if (lastY !== undefined && Math.abs(it.y - lastY) > size * 0.5) {
      lines.push(line);
      line = "";
    } else if (line && it.str && it.x - lastEnd > size * 0.15 && !line.endsWith(" ") && !it.str.startsWith(" ")) {
      line += " ";
    }
    if (it.str) {
      line += it.str;
      lastY = it.y;
      lastEnd = it.x + it.width;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => l.replace(/\s+/g, " ").trim()).filter(Boolean);
}
