/**
 * The web page's read-back check (`-f html`): the text of its body, as a browser's reader or a
 * crawler takes it (elements' text in document order, each block on a line of its own; styles,
 * scripts and the head ignored), must hold every value of the résumé in the reading order the
 * PDF is checked against — its one-column form, as Word, Markdown and text give it.
 */
import { Parser } from "htmlparser2";
import type { ViewModel } from "../model/view-model.js";
import { readingOrder, sectionHeading } from "../render/themes/reading.js";
import type { ThemeTokens } from "../render/themes/tokens.js";
import { checkSequence, quoted } from "./verify.js";

const BLOCKS = new Set(
  "address article aside br div footer h1 h2 h3 h4 h5 h6 header li main p section ul ol dl dt dd".split(" "),
);

/** The lines of text a page's body shows, in document order. */
export function htmlLines(html: string): string[] {
  const lines: string[] = [];
  let line = "";
  let inBody = false;
  let hidden = 0;
  const flush = () => {
    if (line.trim()) lines.push(line);
    line = "";
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "body") inBody = true;
        if (name === "script" || name === "style" || name === "template") hidden++;
        if (BLOCKS.has(name)) flush();
      },
      onclosetag(name) {
        if (name === "script" || name === "style" || name === "template") hidden--;
        if (BLOCKS.has(name)) flush();
      },
      ontext(text) {
        if (inBody && hidden === 0) line += text;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return lines;
}

/**
 * The first value of the résumé the page does not hold in order, quoted, or undefined when it holds
 * them all. Section titles are compared as written: the page sets capitals with its style.
 */
export function checkHtml(html: string, vm: ViewModel, tokens: ThemeTokens): string | undefined {
  const expected = readingOrder(vm, tokens, { oneColumn: true }).map((x) =>
    x.block && "kind" in x.block && x.text === sectionHeading(x.block, tokens) ? { ...x, text: x.block.title } : x,
  );
  const failure = checkSequence(expected, vm, [htmlLines(html)]);
  return failure && quoted(failure.expected.text);
}
