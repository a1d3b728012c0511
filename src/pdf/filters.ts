/**
 * The PDF reader's stream filters: FlateDecode, LZWDecode, ASCIIHexDecode, ASCII85Decode and
 * RunLengthDecode, with the PNG and TIFF predictors a Flate or LZW stream may name. Each decoder
 * stops at `limit` output bytes and refuses more, so that a small stream cannot expand into
 * gigabytes (two chained Flate filters turn 2.4 KB into 1 GiB).
 */
import { constants, inflateRawSync, inflateSync } from "node:zlib";
import { PdfError } from "./lexer.js";

/** A stream (or all of a PDF's streams) decoding to more than the reader's bound: the PDF is refused. */
export class PdfTooLarge extends PdfError {}

/** The parameters a filter may take (its DecodeParms), as numbers by name. */
export type FilterParms = Map<string, number>;

/**
 * A stream decodes to at most this many bytes, and all the streams of one PDF (each time one is
 * read) to at most MAX_DECODED_BYTES. A résumé's largest stream (a page's contents, a font's
 * ToUnicode map, an object stream) is well under 1 MB; images are never decoded. The bounds keep
 * the worst file to a few seconds of reading and under 300 MB of memory.
 */
export const MAX_STREAM_BYTES = 8 * 2 ** 20;
export const MAX_DECODED_BYTES = 32 * 2 ** 20;

const tooLarge = () =>
  new PdfTooLarge(
    `its streams decompress to more than this tool reads (${MAX_STREAM_BYTES / 2 ** 20} MB a stream, ${MAX_DECODED_BYTES / 2 ** 20} MB in all), far more than a résumé holds`,
  );

/** Runs one filter over `data`; throws a PdfError on a filter it does not know or on output past `limit`. */
export function decodeFilter(name: string, data: Uint8Array, parms: FilterParms, limit: number): Uint8Array {
  switch (name) {
    case "FlateDecode":
    case "Fl":
      return predict(inflate(data, limit), parms, limit);
    case "LZWDecode":
    case "LZW":
      return predict(lzw(data, parms.get("EarlyChange") ?? 1, limit), parms, limit);
    case "ASCIIHexDecode":
    case "AHx":
      return asciiHex(data);
    case "ASCII85Decode":
    case "A85":
      return ascii85(data, limit);
    case "RunLengthDecode":
    case "RL":
      return runLength(data, limit);
    case "Crypt":
      return data;
    default:
      throw new PdfError(`it uses the ${name || "unnamed"} stream filter, which this tool does not read`);
  }
}

/**
 * zlib's inflate, capped at `limit` bytes. A stream cut short (as damaged files have) gives what
 * it holds; one without a zlib header is tried as raw deflate, as viewers do.
 */
function inflate(data: Uint8Array, limit: number): Uint8Array {
  const opts = { maxOutputLength: limit, finishFlush: constants.Z_SYNC_FLUSH };
  try {
    return inflateSync(data, opts);
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge();
    try {
      return inflateRawSync(data, opts);
    } catch (raw) {
      if (raw instanceof RangeError || (raw as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge();
      throw new PdfError("it has a damaged compressed stream");
    }
  }
}

/** Output that grows as a decoder writes, up to a limit. */
class Output {
  private buf = new Uint8Array(1024);
  length = 0;
  constructor(private readonly limit: number) {}
  push(b: number): void {
    if (this.length === this.buf.length) this.grow(1);
    this.buf[this.length++] = b;
  }
  pushAll(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.buf.length) this.grow(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }
  private grow(by: number): void {
    const need = this.length + by;
    if (need > this.limit) throw tooLarge();
    const next = new Uint8Array(Math.min(this.limit, Math.max(need, this.buf.length * 2)));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** LZW as PDF and TIFF use it: 9- to 12-bit codes, most significant bit first, 256 clears, 257 ends. */
function lzw(data: Uint8Array, earlyChange: number, limit: number): Uint8Array {
  const out = new Output(limit);
  const early = earlyChange === 0 ? 0 : 1;
  // The table as (prefix code, last byte, length) triples; entries 0–255 are single bytes.
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const size = new Int32Array(4096);
  for (let i = 0; i < 256; i++) {
    prefix[i] = -1;
    suffix[i] = i;
    size[i] = 1;
  }
  const scratch = new Uint8Array(4096);
  let next = 258;
  let width = 9;
  let prev = -1;
  let bits = 0;
  let nbits = 0;
  const emit = (code: number) => {
    const n = size[code]!;
    for (let c = code, i = n - 1; i >= 0; i--, c = prefix[c]!) scratch[i] = suffix[c]!;
    out.pushAll(scratch.subarray(0, n));
    return scratch[0]!;
  };
  for (let i = 0; i < data.length; i++) {
    bits = ((bits << 8) | data[i]!) & 0xffffff;
    nbits += 8;
    while (nbits >= width) {
      const code = (bits >>> (nbits - width)) & ((1 << width) - 1);
      nbits -= width;
      if (code === 256) {
        next = 258;
        width = 9;
        prev = -1;
        continue;
      }
      if (code === 257) return out.bytes();
      let first: number;
      if (code < next) first = emit(code);
      else if (code === next && prev >= 0) {
        // The code being defined: the previous string and its own first byte.
        const head = emit(prev);
        out.push(head);
        first = head;
      } else return out.bytes();
      if (prev >= 0 && next < 4096) {
        prefix[next] = prev;
        suffix[next] = first;
        size[next] = size[prev]! + 1;
        next++;
      }
      prev = code;
      if (next + early >= 1 << width && width < 12) width++;
    }
  }
  return out.bytes();
}

/** Two hex digits a byte; white space skipped; `>` ends it; an odd last digit is followed by 0. */
function asciiHex(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / 2));
  let n = 0;
  let high = -1;
  for (const c of data) {
    if (c === 0x3e) break;
    const v =
      c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out[n++] = (high << 4) | v;
      high = -1;
    }
  }
  if (high >= 0) out[n++] = high << 4;
  return out.subarray(0, n);
}

const ZEROS = new Uint8Array(4);

/** Base-85: five characters `!`–`u` make four bytes, `z` four zeros, `~>` ends it. */
function ascii85(data: Uint8Array, limit: number): Uint8Array {
  const out = new Output(limit);
  let group = 0;
  let count = 0;
  let i = data[0] === 0x3c && data[1] === 0x7e ? 2 : 0;
  for (; i < data.length; i++) {
    const c = data[i]!;
    if (c === 0x7e) break;
    if (c === 0x7a && count === 0) {
      out.pushAll(ZEROS);
      continue;
    }
    if (c < 0x21 || c > 0x75) continue;
    group = group * 85 + (c - 0x21);
    if (++count === 5) {
      for (let k = 0; k < 4; k++) out.push((group >>> (24 - 8 * k)) & 0xff);
      group = 0;
      count = 0;
    }
  }
  if (count > 1) {
    // A last group of k characters gives k − 1 bytes: pad with `u`.
    for (let k = count; k < 5; k++) group = group * 85 + 84;
    for (let k = 0; k < count - 1; k++) out.push((group >>> (24 - 8 * k)) & 0xff);
  }
  return out.bytes();
}

/** A length byte: 0–127 copies the next n + 1 bytes, 129–255 repeats the next byte 257 − n times, 128 ends. */
function runLength(data: Uint8Array, limit: number): Uint8Array {
  const out = new Output(limit);
  for (let i = 0; i < data.length;) {
    const len = data[i++]!;
    if (len === 128) break;
    if (len < 128) {
      out.pushAll(data.subarray(i, i + len + 1));
      i += len + 1;
    } else {
      const b = data[i++];
      if (b === undefined) break;
      for (let k = 0; k < 257 - len; k++) out.push(b);
    }
  }
  return out.bytes();
}

/** Undoes a Flate or LZW stream's predictor (2: TIFF; 10–15: PNG, a filter byte a row). */
function predict(data: Uint8Array, parms: FilterParms, limit: number): Uint8Array {
  const predictor = parms.get("Predictor") ?? 1;
  if (predictor < 2) return data;
  const colors = clamp(parms.get("Colors") ?? 1, 1, 32);
  const bpc = [1, 2, 4, 8, 16].includes(parms.get("BitsPerComponent") ?? 8) ? (parms.get("BitsPerComponent") ?? 8) : 8;
  const columns = clamp(parms.get("Columns") ?? 1, 1, 1 << 20);
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowBytes = Math.ceil((colors * bpc * columns) / 8);
  if (predictor === 2) {
    if (bpc !== 8) return data;
    const out = Uint8Array.from(data);
    for (let row = 0; row < out.length; row += rowBytes) {
      for (let i = row + bpp; i < Math.min(row + rowBytes, out.length); i++) out[i] = (out[i]! + out[i - bpp]!) & 0xff;
    }
    return out;
  }
  const rows = Math.floor(data.length / (rowBytes + 1));
  if (rows * rowBytes > limit) throw tooLarge();
  const out = new Uint8Array(rows * rowBytes);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowBytes + 1)]!;
    const src = r * (rowBytes + 1) + 1;
    const at = r * rowBytes;
    for (let i = 0; i < rowBytes; i++) {
      const raw = data[src + i]!;
      const left = i >= bpp ? out[at + i - bpp]! : 0;
      const up = r > 0 ? out[at - rowBytes + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[at - rowBytes + i - bpp]! : 0;
      let v: number;
      if (type === 1) v = raw + left;
      else if (type === 2) v = raw + up;
      else if (type === 3) v = raw + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else v = raw;
      out[at + i] = v & 0xff;
    }
  }
  return out;
}

const clamp = (v: number, lo: number, hi: number) =>
  Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.floor(v))) : lo;
