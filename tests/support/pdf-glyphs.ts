/**
 * The glyphs a PDF of this tool draws, as drawn: for each text object (one run of one font, as
 * react-pdf draws it), the embedded subset font, each glyph's code and where its origin is, and
 * the run's text from the font's ToUnicode map, and the glyphs that stand for no letter, which are
 * drawn as outlines after the text object (`q s 0 0 s x y cm … f Q`). Written for pdfkit's output (numbered objects,
 * Flate streams, Type0 fonts with Identity-H codes that are the subset's glyph ids).
 */
import { inflateSync } from "node:zlib";
import * as fontkit from "fontkit";
import {
  Lexer,
  latin1,
  PdfBytes,
  PdfName,
  PdfOperator,
  PdfRef,
  type PdfDict,
  type PdfValue,
} from "../../src/pdf/lexer.js";

export interface SubsetGlyph {
  advanceWidth: number;
  path: { commands: { command: string; args: number[] }[] };
}
export interface SubsetFont {
  unitsPerEm: number;
  getGlyph(id: number): SubsetGlyph;
}

export interface DrawnGlyph {
  /** The code drawn: the glyph's id in the embedded subset. */
  code: number;
  /** The glyph's origin in text space (points, y up), offsets included. */
  x: number;
  y: number;
  /** What the ToUnicode map gives for the code. */
  text: string;
}

/** A glyph drawn as its outline: the path operators in font units, and its origin in text space. */
export interface DrawnOutline {
  ops: (string | number)[][];
  x: number;
  y: number;
}

export interface DrawnRun {
  /** The font's BaseFont without its subset tag: the original font's PostScript name. */
  font: string;
  size: number;
  subset: SubsetFont;
  /** Where the text object starts the run: the pen's origin. */
  x0: number;
  y0: number;
  glyphs: DrawnGlyph[];
  outlines: DrawnOutline[];
}

/**
 * A glyph's outline as the PDF path operators react-pdf's renderer draws it with (in font units;
 * quadratic curves as cubic ones): `[operator, ...operands]`.
 */
export function outlineOps(g: SubsetGlyph): (string | number)[][] {
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  const ops: (string | number)[][] = [];
  let cx = 0;
  let cy = 0;
  for (const { command, args } of g.path.commands) {
    if (command === "moveTo" || command === "lineTo") {
      ops.push([command === "moveTo" ? "m" : "l", ...args.map(round)]);
      [cx, cy] = args as [number, number];
    } else if (command === "quadraticCurveTo") {
      const [qx, qy, ex, ey] = args as [number, number, number, number];
      const c = [
        cx + (2 / 3) * (qx - cx),
        cy + (2 / 3) * (qy - cy),
        ex + (2 / 3) * (qx - ex),
        ey + (2 / 3) * (qy - ey),
      ];
      ops.push(["c", ...[...c, ex, ey].map(round)]);
      [cx, cy] = [ex, ey];
    } else if (command === "bezierCurveTo") {
      ops.push(["c", ...args.map(round)]);
      [cx, cy] = [args[4]!, args[5]!];
    } else if (command === "closePath") ops.push(["h"]);
  }
  return ops;
}

/** Whether two outlines' operators are the same, to a rounding of their operands. */
export const sameOutline = (a: (string | number)[][], b: (string | number)[][]): boolean =>
  a.length === b.length &&
  a.every(
    (op, i) =>
      op.length === b[i]!.length &&
      op.every((v, k) => (typeof v === "number" ? Math.abs(v - (b[i]![k] as number)) < 1e-3 : v === b[i]![k])),
  );

interface PdfObject {
  value: PdfValue | undefined;
  stream?: Uint8Array;
}

function objects(bytes: Uint8Array): Map<number, PdfObject> {
  const text = latin1(bytes);
  const out = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  for (let m = header.exec(text); m; m = header.exec(text)) {
    const lexer = new Lexer(text, m.index + m[0].length);
    const value = lexer.next() as PdfValue | undefined;
    const obj: PdfObject = { value };
    const after = lexer.next();
    if (after instanceof PdfOperator && after.op === "stream" && value instanceof Map) {
      let start = lexer.pos;
      if (text[start] === "\r") start++;
      if (text[start] === "\n") start++;
      const length = value.get("Length");
      const end = typeof length === "number" ? start + length : text.indexOf("endstream", start);
      let data = bytes.subarray(start, end);
      const filter = value.get("Filter");
      if (filter instanceof PdfName && filter.name === "FlateDecode") data = inflateSync(data);
      obj.stream = data;
    }
    out.set(Number(m[1]), obj);
  }
  return out;
}

/** The code → text entries of a ToUnicode CMap as pdfkit writes it (bfrange arrays, bfchar pairs). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => {
    const units: number[] = [];
    for (const h of hex.match(/[0-9a-fA-F]{4}/g) ?? []) units.push(parseInt(h, 16));
    return String.fromCharCode(...units);
  };
  for (const m of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
    const entries = [...m[3]!.matchAll(/<([0-9a-fA-F ]*)>/g)].map((e) => utf16(e[1]!));
    entries.forEach((t, i) => map.set(parseInt(m[1]!, 16) + i, t));
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F ]*)>/g))
      map.set(parseInt(m[1]!, 16), utf16(m[2]!));
  return map;
}

interface Font {
  name: string;
  subset: SubsetFont;
  widths: Map<number, number>;
  unicode: Map<number, string>;
}

/** Every run of glyphs drawn with an embedded TrueType font, page by page, in drawing order. */
export function drawnRuns(pdf: Uint8Array): DrawnRun[] {
  const objs = objects(pdf);
  const resolve = (v: PdfValue | undefined): PdfValue | undefined => (v instanceof PdfRef ? objs.get(v.num)?.value : v);
  const streamOf = (v: PdfValue | undefined) => (v instanceof PdfRef ? objs.get(v.num)?.stream : undefined);
  const dict = (v: PdfValue | undefined) => {
    const d = resolve(v);
    return d instanceof Map ? d : undefined;
  };
  const fonts = new Map<number, Font | undefined>();
  const fontAt = (ref: PdfRef): Font | undefined => {
    if (fonts.has(ref.num)) return fonts.get(ref.num);
    let font: Font | undefined;
    const type0 = dict(ref);
    const descendants = resolve(type0?.get("DescendantFonts"));
    const cid = Array.isArray(descendants) ? dict(descendants[0]) : undefined;
    const file = streamOf(dict(cid?.get("FontDescriptor"))?.get("FontFile2"));
    const base = resolve(type0?.get("BaseFont"));
    if (cid && file && base instanceof PdfName) {
      const widths = new Map<number, number>();
      const w = resolve(cid.get("W"));
      if (Array.isArray(w))
        for (let i = 0; i + 1 < w.length; i += 2) {
          const first = w[i] as number;
          const list = resolve(w[i + 1]);
          if (Array.isArray(list)) list.forEach((v, k) => widths.set(first + k, Number(resolve(v))));
        }
      const cmap = streamOf(type0?.get("ToUnicode"));
      font = {
        name: base.name.replace(/^[A-Z]{6}\+/, ""),
        subset: fontkit.create(Buffer.from(file)) as unknown as SubsetFont,
        widths,
        unicode: cmap ? toUnicode(latin1(cmap)) : new Map(),
      };
    }
    fonts.set(ref.num, font);
    return font;
  };

  const runs: DrawnRun[] = [];
  const pages = [...objs.values()].filter(
    (o) => o.value instanceof Map && (o.value.get("Type") as PdfName | undefined)?.name === "Page",
  );
  for (const page of pages) {
    const pageDict = page.value as PdfDict;
    const fontDict = dict(dict(pageDict.get("Resources"))?.get("Font"));
    const contents = resolve(pageDict.get("Contents"));
    const parts = Array.isArray(contents) ? contents : [pageDict.get("Contents")!];
    const data = Buffer.concat(parts.map((p) => Buffer.from(streamOf(p) ?? new Uint8Array())));
    const lexer = new Lexer(latin1(data), 0, false);
    const operands: PdfValue[] = [];
    let font: Font | undefined;
    let size = 0;
    let x = 0;
    let y = 0;
    let run: DrawnRun | undefined;
    /** After the text object: the outline being read (from `cm` to `f`). */
    let outline: DrawnOutline | undefined;
    let inText = false;
    /** The text object's first position: its run's pen origin. */
    let origin: { x: number; y: number } | undefined;
    for (let token = lexer.next(); token !== undefined; token = lexer.next()) {
      if (!(token instanceof PdfOperator)) {
        operands.push(token);
        continue;
      }
      const num = (i: number) => operands[operands.length - i] as number;
      switch (token.op) {
        case "BT":
          run = undefined;
          inText = true;
          origin = undefined;
          break;
        case "ET":
          inText = false;
          break;
        case "Tm":
          x = num(2);
          y = num(1);
          origin ??= { x, y };
          break;
        case "cm":
          if (!inText && run && num(6) === num(3) && num(5) === 0 && num(4) === 0)
            outline = { ops: [], x: num(2), y: num(1) };
          break;
        case "m":
        case "l":
        case "c":
        case "h":
          outline?.ops.push([token.op, ...(operands as number[])]);
          break;
        case "f":
          if (outline && run) run.outlines.push(outline);
          outline = undefined;
          break;
        case "Tf": {
          const name = operands[operands.length - 2];
          const ref = name instanceof PdfName ? fontDict?.get(name.name) : undefined;
          font = ref instanceof PdfRef ? fontAt(ref) : undefined;
          size = num(1);
          break;
        }
        case "TJ":
        case "Tj": {
          if (!font) break;
          if (!run) {
            run = {
              font: font.name,
              size,
              subset: font.subset,
              x0: origin?.x ?? x,
              y0: origin?.y ?? y,
              glyphs: [],
              outlines: [],
            };
            runs.push(run);
          }
          const shown = operands[operands.length - 1];
          for (const part of Array.isArray(shown) ? shown : [shown]) {
            if (typeof part === "number") x -= (part / 1000) * size;
            if (!(part instanceof PdfBytes)) continue;
            for (let i = 0; i + 1 < part.bytes.length; i += 2) {
              const code = (part.bytes[i]! << 8) | part.bytes[i + 1]!;
              run.glyphs.push({ code, x, y, text: font.unicode.get(code) ?? "" });
              x += ((font.widths.get(code) ?? 0) / 1000) * size;
            }
          }
          break;
        }
      }
      operands.length = 0;
    }
  }
  return runs;
}

/** A glyph's outline and advance, to find a subset's glyph in the font it was cut from. */
export const outline = (g: SubsetGlyph): string =>
  `${g.advanceWidth}|${g.path.commands.map((c) => c.command + c.args.map((a) => Math.round(a * 100) / 100).join(",")).join(" ")}`;
