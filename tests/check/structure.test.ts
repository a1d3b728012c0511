/**
 * The structure check (check/structure.ts): on our tagged PDFs every value is in the structure
 * tree in reading order, no text is outside it and every figure has alternative text, in every
 * theme; each rule fails when the tree or the content breaks it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPdfPages, readPdfStructure, type StructNode } from "../../src/pdf/reader.js";
import { checkStructure } from "../../src/check/structure.js";
import { THEMES } from "../../src/common/ids.js";
import { build, prepareResume } from "../../src/pipeline/build.js";
import { ARRANGEMENTS, ROOT, tempDir } from "../helpers.js";
import { fakePdf } from "./fake-pdf.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const FULL = path.join(ROOT, "tests/fixtures/full.yaml");

async function built(theme: (typeof THEMES)[number], input = FULL) {
  const out = path.join(tempDir(), "s.pdf");
  await build(input, { output: out, env: EPOCH, render: { theme }, verify: false });
  const bytes = readFileSync(out);
  const { vm, tokens } = await prepareResume(input, { render: { theme } });
  return { vm, tokens, layout: readPdfPages(bytes), tree: readPdfStructure(bytes)! };
}

const find = (n: StructNode, tag: string): StructNode | undefined =>
  n.tag === tag ? n : n.kids.flatMap((k) => ("tag" in k ? [find(k, tag)] : [])).find(Boolean);

describe("our tagged PDFs", () => {
  it.each(ARRANGEMENTS)("keep every rule in %s (full, long and Unicode fixtures)", async (theme) => {
    for (const file of ["tests/fixtures/full.yaml", "tests/fixtures/long.yaml", "tests/fixtures/unicode.yaml"]) {
      const { vm, tokens, layout, tree } = await built(theme, path.join(ROOT, file));
      expect(checkStructure(vm, tokens, layout, tree), `${theme}: ${file}`).toEqual([]);
      // Page footers are artifacts, and so are rules; every other text is tagged.
      expect(
        layout
          .flatMap((p) => p.items)
          .filter((it) => it.artifact && it.str.trim())
          .every((it) => /\u2014/.test(it.str) || /\d+ \/ \d+/.test(it.str) || it.str.trim() === ""),
        theme,
      ).toBe(true);
    }
  });
});

describe("each rule", () => {
  it("fails a PDF without a structure tree", async () => {
    const { vm, tokens } = await built("classic");
    const plain = await fakePdf([[{ text: "Zoë", x: 50, y: 60 }]]);
    expect(checkStructure(vm, tokens, readPdfPages(plain), readPdfStructure(plain))[0]?.message).toContain(
      "has no structure tree",
    );
  });

  it("fails a value missing from the tree, naming it", async () => {
    const { vm, tokens, layout, tree } = await built("classic");
    find(tree, "H1")!.kids = [];
    expect(checkStructure(vm, tokens, layout, tree)).toEqual([
      { message: `the text “${vm.name}” in the header is missing in the structure tree that screen readers read` },
    ]);
  });

  it("fails a link annotation outside any Link element", async () => {
    const { vm, tokens, layout, tree } = await built("classic");
    expect(tree.links.length).toBeGreaterThan(3);
    const link = find(tree, "Link")!;
    link.objects = [];
    expect(checkStructure(vm, tokens, layout, tree).map((p) => p.message)).toContain(
      "1 link not in a Link element of the structure tree, so screen readers cannot announce it",
    );
  });

  it("fails text outside the tree, and a figure without alternative text", async () => {
    const { vm, tokens, layout, tree } = await built("classic");
    const item = layout[0]!.items.find((it) => it.str.includes("Northwind"))!;
    delete item.mcid;
    find(tree, "Figure")!.alt = "";
    const messages = checkStructure(vm, tokens, layout, tree).map((p) => p.message);
    expect(messages).toContainEqual(
      expect.stringContaining("is outside the structure tree (neither tagged nor an artifact)"),
    );
    expect(messages).toContain("a figure (an image) has no alternative text");
  });
});
