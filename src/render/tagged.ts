/**
 * The tagged PDF: the structure tree, marked content, artifacts and Link elements of every
 * document this tool draws. react-pdf tags nothing (https://github.com/diegomura/react-pdf/issues/1288);
 * its renderer, patched in patches/@react-pdf+render+*.patch, only calls the hooks below, which a
 * tagged document carries under RENDER_HOOKS (pdfkit-patches.ts gives them to every document).
 *
 * The structure comes from the nodes' props: `tag` names the structure element a node opens
 * ("Document", "Sect", "H2", "LI", "Figure", ...) or is "Artifact" for what is decoration only
 * (`artifact` its type, e.g. "Pagination"); `tagKey` joins the pieces of one element that a page
 * break split; `tagParent` names the element a block belongs to when it is not inside it; `alt` is
 * a Figure's text. Backgrounds and borders are artifacts; each text, image or drawing is marked
 * content of the element around it (a P of its own when there is none); a link is a Link element
 * holding its annotation (OBJR), and a link inside a text is one between two pieces of the text's
 * element.
 */
import { otherLanguage } from "../model/scripts.js";

/** Where the renderer finds a document's hooks (the same key in patches/@react-pdf+render+*.patch). */
export const RENDER_HOOKS = Symbol.for("resume-builder.render-hooks");

/** A node as react-pdf's renderer draws it, as far as tagging reads it. */
export interface RenderedNode {
  type: string;
  box?: unknown;
  /** A text's children (its text instances hold the text as written, in `value`). */
  children?: RenderedNode[];
  value?: string;
  props?: {
    tag?: string;
    tagKey?: string | number;
    tagParent?: string | number;
    alt?: string;
    artifact?: string;
  };
}

/** The options react-pdf passes to pdfkit's link() and goTo() for an annotation. */
interface AnnotationOptions {
  structParent: StructElement;
}

/** What the patched renderer calls (each call site is marked `resume-builder` in the patch). */
export interface RenderHooks {
  /** A node, before anything of it is drawn or its page added; returns what to do after it is drawn. */
  enterNode(node: RenderedNode): (() => void) | undefined;
  /** The node's page (for a page) is added; its drawing begins. */
  beginNode(node: RenderedNode): void;
  /** The node's background and borders, when it has any. */
  decoration(node: RenderedNode, draw: () => void): void;
  /** The node's own content (a text's lines, an image, a link's annotation, ...). */
  content(node: RenderedNode, draw: () => void): void;
  /** A run of text that links: its annotation's options, and what to do after its glyphs. */
  linkRun(): { annotation: AnnotationOptions; end(): void } | undefined;
  /** A Link node's annotation options. */
  linkAnnotation(): AnnotationOptions | undefined;
  /**
   * A run of text drawn with an ActualText (before its text object): the span's marked content,
   * begun and ended inside the text object, and what to do after the run.
   */
  actualTextRun(text: string): { begin(): void; end(): void; resume(): void } | undefined;
  /** A line of text is drawn: its runs' bidi levels, in the order they are drawn (visual). */
  line(levels: number[]): void;
  /** The run at this index of the line is drawn, into the marked content open now. */
  run(index: number): void;
}

/** pdfkit's structure element. */
interface StructElement {
  add(child: StructElement | StructContent): StructElement;
  dictionary: { data: { S: string } };
}
type StructContent = object;

/** What tagging uses of a pdfkit document. */
export interface TaggableDocument {
  _root: { data: { MarkInfo?: unknown } };
  options?: { lang?: string };
  struct(type: string, options?: object): StructElement;
  addStructure(element: StructElement): void;
  markContent(tag: string, options?: object): void;
  markStructureContent(tag: string, options?: object): StructContent;
  endMarkedContent(): void;
}

/** The nodes whose content is marked content of an element (the others only hold nodes). */
const LEAVES = new Set(["TEXT", "IMAGE", "SVG", "CANVAS"]);

/** Letters of the right-to-left scripts. */
const RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** A text node's text as written (its lines are in visual order once laid out). */
function textOf(node: RenderedNode): string {
  let text = "";
  const walk = (n: RenderedNode) => {
    if (typeof n.value === "string") text += n.value;
    for (const child of n.children ?? []) walk(child);
  };
  walk(node);
  return text;
}

/**
 * Each run's place in its line's logical order, from the runs' bidi levels in drawing order:
 * the bidirectional algorithm's reordering (rule L2), which undoes itself, applied to the drawn
 * order gives the written one.
 */
export function logicalRanks(levels: readonly number[]): number[] {
  const order = levels.map((_, i) => i);
  if (!levels.length) return order;
  const highest = Math.max(...levels);
  const lowestOdd = Math.min(...levels) | 1;
  for (let level = highest; level >= lowestOdd; level--)
    for (let i = 0; i < order.length;) {
      if (levels[order[i]!]! < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && levels[order[j]!]! >= level) j++;
      order.splice(i, j - i, ...order.slice(i, j).reverse());
      i = j;
    }
  const ranks = new Array<number>(levels.length);
  order.forEach((drawn, written) => (ranks[drawn] = written));
  return ranks;
}

/** Give a tagged document (one with MarkInfo) the hooks that write its structure while it is drawn. */
export function tagDocument(doc: TaggableDocument): void {
  if (!doc._root.data.MarkInfo) return;
  Object.assign(doc, { [RENDER_HOOKS]: taggingHooks(doc) });
}

function taggingHooks(doc: TaggableDocument): RenderHooks {
  const docLang = doc.options?.lang ?? "";
  /** Elements by `tagKey`, so that the pieces of one element are one element. */
  const structs = new Map<string | number, StructElement>();
  /** The elements open around the node being drawn, innermost last. */
  const stack: StructElement[] = [];
  /** The Link element of the link node being drawn. */
  let linkElement: StructElement | undefined;
  /** The element whose marked content is being drawn (inside a leaf's content). */
  let owner: StructElement | undefined;
  /** The element whose marked content is open: the owner, or a Link inside it. */
  let open: StructElement | undefined;
  /**
   * Where the text drawn into each piece of an element (a marked-content sequence, a Link) is
   * written: the lowest place (line, then the run's logical rank) of its runs. A right-to-left
   * line is drawn from the left, so its pieces are sorted by it once the text is drawn, and the
   * tree reads as the text is written (a contact row's links from the right).
   */
  const written = new Map<object, number>();
  /** The piece the next run is drawn into (none between a run's ActualText span and its run). */
  let piece: object | undefined;
  /** The place of the run being drawn, for the ActualText span it opens. */
  let place = Infinity;
  const placeIn = (p: object, at: number) => written.set(p, Math.min(written.get(p) ?? Infinity, at));
  let lines = 0;
  let ranks: number[] = [];
  const begin = (element: StructElement, content: StructContent, owner: object = content) => {
    element.add(content);
    piece = owner;
    return content;
  };
  /** An artifact is being drawn: nothing inside it is tagged. */
  let inArtifact = false;
  /** The artifact type of the node just entered, to open once its page is there. */
  let artifactType: string | undefined;

  const structFor = (props: NonNullable<RenderedNode["props"]> & { tag: string }): StructElement => {
    const { tag, tagKey, tagParent, alt } = props;
    const known = tagKey !== undefined ? structs.get(tagKey) : undefined;
    if (known) return known;
    const element = doc.struct(tag, alt ? { alt } : {});
    const parent = (tagParent !== undefined && structs.get(tagParent)) || stack[stack.length - 1];
    if (parent) parent.add(element);
    else doc.addStructure(element);
    if (tagKey !== undefined) structs.set(tagKey, element);
    return element;
  };

  const asArtifact = (type: string, draw: () => void) => {
    doc.markContent("Artifact", { type });
    draw();
    doc.endMarkedContent();
  };

  return {
    enterNode(node) {
      if (inArtifact) return undefined;
      const props = node.props ?? {};
      if (props.tag === "Artifact") {
        inArtifact = true;
        artifactType = props.artifact || "Layout";
        return () => {
          doc.endMarkedContent();
          inArtifact = false;
        };
      }
      // A link around other content (an image) is a Link element that holds it and its annotation.
      const element = props.tag
        ? structFor({ ...props, tag: props.tag })
        : node.type === "LINK"
          ? structFor({ ...props, tag: "Link", tagKey: undefined })
          : undefined;
      if (element) stack.push(element);
      const outerLink = linkElement;
      if (node.type === "LINK") linkElement = element;
      return () => {
        linkElement = outerLink;
        if (element) stack.pop();
      };
    },

    beginNode() {
      if (artifactType === undefined) return;
      const type = artifactType;
      artifactType = undefined;
      doc.markContent("Artifact", { type });
    },

    decoration(_node, draw) {
      if (inArtifact) draw();
      else asArtifact("Layout", draw);
    },

    content(node, draw) {
      if (inArtifact || !LEAVES.has(node.type)) {
        draw();
        return;
      }
      let element = stack[stack.length - 1];
      if (!element) {
        element = doc.struct("P");
        doc.addStructure(element);
      }
      // A text in another language than the document's (a Hebrew name in an English résumé) is a
      // span of its own with its language, so that a screen reader reads it in that language; a
      // text with right-to-left letters, drawn in visual order, carries its text as written.
      if (node.type === "TEXT") {
        const text = textOf(node);
        const lang = otherLanguage(text, docLang);
        const actual = RTL.test(text) ? text : undefined;
        if (lang || actual) {
          const span = doc.struct("Span", { ...(lang ? { lang } : {}), ...(actual ? { actual } : {}) });
          element.add(span);
          element = span;
        }
      }
      const kids = (element as unknown as { _children: object[] })._children;
      const before = kids.length;
      begin(element, doc.markStructureContent(element.dictionary.data.S));
      const outer = owner;
      owner = open = element;
      draw();
      owner = open = outer;
      doc.endMarkedContent();
      piece = undefined;
      // The pieces drawn here, in the order they are written (a stable sort: a piece no run was
      // drawn into stays after the one before it).
      const drawn = kids.splice(before);
      let at = -1;
      const keyed = drawn.map((kid, i) => ({ kid, i, at: (at = written.get(kid) ?? at) }));
      keyed.sort((a, b) => a.at - b.at || a.i - b.i);
      kids.push(...keyed.map((k) => k.kid));
    },

    linkRun() {
      const text = owner;
      if (!text) return undefined;
      doc.endMarkedContent();
      const link = doc.struct("Link");
      text.add(link);
      begin(link, doc.markStructureContent("Link"), link);
      open = link;
      return {
        annotation: { structParent: link },
        end() {
          doc.endMarkedContent();
          begin(text, doc.markStructureContent(text.dictionary.data.S));
          open = text;
        },
      };
    },

    // The run's own marked content, with its ActualText, in the element whose content it
    // interrupts (which resumes after it). A span nested in the element's content would be
    // simpler, and valid, but poppler's structure text ends an element at the first nested end.
    actualTextRun(text) {
      const element = open;
      if (!element) return undefined;
      doc.endMarkedContent();
      // Inside a Link, the link stays the piece of its text element.
      const owned = element === owner ? undefined : element;
      piece = undefined;
      return {
        begin: () => {
          begin(element, doc.markStructureContent("Span", { actual: text }), owned);
          placeIn(piece!, place);
        },
        end: () => doc.endMarkedContent(),
        resume: () => begin(element, doc.markStructureContent(element.dictionary.data.S), owned),
      };
    },

    line(levels) {
      lines++;
      ranks = levels.some((l) => l % 2) ? logicalRanks(levels) : levels.map((_, i) => i);
    },

    run(index) {
      place = lines * 100_000 + (ranks[index] ?? index);
      if (piece) placeIn(piece, place);
    },

    linkAnnotation() {
      return linkElement ? { structParent: linkElement } : undefined;
    },
  };
}
