/**
 * The PDF reader's interpreter: runs a page's content stream — its text operators, with the
 * transformation matrices that place them — into text items, and joins items into lines.
 */
import bidiFactory, { type Bidi } from "bidi-js";
import { Lexer, latin1, PdfBytes, PdfError, PdfName, PdfOperator, textString, type PdfValue } from "./lexer.js";

export type PageLines = string[];

/** One text-showing operation: its text, where it starts, how far it advances, its size. */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  /** The font's PostScript name without its subset tag (`SourceSerif4-Bold`). */
  font: string;
  /** The marked-content id the text is shown in (tagged PDFs), and whether it is an artifact. */
  mcid?: number;
  artifact?: boolean;
  /** Set on every item of a page written mostly right to left: its lines read right to left. */
  rtl?: true;
}

export interface Font {
  /** Bytes per character code: 2 for Type0 (Identity-H), 1 for simple fonts. */
  bytes: 1 | 2;
  toUnicode: Map<number, string>;
  /** Advance widths in thousandths of the size, by character code. */
  widths: Map<number, number>;
  defaultWidth: number;
  /** The font's BaseFont, without a subset tag. */
  name: string;
}

/** A PDF transformation matrix `[a b c d e f]`. */
export type Matrix = [number, number, number, number, number, number];
/** `m` then `n`: the matrix of applying `m` first (as `cm` concatenates). */
export const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/**
 * Operands kept before an operator (no operator takes more than six, or one array); graphics states and marked-content
 * sequences kept open.
 */
const MAX_OPERANDS = 64;
const MAX_OPEN = 1024;

/**
 * Runs a content stream's text operators; graphics and marked content are passed over. It stops
 * after `maxItems` text items, and at syntax it cannot read (keeping the text before it), as
 * viewers show what they could read of a damaged page.
 */
export function interpret(
  data: Uint8Array,
  fontNamed: (name: string) => Font | undefined,
  maxItems = Infinity,
): TextItem[] {
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
  /**
   * Open marked-content sequences (BDC/BMC … EMC): their MCID, whether each is an artifact, and a
   * span's ActualText with the index of the first item shown inside it.
   */
  const marks: { mcid?: number; artifact: boolean; actual?: { text: string; from: number } }[] = [];
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
    const item: TextItem = { str, x: start[4], y: start[5], width: advance * xScale, size: ySize, font: font.name };
    // Text placed at no finite place (a matrix of huge numbers) is on no page.
    if (
      !Number.isFinite(item.x) ||
      !Number.isFinite(item.y) ||
      !Number.isFinite(item.width) ||
      !Number.isFinite(item.size)
    )
      return;
    if (marks.length) {
      const mcid = marks.findLast((m) => m.mcid !== undefined)?.mcid;
      if (mcid !== undefined) item.mcid = mcid;
      if (marks.some((m) => m.artifact)) item.artifact = true;
    }
    items.push(item);
    tm = multiply([1, 0, 0, 1, advance, 0], tm);
  };
  // Syntax it cannot read ends the stream: the text before it is kept.
  try {
    for (let tok = lexer.next(); tok !== undefined && items.length < maxItems; tok = lexer.next()) {
      if (!(tok instanceof PdfOperator)) {
        if (operands.length < MAX_OPERANDS) operands.push(tok);
        continue;
      }
      switch (tok.op) {
        case "q":
          if (stack.length < MAX_OPEN) stack.push(ctm);
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
        case "TJ": {
          const parts = operands[operands.length - 1];
          show(Array.isArray(parts) ? parts : []);
          break;
        }
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
        case "BDC": {
          const tag = operands[0];
          const props = operands[1];
          const mcid = props instanceof Map ? props.get("MCID") : undefined;
          const actual = props instanceof Map ? props.get("ActualText") : undefined;
          if (marks.length < MAX_OPEN)
            marks.push({
              artifact: tag instanceof PdfName && tag.name === "Artifact",
              ...(typeof mcid === "number" ? { mcid } : {}),
              ...(actual instanceof PdfBytes ? { actual: { text: textString(actual.bytes), from: items.length } } : {}),
            });
          break;
        }
        case "BMC":
          if (marks.length < MAX_OPEN)
            marks.push({ artifact: operands[0] instanceof PdfName && (operands[0] as PdfName).name === "Artifact" });
          break;
        case "EMC": {
          const actual = marks.pop()?.actual;
          if (actual) replaceWithActualText(items, actual.from, actual.text);
          break;
        }
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
  } catch (err) {
    if (!(err instanceof PdfError)) throw err;
  }
  return markDirection(attachMarks(items));
}

/** A page whose letters are mostly right to left has its items marked so (see logicalOrder). */
function markDirection(items: TextItem[]): TextItem[] {
  let rtl = 0;
  let ltr = 0;
  for (const it of items) {
    if (!RTL.test(it.str)) {
      ltr += (it.str.match(LTR_LETTER) ?? []).length;
      continue;
    }
    rtl += (it.str.match(RTL_LETTER) ?? []).length;
    ltr += (it.str.match(LTR_LETTER) ?? []).length;
  }
  if (rtl <= ltr) return items;
  for (const it of items) it.rtl = true;
  return items;
}

const MARKS_ONLY = /^\p{M}+$/u;

/**
 * Combining marks a font moved above or below their letter are shown on their own (with a text
 * position of their own): each is joined to its letter, the item drawn next to it on the same line,
 * so that it reads as part of the word wherever the items are sorted to. Right to left, a mark is
 * drawn before its letter (glyphs are in visual order); otherwise after it.
 */
function attachMarks(items: TextItem[]): TextItem[] {
  if (!items.some((it) => MARKS_ONLY.test(it.str))) return items;
  const out: TextItem[] = [];
  const sameLine = (a: TextItem | undefined, b: TextItem) =>
    a !== undefined && Math.abs(a.y - b.y) <= Math.abs(b.size || 10) * 0.5;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (!MARKS_ONLY.test(it.str)) {
      out.push(it);
      continue;
    }
    const next = items[i + 1];
    const prev = out.at(-1);
    if (next && sameLine(next, it) && RTL.test(next.str)) items[i + 1] = { ...next, str: it.str + next.str };
    else if (prev && sameLine(prev, it)) out[out.length - 1] = { ...prev, str: prev.str + it.str };
    else out.push(it);
  }
  return out;
}

/**
 * The items shown inside a span with an ActualText, as one item of that text: where they start, on
 * the first one's baseline, as wide as all of them (marks the font moved above or below the line
 * stay on it, and a cluster drawn out of order reads in order).
 */
function replaceWithActualText(items: TextItem[], from: number, text: string): void {
  const shown = items.slice(from);
  const first = shown[0];
  if (!first) return;
  const x = Math.min(...shown.map((i) => i.x));
  const end = Math.max(...shown.map((i) => i.x + i.width));
  items.splice(from, shown.length, { ...first, str: text, x, width: end - x });
}

// bidi-js is CommonJS whose module.exports is its factory; its types declare an ES default export.
const bidi = (bidiFactory as unknown as () => Bidi)();
/** Letters of the right-to-left scripts (bidi classes R and AL lie in these blocks). */
const RTL =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDFFF]|\uD83A[\uDC00-\uDFFF]|\uD83B[\uDC00-\uDFFF]/;
const LTR_LETTER = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/g;
const RTL_LETTER = new RegExp(RTL.source, "g");

/**
 * A line read left to right (as drawn) in the order it is written: a line with right-to-left
 * text is put back in logical order by the bidirectional algorithm's reordering, which, applied to
 * a line laid out by it, undoes it (as poppler reads such lines). The line's direction is the one
 * given (its page's: a line of a right-to-left résumé that is mostly Latin, its contact line, still
 * reads right to left), or else that of most of its letters.
 */
export function logicalOrder(visual: string, direction?: "ltr" | "rtl"): string {
  if (!RTL.test(visual)) return visual;
  const rtl = (visual.match(RTL_LETTER) ?? []).length;
  const ltr = (visual.match(LTR_LETTER) ?? []).length;
  const dir = direction ?? (rtl >= ltr ? "rtl" : "ltr");
  // A right-to-left line's left end is where it ends; what was written there stood before the
  // letters that followed it, and a number there took its type from the letters before it (an
  // Arabic letter makes it an Arabic number, which a following "%" does not join, drawn "%40").
  // Read again from the left, it has nothing before it: a letter of the line's own right-to-left
  // script set before it stands for them, and is taken off the end of the result.
  const first = dir === "rtl" ? ARABIC_OR_HEBREW.exec(visual)?.[0] : undefined;
  const sentinel = first === undefined ? "" : /[\u0590-\u05FF\uFB1D-\uFB4F]/.test(first) ? "\u05D0" : "\u0627";
  const text = sentinel + visual;
  const levels = bidi.getEmbeddingLevels(text, dir);
  // Reordered, and with the brackets a right-to-left run drew mirrored turned back.
  const out = bidi.getReorderedString(text, levels);
  if (!sentinel) return out;
  const at = out.lastIndexOf(sentinel);
  return out.slice(0, at) + out.slice(at + 1);
}

/** The first right-to-left letter from a line's left (Hebrew, or Arabic and its neighbours). */
const ARABIC_OR_HEBREW = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/** Items in drawing order → lines: same baseline joins, with a space where there is a gap. */
export function toLines(items: readonly TextItem[]): PageLines {
  return placeLines(items).map((l) => l.text);
}

/** A line of a page and its baseline, in PDF units up from the page's bottom edge. */
export interface PlacedLine {
  text: string;
  y: number;
}

export function placeLines(items: readonly TextItem[]): PlacedLine[] {
  const lines: PlacedLine[] = [];
  let run: TextItem[] = [];
  let lastY: number | undefined;
  for (const it of items) {
    const size = Math.abs(it.size || 10);
    if (lastY !== undefined && Math.abs(it.y - lastY) > size * 0.5) {
      lines.push({ text: joinLine(run), y: lastY });
      run = [];
    }
    if (it.str) {
      run.push(it);
      lastY = it.y;
    }
  }
  if (run.length && lastY !== undefined) lines.push({ text: joinLine(run), y: lastY });
  return lines.map((l) => ({ text: l.text.replace(/\s+/g, " ").trim(), y: l.y })).filter((l) => l.text);
}

/**
 * A line's items as they stand, left to right. On a right-to-left page the order they are drawn in
 * is not that: a mirrored row (an entry's title and its dates, a bullet and its text) draws its
 * first part at the right.
 */
function leftToRight(run: TextItem[]): TextItem[] {
  return run[0]?.rtl ? [...run].sort((a, b) => a.x - b.x) : run;
}

/** A gap this many times the type size parts a line into pieces set apart (a title and its dates). */
const APART = 1.5;

/**
 * A line's text. A line of a right-to-left page is read as such a reader reads it: its pieces set
 * apart (an entry's title at the right, its dates at the left) from the right, each in the order
 * it is written, whatever the script of each.
 */
function joinLine(run: TextItem[]): string {
  if (!run[0]?.rtl) return joinRun(run);
  const pieces: TextItem[][] = [];
  let end = -Infinity;
  for (const it of leftToRight(run)) {
    if (!pieces.length || it.x - end > Math.abs(it.size || 10) * APART) pieces.push([it]);
    else pieces.at(-1)!.push(it);
    end = Math.max(end, it.x + it.width);
  }
  return pieces
    .reverse()
    .map((p) => joinRun(p))
    .join(" ");
}

/**
 * Items of one line, left to right, as text in the order it is written (logicalOrder): a space
 * where a gap separates two of them.
 */
export function joinRun(items: readonly TextItem[]): string {
  return logicalOrder(joinVisual(items), items[0]?.rtl ? "rtl" : items.length ? "ltr" : undefined);
}

function joinVisual(items: readonly TextItem[]): string {
  let text = "";
  let end: number | undefined;
  for (const it of items) {
    if (
      end !== undefined &&
      it.x - end > Math.abs(it.size || 10) * 0.15 &&
      !text.endsWith(" ") &&
      !it.str.startsWith(" ")
    )
      text += " ";
    text += it.str;
    end = it.x + it.width;
  }
  return text;
}
