/**
 * HTML in values, read as JSON Resume's themes read it. Those themes are HTML, so real files
 * carry `<b>`, `<i>`, `<br>`, `<a href>`, `<ul><li>` and entities (`&amp;`). In a paragraph or a
 * bullet they become this tool's inline markup (`**bold**`, `*italic*`, `[text](url)`, line
 * breaks, and `- ` lines that print as bullets); elsewhere, the text they mark. Other HTML
 * elements (`<span>`, `<u>`) print their text without the tags. A name between angle brackets
 * that is no HTML element (`<balkod />` in a sentence about XML) stays text, as does `a < b`.
 * Parsing is htmlparser2's; this module decides what each element means here.
 */
import { Parser } from "htmlparser2";
import { linkRefusal } from "../common/links.js";

/** What a value's HTML became. */
export interface FromHtml {
  text: string;
  /** Elements printed as their text only (`span`, `u`), each once. */
  dropped: string[];
}

/** The elements of HTML (living standard, with the obsolete ones real files still carry). */
const ELEMENTS = new Set(
  "a abbr acronym address area article aside audio b bdi bdo big blink blockquote body br button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark marquee menu meta meter nav nobr noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script section select small source span strike strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr".split(
    " ",
  ),
);
const BOLD = new Set(["b", "strong"]);
const ITALIC = new Set(["i", "em", "cite", "dfn", "var"]);
const BLOCK = new Set([
  "p",
  "div",
  "blockquote",
  "section",
  "article",
  "header",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "pre",
  "address",
  "center",
  "table",
  "tr",
  "dl",
  "dt",
  "dd",
  "figure",
  "figcaption",
  "main",
  "aside",
  "nav",
]);
/** Elements whose content is not text a reader sees. */
const HIDDEN = new Set([
  "script",
  "style",
  "template",
  "head",
  "title",
  "noscript",
  "iframe",
  "object",
  "embed",
  "audio",
  "video",
  "canvas",
  "map",
  "select",
  "textarea",
  "button",
  "input",
  "img",
  "area",
  "source",
  "track",
  "param",
  "meta",
  "link",
  "col",
  "colgroup",
  "datalist",
  "dialog",
  "rp",
]);

/** Hidden elements that have no content (and no closing tag to end what they hide). */
const VOID = new Set(["img", "input", "area", "source", "track", "param", "meta", "link", "col"]);

/** An HTML tag or entity could be in `s`: the only values worth parsing. */
const MAYBE_HTML = /<\/?[a-z][a-z0-9]*(?=[\s/>])|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

export function hasHtml(s: string): boolean {
  return MAYBE_HTML.test(s);
}

/** Marker characters of the inline markup, escaped in a tag kept as text. */
const escapeMarkup = (s: string) => s.replace(/([\\*[\]])/g, "\\$1");

const linkable = (href: string | undefined) =>
  href !== undefined && /^(?:https?:\/\/|mailto:|tel:)[^\s()[\]]+$/i.test(href) && linkRefusal(href) === undefined;

/**
 * `s` with its HTML read: as inline markup where `markup` is set (paragraphs and bullets), else
 * as plain text. Values without a tag or an entity come back unchanged.
 */
export function fromHtml(s: string, markup: boolean): FromHtml {
  if (!hasHtml(s)) return { text: s, dropped: [] };
  let out = "";
  const dropped = new Set<string>();
  /** Open elements: what each wrote when it opened (for its close), or undefined. */
  const stack: { name: string; close: string; start: number; href?: string }[] = [];
  let hidden = 0;
  let listDepth = 0;
  const newline = (blank: boolean) => {
    out = out.replace(/[ \t]+$/, "");
    if (!out) return;
    if (blank) out = out.replace(/\n*$/, "\n\n");
    else if (!out.endsWith("\n")) out += "\n";
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (!ELEMENTS.has(name)) {
          // Not HTML: the tag as written stays in the text.
          if (!hidden)
            out += markup
              ? escapeMarkup(s.slice(parser.startIndex, parser.endIndex + 1))
              : s.slice(parser.startIndex, parser.endIndex + 1);
          return;
        }
        if (HIDDEN.has(name)) {
          if (!VOID.has(name)) hidden++;
          if (name !== "meta" && name !== "link") dropped.add(name);
          return;
        }
        let close = "";
        if (name === "br") newline(false);
        else if (BLOCK.has(name)) newline(true);
        else if (name === "ul" || name === "ol") {
          newline(listDepth === 0);
          listDepth++;
        } else if (name === "li") {
          newline(false);
          out += markup ? "- " : "";
        } else if (markup && BOLD.has(name)) {
          out += "**";
          close = "**";
        } else if (markup && ITALIC.has(name)) {
          out += "*";
          close = "*";
        } else if (name === "a") {
          if (markup && linkable(attrs.href)) {
            out += "[";
            close = `](${attrs.href})`;
          }
        } else if (!BOLD.has(name) && !ITALIC.has(name)) dropped.add(name);
        stack.push({ name, close, start: out.length });
      },
      onclosetag(name, implied) {
        if (!ELEMENTS.has(name)) {
          if (!implied && !hidden)
            out += markup
              ? escapeMarkup(s.slice(parser.startIndex, parser.endIndex + 1))
              : s.slice(parser.startIndex, parser.endIndex + 1);
          return;
        }
        if (HIDDEN.has(name)) {
          if (!VOID.has(name)) hidden = Math.max(0, hidden - 1);
          return;
        }
        const i = stack.findLastIndex((e) => e.name === name);
        if (i < 0) return;
        const [open] = stack.splice(i, 1);
        if (open!.close) {
          const inner = out.slice(open!.start);
          if (inner.trim() === "" || inner.includes("\n")) {
            // An empty or multi-line span of bold, italic or link: its text only.
            out = out.slice(0, open!.start - (open!.close === "**" ? 2 : 1)) + inner;
          } else {
            // Markers hug the text: `**R&D** `, never `** R&D **`.
            const lead = /^\s*/.exec(inner)![0];
            const trail = /\s*$/.exec(inner)![0];
            const opener = open!.close === "**" ? "**" : open!.close === "*" ? "*" : "[";
            out = `${out.slice(0, open!.start - opener.length)}${lead}${opener}${inner.trim()}${open!.close}${trail}`;
          }
        }
        if (name === "ul" || name === "ol") {
          listDepth = Math.max(0, listDepth - 1);
          newline(listDepth === 0);
        } else if (BLOCK.has(name)) newline(true);
      },
      ontext(text) {
        if (hidden) return;
        // Whitespace in HTML is one space; line breaks come from the elements.
        const t = text.replace(/\s+/g, " ");
        const at = out.endsWith("\n") || out === "" ? t.replace(/^ /, "") : t;
        out += at;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(s);
  parser.end();
  const text = out
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  // Outside paragraphs and bullets a value is one line.
  if (!markup) return { text: text.replace(/\s*\n\s*/g, " "), dropped: [...dropped] };
  return { text, dropped: [...dropped] };
}
