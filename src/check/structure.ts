/**
 * The tagged PDF's proof: what a screen reader reads is what the page shows. Every value the
 * read-back finds in the text is also in the structure tree's content, in the same order; every
 * text-showing operator is inside tagged marked content or an artifact; every figure has
 * alternative text; every link annotation belongs to a `Link` element.
 */
import { placeLines } from "../pdf/content.js";
import type { PageLayout, StructNode, TextItem } from "../pdf/reader.js";
import type { ViewModel } from "../model/normalize.js";
import { quoted as quote, squeeze } from "./verify.js";
import { readingOrder } from "../render/themes/reading.js";
import type { ThemeTokens } from "../render/themes/tokens.js";

export interface StructureProblem {
  page?: number;
  message: string;
}

export function checkStructure(
  vm: ViewModel,
  tokens: ThemeTokens,
  layout: readonly PageLayout[],
  tree: (StructNode & { links?: number[] }) | undefined,
): StructureProblem[] {
  if (!tree?.kids.length)
    return [{ message: "the PDF has no structure tree, so screen readers get no headings, lists or reading order" }];
  const problems: StructureProblem[] = [];
  layout.forEach((page, i) => {
    const loose = page.items.find((it) => it.str.trim() && it.mcid === undefined && !it.artifact);
    if (loose)
      problems.push({
        page: i + 1,
        message: `the text ${quote(loose.str)} is outside the structure tree (neither tagged nor an artifact)`,
      });
  });
  // The tagged text, in the tree's order: each marked-content sequence's text line by line, each
  // line in the order it is written (a right-to-left line's glyphs are drawn in visual order).
  const shown = new Map<string, TextItem[]>();
  layout.forEach((page, i) => {
    for (const it of page.items)
      if (it.mcid !== undefined && !it.artifact) {
        const key = `${i + 1}/${it.mcid}`;
        const items = shown.get(key);
        if (items) items.push(it);
        else shown.set(key, [it]);
      }
  });
  const content = new Map(
    [...shown].map(([key, items]) => [
      key,
      placeLines(items)
        .map((l) => l.text)
        .join(" "),
    ]),
  );
  let text = "";
  const linked = new Set<number>();
  // The marked content of an element and of the elements inside it, by page.
  const pieces = (node: StructNode, out: { page: number; mcid: number }[] = []) => {
    for (const kid of node.kids)
      if ("tag" in kid) pieces(kid, out);
      else out.push(kid);
    return out;
  };
  const walk = (node: StructNode) => {
    if (node.tag === "Figure" && !node.alt?.trim())
      problems.push({ message: "a figure (an image) has no alternative text" });
    if (node.tag === "Link") for (const o of node.objects ?? []) linked.add(o);
    // A paragraph drawn in pieces (its own text, a link's, each run with an ActualText) has them
    // in drawing order, which on a right-to-left line follows the line from the left, not the
    // paragraph's order. Such a paragraph (any with pieces of its own, or one of a right-to-left
    // page holding a link) is read as its lines, all its pieces together, as the page reads.
    const own = node.kids.filter((k) => !("tag" in k)) as { page: number; mcid: number }[];
    const rtl = own.some((k) => shown.get(`${k.page}/${k.mcid}`)?.[0]?.rtl);
    if (own.length > 1 || (rtl && node.kids.some((k) => "tag" in k))) {
      const all = pieces(node);
      for (const page of new Set(all.map((k) => k.page))) {
        // The pieces' items in the order they are drawn on the page (the tree has the pieces in
        // the order they are written), top line first.
        const mcids = new Set(all.filter((k) => k.page === page).map((k) => k.mcid));
        const items = layout[page - 1]!.items.filter(
          (it) => it.mcid !== undefined && !it.artifact && mcids.has(it.mcid),
        );
        text += placeLines([...items].sort((a, b) => b.y - a.y))
          .map((l) => l.text)
          .join(" ");
      }
      const links = (n: StructNode): void => {
        if (n.tag === "Link") for (const o of n.objects ?? []) linked.add(o);
        for (const k of n.kids) if ("tag" in k) links(k);
      };
      links(node);
      return;
    }
    for (const kid of node.kids) {
      if ("tag" in kid) walk(kid);
      else text += content.get(`${kid.page}/${kid.mcid}`) ?? "";
    }
  };
  walk(tree);
  const loose = (tree.links ?? []).filter((l) => !linked.has(l)).length;
  if (loose)
    problems.push({
      message: `${loose} link${loose === 1 ? "" : "s"} not in a Link element of the structure tree, so screen readers cannot announce ${loose === 1 ? "it" : "them"}`,
    });
  const tagged = squeeze(text);
  let cursor = 0;
  for (const expected of readingOrder(vm, tokens)) {
    const want = squeeze(expected.text);
    const at = tagged.indexOf(want, cursor);
    if (at < 0) {
      const where = expected.section ? ` in "${expected.section}"` : " in the header";
      problems.push({
        message: `the text ${quote(expected.text)}${where} is ${tagged.includes(want) ? "out of order" : "missing"} in the structure tree that screen readers read`,
      });
      break;
    }
    cursor = at + want.length;
  }
  return problems;
}
