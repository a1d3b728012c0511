/**
 * Images in every common flavour embed and look right; other formats are converted or refused
 * with a clear message; huge images stay within the memory budget.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { PNG } from "pngjs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { ResumeError } from "../../src/common/errors.js";
import { ROOT, tempDir, tool, writeFixture } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const IMAGES = path.join(ROOT, "tests/fixtures/images");
const QUADRANTS = {
  tl: [0xd6, 0x28, 0x28],
  tr: [0x2a, 0x9d, 0x8f],
  bl: [0x1d, 0x4e, 0xd8],
  br: [0xff, 0xff, 0xff],
} as const;
const luma = ([r, g, b]: readonly number[]) => 0.299 * r! + 0.587 * g! + 0.114 * b!;

function badgeResume(dir: string, image: string): string {
  return writeFixture(
    dir,
    "r.yaml",
    `basics: {name: Image Test}\ncertificates:\n  - name: Certificate\n    badge: ${image}\n`,
  );
}

/** The first image embedded in the PDF, as RGBA pixels (pdfimages writes what the PDF holds). */
function embeddedImage(pdf: string, dir: string): PNG {
  const prefix = path.join(dir, "img");
  expect(tool("pdfimages", ["-png", pdf, prefix]).code).toBe(0);
  const first = readdirSync(dir)
    .filter((f) => f.startsWith("img-") && f.endsWith(".png"))
    .sort()[0]!;
  return PNG.sync.read(readFileSync(path.join(dir, first)));
}

function pixel(png: PNG, fx: number, fy: number): number[] {
  const x = Math.floor(png.width * fx);
  const y = Math.floor(png.height * fy);
  const i = (y * png.width + x) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

describe.each([
  ["rgba8.png", "colour"],
  ["rgb16.png", "colour"],
  ["palette-trns.png", "colour"],
  ["interlaced.png", "colour"],
  ["baseline.jpg", "colour"],
  ["progressive.jpg", "colour"],
  ["cmyk.jpg", "colour"],
  ["image.webp", "colour"],
  ["image.gif", "colour"],
  ["image.svg", "colour"],
  ["gray.png", "grey"],
  ["gray-alpha.png", "grey"],
] as const)("%s", (name, kind) => {
  it("embeds, and each quadrant keeps its colour", async () => {
    // The source as a reference decoder (sharp, in sRGB) sees it; a CMYK file's blue is already
    // less saturated than the drawing it came from.
    const source = await sharp(path.join(IMAGES, name), { density: 72 })
      .toColourspace("srgb")
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const ref = (fx: number, fy: number) => {
      const i =
        (Math.floor(source.info.height * fy) * source.info.width + Math.floor(source.info.width * fx)) *
        source.info.channels;
      return [source.data[i]!, source.data[i + 1]!, source.data[i + 2]!];
    };
    const dir = tempDir();
    const pdf = path.join(dir, "r.pdf");
    const result = await build(badgeResume(dir, path.join(IMAGES, name)), { output: pdf, env: EPOCH });
    expect(result.pages).toBe(1);
    const png = embeddedImage(pdf, dir);
    const samples = {
      tl: pixel(png, 0.25, 0.25),
      tr: pixel(png, 0.75, 0.25),
      bl: pixel(png, 0.25, 0.75),
      br: pixel(png, 0.75, 0.75),
    };
    const refs = { tl: ref(0.25, 0.25), tr: ref(0.75, 0.25), bl: ref(0.25, 0.75), br: ref(0.75, 0.75) };
    for (const q of Object.keys(QUADRANTS) as (keyof typeof QUADRANTS)[]) {
      const got = samples[q];
      // Roughly the drawing's colour, and closely what the file itself holds.
      expect(Math.abs(luma(got) - luma(QUADRANTS[q])), `${q}: ${got}`).toBeLessThan(40);
      const want = refs[q];
      if (kind === "grey") {
        expect(Math.abs(luma(got) - luma(want)), `${q}: ${got}`).toBeLessThan(30);
      } else {
        // Transparency is stored separately (SMask), so colours are compared as stored.
        for (let c = 0; c < 3; c++) expect(Math.abs(got[c]! - want[c]!), `${q}: ${got} vs ${want}`).toBeLessThan(24);
      }
    }
    // Whatever came in, what is embedded has at most 8 bits per component.
    const rows = tool("pdfimages", ["-list", pdf])
      .stdout.trim()
      .split("\n")
      .slice(2)
      .map((r) => r.trim().split(/\s+/));
    for (const r of rows) expect(Number(r[7])).toBeLessThanOrEqual(8);
  });
});

describe("images that cannot be embedded", () => {
  it.each([
    ["text.png", "not an image this tool can read; use PNG or JPEG (WebP, GIF, SVG, TIFF and AVIF are converted)"],
    ["truncated.png", "the image is damaged or cut short; export it again"],
    ["missing.png", "image not found"],
  ])("%s gets a located message", async (name, message) => {
    const dir = tempDir();
    const err = (await build(badgeResume(dir, path.join(IMAGES, name)), {
      output: path.join(dir, "r.pdf"),
      env: EPOCH,
    }).catch((e: unknown) => e)) as ResumeError;
    expect(err).toBeInstanceOf(ResumeError);
    expect(err.diagnostics[0]).toMatchObject({ line: 4, col: 12, path: "certificates[0].badge" });
    expect(err.diagnostics[0]!.message).toContain(message);
  });
});

describe("a 7000×7000 image", () => {
  it("is scaled down to 1200 px and built within 300 MB", async () => {
    const dir = tempDir();
    const big = path.join(dir, "big.png");
    await sharp({ create: { width: 7000, height: 7000, channels: 3, background: "#2a9d8f" } })
      .png()
      .toFile(big);
    const input = badgeResume(dir, big);
    const pdf = path.join(dir, "r.pdf");
    // A fresh process, so that its peak memory is this build's alone.
    const script = `const { main } = await import(${JSON.stringify(path.join(ROOT, "dist/cli/main.js"))});
      process.exitCode = await main(["build", ${JSON.stringify(input)}, "-o", ${JSON.stringify(pdf)}]);
      process.stderr.write("maxrss " + process.resourceUsage().maxRSS + "\\n");`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      env: { ...process.env, ...EPOCH },
    });
    expect(r.status, r.stderr).toBe(0);
    const rssKb = Number(/maxrss (\d+)/.exec(r.stderr)![1]);
    expect(rssKb).toBeLessThan(300 * 1024);
    const row = tool("pdfimages", ["-list", pdf]).stdout.trim().split("\n")[2]!.trim().split(/\s+/);
    expect([row[3], row[4]]).toEqual(["1200", "1200"]);
    writeFileSync(path.join(dir, "rss.txt"), String(rssKb));
  });
});

/** A PNG chunk: length, type, data, CRC. */
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG whose header says `width`×`height` (colour type 6, RGBA, unless told) around the zlib stream `idat`. */
function png(width: number, height: number, idat: Buffer, { colourType = 6, interlace = 0 } = {}): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = colourType;
  ihdr[12] = interlace;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * A zlib stream that inflates to `bytes` zero bytes (rounded up), built directly: one literal,
 * then copies of 258 bytes at distance 1, 13 bits each in a fixed-Huffman block. Eight copies
 * take 13 whole bytes, so after the first two bytes the stream is one 13-byte pattern repeated;
 * 5 GiB takes 34 MB. It has no end: a reader must stop on its own.
 */
function zeroBomb(bytes: number): Buffer {
  const bits: number[] = [];
  const code = (value: number, n: number) => {
    for (let i = n - 1; i >= 0; i--) bits.push((value >> i) & 1);
  };
  bits.push(0, 1, 0); // not the last block; fixed Huffman codes (01, low bit first)
  code(0x30, 8); // literal 0
  for (let i = 0; i < 16; i++) {
    code(0b11000101, 8); // length 258 (symbol 285)
    code(0, 5); // distance 1
  }
  const head = Buffer.alloc(Math.ceil(bits.length / 8));
  bits.forEach((b, i) => (head[i >> 3]! |= b << (i & 7)));
  const period = head.subarray(2, 15);
  const body = Buffer.alloc(13 * Math.ceil(bytes / (8 * 258))).fill(period);
  return Buffer.concat([Buffer.from([0x78, 0x01]), head.subarray(0, 2), body]);
}

/** The command as a fresh process (the bundle), with its peak memory. */
function buildProcess(input: string, pdf: string, timeout = 120_000) {
  const script = `const { main } = await import(${JSON.stringify(path.join(ROOT, "dist/cli/main.js"))});
    process.exitCode = await main(["build", ${JSON.stringify(input)}, "-o", ${JSON.stringify(pdf)}]);
    process.stderr.write("maxrss " + process.resourceUsage().maxRSS + "\\n");`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    env: { ...process.env, ...EPOCH },
    timeout,
  });
  const rssMb = Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  return { code: r.status, signal: r.signal, stderr: r.stderr.replace(/maxrss \d+\n/, ""), rssMb };
}

describe("a PNG whose data inflates to more than its header says", () => {
  it.each([
    ["190 MiB", 190 * 2 ** 20],
    ["5 GiB", 5 * 2 ** 30],
  ])(
    "(%s for 1000×1000) is refused before it is decoded, plainly, within 300 MB",
    (_, size) => {
      const dir = tempDir();
      const file = writeFixture(
        dir,
        "liar.png",
        png(1000, 1000, size < 2 ** 30 ? zlib.deflateSync(Buffer.alloc(size)) : zeroBomb(size)),
      );
      const r = buildProcess(badgeResume(dir, file), path.join(dir, "r.pdf"));
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(
        /r\.yaml:4:12 {2}certificates\[0\]\.badge {2}.*liar\.png: the image's data does not match the size its header declares \(1000×1000\)/,
      );
      expect(r.stderr).not.toMatch(/internal error|\bat .*:\d+:\d+/);
      expect(r.rssMb).toBeLessThan(300);
      expect(readdirSync(dir)).not.toContain("r.pdf");
    },
    180_000,
  );

  it.each([
    ["too much (interlaced)", zlib.deflateSync(Buffer.alloc(8 * 2 ** 20)), { interlace: 1 }, "does not match the size"],
    ["too little", zlib.deflateSync(Buffer.alloc(1000)), {}, "damaged or cut short"],
    ["a row with an unknown filter", zlib.deflateSync(Buffer.alloc(1000 * 4001, 7)), {}, "damaged or cut short"],
  ] as const)("%s is refused too", async (_, idat, opts, message) => {
    const dir = tempDir();
    const file = writeFixture(dir, "bad.png", png(1000, 1000, idat, opts));
    const err = (await build(badgeResume(dir, file), { output: path.join(dir, "r.pdf"), env: EPOCH }).catch(
      (e: unknown) => e,
    )) as ResumeError;
    expect(err).toBeInstanceOf(ResumeError);
    expect(err.diagnostics[0]).toMatchObject({ line: 4, col: 12, path: "certificates[0].badge" });
    expect(err.diagnostics[0]!.message).toContain(message);
  });
});

describe("a header that declares a huge image", () => {
  const gif = Buffer.concat([
    Buffer.from("GIF89a", "latin1"),
    Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0]),
    Buffer.from(";"),
  ]);
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xc2, 0, 11, 8, 0xfd, 0xe8, 0xfd, 0xe8, 1, 1, 0x11, 0, 0xff, 0xd9]);
  const webp = Buffer.alloc(40);
  webp.write("RIFF", 0, "latin1");
  webp.writeUInt32LE(32, 4);
  webp.write("WEBPVP8X", 8, "latin1");
  webp.writeUInt32LE(10, 16);
  webp.writeUIntLE(0xffffff, 24, 3);
  webp.writeUIntLE(0xffffff, 27, 3);
  it.each([
    ["png", png(100_000, 100_000, zlib.deflateSync(Buffer.alloc(10)))],
    ["gif", gif],
    ["jpg", jpeg],
    ["webp", webp],
  ])("(%s) is refused before anything is decoded", async (ext, bytes) => {
    const dir = tempDir();
    const file = writeFixture(dir, `huge.${ext}`, bytes);
    const err = (await build(badgeResume(dir, file), { output: path.join(dir, "r.pdf"), env: EPOCH }).catch(
      (e: unknown) => e,
    )) as ResumeError;
    expect(err).toBeInstanceOf(ResumeError);
    expect(err.diagnostics[0]!.message).toMatch(
      /the image is \d+×\d+ pixels; at most 50 megapixels and 30000 pixels a side are read/,
    );
  });
});

describe("SVG", () => {
  const svg = (attrs: string, body: string) => `<svg xmlns="http://www.w3.org/2000/svg" ${attrs}>${body}</svg>`;
  const blurs = (n: number, size: number, sd: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `<filter id="f${i}"><feGaussianBlur stdDeviation="${sd}"/></filter><rect width="${size}" height="${size}" fill="#2a9d8f" filter="url(#f${i})"/>`,
    ).join("");
  const uses = (depth: number) =>
    `<defs><rect id="a0" width="10" height="10"/>${Array.from({ length: depth }, (_, i) => `<g id="a${i + 1}"><use href="#a${i}"/><use href="#a${i}"/></g>`).join("")}</defs><use href="#a${depth}"/>`;

  it.each([
    [
      "200 blurs over the whole picture",
      svg('width="1000" height="1000"', blurs(200, 1000, 500)),
      /applies filter effects or masks 200 times; at most 16/,
    ],
    [
      "a size of 100000 inches",
      svg('width="100000in" height="100000in"', '<rect width="10" height="10"/>'),
      /declares a size of 7200000 × 7200000 px; an image may be at most 10000 px a side/,
    ],
    ["a viewBox of no size", svg('viewBox="0 0 0 0"', ""), /viewBox "0 0 0 0" is not a box/],
    ["uses nested 30 deep", svg('width="100" height="100"', uses(30)), /repeats its elements \(<use>\)/],
    [
      "a filter effect without a bound",
      svg(
        'width="100" height="100"',
        '<filter id="m"><feMorphology radius="500"/></filter><rect width="100" height="100" filter="url(#m)"/>',
      ),
      /filter effect <feMorphology>/,
    ],
    [
      "a style sheet blurring every element",
      svg(
        'width="100" height="100"',
        `<style>rect{filter:blur(5px)}</style>${'<rect width="9" height="9"/>'.repeat(40)}`,
      ),
      /applies filter effects or masks \d+ times/,
    ],
    [
      "an image in another file",
      svg('width="100" height="100"', '<image href="/etc/passwd" width="10" height="10"/>'),
      /links an image in another file/,
    ],
    ["entities", `<!DOCTYPE svg [<!ENTITY a "aaaa">]>${svg('width="10" height="10"', "&a;")}`, /declares XML entities/],
    [
      "an embedded PNG that lies",
      svg(
        'width="10" height="10"',
        `<image width="10" height="10" href="data:image/png;base64,${png(1000, 1000, zlib.deflateSync(Buffer.alloc(8 * 2 ** 20))).toString("base64")}"/>`,
      ),
      /does not match the size/,
    ],
  ])(
    "with %s is refused quickly and plainly, with nothing from the rasteriser on stderr",
    (_, text, message) => {
      const dir = tempDir();
      const file = writeFixture(dir, "badge.svg", text);
      // The bound is for a hang only: refused, it takes milliseconds; drawn, some take minutes.
      const r = buildProcess(badgeResume(dir, file), path.join(dir, "r.pdf"), 60_000);
      expect(r.signal, "no answer within 60 s").toBeNull();
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/r\.yaml:4:12 {2}certificates\[0\]\.badge {2}/);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/GLib|CRITICAL|WARNING \*\*|internal error|\bat .*:\d+:\d+/);
    },
    90_000,
  );

  it("with a drop shadow is drawn (at a smaller size), and one without filters at 300 dpi", async () => {
    const dir = tempDir();
    const shadow = svg(
      'width="200" height="200"',
      '<filter id="s"><feGaussianBlur stdDeviation="4"/><feOffset dx="3" dy="3"/><feMerge><feMergeNode/><feMergeNode in="SourceGraphic"/></feMerge></filter><circle cx="100" cy="100" r="80" fill="#d62828" filter="url(#s)"/>',
    );
    const { prepareImage } = await import("../../src/input/images.js");
    const drawn = await prepareImage(Buffer.from(shadow));
    expect(drawn.format).toBe("png");
    expect(Math.max(drawn.width, drawn.height)).toBeLessThanOrEqual(1000);
    expect(drawn.width).toBeGreaterThanOrEqual(300);
    const plain = await prepareImage(
      Buffer.from(svg('width="200" height="100"', '<rect width="200" height="100" fill="#1d4ed8"/>')),
    );
    expect([plain.width, plain.height]).toEqual([833, 417]);
    const file = writeFixture(dir, "shadow.svg", shadow);
    expect((await build(badgeResume(dir, file), { output: path.join(dir, "r.pdf"), env: EPOCH })).pages).toBe(1);
  });
});

describe("a badge that is not square", () => {
  it.each([
    ["3:1", 600, 200],
    ["1:3", 100, 300],
  ])("(%s) keeps its proportions inside the badge's square", async (_, width, height) => {
    const dir = tempDir();
    const file = path.join(dir, "wide.png");
    await sharp({ create: { width, height, channels: 3, background: "#d62828" } })
      .png()
      .toFile(file);
    const pdf = path.join(dir, "r.pdf");
    await build(badgeResume(dir, file), { output: pdf, env: EPOCH });
    // Drawn without distortion, the image has one resolution across and down.
    const row = tool("pdfimages", ["-list", pdf]).stdout.trim().split("\n")[2]!.trim().split(/\s+/);
    const [xppi, yppi] = [Number(row[12]), Number(row[13])];
    expect(Math.abs(xppi - yppi), `${xppi} × ${yppi} ppi`).toBeLessThanOrEqual(1);
    // The long side spans the square (40 pt): 600 px → 1080 ppi, 300 px → 540 ppi.
    expect(xppi).toBe(Math.round((Math.max(width, height) * 72) / 40));
  });
});

describe("a baseline JPEG laid out in ways the PDF writer's reader trips on", () => {
  const jpeg = readFileSync(path.join(IMAGES, "baseline.jpg"));
  const app0 = Buffer.from([
    0xff,
    0xe0,
    0x00,
    0x12,
    ...Buffer.from("JFIF\0", "latin1"),
    1,
    2,
    0,
    0,
    1,
    0,
    1,
    0,
    0,
    0,
    0,
  ]);
  it.each([
    ["an APP0 segment longer than JFIF's", Buffer.concat([jpeg.subarray(0, 2), app0, jpeg.subarray(2)])],
    ["fill bytes before a marker", Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xff]), jpeg.subarray(2)])],
    ["bytes after its end", Buffer.concat([jpeg, Buffer.from([0xff, 0xd9])])],
    [
      "a stray marker in its image data",
      Buffer.concat([jpeg.subarray(0, 1000), Buffer.from([0xff, 0x12]), jpeg.subarray(1002)]),
    ],
  ])("(%s) is converted, builds, and the badge is in the PDF", async (_, bytes) => {
    const dir = tempDir();
    const file = writeFixture(dir, "odd.jpg", bytes);
    const pdf = path.join(dir, "r.pdf");
    const result = await build(badgeResume(dir, file), { output: pdf, env: EPOCH });
    expect(result.pages).toBe(1);
    expect(tool("pdfimages", ["-list", pdf]).stdout.trim().split("\n").slice(2)).toHaveLength(1);
  });
});
