/**
 * The tagged PDF (patches/@react-pdf+render+*.patch, render/pdfkit-patches.ts), read by poppler's
 * `pdfinfo -struct-text`: every build is tagged, PDF 1.7; the name is the H1, every section
 * title an H2 in reading order, every bullet an LI with its Lbl and LBody, the badge a Figure;
 * page footers are artifacts, outside the tree.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { THEMES } from "../../src/input/schema.js";
import { plainText } from "../../src/model/markup.js";
import { build, check } from "../../src/pipeline/build.js";
import { layoutSections, sectionHeading } from "../../src/render/themes/reading.js";
import { ROOT, tempDir, tool } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };

interface Node {
  tag: string;
  text: string[];
  children: Node[];
}

/** `pdfinfo -struct-text` as a tree: two spaces of indent per level, text in quotes. */
function structTree(out: string): Node {
  const root: Node = { tag: "(root)", text: [], children: [] };
  const stack: { depth: number; node: Node }[] = [{ depth: -1, node: root }];
  for (const line of out.split("\n")) {
    if (!line.trim()) continue;
    const depth = line.search(/\S/) / 2;
    while (stack.at(-1)!.depth >= depth) stack.pop();
    const parent = stack.at(-1)!.node;
    const text = /^\s*"(.*)"$/.exec(line);
    if (text) parent.text.push(text[1]!);
    else {
      const node: Node = { tag: line.trim().split(" ")[0]!, text: [], children: [] };
      parent.children.push(node);
      stack.push({ depth, node });
    }
  }
  return root;
}

const all = (n: Node): Node[] => [n, ...n.children.flatMap(all)];
const textOf = (n: Node): string => [...n.text, ...n.children.map(textOf)].join("").replace(/\s+/g, " ").trim();

describe("the tagged PDF", () => {
  it.each(THEMES)("has the name as H1, the section titles as H2 in order, bullets as LI in %s", async (theme) => {
    const dir = tempDir();
    for (const file of ["tests/fixtures/full.yaml", "tests/fixtures/long.yaml", "tests/fixtures/unicode.yaml"]) {
      const input = path.join(ROOT, file);
      const out = path.join(dir, "t.pdf");
      await build(input, { output: out, env: EPOCH, render: { theme } });
      const info = tool("pdfinfo", [out]).stdout;
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(/^PDF version:\s+1\.7$/m);
      const tree = structTree(tool("pdfinfo", ["-struct-text", out]).stdout);
      const { vm, tokens } = await check(input, { render: { theme } });
      const at = `${theme}: ${file}`;
      expect(tree.children.map((n) => n.tag), at).toEqual(["Document"]);
      const nodes = all(tree);
      expect(nodes.filter((n) => n.tag === "H1").map(textOf), at).toEqual([vm.name]);
      const { side, main } = layoutSections(vm, tokens);
      expect(nodes.filter((n) => n.tag === "H2").map(textOf), at).toEqual([...side, ...main].map((s) => sectionHeading(s, tokens)));
      const bullets = [...side, ...main].flatMap((s) => (s.kind === "entries" ? s.entries.flatMap((e) => e.bullets) : s.kind === "text" ? s.bullets : []));
      const items = nodes.filter((n) => n.tag === "LI");
      expect(items.map((li) => li.children.map((c) => c.tag)), at).toEqual(bullets.map(() => ["Lbl", "LBody"]));
      expect(items.map((li) => textOf(li.children[1]!).replace(/\s/g, "")), at).toEqual(bullets.map((b) => plainText(b).replace(/\s/g, "")));
      // Footers are artifacts: no "Name — 2 / 3" in the tree.
      expect(nodes.flatMap((n) => n.text).some((t) => /\u2014 \d+ \/ \d+/.test(t)), at).toBe(false);
      if (file.endsWith("full.yaml")) expect(nodes.some((n) => n.tag === "Figure"), at).toBe(true);
    }
  });
});
