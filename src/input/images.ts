/**
 * Images ready to embed. The PDF writer takes 8-bit, non-interlaced PNG and baseline RGB or grey
 * JPEG well; those pass through untouched. Everything else — 16-bit or interlaced PNG,
 * progressive or CMYK JPEG, WebP, GIF, SVG, TIFF, AVIF, and any image too large to decode
 * within the memory budget — goes through sharp (libvips) once: converted to sRGB, scaled to at
 * most MAX_SIDE pixels, written as PNG (or JPEG for photographs without transparency).
 */

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
const MAX_INPUT_PIXELS = 100_000_000;

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
    return { format: "png", width: data.readUInt32BE(16), height: data.readUInt32BE(20), simple: bitDepth <= 8 && interlace === 0 };
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

export async function prepareImage(data: Buffer): Promise<PreparedImage> {
  const header = readHeader(data);
  if (header?.simple && header.width * header.height <= MAX_PASS_THROUGH_PIXELS && isComplete(data, header.format)) {
    return { data, format: header.format, width: header.width, height: header.height };
  }
  const { default: sharp } = await import("sharp");
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "truncated" as const, sequentialRead: true, density: 300 };
  try {
    const meta = await sharp(data, options).metadata();
    if (!meta.width || !meta.height) throw new Error("unsupported image format");
    const opaqueJpeg = !meta.hasAlpha && (meta.format === "jpeg" || meta.format === "webp" || meta.format === "heif");
    let pipeline = sharp(data, options).rotate().toColourspace("srgb");
    if (Math.max(meta.width, meta.height) > MAX_SIDE) pipeline = pipeline.resize({ width: MAX_SIDE, height: MAX_SIDE, fit: "inside" });
    const out = opaqueJpeg
      ? await pipeline.jpeg({ quality: 92, chromaSubsampling: "4:4:4", progressive: false }).toBuffer()
      : await pipeline.png({ compressionLevel: 9, adaptiveFiltering: false }).toBuffer();
    // A vector image has no pixels of its own: judge it by what it was drawn at.
    const vector = meta.format === "svg";
    const size = vector ? (readHeader(out) ?? { width: meta.width, height: meta.height }) : meta;
    return { data: out, format: opaqueJpeg ? "jpg" : "png", width: size.width!, height: size.height! };
  } catch (err) {
    throw new Error(imageProblem((err as Error).message), { cause: err });
  }
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
  if (/pixel limit/i.test(message)) return `the image is larger than ${MAX_INPUT_PIXELS / 1_000_000} megapixels; scale it down first`;
  if (/truncated|premature end|corrupt|invalid|decode|read error|unexpected end/i.test(message)) {
    return "the image is damaged or cut short; export it again";
  }
  return `the image cannot be read (${message.split("\n")[0]})`;
}
