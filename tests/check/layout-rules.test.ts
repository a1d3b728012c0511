/**
 * The read-back as a line-grouping parser reads it (check/layout-rules.ts): our layouts pass in every
 * theme — a sidebar of two lines beside a long main column included — and each rule fails a PDF
 * that breaks it, naming the page and what went wrong.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkLayoutRules, groupLines } from "../../src/check/layout-rules.js";
import { columnEdges } from "../../src/render/layouts/sidebar.js";
import { readPdfPages } from "../../src/pdf/reader.js";
import { build, prepareResume, type PreparedResume } from "../../src/pipeline/build.js";
import { ARRANGEMENTS, ROOT, tempDir, writeFixture } from "../helpers.js";
import { fakePdf, type Placed } from "./fake-pdf.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };

/** Two lines in the sidebar (one contact, one skill) beside a long main column. */
const SHORT_SIDEBAR = `basics:
  name: Jane Doe
  email: jane@example.com
skills:
  - name: Go
work:
${Array.from({ length: 4 }, (_, i) => `  - name: Company ${i}\n    position: Engineer\n    startDate: 201${i}-01\n    endDate: 201${i + 1}-01\n    highlights: [Shipped thing ${i}, Ran thing ${i}]`).join("\n")}
`;

describe("our layouts", () => {
  it.each(ARRANGEMENTS)("pass in %s: the fixtures, and a two-line sidebar beside a long main column", async (theme) => {
    const dir = tempDir();
    for (const input of [
      writeFixture(dir, "short.yaml", SHORT_SIDEBAR),
      ...["resume.yaml", "tests/fixtures/full.yaml", "tests/fixtures/knobs.yaml", "tests/fixtures/cjk.yaml"].map((f) =>
        path.join(ROOT, f),
      ),
    ]) {
      const out = path.join(dir, `${theme}.pdf`);
      // verify: false, so that the build's own check does not stop it first.
      await build(input, { output: out, env: EPOCH, render: { theme }, verify: false });
      const { vm, tokens } = await prepareResume(input, { render: { theme } });
      const layout = readPdfPages(readFileSync(out));
      expect(checkLayoutRules(vm, tokens, layout), `${theme}: ${path.basename(input)}`).toEqual([]);
    }
  });

  it("keeps the sidebar's lines off the main column's baselines, whatever their lengths", async () => {
    const dir = tempDir();
    const input = writeFixture(dir, "short.yaml", SHORT_SIDEBAR);
    const out = path.join(dir, "s.pdf");
    await build(input, { output: out, env: EPOCH, render: { theme: "sidebar" } });
    const [page] = readPdfPages(readFileSync(out));
    const edge = 42.5 + (page!.width - 85) * 0.3;
    const side = page!.items
      .filter((it) => it.str.trim() && it.x < edge && it.y < page!.height - 100)
      .map((it) => it.y);
    const main = page!.items.filter((it) => it.str.trim() && it.x > edge).map((it) => it.y);
    expect(side.length).toBeGreaterThanOrEqual(2);
    // Further apart than any line-grouping parser's tolerance.
    for (const a of side) for (const b of main) expect(Math.abs(a - b)).toBeGreaterThan(3);
  });
});

describe("each rule", () => {
  let classic: PreparedResume;
  let sidebar: PreparedResume;
  let aside: PreparedResume;
  beforeAll(async () => {
    const input = writeFixture(
      tempDir(),
      "r.yaml",
      "basics: {name: Jane Doe}\nwork:\n  - name: Acme\n    position: Engineer\n    startDate: 2020-01\nskills:\n  - name: Go\n",
    );
    classic = await prepareResume(input, { render: { theme: "classic" } });
    sidebar = await prepareResume(input, { render: { theme: "sidebar" } });
    aside = await prepareResume(input, { render: { theme: "aside" } });
  });

  const name: Placed = { text: "Jane Doe", x: 50, y: 60, size: 24, bold: true };
  const footer: Placed = { text: "Jane Doe \u2014 1 / 1", x: 260, y: 815, size: 8 };
  const skills: Placed[] = [
    { text: "SKILLS", x: 50, y: 300, size: 11, bold: true },
    { text: "Go", x: 50, y: 316 },
  ];
  const good = (): Placed[] => [
    name,
    { text: "EXPERIENCE", x: 50, y: 100, size: 11, bold: true },
    { text: "Acme", x: 50, y: 120, bold: true },
    { text: "Jan 2020 \u2013 Present", x: 450, y: 120 },
    { text: "Engineer", x: 50, y: 134 },
    ...skills,
    footer,
  ];
  const problems = async (items: Placed[], checked = classic) =>
    checkLayoutRules(checked.vm, checked.tokens, readPdfPages(await fakePdf([items])));
  const replace = (items: Placed[], text: string, by: Partial<Placed>) =>
    items.map((it) => (it.text === text ? { ...it, ...by } : it));

  it("passes a layout that keeps them all", async () => {
    expect(await problems(good())).toEqual([]);
  });

  it("fails a mixed-case section title (found anyway, named)", async () => {
    const [p] = await problems(replace(good(), "EXPERIENCE", { text: "Experience" }));
    expect(p).toEqual({
      page: 1,
      message: expect.stringContaining("the section title “Experience” is not in capitals"),
    });
  });

  it("fails a section title that is not bold", async () => {
    expect((await problems(replace(good(), "EXPERIENCE", { bold: false })))[0]?.message).toContain("is not bold");
  });

  it("fails a section title that shares its line", async () => {
    const items = [...good(), { text: "(selected)", x: 200, y: 100 }];
    expect((await problems(items))[0]?.message).toContain(
      "the section title “EXPERIENCE” shares its line with other text: “EXPERIENCE (selected)”",
    );
  });

  it("fails a first line that is not the name", async () => {
    expect((await problems([{ text: "Curriculum Vitae", x: 50, y: 40 }, ...good()]))[0]?.message).toContain(
      "the first line reads “Curriculum Vitae”, not the name “Jane Doe”",
    );
  });

  it("fails text as large as the name", async () => {
    expect((await problems(replace(good(), "Acme", { size: 24 })))[0]?.message).toContain(
      "“Acme” is set as large as the name",
    );
  });

  it("fails an entry whose dates are not on its first line", async () => {
    const out = await problems(replace(good(), "Jan 2020 \u2013 Present", { x: 50, y: 148 }));
    expect(out[0]?.message).toMatch(/^the dates “Jan\s2020\s–\sPresent” of “Acme” are not on the entry's first line/);
  });

  it("fails text below the page footer, and a footer that shares its line", async () => {
    expect((await problems([...good(), { text: "Printed 2026", x: 50, y: 830, size: 7 }]))[0]?.message).toContain(
      "text is printed below the page footer",
    );
    expect((await problems([...good(), { text: "Confidential", x: 50, y: 815, size: 8 }]))[0]?.message).toContain(
      "the page footer shares its line with other text",
    );
  });

  it("fails a sidebar line that shares a baseline with the main column", async () => {
    // The main column's left edge.
    const mainX = columnEdges(sidebar.tokens, "a4").mainLeft;
    const main = good()
      .slice(1, -3)
      .map((it) => ({ ...it, x: it.x - 50 + mainX }));
    const items = [
      name,
      { text: "SKILLS", x: 45, y: 86, size: 9.5, bold: true },
      { text: "Go", x: 45, y: 100 },
      ...main,
      footer,
    ];
    const out = await problems(items, sidebar);
    expect(out.map((p) => p.message)).toContainEqual(
      expect.stringContaining("the sidebar's “Go” shares a line with the main column's “EXPERIENCE”"),
    );
  });

  it("fails a line of a side column on the right that shares a baseline with the main column", async () => {
    const edges = columnEdges(aside.tokens, "a4");
    expect(edges.sideLeft).toBeGreaterThan(edges.mainRight);
    const items = [
      name,
      { text: "EXPERIENCE", x: edges.mainLeft, y: 100, size: 11, bold: true },
      { text: "Acme", x: edges.mainLeft, y: 120, bold: true },
      { text: "SKILLS", x: edges.sideLeft, y: 86, size: 9.5, bold: true },
      { text: "Go", x: edges.sideLeft, y: 120.5 },
      footer,
    ];
    const out = await problems(items, aside);
    expect(out.map((p) => p.message)).toContainEqual(
      expect.stringContaining("the sidebar's “Go” shares a line with the main column's “Acme”"),
    );
    // Set half a line lower, it is a line of its own.
    const apart = await problems(
      items.map((it) => (it.text === "Go" ? { ...it, y: 127 } : it)),
      aside,
    );
    expect(apart.map((p) => p.message).filter((m) => m.includes("shares a line"))).toEqual([]);
  });

  it("groups items into lines by baseline across the whole page, left to right", async () => {
    const lines = groupLines(
      readPdfPages(
        await fakePdf([
          [
            { text: "right", x: 300, y: 100 },
            { text: "left", x: 50, y: 100.4 },
            { text: "below", x: 50, y: 120 },
          ],
        ]),
      ),
    );
    expect(lines[0]!.map((l) => l.text)).toEqual(["left right", "below"]);
  });
});
