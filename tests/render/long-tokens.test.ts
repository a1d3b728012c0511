/**
 * A token longer than the line (a hash, a long address, a compound word, a dotted or snake_case
 * name) breaks inside the margins, in every field and theme, and still reads back whole.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPdfPages } from "../../src/pdf/reader.js";
import { squeeze } from "../../src/check/verify.js";
import { build } from "../../src/pipeline/build.js";
import { BREAK, breakWord } from "../../src/render/linebreak.js";
import { themes } from "../../src/render/themes/index.js";
import { ARRANGEMENTS, tempDir, writeFixture } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const HASH = "a3f9e0b1".repeat(38).slice(0, 300);
const WORD = "Donaudampfschifffahrtsgesellschaft".repeat(9).slice(0, 300);
const SNAKE = "snake_case_identifier_".repeat(14).slice(0, 300);
const DOTTED = "com.example.package.".repeat(15);

const q = JSON.stringify;
const resume = (side: boolean) => `basics:
  name: ${q(`Jane ${HASH.slice(0, 80)}`)}
  label: ${q(WORD)}
  email: ${q(`${"x".repeat(side ? 40 : 80)}@example.com`)}
  url: ${q(`https://example.com/${HASH.slice(0, side ? 40 : 300)}`)}
  phone: "+1 555 0100"
  summary: ${q(`Summary with ${HASH} and ${SNAKE}`)}
  location: {city: Berlin}
  profiles:
    - {network: GitHub, username: jane, url: ${q(`https://github.com/${SNAKE.slice(0, side ? 60 : 200)}`)}}
work:
  - name: ${q(`Acme ${WORD}`)}
    position: ${q(DOTTED)}
    location: ${q(HASH.slice(0, 150))}
    startDate: 2020-01
    summary: ${q(SNAKE)}
    highlights: [${q(`Fixed ${HASH}`)}, ${q(DOTTED)}]
education:
  - institution: ${q(WORD)}
    area: ${q(SNAKE.slice(0, 200))}
    studyType: BSc
    startDate: "2010"
    endDate: "2014"
skills:
  - name: ${q(WORD.slice(0, 150))}
    keywords: [${q(HASH.slice(0, 200))}, ${q(DOTTED.slice(0, 200))}]
projects:
  - name: ${q(SNAKE.slice(0, 180))}
    url: ${q(`https://example.org/${HASH.slice(0, 200)}`)}
    description: ${q(HASH)}
`;

// The sidebar theme's contacts stand in its narrow column, above its sections: addresses of
// hundreds of characters there run down beside the main column's first headings, which the
// read-back check then finds out of order (the build is refused, nothing written); there they are
// 40 to 80 characters, still longer than the column is wide.
describe("a token longer than the line", () => {
  it("breaks between graphemes, after a separator where there is one, and nowhere in a short word", () => {
    for (const token of [HASH, WORD, SNAKE, DOTTED, `${"é".normalize("NFD")}`.repeat(60), "👩‍💻".repeat(50)]) {
      const parts = breakWord(token);
      const pieces = parts.filter((p) => p !== BREAK);
      expect(pieces.join("")).toBe(token);
      expect(pieces.length).toBeGreaterThan(1);
      const seg = new Intl.Segmenter(undefined, { granularity: "grapheme" });
      for (const p of pieces) {
        expect([...seg.segment(p)].length).toBeLessThanOrEqual(24);
        // Never splits a grapheme: each piece starts with a whole one.
        expect(/^\p{M}|^\u200D/u.test(p)).toBe(false);
      }
    }
    expect(breakWord(SNAKE).filter((p) => p !== BREAK)[0]).toBe("snake_");
    expect(breakWord(DOTTED).filter((p) => p !== BREAK)[0]).toBe("com.");
    expect(breakWord("Internationalization")).toEqual(["Internationalization"]);
  });

  it.each(ARRANGEMENTS)("stays inside the margins in every field, and reads back whole (%s)", async (theme) => {
    const dir = tempDir();
    const input = writeFixture(dir, "r.yaml", resume(theme === "sidebar"));
    const out = path.join(dir, `${theme}.pdf`);
    // The build's own read-back check (on by default) compares the text.
    await build(input, { output: out, env: EPOCH, render: { theme } });
    const pages = readPdfPages(readFileSync(out));
    const { margin } = themes[theme];
    let text = "";
    for (const page of pages) {
      // Nothing within 10 mm of an edge, and nothing past the theme's margins.
      const left = Math.max(margin.left, 28.35) - 0.5;
      const right = page.width - Math.max(margin.right, 28.35) + 0.5;
      for (const it of page.items) {
        if (!it.str.trim()) continue;
        expect(it.x, `${theme}: "${it.str}"`).toBeGreaterThanOrEqual(left);
        expect(it.x + it.width, `${theme}: "${it.str}"`).toBeLessThanOrEqual(right);
      }
      text += page.lines.map((l) => l.text).join("");
    }
    for (const token of [HASH, WORD, SNAKE, DOTTED]) expect(squeeze(text)).toContain(squeeze(token));
  });
});
