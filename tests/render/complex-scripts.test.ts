/**
 * Résumés in the scripts with shaping of their own (Arabic, Persian, Urdu, Hebrew, Devanagari,
 * Bengali, Tamil, Thai, Lao, Khmer, Vietnamese), each mixing its script with Latin names, numbers,
 * emails and URLs (tests/fixtures/scripts): every one builds in every theme with the read-back,
 * parse and structure checks passing, and two readers that are not ours — poppler and pdf.js —
 * find every value, in logical order, with no letter lost and no line running past the column.
 *
 * Before the changes to react-pdf's text layout and renderer (patches/README.md T5–T8, R3, R4)
 * these failed: letters were lost at a word's start, lines ran past the column, marks sat on the
 * wrong letter, and the readers got other letters (a ToUnicode map that named one letter for all
 * that share a shape), lam-alef backwards and Devanagari vowel signs before their consonants.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { logicalOrder } from "../../src/pdf/content.js";
import { build } from "../../src/pipeline/build.js";
import { squeeze } from "../../src/check/verify.js";
import { ARRANGEMENTS, firstMissingInOrder, pdffonts, pdftotext, readPdf, ROOT, tempDir, tool } from "../helpers.js";

const DIR = path.join(ROOT, "tests/fixtures/scripts");
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith(".yaml"))
  .sort();
const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const RTL = /[\p{Script=Hebrew}\p{Script=Arabic}]/u;

interface Fixture {
  basics: { name: string; label?: string; summary?: string };
  work?: { name: string; position?: string; highlights?: string[] }[];
  education?: { institution: string; area?: string }[];
}

/** The values a reader must find, in the order every theme prints them. */
function values(file: string): string[] {
  const r = parse(readFileSync(path.join(DIR, file), "utf8")) as Fixture;
  return [
    r.basics.name,
    ...(r.basics.label ? [r.basics.label] : []),
    ...(r.work ?? []).flatMap((w) => [w.name, ...(w.highlights ?? [])]),
    ...(r.education ?? []).map((e) => e.institution),
  ];
}

describe("every script builds in every theme and reads back in logical order", () => {
  const dir = tempDir();
  it("has fixtures for each script the tool prints", () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(7);
  });
  for (const file of FIXTURES) {
    it.each(ARRANGEMENTS)(`${file} in %s`, async (theme) => {
      const out = path.join(dir, `${path.basename(file, ".yaml")}-${theme}`);
      // The build's own checks (read-back, parse, structure, glyphs) must pass: it throws otherwise.
      const r = await build(path.join(DIR, file), { outDir: out, render: { theme }, env: EPOCH });
      const pdf = r.outputs.find((o) => o.endsWith(".pdf"))!;
      const want = values(file);

      // poppler, in reading order: every value, in order (bidi controls and spaces ignored). On a
      // right-to-left page poppler puts the punctuation around a Latin word where its own
      // reordering takes it ("ב-TypeScript," as "ב ,TypeScript-"), so punctuation is ignored there.
      // Joiners are invisible and readers drop them.
      const rtl = want.some((v) => RTL.test(v));
      const plain = (v: string) =>
        (rtl ? v.replace(/[\p{P}\u200c\u200d]/gu, "") : v.replace(/[\u200c\u200d]/gu, "")).replace(BIDI_CONTROLS, "");
      const poppler = pdftotext(pdf);
      expect(firstMissingInOrder(plain(poppler), want.map(plain)), "poppler").toBeUndefined();

      // pdf.js: every value; a right-to-left line is given left to right, as drawn, and is put in
      // logical order as a reader of it would (pdf.js keeps each word's letters in order).
      // pdf.js gives its text in compatibility form (NFKC: Lao ຳ as ໍາ), so values are compared so.
      const pdfjs = (await readPdf(readFileSync(pdf))).text.normalize("NFKC");
      // A glyph that stands for no letter must not read as one (pdf.js takes an empty entry's code).
      // eslint-disable-next-line no-control-regex -- the control characters are what is looked for
      expect(pdfjs, "pdf.js control characters").not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      const lines = plain(pdfjs)
        .split("\n")
        .map((l) => (RTL.test(l) ? wordsInLogicalOrder(l) : l));
      for (const value of want.map((v) => plain(v.normalize("NFKC"))))
        expect(squeeze(lines.join("\n")).includes(squeeze(value)) || wordsPresent(lines, value), value).toBe(true);

      // Both readers keep every right-to-left word whole, with its marks: no gap inside a word read
      // as a space, no part of a word read as a word of its own, no mark moved to another word.
      if (rtl)
        for (const word of new Set(want.flatMap((v) => v.normalize("NFC").match(RTL_WORD) ?? []))) {
          expect(wholeWord(poppler.normalize("NFC"), word), `poppler: ${word}`).toBe(true);
          expect(wholeWord(pdfjs.normalize("NFC"), word.normalize("NFKC").normalize("NFC")), `pdf.js: ${word}`).toBe(
            true,
          );
        }

      // Every font is embedded (never the default Helvetica a character no font has falls to).
      expect(pdffonts(pdf).filter((f) => !f.embedded)).toEqual([]);

      // No word runs past the page's margins.
      const bbox = tool("pdftotext", ["-bbox", pdf, "-"]).stdout;
      const width = Number(/<page width="([\d.]+)"/.exec(bbox)![1]);
      for (const m of bbox.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</g)) {
        expect(Number(m[1]), m[3]).toBeGreaterThanOrEqual(18);
        expect(Number(m[2]), m[3]).toBeLessThanOrEqual(width - 18);
      }
    });
  }
});

/** The bidirectional formatting characters poppler puts around a line's runs (LRE, RLE, PDF, LRM, RLM). */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** A word of a right-to-left script: its letters and marks, joiners dropped as readers drop them. */
const RTL_WORD =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{M}]*[\p{Script=Hebrew}\p{Script=Arabic}][\p{Script=Hebrew}\p{Script=Arabic}\p{M}\u200c]*/gu;

/**
 * Whether `word` (joiners dropped) is in `text` with no right-to-left letter or mark beside it (a
 * Latin word may be: "وAWS" is a word of each direction).
 */
function wholeWord(text: string, word: string): boolean {
  const w = word.replace(/\u200c/g, "");
  const edge = "[^\\p{Script=Hebrew}\\p{Script=Arabic}\\p{M}]";
  return new RegExp(`(^|${edge})${w}($|${edge})`, "u").test(text.replace(/\u200c/g, ""));
}

/** pdf.js's right-to-left line (its words left to right, each in its own order) in logical order. */
function wordsInLogicalOrder(line: string): string {
  return line.split(/\s+/).reverse().join(" ");
}

/**
 * Whether every word of `value` is in the text (for a line whose words pdf.js ordered otherwise):
 * a word of both directions ("وPostgreSQL", "בTypeScript") as its part in each.
 */
function wordsPresent(lines: string[], value: string): boolean {
  const text = squeeze(lines.join(""));
  const parts = value
    .split(/\s+/)
    .flatMap(
      (w) => w.match(/[\p{Script=Hebrew}\p{Script=Arabic}\p{M}]+|[^\p{Script=Hebrew}\p{Script=Arabic}\p{M}]+/gu) ?? [],
    );
  return parts.every((w) => text.includes(squeeze(w)));
}

describe("poppler's structure text (pdfinfo -struct-text)", () => {
  // Each structure element's text, as poppler gives it: the text of each of its marked-content
  // sequences, as drawn (a right-to-left sequence's letters left to right).
  const dir = tempDir();
  it.each(FIXTURES)("%s holds every value", async (file) => {
    const out = path.join(dir, file.replace(".yaml", ".pdf"));
    await build(path.join(DIR, file), { output: out, env: EPOCH });
    const struct = tool("pdfinfo", ["-struct-text", out]).stdout;
    const texts = [...struct.matchAll(/^\s*"(.*)"$/gmu)].map((m) => m[1]!);
    const want = values(file);
    if (!want.some((v) => RTL.test(v))) {
      // Left to right: every value, in order. A run drawn with an ActualText (Indic, Thai, Khmer)
      // is marked content of its own, so poppler gives every run of an element, not only its first.
      expect(firstMissingInOrder(texts.join("\n"), want)).toBeUndefined();
      return;
    }
    // Right to left: an element drawn in pieces (its runs with an ActualText, its links) has
    // them in the order they are written, each piece's letters as drawn: each is put in logical
    // order. Every value in order, and every word whole.
    const text = texts.map((t) => (RTL.test(t) ? logicalOrder(t, "rtl") : t)).join("\n");
    const plain = (v: string) => v.replace(/[\p{P}\u200c\u200d]/gu, "").replace(BIDI_CONTROLS, "");
    expect(firstMissingInOrder(plain(text), want.map(plain))).toBeUndefined();
    for (const word of new Set(want.flatMap((v) => v.normalize("NFC").match(RTL_WORD) ?? [])))
      expect(wholeWord(text.normalize("NFC"), word), word).toBe(true);
  });
});

describe("a right-to-left line read back", () => {
  it("is put in logical order, with Latin names, numbers and URLs inside kept left to right", () => {
    // As drawn (visual order, left to right) → as written, on a right-to-left page.
    expect(logicalOrder("Google ةكرش", "rtl")).toBe("شركة Google");
    expect(logicalOrder("2019 ذنم", "rtl")).toBe("منذ 2019");
    expect(logicalOrder("https://example.com/review :ةعجارملا ليلد", "rtl")).toBe(
      "دليل المراجعة: https://example.com/review",
    );
    expect(logicalOrder("ןהכ דוד", "rtl")).toBe("דוד כהן");
  });
  it("leaves a line with no right-to-left letter as it is", () => {
    expect(logicalOrder("Senior Engineer (2019–2024)", "rtl")).toBe("Senior Engineer (2019–2024)");
  });
  it("reads a Hebrew name inside a left-to-right line in place", () => {
    expect(logicalOrder("Managed by ןהכ דוד since 2020", "ltr")).toBe("Managed by דוד כהן since 2020");
  });
});

describe("invisible characters", () => {
  it("stay in the font of the text around them: no font is added for them", async () => {
    // A word joiner, ZWJ, LRM, soft hyphen, variation selector and zero-width space, none of which
    // the theme's font has: each used to be handed to the last font of the stack (the emoji font).
    const dir = tempDir();
    const file = path.join(dir, "invisible.yaml");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      file,
      'basics:\n  name: "Jane Doe"\n  label: "Engineer\\u2060 and\\u200d writer\\u200e"\n' +
        '  summary: "Builds things\\u00ad that last\\ufe0f and ships\\u200b them."\n',
    );
    const r = await build(file, { outDir: dir, render: { theme: "classic" }, env: EPOCH });
    expect(pdffonts(r.outputs[0]!).map((f) => f.name.replace(/^[A-Z]+\+/, ""))).toEqual([
      "SourceSerif4-Bold",
      "SourceSerif4-Regular",
    ]);
  });
});

describe("ligatures and reordered clusters read as their letters", () => {
  it("lam-alef, Devanagari and Bengali vowel signs come back in the order they are written", async () => {
    const dir = tempDir();
    const file = path.join(dir, "clusters.yaml");
    const text = {
      name: "الآن لا",
      label: "किताब विकास कार्य",
      summary: "প্রকৌশলী কর্ম",
    };
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      file,
      `basics:\n  name: ${JSON.stringify(text.name)}\n  label: ${JSON.stringify(text.label)}\n  summary: ${JSON.stringify(text.summary)}\n`,
    );
    const r = await build(file, { outDir: dir, env: EPOCH });
    const pdf = r.outputs[0]!;
    const poppler = squeeze(pdftotext(pdf));
    for (const v of Object.values(text)) expect(poppler).toContain(squeeze(v));
    const pdfjs = squeeze((await readPdf(readFileSync(pdf))).text);
    // pdf.js reads ToUnicode only (no ActualText): each cluster's glyphs must stand for its letters in order.
    for (const word of ["किताब", "विकास", "কর্ম", "الآن", "لا"]) expect(pdfjs).toContain(word);
  });
});
