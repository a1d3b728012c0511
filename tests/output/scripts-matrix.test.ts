/**
 * Every résumé of tests/fixtures/scripts in every output, one test per script: the PDF builds with
 * its read-back check on; the Word file's paragraphs are right to left (w:bidi) exactly when the
 * résumé is, its Arabic and Hebrew runs are right-to-left runs (w:rtl) and no others are, and
 * each run of a script with a font of its own names that font as its complex-script font
 * (w:rFonts w:cs); Markdown and plain text hold the résumé's own name, summary and first
 * highlight as written (logical order, NFC), in the order of the document; and a cover letter
 * from the same file reads in the résumé's direction. The Word file, Markdown and letter are built
 * in every theme too (each résumé's PDF in every theme: tests/render/complex-scripts.test.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { type ScriptFont } from "../../src/common/ids.js";
import { build, prepareResume } from "../../src/pipeline/build.js";
import { buildLetter, prepareLetter } from "../../src/pipeline/letter.js";
import { SCRIPT_FAMILIES } from "../../src/render/fonts.js";
import { ARRANGEMENTS, ROOT, tempDir, writeFixture } from "../helpers.js";

const DIR = path.join(ROOT, "tests/fixtures/scripts");
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => path.basename(f, ".yaml"))
  .sort();
const env = { SOURCE_DATE_EPOCH: "1700000000" };

/**
 * What each fixture is, said here rather than worked out by the code under test: whether the
 * résumé reads right to left, and the script with a font of its own that it is written in
 * (none for Vietnamese, which is Latin).
 */
const EXPECTED: Record<string, { rtl: boolean; script?: ScriptFont }> = {
  ar: { rtl: true, script: "arabic" },
  fa: { rtl: true, script: "arabic" },
  ur: { rtl: true, script: "arabic" },
  he: { rtl: true, script: "hebrew" },
  "en-hebrew-name": { rtl: false, script: "hebrew" },
  hi: { rtl: false, script: "devanagari" },
  mr: { rtl: false, script: "devanagari" },
  ne: { rtl: false, script: "devanagari" },
  bn: { rtl: false, script: "bengali" },
  ta: { rtl: false, script: "tamil" },
  th: { rtl: false, script: "thai" },
  lo: { rtl: false, script: "lao" },
  km: { rtl: false, script: "khmer" },
  vi: { rtl: false },
};

const SCRIPT_LETTER: Record<ScriptFont, RegExp> = {
  arabic: /\p{Script=Arabic}/u,
  hebrew: /\p{Script=Hebrew}/u,
  devanagari: /\p{Script=Devanagari}/u,
  bengali: /\p{Script=Bengali}/u,
  tamil: /\p{Script=Tamil}/u,
  thai: /\p{Script=Thai}/u,
  lao: /\p{Script=Lao}/u,
  khmer: /\p{Script=Khmer}/u,
};
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
/** Marks and isolates of direction: logical-order text needs none. */
const CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/u;

interface Fixture {
  basics: { name: string; summary?: string };
  work?: { highlights?: string[] }[];
}

const nfc = (s: string) => s.normalize("NFC");

/** The fixture's own strings, from its YAML: its name, its summary's first sentence, its first highlight. */
function strings(name: string): { name: string; summary: string; highlight: string } {
  const r = parse(readFileSync(path.join(DIR, `${name}.yaml`), "utf8")) as Fixture;
  const summary = r.basics.summary!.trim();
  // A sentence ends at a full stop (Latin, Devanagari's danda, Urdu's) before a space; Thai, Lao
  // and Khmer summaries of one sentence have none and are taken whole.
  const sentence = /^.+?[.!?।۔](?=\s)/su.exec(summary)?.[0] ?? summary;
  const highlight = r.work?.find((w) => w.highlights?.length)?.highlights?.[0];
  if (!highlight) throw new Error(`${name}.yaml: no work highlight to look for`);
  return { name: nfc(r.basics.name), summary: nfc(sentence), highlight: nfc(highlight) };
}

/** Markdown as a reader of it sees the text: backslash escapes of punctuation undone. */
const unescapeMarkdown = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, "$1");

const xmlText = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

interface Run {
  props: string;
  text: string;
}

/** The body's paragraphs (their properties) and runs (their properties and text) of a document.xml. */
function paragraphsOf(documentXml: string): { props: string; runs: Run[] }[] {
  return [...documentXml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, p]) => ({
    props: /^<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p!)?.[1] ?? "",
    runs: [...p!.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, r]) => ({
      props: /^<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r!)?.[1] ?? "",
      text: xmlText([...r!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")),
    })),
  }));
}

const documentXml = (file: string) => strFromU8(unzipSync(readFileSync(file))["word/document.xml"]!);

/** Where each of `values` starts in `text`, in turn: each must be there, after the one before. */
function inOrder(text: string, values: string[], what: string): void {
  let from = 0;
  for (const value of values) {
    const at = text.indexOf(value, from);
    expect(at, `${what}: "${value}" as written, after the value before it`).toBeGreaterThanOrEqual(0);
    from = at + value.length;
  }
}

describe("every script in every output", () => {
  const dir = tempDir();

  it("knows what each fixture is", () => {
    expect(FIXTURES.filter((f) => !EXPECTED[f])).toEqual([]);
    // Both directions and a script of each kind are covered.
    expect(FIXTURES.filter((f) => EXPECTED[f]!.rtl).length).toBeGreaterThanOrEqual(4);
    expect(FIXTURES.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of FIXTURES) {
    it(`${name}: PDF, Word, Markdown, text and a cover letter`, async () => {
      const expected = EXPECTED[name]!;
      const own = strings(name);
      const file = path.join(DIR, `${name}.yaml`);
      const out = path.join(dir, name);

      // The PDF builds with its read-back check (every value found again, in order): it throws otherwise.
      const r = await build(file, { outDir: out, formats: ["pdf", "docx", "md", "txt"], verify: true, env });
      const pdf = r.outputs.find((o) => o.endsWith(".pdf"));
      expect(pdf).toBeDefined();
      expect(r.pages).toBeGreaterThanOrEqual(1);
      expect(readFileSync(pdf!).subarray(0, 5).toString("latin1")).toBe("%PDF-");

      // Word: paragraphs right to left exactly when the résumé is.
      const paragraphs = paragraphsOf(documentXml(r.outputs.find((o) => o.endsWith(".docx"))!));
      expect(paragraphs.length).toBeGreaterThan(8);
      for (const p of paragraphs) {
        const text = p.runs.map((x) => x.text).join("");
        if (expected.rtl) expect(p.props, text).toContain("<w:bidi/>");
        else expect(p.props, text).not.toContain("<w:bidi/>");
      }
      // Runs: right to left for every Arabic or Hebrew one; never for a Latin one, nor for any other
      // in a left-to-right résumé (digits and spaces between right-to-left words may be).
      const runs = paragraphs.flatMap((p) => p.runs).filter((x) => x.text);
      for (const run of runs) {
        const rtlRun = run.props.includes("<w:rtl/>");
        if (RTL_LETTER.test(run.text)) expect(rtlRun, run.text).toBe(true);
        else if (LATIN_LETTER.test(run.text) || !expected.rtl) expect(rtlRun, run.text).toBe(false);
      }
      // A left-to-right résumé has right-to-left runs only for its Arabic or Hebrew words (a name).
      expect(runs.some((x) => x.props.includes("<w:rtl/>"))).toBe(runs.some((x) => RTL_LETTER.test(x.text)));
      // The complex-script font of each run in the script: the family the PDF draws it with.
      if (expected.script) {
        const c = await prepareResume(file, {});
        const serif = ["Source Serif 4", "EB Garamond"].includes(c.tokens.font.body);
        const family = SCRIPT_FAMILIES[expected.script][serif ? "serif" : "sans"];
        const inScript = runs.filter((x) => SCRIPT_LETTER[expected.script!].test(x.text));
        expect(inScript.length).toBeGreaterThan(0);
        for (const run of inScript) expect(/<w:rFonts w:cs="([^"]+)"/.exec(run.props)?.[1], run.text).toBe(family);
      } else {
        expect(runs.filter((x) => /w:cs=/.test(x.props)).map((x) => x.text)).toEqual([]);
      }

      // Markdown and text: the résumé's own strings as written, in the document's order.
      const md = nfc(
        unescapeMarkdown(
          readFileSync(
            r.outputs.find((o) => o.endsWith(".md"))!,
            "utf8",
          ),
        ),
      );
      const txt = nfc(
        readFileSync(
          r.outputs.find((o) => o.endsWith(".txt"))!,
          "utf8",
        ),
      );
      for (const [what, text] of [
        ["Markdown", md],
        ["text", txt],
      ] as const) {
        inOrder(text, [own.name, own.summary, own.highlight], what);
        expect(text, what).not.toMatch(CONTROLS);
      }

      // A cover letter from the résumé's own list, written in its language: in the résumé's direction.
      const withLetter = writeFixture(
        dir,
        `${name}-letters.yaml`,
        `${readFileSync(file, "utf8")}\nletters:\n  - id: apply\n    to:\n      organization: Example\n` +
          `    body:\n      - ${JSON.stringify(own.summary)}\n`,
      );
      const prepared = await prepareLetter(withLetter, { letter: "apply", env });
      expect(prepared.model.direction).toBe(expected.rtl ? "rtl" : "ltr");
      const letter = await buildLetter(withLetter, {
        letter: "apply",
        outDir: path.join(out, "letter"),
        formats: ["pdf", "docx", "md"],
        verify: true,
        env,
      });
      const letterParagraphs = paragraphsOf(documentXml(letter.outputs.find((o) => o.endsWith(".docx"))!));
      expect(letterParagraphs.length).toBeGreaterThan(2);
      for (const p of letterParagraphs) {
        if (expected.rtl) expect(p.props).toContain("<w:bidi/>");
        else expect(p.props).not.toContain("<w:bidi/>");
      }
      const letterMd = nfc(
        unescapeMarkdown(
          readFileSync(
            letter.outputs.find((o) => o.endsWith(".md"))!,
            "utf8",
          ),
        ),
      );
      inOrder(letterMd, [own.name, own.summary], "letter Markdown");

      // Every theme: the Word file and Markdown, and the letter (its PDF read back), the same way.
      // (tests/render/complex-scripts.test.ts builds each résumé's PDF in every theme.)
      for (const theme of ARRANGEMENTS) {
        const t = await build(file, { outDir: path.join(out, theme), formats: ["docx", "md"], render: { theme }, env });
        for (const p of paragraphsOf(documentXml(t.outputs.find((o) => o.endsWith(".docx"))!)))
          expect(p.props.includes("<w:bidi/>"), `${theme}: ${p.runs.map((x) => x.text).join("")}`).toBe(expected.rtl);
        const themedMd = nfc(
          unescapeMarkdown(
            readFileSync(
              t.outputs.find((o) => o.endsWith(".md"))!,
              "utf8",
            ),
          ),
        );
        inOrder(themedMd, [own.name, own.summary, own.highlight], `${theme} Markdown`);
        const themed = await buildLetter(withLetter, {
          letter: "apply",
          outDir: path.join(out, theme, "letter"),
          formats: ["pdf", "docx"],
          render: { theme },
          verify: true,
          env,
        });
        for (const p of paragraphsOf(documentXml(themed.outputs.find((o) => o.endsWith(".docx"))!)))
          expect(p.props.includes("<w:bidi/>"), `${theme} letter`).toBe(expected.rtl);
      }
    }, 120_000);
  }
});
