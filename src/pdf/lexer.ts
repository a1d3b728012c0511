/**
 * The PDF reader's lexer: PDF's values (numbers, names, strings, arrays, dictionaries,
 * references, operators) read from a file's or a content stream's bytes.
 */
export type PdfValue = number | boolean | null | string | PdfName | PdfRef | PdfValue[] | PdfDict | PdfBytes;
export type PdfDict = Map<string, PdfValue>;

export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(readonly num: number) {}
}
/** A PDF string: raw bytes (literal and hex strings alike). */
export class PdfBytes {
  constructor(readonly bytes: Uint8Array) {}
}
export class PdfOperator {
  constructor(readonly op: string) {}
}

/** A PDF the reader cannot read, with why in plain words (the message is shown to the user). */
export class PdfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PdfError";
  }
}

/**
 * Arrays and dictionaries nested deeper than this are refused: real PDFs nest a handful deep, and the lexer recurses
 * per level.
 */
export const MAX_NESTING = 100;

/** PDF white space: NUL, tab, line feed, form feed, carriage return, space. */
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
/** Delimiters: ( ) < > [ ] { } / % */
const isDelimiter = (c: number) =>
  c === 0x28 ||
  c === 0x29 ||
  c === 0x3c ||
  c === 0x3e ||
  c === 0x5b ||
  c === 0x5d ||
  c === 0x7b ||
  c === 0x7d ||
  c === 0x2f ||
  c === 0x25;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/**
 * Each byte's class: 1 white space, 2 a delimiter, 0 a regular character (a table: the lexer's inner loops read it per
 * byte).
 */
const CLASS = new Uint8Array(256);
for (const c of [0x20, 0x0a, 0x0d, 0x09, 0x0c, 0x00]) CLASS[c] = 1;
for (const c of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) CLASS[c] = 2;
/** One operator object per operator name: content streams repeat a few dozen of them. */
const OPERATORS = new Map<string, PdfOperator>();
const ESCAPES: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };

/** Bytes as a string of the same length (one character per byte), for fast scanning. */
export const latin1 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");

/**
 * A tokenizer and object parser over PDF syntax, used for the file and for content streams. It
 * scans a latin1 string of the bytes. `refs` enables `n g R` references (never in content).
 */
/** A PDF text string: UTF-16BE after its byte-order mark, or else (near enough) Latin-1. */
export function textString(b: Uint8Array): string {
  if (b[0] === 0xfe && b[1] === 0xff) {
    let out = "";
    for (let i = 2; i + 1 < b.length; i += 2) out += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
    return out;
  }
  return latin1(b);
}

export class Lexer {
  /** How many arrays and dictionaries are open. */
  private depth = 0;

  /** Where reading stops (the text's length unless a caller bounds it, as to one object). */
  readonly end: number;

  constructor(
    readonly text: string,
    public pos = 0,
    readonly refs = true,
    end = text.length,
  ) {
    this.end = Math.min(end, text.length);
  }

  /** Opens an array or dictionary. (A lexer that has thrown is not used again, so no close is owed then.) */
  private enter(): void {
    if (++this.depth > MAX_NESTING) throw new PdfError(`it nests arrays or dictionaries more than ${MAX_NESTING} deep`);
  }

  /** Past white space and comments. */
  private skipSpace(): void {
    const t = this.text;
    const n = this.end;
    let i = this.pos;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c < 256 && CLASS[c] === 1) i++;
      else if (c === 0x25) {
        while (i < n && t.charCodeAt(i) !== 0x0a && t.charCodeAt(i) !== 0x0d) i++;
      } else break;
    }
    this.pos = i;
  }

  /** The next value or operator; undefined at the end. `]` and `>>` come back as operators. */
  next(): PdfValue | PdfOperator | undefined {
    this.skipSpace();
    const t = this.text;
    if (this.pos >= this.end) return undefined;
    const c = t.charCodeAt(this.pos);
    if (c === 0x2f) {
      this.pos++;
      return new PdfName(this.regular());
    }
    if (c === 0x28) return this.literalString();
    if (c === 0x3c) {
      if (t.charCodeAt(this.pos + 1) === 0x3c) {
        this.pos += 2;
        this.enter();
        const d = this.dict();
        this.depth--;
        return d;
      }
      return this.hexString();
    }
    if (c === 0x3e && t.charCodeAt(this.pos + 1) === 0x3e) {
      this.pos += 2;
      return operator(">>");
    }
    if (c === 0x5b) {
      this.pos++;
      this.enter();
      const a = this.array();
      this.depth--;
      return a;
    }
    // A lone `)` or `>` is damage: read as an operator that means nothing, so reading goes on past it.
    if (c === 0x5d || c === 0x7b || c === 0x7d || c === 0x29 || c === 0x3e) {
      this.pos++;
      return operator(String.fromCharCode(c));
    }
    const start = this.pos;
    const word = this.regular();
    if (!word) throw new PdfError(`unexpected byte ${c} at ${start}`);
    if (isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e) {
      const n = Number(word);
      if (!Number.isFinite(n)) return operator(word);
      return this.refs && Number.isInteger(n) && n >= 0 ? this.reference(n) : n;
    }
    if (word === "true") return true;
    if (word === "false") return false;
    if (word === "null") return null;
    return operator(word);
  }

  /** After an integer: `g R` makes it a reference; otherwise nothing is consumed. */
  private reference(n: number): number | PdfRef {
    const t = this.text;
    const save = this.pos;
    this.skipSpace();
    const genStart = this.pos;
    while (this.pos < this.end && isDigit(t.charCodeAt(this.pos))) this.pos++;
    if (this.pos > genStart) {
      this.skipSpace();
      const after = t.charCodeAt(this.pos + 1);
      if (
        this.pos < this.end &&
        t.charCodeAt(this.pos) === 0x52 &&
        (this.pos + 1 >= this.end || isSpace(after) || isDelimiter(after))
      ) {
        this.pos++;
        return new PdfRef(n);
      }
    }
    this.pos = save;
    return n;
  }

  /** A run of regular characters from pos (a name's `#xx` escapes decoded). */
  private regular(): string {
    const t = this.text;
    const start = this.pos;
    let i = start;
    let escaped = false;
    for (; i < this.end; i++) {
      const c = t.charCodeAt(i);
      if (c < 256 && CLASS[c] !== 0) break;
      if (c === 0x23) escaped = true;
    }
    this.pos = i;
    const s = t.slice(start, i);
    return escaped ? s.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
  }

  private array(): PdfValue[] {
    const items: PdfValue[] = [];
    for (;;) {
      const v = this.next();
      if (v === undefined) throw new PdfError("an array is not closed");
      if (v instanceof PdfOperator) {
        if (v.op === "]") return items;
        throw new PdfError(`unexpected ${v.op.slice(0, 20)} in an array`);
      }
      items.push(v);
    }
  }

  private dict(): PdfDict {
    const d: PdfDict = new Map();
    for (;;) {
      const k = this.next();
      if (k instanceof PdfOperator && k.op === ">>") return d;
      if (!(k instanceof PdfName)) throw new PdfError("a dictionary key is not a name");
      const v = this.next();
      if (v === undefined || v instanceof PdfOperator) throw new PdfError(`no value for /${k.name.slice(0, 40)}`);
      d.set(k.name, v);
    }
  }

  private hexString(): PdfBytes {
    const t = this.text;
    let end = t.indexOf(">", this.pos + 1);
    if (end < 0 || end > this.end) end = this.end;
    // Buffer's hex decoder stops at the first non-hex digit: drop white space first, pad odd.
    let hex = t.slice(this.pos + 1, end);
    if (/[^0-9a-fA-F]/.test(hex)) hex = hex.replace(/[^0-9a-fA-F]/g, "");
    if (hex.length % 2) hex += "0";
    this.pos = end + 1;
    return new PdfBytes(Buffer.from(hex, "hex"));
  }

  private literalString(): PdfBytes {
    const t = this.text;
    const start = this.pos + 1;
    // First its end (and whether it has escapes); then its bytes, into a buffer of that length.
    let depth = 1;
    let escaped = false;
    let i = start;
    for (; i < this.end; i++) {
      const c = t.charCodeAt(i);
      if (c === 0x5c) {
        escaped = true;
        i++;
      } else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) break;
    }
    const end = Math.min(i, this.end);
    this.pos = end + 1;
    const buf = new Uint8Array(end - start);
    if (!escaped) {
      for (let k = start; k < end; k++) buf[k - start] = t.charCodeAt(k);
      return new PdfBytes(buf);
    }
    let n = 0;
    for (let k = start; k < end;) {
      let c = t.charCodeAt(k++);
      if (c === 0x5c) {
        if (k >= end) break;
        c = t.charCodeAt(k++);
        if (c in ESCAPES) c = ESCAPES[c]!;
        else if (c >= 0x30 && c <= 0x37) {
          let v = c - 0x30;
          for (let d = 0; d < 2 && k < end && t.charCodeAt(k) >= 0x30 && t.charCodeAt(k) <= 0x37; d++)
            v = v * 8 + (t.charCodeAt(k++) - 0x30);
          c = v & 0xff;
        } else if (c === 0x0d) {
          if (t.charCodeAt(k) === 0x0a) k++;
          continue;
        } else if (c === 0x0a) continue;
      }
      buf[n++] = c;
    }
    return new PdfBytes(buf.subarray(0, n));
  }
}

function operator(op: string): PdfOperator {
  let o = OPERATORS.get(op);
  if (!o) {
    o = new PdfOperator(op);
    // Names an attacker writes are not kept without end.
    if (OPERATORS.size < 256) OPERATORS.set(op, o);
  }
  return o;
}
