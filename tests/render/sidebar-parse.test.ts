/**
 * A sidebar page reads, to a line-grouping résumé parser (check/parser.ts, `resume ats`), as the
 * same résumé in one column does: on a short résumé (a name, an email, a website and five jobs),
 * and on the real files where the header and the skill groups used to come apart (a wrapped
 * LinkedIn path glued to the headline, a place read as the headline, skill groups read as one
 * entry). Pages after the side column's take the full width of the text area. And the build's
 * parse check (check/parse-check.ts) warns, with the reason, where a sidebar page reads worse.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareParses } from "../../src/check/parse-check.js";
import { parseResume, type AtsResult } from "../../src/check/parser.js";
import { build, prepareResume } from "../../src/pipeline/build.js";
import { readPdfPages } from "../../src/pdf/reader.js";
import { columnEdges } from "../../src/render/layouts/sidebar.js";
import type { Theme } from "../../src/common/ids.js";
import { ROOT, tempDir } from "../helpers.js";

const dir = tempDir();
const env = { SOURCE_DATE_EPOCH: "1767225600" };
const real = (name: string) => path.join(ROOT, "tests/fixtures/real", name);

async function parsed(input: string, theme: Theme, name = path.basename(input)): Promise<AtsResult> {
  const output = path.join(dir, `${name}-${theme}.pdf`);
  await build(input, { output, env, render: { theme } });
  return parseResume(readPdfPages(readFileSync(output)));
}

describe("a short résumé: a name, an email, a website and five jobs", () => {
  const input = path.join(ROOT, "tests/fixtures/short-sidebar.yaml");

  it("reads in the sidebar theme as in the classic one: the name, the contacts, five jobs with their dates", async () => {
    const sidebar = await parsed(input, "sidebar");
    const classic = await parsed(input, "classic");
    expect(sidebar.name).toBe("John Doe");
    expect(sidebar.email).toBe("john.doe@example.com");
    expect(sidebar.links).toEqual(["https://john-doe.example.com"]);
    expect(sidebar.headline).toEqual([]);
    expect(sidebar.sections.map((s) => s.title)).toEqual(["EXPERIENCE"]);
    const jobs = sidebar.sections[0]!.entries;
    expect(jobs.map((e) => e.organisation)).toEqual([
      "Example Robotics",
      "Northfield Analytics",
      "Bluebird Studio",
      "Cedar Labs",
      "Harbour University",
    ]);
    expect(jobs.map((e) => e.dates)).toEqual([
      "Jun 2022 – Present",
      "Sep 2019 – May 2022",
      "Mar 2017 – Aug 2019",
      "Jul 2015 – Feb 2017",
      "Jan 2014 – Jun 2015",
    ]);
    expect({ ...sidebar, merged: [] }).toEqual({ ...classic, merged: [] });
  });
});

describe("real files whose sidebar pages came apart", () => {
  it("reads a long LinkedIn address whole, as a link, and the headline alone (08)", async () => {
    const r = await parsed(real("08-spanish.json"), "sidebar");
    expect(r.links).toContain("https://linkedin.com/in/miguel-cabrera-san-gil");
    expect(r.headline).toEqual(["Senior Software Developer"]);
  });

  it("reads a long place as the location, not the headline (71)", async () => {
    const r = await parsed(real("71-very-large-98kb.json"), "sidebar");
    expect(r.location).toBe("Ludwigshafen am Rhein, Rheinland-Pfalz, DE");
    expect(r.headline).toEqual(["Full-Stack Developer"]);
  });

  it("reads each skill group apart: its text starts a line of its own (63, 08)", async () => {
    for (const file of ["63-spanish-crlf-certifications.json", "08-spanish.json"]) {
      const { vm } = await prepareResume(real(file), { render: { theme: "sidebar" } });
      const skills = vm.sections.find((s) => s.id === "skills")!;
      if (skills.kind !== "rows") throw new Error("skills are rows");
      const r = await parsed(real(file), "sidebar");
      const read = r.sections.find((s) => s.title === skills.caps)!;
      expect(read.entries, file).toEqual([]);
      // Each group's first line is the start of its text ("Backend: Kotlin, Java,"), in order.
      const text = (row: { label: string; value: string }) => `${row.label}: ${row.value}`;
      const firsts = skills.rows.map((row) => read.lines.findIndex((l) => text(row).startsWith(l)));
      expect(
        firsts.every((at) => at >= 0),
        `${file}: ${JSON.stringify(read.lines)}`,
      ).toBe(true);
      expect([...firsts].sort((a, b) => a - b)).toEqual(firsts);
      expect(new Set(firsts).size).toBe(firsts.length);
      // Bold where the label and its colon share the line with the value.
      if (file.startsWith("08")) expect(read.lines.filter((l) => /^[^:]+: \S/.test(l)).length).toBe(skills.rows.length);
    }
  });

  it("reads skills named alone as one line each, never as one entry (21)", async () => {
    const { vm } = await prepareResume(real("21-linkedin-export-null-summary.json"), { render: { theme: "sidebar" } });
    const skills = vm.sections.find((s) => s.id === "skills")!;
    if (skills.kind !== "rows") throw new Error("skills are rows");
    const r = await parsed(real("21-linkedin-export-null-summary.json"), "sidebar");
    const read = r.sections.find((s) => s.title === skills.caps)!;
    expect(read.entries).toEqual([]);
    // One line each (a long one wraps onto a second).
    expect(read.lines.join(" ")).toBe(skills.rows.map((row) => row.label).join(" "));
    expect(read.lines.length).toBeLessThan(skills.rows.length + 3);
  });
});

describe("pages after the side column's", () => {
  it("set the main column across the whole text area", async () => {
    const input = path.join(ROOT, "tests/fixtures/long.yaml");
    const output = path.join(dir, "long-sidebar.pdf");
    await build(input, { output, env, render: { theme: "sidebar" } });
    const { vm, tokens } = await prepareResume(input, { render: { theme: "sidebar" } });
    const pages = readPdfPages(readFileSync(output));
    expect(pages.length).toBeGreaterThan(1);
    const { mainLeft } = columnEdges(tokens, vm.paper);
    const text = (p: number) => pages[p]!.items.filter((it) => it.str.trim());
    // Page 1: the main column starts at its edge, beside the side column.
    expect(text(0).some((it) => Math.abs(it.x - mainLeft) < 1)).toBe(true);
    for (let p = 1; p < pages.length; p++) {
      const items = text(p).filter((it) => !/ \/ \d+$/.test(it.str));
      // From the left margin to the right one; nothing at the narrow column's edge.
      expect(Math.min(...items.map((it) => it.x)), `page ${p + 1}`).toBeCloseTo(tokens.margin.left, 0);
      expect(Math.max(...items.map((it) => it.x + it.width)), `page ${p + 1}`).toBeGreaterThan(
        pages[p]!.width - tokens.margin.right - 40,
      );
      expect(
        items.filter((it) => Math.abs(it.x - mainLeft) < 0.5).length,
        `page ${p + 1}: lines starting at the main column's edge`,
      ).toBe(0);
    }
  });
});

describe("a résumé with nothing for the side column", () => {
  // Jobs only: the theme's side sections are all absent, so the page is one column. At the lengths
  // where the second page starts nearly empty, pagination looks for entries to take off the grid.
  it.each([10, 11, 12, 13])("builds at %i jobs, one column, every job read", async (n) => {
    const work = Array.from({ length: n }, (_, i) => ({
      name: `Company ${i + 1}`,
      position: "Engineer",
      startDate: `${2000 + i}-01`,
      endDate: `${2001 + i}-01`,
      highlights: [
        "Built a service that handled the payments of a large shop and its partners.",
        "Led a team of four engineers through a migration to a new database.",
      ],
    }));
    const input = path.join(dir, `jobs-${n}.json`);
    writeFileSync(input, JSON.stringify({ basics: { name: "Jane Doe", email: "jane@example.com" }, work }));
    const r = await parsed(input, "sidebar");
    expect(r.name).toBe("Jane Doe");
    expect(r.sections.flatMap((s) => s.entries).length).toBe(n);
  });
});

describe("the build's parse check", () => {
  it("says what a parser reads worse than from one column", async () => {
    const input = path.join(ROOT, "tests/fixtures/short-sidebar.yaml");
    const { vm, tokens } = await prepareResume(input, { render: { theme: "sidebar" } });
    const reference = await parsed(input, "classic", "check");
    // What the sidebar used to give: "EXPERIENCE" for the name, the jobs one run-on paragraph,
    // the website cut in two.
    const worse: AtsResult = {
      ...reference,
      name: "EXPERIENCE",
      links: ["https://john-doe."],
      headline: ["example.com"],
      sections: [{ title: "SUMMARY", found: "name", entries: [], lines: ["Example Robotics Jun 2022 – Present"] }],
    };
    const messages = compareParses(vm, tokens, worse, reference).map((p) => p.message);
    expect(messages).toEqual([
      "a parser reads the name as “EXPERIENCE”, where a one-column page gives “John Doe”",
      "a parser does not read the link “https://john-doe.example.com” whole",
      "a parser takes “example.com” for part of the headline",
      "a parser takes “SUMMARY” for a section title",
      "a parser does not find the section title “EXPERIENCE”",
    ]);
    expect(compareParses(vm, tokens, reference, reference)).toEqual([]);
  });

  it("holds skill groups to the one-column page: fewer entries than it reads are said", async () => {
    const input = real("08-spanish.json");
    const { vm, tokens } = await prepareResume(input, { render: { theme: "sidebar" } });
    const reference = await parsed(input, "sidebar", "rows");
    const skills = vm.sections.find((s) => s.id === "skills")!;
    const joined: AtsResult = {
      ...reference,
      sections: reference.sections.map((s) =>
        s.title === skills.caps
          ? { ...s, lines: [], entries: [{ organisation: "Backend Frontend DevOps", bullets: [], text: [] }] }
          : s,
      ),
    };
    const rows = skills.kind === "rows" ? skills.rows.length : 0;
    // One column reads each group as an entry: the sidebar's one entry for all is worse.
    const perRow: AtsResult = {
      ...reference,
      sections: reference.sections.map((s) =>
        s.title === skills.caps
          ? {
              ...s,
              entries:
                skills.kind === "rows" ? skills.rows.map(() => ({ organisation: "", bullets: [], text: [] })) : [],
            }
          : s,
      ),
    };
    expect(compareParses(vm, tokens, joined, perRow).map((p) => p.message)).toEqual([
      `a parser reads the ${rows} rows of “SKILLS” as 1 entry`,
    ]);
    // Where one column reads them as one entry too, the sidebar reads no worse.
    expect(compareParses(vm, tokens, joined, joined)).toEqual([]);
  });
});
