/**
 * SVG images checked before they are drawn. librsvg (inside sharp) draws whatever it is given,
 * for as long as it takes: a file of a few kilobytes can ask for a drawing a million pixels wide
 * (GLib then prints warnings and the badge comes out 1×1) or for hundreds of blurs over the
 * whole picture (minutes of work that no signal interrupts). So an SVG is read here first and
 * refused, with a plain reason, when it is beyond these bounds; an accepted one is drawn at a
 * size chosen here, smaller when it has filter effects, so that drawing it takes about a second
 * at most.
 */
import { Parser } from "htmlparser2";

/** A side of the SVG's declared size, in pixels (1 in = 72 here, as the rasteriser counts). */
export const MAX_SVG_SIDE = 10_000;
export const MAX_SVG_ELEMENTS = 10_000;
/** Elements drawn, counting each one a <use> repeats (nested uses multiply). */
export const MAX_SVG_DRAWN = 20_000;
/** Filter primitives run over the whole drawing (each filter use counts each of its primitives). */
export const MAX_SVG_FILTER_RUNS = 16;
/** Images embedded in the SVG (each is checked as an image of its own). */
export const MAX_SVG_IMAGES = 16;
/** Drawn size of the long side: at most this, as for any image … */
const DRAW_SIDE = 1200;
/** … and, with filter effects, at most this many pixels times filter runs (about a second). */
const FILTER_PIXEL_BUDGET = 1_000_000;
/** Never drawn smaller than this on the long side (540 dpi for a badge 40 pt wide). */
const MIN_FILTERED_SIDE = 300;

/** Filter primitives librsvg draws in time proportional to the picture's size. */
const FILTER_PRIMITIVES = new Set([
  "feblend",
  "fecolormatrix",
  "fecomponenttransfer",
  "fecomposite",
  "fedropshadow",
  "feflood",
  "fegaussianblur",
  "femerge",
  "feoffset",
]);
/** Elements inside a primitive, not primitives themselves. */
const FILTER_PARTS = new Set([
  "fefuncr",
  "fefuncg",
  "fefuncb",
  "fefunca",
  "femergenode",
  "fedistantlight",
  "fepointlight",
  "fespotlight",
]);

export interface SvgPlan {
  /** Declared size (1 in = 72). */
  width: number;
  height: number;
  /** The density to draw at (sharp's `density`, dots per inch). */
  density: number;
  /** Embedded raster images, to be checked like any other image. */
  embedded: Buffer[];
}

/** Whether the bytes look like an SVG document (what the rasteriser would take as one). */
export function looksLikeSvg(data: Buffer): boolean {
  return /<svg[\s>/]/i.test(data.toString("latin1", 0, Math.min(data.length, 4096)));
}

/** Size in the rasteriser's pixels (72 per inch) of a length; undefined when not absolute. */
function length(value: string | undefined): number | undefined | "relative" {
  if (value === undefined || !value.trim()) return undefined;
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(px|pt|pc|in|cm|mm|em|ex|%)?\s*$/i.exec(value);
  if (!m) return "relative";
  const unit = (m[2] ?? "px").toLowerCase();
  if (unit === "%") return "relative";
  const per: Record<string, number> = { px: 1, pt: 1, pc: 12, in: 72, cm: 72 / 2.54, mm: 7.2 / 2.54, em: 12, ex: 6 };
  return Number(m[1]) * per[unit]!;
}

const plain = (n: number) => (Number.isFinite(n) ? String(Math.round(n)) : "too large");

/** The CSS `filter` value's cost in runs: each url(#id) the primitives of that filter, each function one. */
function filterRuns(value: string, primitives: Map<string, number>): number {
  let runs = 0;
  for (const m of value.matchAll(/url\(\s*['"]?#([^'")\s]+)['"]?\s*\)|([a-z-]+)\(/gi)) {
    if (m[1] !== undefined) runs += primitives.get(m[1]) ?? 0;
    else runs += m[2]!.toLowerCase() === "drop-shadow" ? 3 : 1;
  }
  return runs;
}

/**
 * Check an SVG document and plan its drawing; throws an Error with a plain message when it is
 * beyond the bounds above.
 */
export function planSvg(data: Buffer): SvgPlan {
  if (data[0] === 0x1f && data[1] === 0x8b)
    throw new Error("a compressed SVG (.svgz) is not read; save it as a plain SVG");
  const text = data.toString("utf8");
  if (/<!ENTITY/i.test(text))
    throw new Error("the SVG declares XML entities, which this tool does not expand; export it again without them");
  if (/<\?xml-stylesheet/i.test(text))
    throw new Error("the SVG links a style sheet in another file; export it with its styles inside");

  let elements = 0;
  let root: Record<string, string> | undefined;
  const problems: string[] = [];
  /** Primitives of each filter, by id. */
  const primitives = new Map<string, number>();
  let filterId: string | undefined;
  let inFilter = 0;
  /** Filter values used, by element (attribute or inline style), and class names per element. */
  const uses: string[] = [];
  const classes: string[][] = [];
  const sheets: string[] = [];
  let inStyle = false;
  let sheet = "";
  const embedded: Buffer[] = [];
  /** Open elements: how many elements each holds and which ids its <use> elements repeat. */
  const open: { id?: string; elements: number; refs: string[] }[] = [];
  const subtrees = new Map<string, { elements: number; refs: string[] }>();

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        elements++;
        if (elements > MAX_SVG_ELEMENTS) return;
        const tag = name.toLowerCase().replace(/^svg:/, "");
        const href = (attrs.href ?? attrs["xlink:href"] ?? "").trim();
        open.push({ id: attrs.id, elements: 1, refs: tag === "use" && href.startsWith("#") ? [href.slice(1)] : [] });
        if (!root) {
          if (tag !== "svg") problems.push("not an SVG document");
          root = attrs;
        }
        if (tag === "filter") {
          inFilter++;
          filterId = attrs.id;
          if (filterId !== undefined) primitives.set(filterId, 0);
        } else if (tag.startsWith("fe") && inFilter) {
          if (!FILTER_PARTS.has(tag)) {
            if (!FILTER_PRIMITIVES.has(tag))
              problems.push(
                `the SVG uses the filter effect <${name}>, which this tool does not draw; export the image as PNG`,
              );
            if (filterId !== undefined) primitives.set(filterId, (primitives.get(filterId) ?? 0) + 1);
          }
          const sd = attrs.stdDeviation ?? attrs.stddeviation;
          if (sd !== undefined && sd.split(/[\s,]+/).some((v) => v && !(Number(v) >= 0 && Number(v) <= MAX_SVG_SIDE))) {
            problems.push(`the SVG has a blur (stdDeviation) that is not a number from 0 to ${MAX_SVG_SIDE}`);
          }
        } else if (tag.startsWith("fe")) {
          problems.push(`the SVG has a filter effect <${name}> outside a filter`);
        }
        if (tag === "style") inStyle = true;
        if (tag === "image" || tag === "feimage") {
          const m = /^data:image\/(png|jpe?g|gif|webp);base64,([\s\S]*)$/i.exec(href);
          if (!m) {
            problems.push(
              href.startsWith("data:")
                ? "the SVG embeds an image that is not PNG, JPEG, GIF or WebP"
                : "the SVG links an image in another file; embed it, or export the whole image as PNG",
            );
          } else {
            embedded.push(Buffer.from(m[2]!.replace(/\s+/g, ""), "base64"));
          }
        }
        const style = attrs.style ?? "";
        const filter = [
          attrs.filter ?? "",
          ...[...style.matchAll(/(?:^|;)\s*filter\s*:([^;]*)/gi)].map((m) => m[1]!),
        ].filter((v) => v.trim() && v.trim() !== "none");
        uses.push(filter.join(" "));
        classes.push((attrs.class ?? "").split(/\s+/).filter(Boolean));
        if (attrs.mask !== undefined || /(?:^|;)\s*mask\s*:/i.test(style)) uses.push("mask(");
      },
      ontext(t) {
        if (inStyle) sheet += t;
      },
      onclosetag(name) {
        const node = open.pop();
        if (node) {
          if (node.id !== undefined) subtrees.set(node.id, node);
          const parent = open.at(-1);
          if (parent) {
            parent.elements += node.elements;
            parent.refs.push(...node.refs);
          } else {
            subtrees.set("", node);
          }
        }
        const tag = name.toLowerCase().replace(/^svg:/, "");
        if (tag === "filter") {
          inFilter = Math.max(0, inFilter - 1);
          filterId = undefined;
        }
        if (tag === "style") {
          inStyle = false;
          sheets.push(sheet);
          sheet = "";
        }
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(text);
  parser.end();

  if (!root) throw new Error("not an image this tool can read (an SVG without an <svg> element)");
  if (elements > MAX_SVG_ELEMENTS)
    throw new Error(`the SVG has more than ${MAX_SVG_ELEMENTS} elements; simplify it or export it as PNG`);
  if (problems.length) throw new Error(problems[0]!);
  for (const s of sheets)
    if (/@import/i.test(s))
      throw new Error("the SVG's style sheet imports another file; export it with its styles inside");

  // Elements drawn: each <use> draws its target's elements again, and uses inside them multiply.
  const drawn = new Map<string, number>();
  const count = (id: string): number => {
    const known = drawn.get(id);
    if (known !== undefined) return known;
    const node = subtrees.get(id);
    if (!node) return 0;
    drawn.set(id, Infinity); // a cycle counts as endless
    let n = node.elements;
    for (const ref of node.refs) n = Math.min(Infinity, n + count(ref));
    drawn.set(id, n);
    return n;
  };
  if (count("") > MAX_SVG_DRAWN) {
    throw new Error(
      `the SVG repeats its elements (<use>) to draw more than ${MAX_SVG_DRAWN}, or repeats one inside itself; simplify it or export it as PNG`,
    );
  }

  // The size it declares: width and height, else its viewBox.
  let vb: number[] | undefined;
  if (root.viewBox !== undefined || root.viewbox !== undefined) {
    vb = (root.viewBox ?? root.viewbox)!
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    if (vb.length !== 4 || vb.some((n) => !Number.isFinite(n) || Math.abs(n) > 1e9) || !(vb[2]! > 0 && vb[3]! > 0)) {
      throw new Error(
        `the SVG's viewBox "${(root.viewBox ?? root.viewbox)!.slice(0, 40)}" is not a box; it needs four numbers, a positive width and height`,
      );
    }
  }
  let w = length(root.width);
  let h = length(root.height);
  if (w === "relative" || w === undefined)
    w = vb ? (typeof h === "number" ? (h * vb[2]!) / vb[3]! : vb[2]!) : undefined;
  if (h === "relative" || h === undefined)
    h = vb ? (typeof w === "number" ? (w * vb[3]!) / vb[2]! : vb[3]!) : undefined;
  if (typeof w !== "number" || typeof h !== "number")
    throw new Error("the SVG gives no size (width and height, or a viewBox); export it again with one");
  if (!(w > 0 && h > 0) || w > MAX_SVG_SIDE || h > MAX_SVG_SIDE) {
    throw new Error(
      `the SVG declares a size of ${plain(w)} × ${plain(h)} px; an image may be at most ${MAX_SVG_SIDE} px a side, and more than 0`,
    );
  }

  // Filter work: each element that uses a filter runs its primitives over (at most) the drawing.
  // A style sheet that sets a filter applies it to the elements its rules select: by class when
  // the rule names only classes, else to every element.
  let runs = uses.reduce((sum, u) => sum + (u ? (u === "mask(" ? 1 : filterRuns(u, primitives)) : 0), 0);
  for (const s of sheets) {
    for (const rule of s.matchAll(/([^{}]*)\{([^}]*)\}/g)) {
      const decl = /(?:^|;)\s*(filter|mask)\s*:([^;]*)/i.exec(rule[2]!);
      if (!decl || decl[2]!.trim() === "none") continue;
      const cost = decl[1]!.toLowerCase() === "mask" ? 1 : filterRuns(decl[2]!, primitives);
      const selectors = rule[1]!.split(",").map((x) => x.trim());
      const onlyClasses = selectors.every((x) => /^(\.[\w-]+)+$/.test(x));
      const selected = onlyClasses
        ? classes.filter((c) =>
            selectors.some((x) =>
              x
                .slice(1)
                .split(".")
                .every((name) => c.includes(name)),
            ),
          ).length
        : elements;
      runs += cost * selected;
    }
  }
  if (runs > MAX_SVG_FILTER_RUNS) {
    throw new Error(
      `the SVG applies filter effects or masks ${runs} times; at most ${MAX_SVG_FILTER_RUNS} are drawn. Simplify it or export it as PNG`,
    );
  }
  if (embedded.length > MAX_SVG_IMAGES)
    throw new Error(`the SVG embeds ${embedded.length} images; at most ${MAX_SVG_IMAGES}`);

  // Drawn at 300 dpi, but at most DRAW_SIDE on the long side, less with filter effects.
  const side = runs
    ? Math.max(MIN_FILTERED_SIDE, Math.min(DRAW_SIDE, Math.sqrt(FILTER_PIXEL_BUDGET / runs)))
    : DRAW_SIDE;
  const density = Math.min(300, (72 * side) / Math.max(w, h));
  return { width: w, height: h, density, embedded };
}
