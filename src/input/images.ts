/**
 * Images ready to embed. The PDF writer takes 8-bit, non-interlaced PNG and baseline RGB or grey
 * JPEG well; those pass through untouched. Everything else — 16-bit or interlaced PNG,
 * progressive or CMYK JPEG, WebP, GIF, SVG, TIFF, AVIF, and any image too large to decode
 * within the memory budget — goes through sharp (libvips) once: converted to sRGB, scaled to at
 * most MAX_SIDE pixels, written as PNG (or JPEG for photographs without transparency).
 *
 * Nothing is decoded before its size is known and bounded: the pixel size every format declares
 * in its header (MAX_INPUT_PIXELS, MAX_DIMENSION), and for PNG the size its compressed data
 * actually inflates to, which must be exactly what the header says (inflated as a stream and
 * stopped one byte past it, so a 200 KB file that would inflate to gigabytes costs nothing).
 * SVG is checked and its drawing planned first (svg.ts).
 */
import { constants, createInflate } from "node:zlib";
import { looksLikeSvg, planSvg } from "./svg.js";

export interface PreparedImage {
  data: Buffer;
  format: "png" | "jpg";
  /** Pixel size of the source image (what its print resolution is judged by). */
  width: number;
  height: number;
}

/** Kept pixels on the long side: 1200 px is 600 dpi at 2 in, more than any badge or photo needs. */
export const MAX_SIDE = 1200;
/** Larger images are scaled down even when their format could pass through. */
const MAX_PASS_THROUGH_PIXELS = 2_000_000;
/** Refuse decoding bombs outright. */
export const MAX_INPUT_PIXELS = 50_000_000;
/** Nor a side longer than this, whatever the pixel count. */
export const MAX_DIMENSION = 30_000;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Header {
  format: "png" | "jpg";
  width: number;
  height: number;
  /** Whether the PDF writer takes the file as it is. */
  simple: boolean;
}

/** Format, size and whether it can pass through, from the file's own header. */
export function readHeader(data: Buffer): Header | undefined {
  if (data.length >= 29 && data.subarray(0, 8).equals(PNG_SIGNATURE) && data.toString("latin1", 12, 16) === "IHDR") {
    const bitDepth = data[24]!;
    const interlace = data[28]!;
    return {
      format: "png",
      width: data.readUInt32BE(16),
      height: data.readUInt32BE(20),
      simple: bitDepth <= 8 && interlace === 0,
    };
  }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) {
    let off = 2;
    while (off + 9 < data.length) {
      if (data[off] !== 0xff) return undefined;
      const marker = data[off + 1]!;
      const len = data.readUInt16BE(off + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const components = data[off + 9]!;
        const baseline = marker === 0xc0 || marker === 0xc1;
        return {
          format: "jpg",
          height: data.readUInt16BE(off + 5),
          width: data.readUInt16BE(off + 7),
          simple: baseline && (components === 1 || components === 3),
        };
      }
      off += 2 + len;
    }
  }
  return undefined;
}

type Kind = "png" | "jpg" | "gif" | "webp" | "tiff" | "heif" | "svg";

/** The format by its signature; only these are handed to a decoder. */
function sniff(data: Buffer): Kind | undefined {
  if (data.subarray(0, 8).equals(PNG_SIGNATURE)) return "png";
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return "jpg";
  const head = data.toString("latin1", 0, 16);
  if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) return "gif";
  if (head.startsWith("RIFF") && head.slice(8, 12) === "WEBP") return "webp";
  if (head.startsWith("II*\0") || head.startsWith("MM\0*")) return "tiff";
  if (head.slice(4, 8) === "ftyp" && /^(avi[fs]|hei[cxms]|mif1|msf1)$/.test(head.slice(8, 12))) return "heif";
  if ((data[0] === 0x1f && data[1] === 0x8b) || looksLikeSvg(data)) return "svg";
  return undefined;
}

/** The pixel size a GIF or WebP declares, where its header says it simply. */
function declaredSize(data: Buffer, kind: Kind): { width: number; height: number } | undefined {
  if (kind === "gif" && data.length >= 10) return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  if (kind === "webp" && data.length >= 30) {
    const chunk = data.toString("latin1", 12, 16);
    if (chunk === "VP8X") return { width: 1 + data.readUIntLE(24, 3), height: 1 + data.readUIntLE(27, 3) };
    if (chunk === "VP8L") {
      const bits = data.readUInt32LE(21);
      return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
    }
    if (chunk === "VP8 ") return { width: data.readUInt16LE(26) & 0x3fff, height: data.readUInt16LE(28) & 0x3fff };
  }
  return undefined;
}

/** Refuse a pixel size beyond the bounds, before anything is decoded. */
function checkSize(width: number, height: number): void {
  if (!(width >= 1 && height >= 1)) throw new Error("the image is damaged or cut short; export it again");
  if (width > MAX_DIMENSION || height > MAX_DIMENSION || width * height > MAX_INPUT_PIXELS) {
    throw new Error(
      `the image is ${width}×${height} pixels; at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels and ${MAX_DIMENSION} pixels a side are read. Scale it down first`,
    );
  }
}

export async function prepareImage(data: Buffer, depth = 0): Promise<PreparedImage> {
  const kind = sniff(data);
  if (!kind) throw new Error(imageProblem("unsupported image format"));
  const header = readHeader(data);
  if (kind === "png") {
    if (!header) throw new Error(imageProblem("unsupported image format"));
    await checkPng(data);
  } else if (header) {
    checkSize(header.width, header.height);
  } else {
    const size = declaredSize(data, kind);
    if (size) checkSize(size.width, size.height);
  }
  const passable = header?.format === "png" || jpegPassable(data);
  if (
    header?.simple &&
    header.width * header.height <= MAX_PASS_THROUGH_PIXELS &&
    isComplete(data, header.format) &&
    passable
  ) {
    return { data, format: header.format, width: header.width, height: header.height };
  }
  let density = 300;
  if (kind === "svg") {
    const plan = planSvg(data);
    // Images inside the SVG meet the same bounds as any other (and may not be SVGs themselves).
    if (depth > 0) throw new Error("an SVG inside an SVG is not read");
    for (const inner of plan.embedded) await prepareImage(inner, depth + 1);
    density = plan.density;
  }
  const { default: sharp } = await import("sharp");
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "truncated" as const, sequentialRead: true, density };
  try {
    const meta = await sharp(data, options).metadata();
    if (!meta.width || !meta.height) throw new Error("unsupported image format");
    // Only the decoder the signature named: nothing reaches one this file did not check for.
    const expected = { png: "png", jpg: "jpeg", gif: "gif", webp: "webp", tiff: "tiff", heif: "heif", svg: "svg" }[
      kind
    ];
    if (meta.format !== expected) throw new Error("unsupported image format");
    checkSize(meta.width, meta.height);
    const opaqueJpeg = !meta.hasAlpha && (meta.format === "jpeg" || meta.format === "webp" || meta.format === "heif");
    let pipeline = sharp(data, options).rotate().toColourspace("srgb");
    if (Math.max(meta.width, meta.height) > MAX_SIDE)
      pipeline = pipeline.resize({ width: MAX_SIDE, height: MAX_SIDE, fit: "inside" });
    const out = opaqueJpeg
      ? await pipeline.jpeg({ quality: 92, chromaSubsampling: "4:4:4", progressive: false }).toBuffer()
      : await pipeline.png({ compressionLevel: 9, adaptiveFiltering: false }).toBuffer();
    // A vector image has no pixels of its own: judge it by what it was drawn at.
    const vector = meta.format === "svg";
    const size = vector ? (readHeader(out) ?? { width: meta.width, height: meta.height }) : meta;
    return { data: out, format: opaqueJpeg ? "jpg" : "png", width: size.width!, height: size.height! };
  } catch (err) {
    if (/^the image is \d+×\d+ pixels/.test((err as Error).message)) throw err;
    throw new Error(imageProblem((err as Error).message), { cause: err });
  }
}

/** Channels of each PNG colour type, and the bit depths it allows. */
const PNG_TYPES: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};
/** Adam7: each pass's first column and row and its steps. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/**
 * A PNG's structure, its declared size within bounds, and its image data inflating to exactly
 * the bytes its header says, every row with a known filter. The data is inflated as a stream
 * and counted, never kept: memory stays small whatever the file claims.
 */
export async function checkPng(data: Buffer): Promise<void> {
  const damaged = () => new Error("the image is damaged or cut short; export it again");
  let off = 8;
  let ihdr: Buffer | undefined;
  let plte = false;
  let idatDone = false;
  let ended = false;
  const idat: Buffer[] = [];
  while (off + 12 <= data.length) {
    const len = data.readUInt32BE(off);
    const type = data.toString("latin1", off + 4, off + 8);
    if (len > 0x7fffffff || off + 12 + len > data.length) throw damaged();
    const body = data.subarray(off + 8, off + 8 + len);
    if (!ihdr && type !== "IHDR") throw damaged();
    if (type === "IHDR") {
      if (ihdr || len !== 13) throw damaged();
      ihdr = body;
    } else if (type === "PLTE") {
      plte = true;
    } else if (type === "IDAT") {
      if (idatDone) throw damaged();
      idat.push(body);
    } else if (idat.length) {
      idatDone = true;
    }
    off += 12 + len;
    if (type === "IEND") {
      ended = true;
      break;
    }
  }
  if (!ihdr || !idat.length || !ended) throw damaged();
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const [bitDepth, colourType, compression, filter, interlace] = [ihdr[8]!, ihdr[9]!, ihdr[10]!, ihdr[11]!, ihdr[12]!];
  const type = PNG_TYPES[colourType];
  if (!type || !type.depths.includes(bitDepth) || compression !== 0 || filter !== 0 || interlace > 1) throw damaged();
  if (colourType === 3 && !plte) throw damaged();
  checkSize(width, height);

  // Rows of the image (of each Adam7 pass when interlaced): one filter byte, then the pixels.
  const rows: { count: number; bytes: number }[] = [];
  for (const [x0, y0, dx, dy] of interlace ? ADAM7 : ([[0, 0, 1, 1]] as const)) {
    const w = width > x0 ? Math.ceil((width - x0) / dx) : 0;
    const h = height > y0 ? Math.ceil((height - y0) / dy) : 0;
    if (w && h) rows.push({ count: h, bytes: 1 + Math.ceil((w * type.channels * bitDepth) / 8) });
  }
  const expected = rows.reduce((sum, r) => sum + r.count * r.bytes, 0);

  const lying = () =>
    new Error(
      `the image's data does not match the size its header declares (${width}×${height}); the file is damaged or made to exhaust memory. Export it again`,
    );
  await new Promise<void>((resolve, reject) => {
    // A stream cut after the last pixel (no checksum) is read as far as it goes, as libpng does;
    // what counts is that every row is there.
    const inflate = createInflate({ chunkSize: 64 * 1024, finishFlush: constants.Z_SYNC_FLUSH });
    let total = 0;
    let pass = 0;
    let rowsLeft = rows[0]!.count;
    let nextRow = 0;
    let failed = false;
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      inflate.destroy();
      reject(err);
    };
    inflate.on("data", (chunk: Buffer) => {
      if (failed) return;
      const end = total + chunk.length;
      if (end > expected) return fail(lying());
      // Every row's filter type is one of the five PNG defines.
      while (nextRow < end) {
        if (chunk[nextRow - total]! > 4) return fail(damaged());
        nextRow += rows[pass]!.bytes;
        if (--rowsLeft === 0) {
          pass++;
          if (pass === rows.length) nextRow = Infinity;
          else rowsLeft = rows[pass]!.count;
        }
      }
      total = end;
    });
    inflate.on("error", () => fail(damaged()));
    inflate.on("end", () =>
      failed ? undefined : total === expected ? resolve() : fail(total < expected ? damaged() : lying()),
    );
    for (const part of idat) inflate.write(part);
    inflate.end();
  });
}

/**
 * Whether a JPEG is laid out exactly as the PDF writer's JPEG reader (jay-peg, in react-pdf)
 * walks it: every segment's length agrees with its content, the frame comes before the scan, the
 * file ends at its end marker, and no EXIF (the photo may need turning, which sharp does). A
 * JPEG that is not goes through sharp and comes out clean, instead of failing in the renderer.
 */
function jpegPassable(data: Buffer): boolean {
  let pos = 2;
  let frame = false;
  while (pos + 2 <= data.length) {
    if (data[pos] !== 0xff) return false;
    const code = data[pos + 1]!;
    if (code === 0xd9) return frame && pos + 2 === data.length;
    if (pos + 4 > data.length) return false;
    if (code < 0xc0 || code === 0xff || (code >= 0xd0 && code <= 0xd8) || code === 0xe1 || code === 0xcc) return false;
    const len = data.readUInt16BE(pos + 2);
    if (len < 2 || pos + 2 + len > data.length) return false;
    const body = data.subarray(pos + 4, pos + 2 + len);
    if (code === 0xe0 && len !== 16) return false;
    if (
      code === 0xdb &&
      ((len - 2) % 65 !== 0 || [...Array((len - 2) / 65).keys()].some((i) => body[i * 65]! >> 4 !== 0))
    )
      return false;
    if (code === 0xdd && len !== 4) return false;
    const sof = code >= 0xc0 && code <= 0xcf && code !== 0xc4 && code !== 0xc8;
    if (sof) {
      if (len !== 8 + 3 * body[5]!) return false;
      frame = true;
    }
    pos += 2 + len;
    if (code === 0xda) {
      if (!frame || len !== 6 + 2 * body[0]!) return false;
      // The scan's data runs to the next marker that is not a stuffed 0xff or a restart.
      let i = data.indexOf(0xff, pos);
      while (i !== -1 && (data[i + 1] === 0x00 || (data[i + 1]! >= 0xd0 && data[i + 1]! <= 0xd7)))
        i = data.indexOf(0xff, i + 1);
      if (i === -1) return false;
      pos = i;
    }
  }
  return false;
}

/** A PNG must end with its IEND chunk and a JPEG with its end marker; else it was cut short. */
function isComplete(data: Buffer, format: "png" | "jpg"): boolean {
  if (format === "png") return data.includes(Buffer.from("IEND"), data.length - 16);
  return data[data.length - 2] === 0xff && data[data.length - 1] === 0xd9;
}

function imageProblem(message: string): string {
  if (/unsupported image format|bad seek|not a known file format/i.test(message)) {
    return "not an image this tool can read; use PNG or JPEG (WebP, GIF, SVG, TIFF and AVIF are converted)";
  }
  if (/pixel limit/i.test(message))
    return `the image is larger than ${MAX_INPUT_PIXELS / 1_000_000} megapixels; scale it down first`;
  if (/truncated|premature end|corrupt|invalid|decode|read error|unexpected end/i.test(message)) {
    return "the image is damaged or cut short; export it again";
  }
  return `the image cannot be read (${message.split("\n")[0]})`;
}
