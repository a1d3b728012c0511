/**
 * Text outputs show the résumé's values as written and nothing else: Markdown makes no link,
 * image, HTML, heading or list of them; a control character (NUL included) is refused like ESC.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mdText } from "../../src/output/text.js";
import { run, tempDir, writeFixture } from "../helpers.js";

const env = { SOURCE_DATE_EPOCH: "1767225600" };

/**
 * What a CommonMark reader sees as active in `md`: every character except those a backslash
 * escapes (a backslash before ASCII punctuation makes it literal), escaped ones replaced by "·".
 */
function active(md: string): string {
  let out = "";
  for (let i = 0; i < md.length; i++) {
    if (md[i] === "\\" && /[!-/:-@[-`{-~]/.test(md[i + 1] ?? "")) {
      out += "·";
      i++;
    } else out += md[i];
  }
  return out;
}

/** The text a reader sees: escapes undone, the output's own emphasis markers and link targets removed. */
const shown = (md: string) =>
  md
    .replace(/(?<!\\)\]\([^)]*\)/g, "]")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .replace(/\u00A0/g, " ");

const PAYLOADS = {
  name: "Acme](javascript:alert(1))[x",
  label: "x < y <T> & z",
  summary:
    "Intro\n\n# Injected heading\n1. not a list\n> not a quote\n![pic](https://evil.example/p.png) &#106;avascript: [y](javascript:alert(2)) https://www.linkedin.com@evil.example/in/jane www.evil.example",
  company: "Evil](javascript:alert(3))",
  position: "Boss | a | b |",
  highlight: "**ok** then [z](javascript:alert(4)) and `tick` ~~gone~~",
  skill: "C# & <T>",
};

const RESUME = `basics:
  name: ${JSON.stringify(PAYLOADS.name)}
  label: ${JSON.stringify(PAYLOADS.label)}
  email: jane@example.com
  summary: ${JSON.stringify(PAYLOADS.summary)}
work:
  - name: ${JSON.stringify(PAYLOADS.company)}
    url: https://acme.example/
    position: ${JSON.stringify(PAYLOADS.position)}
    startDate: 2020-01
    highlights: [${JSON.stringify(PAYLOADS.highlight)}]
skills:
  - {name: Languages, keywords: [${JSON.stringify(PAYLOADS.skill)}]}
`;

describe("Markdown output", () => {
  it("makes no link, image, HTML, heading or list of a value, and shows it as written", async () => {
    const dir = tempDir();
    writeFixture(dir, "r.yaml", RESUME);
    const r = await run(["build", "r.yaml", "-o", "cv.pdf", "-f", "md,txt"], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(path.join(dir, "cv.md"), "utf8");
    const txt = readFileSync(path.join(dir, "cv.txt"), "utf8");
    const a = active(md);
    // No HTML, no autolink, no entity, no image.
    expect(a).not.toMatch(/</);
    expect(a).not.toMatch(/&#?[a-z0-9]+;/i);
    expect(a).not.toContain("![");
    expect(a).not.toContain("`");
    // GFM autolinks: no bare scheme:// or www. in running text.
    expect(a.replace(/\]\([^)]*\)/g, "")).not.toMatch(/https?:\/\/|www\./i);
    // Links only where the résumé has them, to its addresses.
    const targets = [...a.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]);
    // (the summary's own markup link, to https, stays one; never an image)
    expect(targets.sort()).toEqual(["https://acme.example/", "https://evil.example/p.png", "mailto:jane@example.com"]);
    // Headings only the output's own: the name, the sections, the entry.
    const headings = a.split("\n").filter((l) => /^ {0,3}#/.test(l));
    expect(headings).toEqual([
      "# " + active(mdText(PAYLOADS.name)),
      "## Summary",
      "## Experience",
      "### [" + active(mdText(PAYLOADS.company)) + "](https://acme.example/) — Jan 2020 – Present",
      "## Skills",
    ]);
    // No line opens a list, quote, block or table it was not meant to.
    for (const line of a.split("\n")) {
      if (/^ {0,3}(?:[-+*]|\d+[.)]) /.test(line)) expect(line).toMatch(/^- (?:\*\*Languages:\*\* |[^-])/);
      expect(line).not.toMatch(/^ {0,3}(?:>|<|={2,}|-{3,}|\||\d+[.)] )/);
    }
    // Every value is there, as written.
    // Every value is there, as the plain text (and the PDF) print it.
    const text = shown(md);
    const values = [
      PAYLOADS.name,
      PAYLOADS.label,
      PAYLOADS.company,
      PAYLOADS.position,
      PAYLOADS.skill,
      "# Injected heading",
      "1. not a list",
      "> not a quote",
      "[y](javascript:alert(2)) https://www.linkedin.com@evil.example/in/jane www.evil.example",
      "then [z](javascript:alert(4)) and `tick` ~~gone~~",
    ];
    for (const value of values) {
      expect(txt).toContain(value);
      expect(text).toContain(value);
    }
  });
});

describe("control characters", () => {
  it.each([
    ["NUL", "\\0"],
    ["ESC", "\\e"],
    ["BEL", "\\a"],
    ["vertical tab", "\\v"],
    ["DEL", "\\x7F"],
    ["C1 NEL", "\\x85"],
  ])("%s is refused where it is, in every output", async (_, escape) => {
    const dir = tempDir();
    writeFixture(dir, "r.yaml", `basics:\n  name: "Jane${escape}Doe"\n`);
    for (const formats of ["pdf", "txt", "md"]) {
      const r = await run(["build", "r.yaml", "-o", "cv.pdf", "-f", formats], { cwd: dir, env });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /r\.yaml:2:\d+ +basics\.name +control characters \(U\+00[0-9A-F]{2}\) in 1 field cannot be printed; remove them/,
      );
      expect(r.stderr).toContain("nothing was written");
    }
  });
});
