/**
 * The tagged PDF (render/tagged.ts, called from patches/@react-pdf+render+*.patch), read by poppler's
 * `pdfinfo -struct-text`: every build is tagged, PDF 1.7; the name is the H1, every section
 * title an H2 in reading order, each entry one Div and each list one L however they split,
 * every bullet an LI with its Lbl and LBody, the badge a Figure;
 * page footers are artifacts, outside the tree; pdf.js's getStructTree finds the same H1, H2s,
 * LIs and the badge's Alt. qpdf shows the catalog's MarkInfo, Lang,
 * DisplayDocTitle and sRGB output intent, and the XMP's PDF/UA-1 and PDF/A-3b identification.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { plainText } from "../../src/model/markup.js";
import { build, prepareResume } from "../../src/pipeline/build.js";
import { logicalRanks } from "../../src/render/tagged.js";
import { layoutSections, sectionHeading } from "../../src/render/themes/reading.js";
import { ARRANGEMENTS, ROOT, tempDir, tool } from "../helpers.js";

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
  it.each(ARRANGEMENTS)("has the name as H1, the section titles as H2 in order, bullets as LI in %s", async (theme) => {
    const dir = tempDir();
    for (const file of ["tests/fixtures/full.yaml", "tests/fixtures/long.yaml", "tests/fixtures/unicode.yaml"]) {
      const input = path.join(ROOT, file);
      const out = path.join(dir, "t.pdf");
      await build(input, { output: out, env: EPOCH, render: { theme } });
      const info = tool("pdfinfo", [out]).stdout;
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(/^PDF version:\s+1\.7$/m);
      const tree = structTree(tool("pdfinfo", ["-struct-text", out]).stdout);
      const { vm, tokens } = await prepareResume(input, { render: { theme } });
      const at = `${theme}: ${file}`;
      expect(
        tree.children.map((n) => n.tag),
        at,
      ).toEqual(["Document"]);
      const nodes = all(tree);
      expect(nodes.filter((n) => n.tag === "H1").map(textOf), at).toEqual([vm.name]);
      const { side, main } = layoutSections(vm, tokens);
      expect(nodes.filter((n) => n.tag === "H2").map(textOf), at).toEqual(
        [...side, ...main].map((s) => sectionHeading(s, tokens)),
      );
      const bullets = [...side, ...main].flatMap((s) =>
        s.kind === "entries" ? s.entries.flatMap((e) => e.bullets) : s.kind === "text" ? s.bullets : [],
      );
      const items = nodes.filter((n) => n.tag === "LI");
      expect(
        items.map((li) => li.children.map((c) => c.tag)),
        at,
      ).toEqual(bullets.map(() => ["Lbl", "LBody"]));
      expect(
        items.map((li) => textOf(li.children[1]!).replace(/\s/g, "")),
        at,
      ).toEqual(bullets.map((b) => plainText(b).replace(/\s/g, "")));
      // One Div per entry and one L per list, whatever pages and blocks they are split over.
      const sections = [...side, ...main];
      const entries = sections.flatMap((s) => (s.kind === "entries" ? s.entries : []));
      expect(
        nodes.filter((n) => n.tag === "Div"),
        at,
      ).toHaveLength(entries.length);
      const lists =
        entries.filter((e) => e.bullets.length).length +
        sections.filter((s) => s.kind === "text" && s.bullets.length).length;
      expect(
        nodes.filter((n) => n.tag === "L"),
        at,
      ).toHaveLength(lists);
      // Footers are artifacts: no "Name — 2 / 3" in the tree.
      expect(
        nodes.flatMap((n) => n.text).some((t) => /\u2014 \d+ \/ \d+/.test(t)),
        at,
      ).toBe(false);
      if (file.endsWith("full.yaml"))
        expect(
          nodes.some((n) => n.tag === "Figure"),
          at,
        ).toBe(true);
    }
  });
});

describe("a line's runs in the order they are written", () => {
  it("undoes the bidirectional reordering from the runs' levels, in the order they are drawn", () => {
    expect(logicalRanks([])).toEqual([]);
    // Left to right: as drawn.
    expect(logicalRanks([0, 0, 0])).toEqual([0, 1, 2]);
    // A right-to-left line of three words: drawn from the left, the first written is the last drawn.
    expect(logicalRanks([1, 1, 1])).toEqual([2, 1, 0]);
    // Hebrew words inside an English line: only they are reversed.
    expect(logicalRanks([0, 1, 1, 1, 0])).toEqual([0, 3, 2, 1, 4]);
    // Latin contacts (level 2) inside a right-to-left row: the row reversed, each contact kept whole.
    expect(logicalRanks([1, 2, 2, 1])).toEqual([3, 1, 2, 0]);
    expect(logicalRanks([2, 1, 2, 1, 1, 1])).toEqual([5, 4, 3, 2, 1, 0]);
    // Levels that do not start at 0 or 1 (an embedding): the lowest odd level is the last reversal.
    expect(logicalRanks([2, 3, 3, 2])).toEqual([0, 2, 1, 3]);
  });
});

describe("the identification", () => {
  it("says PDF/UA-1 and PDF/A-3b in XMP, with an sRGB output intent, MarkInfo, Lang, DisplayDocTitle, Tabs and the source file", async () => {
    const dir = tempDir();
    const out = path.join(dir, "t.pdf");
    // An "&" in a value once made the XMP invalid XML.
    const input = path.join(dir, "r.yaml");
    writeFileSync(input, "basics: {name: Jane Doe, label: R&D <Lead>}\nrender: {locale: de}\n");
    await build(input, { output: out, env: EPOCH });
    expect(tool("qpdf", ["--check", out]).code).toBe(0);
    // qpdf's JSON (version 2): objects as "obj:N 0 R": { value }, and the trailer.
    const objects = (
      JSON.parse(tool("qpdf", ["--json", out]).stdout) as { qpdf: [unknown, Record<string, { value: unknown }>] }
    ).qpdf[1];
    const deref = (ref: unknown) =>
      objects[ref === "trailer" ? "trailer" : `obj:${String(ref)}`]!.value as Record<string, unknown>;
    const trailer = deref("trailer") as { "/Root": string };
    const root = deref(trailer["/Root"]) as Record<string, unknown>;
    expect(root["/Lang"]).toBe("u:de");
    expect(deref(root["/MarkInfo"])).toEqual({ "/Marked": true });
    expect(deref(root["/ViewerPreferences"])).toMatchObject({ "/DisplayDocTitle": true });
    expect(root["/StructTreeRoot"]).toBeDefined();
    // The résumé inside: an associated file, the document's source.
    const [spec] = root["/AF"] as string[];
    expect(deref(spec!)).toMatchObject({ "/AFRelationship": "/Source", "/Type": "/Filespec" });
    const pages = deref((deref(root["/Pages"]) as { "/Kids": string[] })["/Kids"][0]!);
    expect(pages["/Tabs"]).toBe("/S");
    const [intent] = root["/OutputIntents"] as string[];
    expect(deref(intent!)).toMatchObject({ "/S": "/GTS_PDFA1", "/OutputConditionIdentifier": "u:sRGB IEC61966-2.1" });
    const bytes = readFileSync(out, "latin1");
    const xmp = Buffer.from(
      bytes.slice(bytes.indexOf("<x:xmpmeta"), bytes.indexOf("</x:xmpmeta>") + 12),
      "latin1",
    ).toString("utf8");
    expect(xmp).toContain("<pdfuaid:part>1</pdfuaid:part>");
    expect(xmp).toMatch(/<pdfaid:part>3<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(xmp).toContain("<rdf:li>de</rdf:li>");
    expect(xmp).toContain("R&amp;D &lt;Lead&gt;");
    expect(xmp).not.toMatch(/R&D/);
    expect(tool("pdfinfo", [out]).stdout).toMatch(/^PDF version:\s+1\.7$/m);
  });
});

interface PdfjsNode {
  role?: string;
  alt?: string;
  type?: string;
  children?: PdfjsNode[];
}

describe("the tagged PDF read by pdf.js", () => {
  it.each(ARRANGEMENTS)(
    "has the H1, every H2, every LI and the badge's Alt in %s, on the full, long and Unicode fixtures (getStructTree)",
    async (theme) => {
      const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
      for (const file of ["tests/fixtures/full.yaml", "tests/fixtures/long.yaml", "tests/fixtures/unicode.yaml"]) {
        const out = path.join(tempDir(), "t.pdf");
        const input = path.join(ROOT, file);
        await build(input, { output: out, env: EPOCH, render: { theme } });
        const doc = await getDocument({ data: new Uint8Array(readFileSync(out)), useSystemFonts: false }).promise;
        const roles: PdfjsNode[] = [];
        const walk = (n: PdfjsNode) => {
          if (n.role) roles.push(n);
          for (const c of n.children ?? []) walk(c);
        };
        for (let p = 1; p <= doc.numPages; p++)
          walk(((await (await doc.getPage(p)).getStructTree()) as PdfjsNode | null) ?? {});
        await doc.destroy();
        const { vm, tokens } = await prepareResume(input, { render: { theme } });
        const { side, main } = layoutSections(vm, tokens);
        const at = `${theme}: ${file}`;
        expect(
          roles.filter((r) => r.role === "H1"),
          at,
        ).toHaveLength(1);
        expect(
          roles.filter((r) => r.role === "H2"),
          at,
        ).toHaveLength(side.length + main.length);
        const bullets = [...side, ...main].flatMap((s) =>
          s.kind === "entries" ? s.entries.flatMap((e) => e.bullets) : s.kind === "text" ? s.bullets : [],
        );
        expect(
          roles.filter((r) => r.role === "LI"),
          at,
        ).toHaveLength(bullets.length);
        if (file.endsWith("full.yaml"))
          expect(
            roles.filter((r) => r.role === "Figure").map((r) => r.alt),
            at,
          ).toContain("AWS Certified Machine Learning – Specialty badge");
      }
    },
  );
});
