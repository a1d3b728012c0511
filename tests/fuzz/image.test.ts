/**
 * Fuzzing the image path a badge or photo takes (tests/fuzz/targets/image-read.ts): mutated PNG,
 * JPEG, GIF, WebP and SVG files, with tokens that make them lie (PNG headers declaring huge
 * sizes, extra or cut IDAT data, huge SVG sizes, filters, repeats). Every case must be read or
 * refused plainly: no crash, no hang, no memory blow-up. `npm run fuzz` runs 5,000.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { caseCount, describeFailures, fuzz, report } from "./harness.js";
import { mutations } from "./mutate.js";

const IMAGES = path.join(ROOT, "tests/fixtures/images");
const TARGET = path.join(import.meta.dirname, "targets/image-read.ts");

const svg = (body: string, attrs = 'width="200" height="200"') =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attrs}>${body}</svg>`,
  );
const seeds = [
  ...readdirSync(IMAGES).map((f) => ({ label: f, bytes: readFileSync(path.join(IMAGES, f)) })),
  {
    label: "shadow.svg",
    bytes: svg(
      '<filter id="s"><feGaussianBlur stdDeviation="4"/><feOffset dx="3" dy="3"/><feMerge><feMergeNode/><feMergeNode in="SourceGraphic"/></feMerge></filter><circle cx="100" cy="100" r="80" fill="#d62828" filter="url(#s)"/>',
    ),
  },
  {
    label: "use.svg",
    bytes: svg(
      '<defs><g id="a"><rect width="20" height="20" fill="#1d4ed8"/></g></defs><use href="#a"/><use xlink:href="#a" x="40"/><text x="10" y="90">Badge</text>',
      'viewBox="0 0 100 100"',
    ),
  },
  {
    label: "embedded.svg",
    bytes: svg(
      `<image width="100" height="100" href="data:image/png;base64,${readFileSync(path.join(IMAGES, "rgba8.png")).toString("base64")}"/>`,
      'width="100" height="100"',
    ),
  },
];

const u32 = (n: number) => String.fromCharCode((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
const tokens = [
  // PNG: headers declaring huge or odd sizes, more or fewer data chunks, zlib headers.
  `\0\0\0\x0dIHDR${u32(100_000)}${u32(100_000)}\x08\x06\0\0\0`,
  `\0\0\0\x0dIHDR${u32(1000)}${u32(1000)}\x08\x06\0\0\x01`,
  `\0\0\0\x0dIHDR${u32(0x7fffffff)}${u32(1)}\x10\x02\0\0\0`,
  `\0\0\0\x0dIHDR${u32(1)}${u32(1)}\x01\x03\0\0\0`,
  `${u32(0x7ffffff0)}IDAT`,
  "\0\0\0\x10IDATx\x9c",
  "IDAT",
  "IEND",
  "PLTE",
  "tRNS",
  "x\x01",
  "x\xda",
  // JPEG, GIF, WebP: frames and screens declaring huge sizes.
  "\xff\xc0\0\x11\x08\xff\xff\xff\xff\x03\x01\x22\0\x02\x11\x01\x03\x11\x01",
  "\xff\xc2\0\x0b\x08\x7f\xff\x7f\xff\x01\x01\x11\0",
  "\xff\xd9",
  "GIF89a\xff\xff\xff\xff",
  ",\0\0\0\0\xff\xff\xff\xff\0",
  "VP8X\x0a\0\0\0\x10\0\0\0\xff\xff\xff\xff\xff\xff",
  // SVG: huge sizes, filters, repeats, entities, links.
  ' width="100000in"',
  ' height="1e30"',
  ' viewBox="0 0 1e30 1e30"',
  ' viewBox="0 0 0 0"',
  '<filter id="s"><feGaussianBlur stdDeviation="1e9"/></filter>',
  '<feGaussianBlur stdDeviation="500"/>',
  '<feMorphology radius="999"/>',
  '<feTurbulence numOctaves="99" baseFrequency="0.9"/>',
  ' filter="url(#s)"',
  ' style="filter:blur(99px)"',
  "<style>*{filter:blur(9px)}</style>",
  '<use href="#a"/>',
  '<g id="a"><use href="#a"/></g>',
  ' mask="url(#s)"',
  '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]>',
  '<image href="file:///etc/passwd" width="9" height="9"/>',
  '<image href="data:image/svg+xml;base64,PHN2Zy8+" width="9" height="9"/>',
  "<svg>",
  "</svg>",
  "<![CDATA[",
];

describe("fuzz: reading badge and photo images", () => {
  const count = caseCount(300);
  it(
    `${count} mutated images: no crash, hang or memory blow-up`,
    async () => {
      const stats = await fuzz(TARGET, mutations(seeds, count, 0x1a6e, tokens), {
        maxRss: 300 * 1024 * 1024,
      });
      console.log(report("image", stats));
      expect(stats.failures, describeFailures(stats)).toEqual([]);
      expect(stats.ok + stats.refused).toBe(count);
    },
    300_000 + count * 2_000,
  );
});
