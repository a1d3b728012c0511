/**
 * Word files of résumés and letters in complex scripts, read from their XML: a right-to-left
 * document's paragraphs are right to left (w:bidi) and mirrored (the header on the right, dates
 * at a tab stop at the end of the line, bullets on the right, the title's bar on the right); each
 * run of Arabic or Hebrew is right to left (w:rtl); each run of a script with a font of its own
 * names that font as its complex-script font (w:rFonts w:cs, the family the PDF draws it with),
 * its language (w:lang w:bidi), and its complex-script size and weight (w:szCs, w:bCs); Latin
 * text keeps plain runs, and a left-to-right document keeps left-to-right paragraphs around a
 * Hebrew name. Text and Markdown keep the logical order with no bidirectional controls.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { type ScriptFont } from "../../src/common/ids.js";
import { build, prepareResume } from "../../src/pipeline/build.js";
import { buildLetter, prepareLetter } from "../../src/pipeline/letter.js";
import { SCRIPT_FAMILIES } from "../../src/render/fonts.js";
import { CONTACT_SEPARATOR, readingOrder } from "../../src/render/themes/reading.js";
import { stretches } from "../../src/output/docx-scripts.js";
import { ARRANGEMENTS, firstMissingInOrder, ROOT, tempDir, writeFixture } from "../helpers.js";

const dir = tempDir();
const env = { SOURCE_DATE_EPOCH: "1700000000" };
const fixture = (name: string) => path.join(ROOT, "tests/fixtures/scripts", `${name}.yaml`);

/** The parts of a .docx, as text. */
function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

interface Run {
  props: string;
  text: string;
}
interface Para {
  props: string;
  runs: Run[];
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The body's paragraphs: their properties, and their runs' properties and text. */
function paragraphsOf(documentXml: string): Para[] {
  return [...documentXml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, p]) => ({
    props: /^<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p!)?.[1] ?? "",
    runs: [...p!.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, r]) => ({
      props: /^<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r!)?.[1] ?? "",
      text: unescape([...r!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")),
    })),
  }));
}

async function docx(file: string, theme: string, name = `${path.basename(file, ".yaml")}-${theme}`) {
  const r = await build(file, {
    output: path.join(dir, `${name}.pdf`),
    formats: ["docx", "md", "txt"],
    env,
    render: { theme: theme as never },
  });
  const word = r.outputs.find((o) => o.endsWith(".docx"))!;
  const bytes = readFileSync(word);
  const p = parts(bytes);
  return {
    bytes,
    parts: p,
    paragraphs: paragraphsOf(p["word/document.xml"]!),
    md: readFileSync(word.replace(/\.docx$/, ".md"), "utf8"),
    txt: readFileSync(word.replace(/\.docx$/, ".txt"), "utf8"),
  };
}

/** The family the PDF draws `script` with in `theme` (Naskh-like serif for serif themes). */
async function familyOf(file: string, theme: string, script: ScriptFont): Promise<string> {
  const c = await prepareResume(file, { render: { theme: theme as never } });
  const serif = ["Source Serif 4", "EB Garamond"].includes(c.tokens.font.body);
  return SCRIPT_FAMILIES[script][serif ? "serif" : "sans"];
}

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/u;
const attr = (props: string, re: RegExp) => re.exec(props)?.[1];

describe("-f docx: right-to-left résumés", () => {
  for (const [name, script, lang] of [
    ["ar", "arabic", "ar"],
    ["he", "hebrew", "he"],
    ["fa", "arabic", "ar"],
  ] as const) {
    for (const theme of ARRANGEMENTS) {
      it(`${name}, ${theme}: right-to-left paragraphs and runs, the script's font, language, size and weight`, async () => {
        const file = fixture(name);
        const { paragraphs, parts: p } = await docx(file, theme);
        const family = await familyOf(file, theme, script);
        // The language of the runs: the document's when it is written in the script (Persian once
        // it is a locale), else the script's first language.
        const { metadata } = (await prepareResume(file, { render: { theme: theme as never } })).vm;
        const language = metadata.language.split("-")[0] === name ? metadata.language : lang;
        expect(paragraphs.length).toBeGreaterThan(15);
        // Every paragraph is right to left.
        for (const para of paragraphs) expect(para.props, JSON.stringify(para.runs)).toContain("<w:bidi/>");
        const runs = paragraphs.flatMap((x) => x.runs).filter((r) => r.text);
        const rtl = runs.filter((r) => RTL_LETTER.test(r.text));
        expect(rtl.length).toBeGreaterThan(20);
        for (const r of rtl) {
          expect(r.props, r.text).toContain("<w:rtl/>");
          expect(attr(r.props, /<w:rFonts w:cs="([^"]+)"/), r.text).toBe(family);
          expect(attr(r.props, /<w:lang w:bidi="([^"]+)"/), r.text).toBe(language);
          // The complex-script size and weight follow the run's own.
          const size = attr(r.props, /<w:sz w:val="(\d+)"/);
          if (size) expect(attr(r.props, /<w:szCs w:val="(\d+)"/), r.text).toBe(size);
          if (/<w:b\/>/.test(r.props)) expect(r.props, r.text).toContain("<w:bCs/>");
          // No Latin letter is set in a right-to-left run (it would take the Arabic or Hebrew font).
          expect(r.text).not.toMatch(LATIN_LETTER);
        }
        expect(rtl.some((r) => /<w:b\/><w:bCs\/>/.test(r.props))).toBe(true);
        expect(rtl.some((r) => /<w:sz w:val="\d+"\/><w:szCs w:val="\d+"\/>/.test(r.props))).toBe(true);
        // Latin words keep plain left-to-right runs.
        const latin = runs.filter((r) => LATIN_LETTER.test(r.text));
        expect(latin.length).toBeGreaterThan(5);
        for (const r of latin) expect(r.props, r.text).not.toMatch(/<w:rtl\/>|w:cs=/);
        // The sizes and weights the styles give (the name's, the section titles') cover complex scripts too.
        const styles = p["word/styles.xml"]!;
        for (const id of ["Heading1", "Heading2"]) {
          const style = new RegExp(`w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)![0];
          expect(style).toMatch(/<w:b\/><w:bCs\/>/);
          expect(attr(style, /<w:szCs w:val="(\d+)"/)).toBe(attr(style, /<w:sz w:val="(\d+)"/));
        }
      });
    }
  }

  it("mirrors the layout: header on the right, dates at the end (left), bullets and the title's bar on the right", async () => {
    for (const theme of ["modern", "classic"]) {
      const { paragraphs, parts: p } = await docx(fixture("ar"), theme, `ar-layout-${theme}`);
      const c = await prepareResume(fixture("ar"), { render: { theme: theme as never } });
      const header = paragraphs.slice(0, 3);
      // Word and LibreOffice read a right-to-left paragraph's w:jc left and right as its start and
      // end: "left" sets it on the right of the page, as the theme's left-aligned header mirrored.
      const jc = c.tokens.header.align === "center" ? "center" : "left";
      for (const para of header) expect(para.props).toContain(`<w:jc w:val="${jc}"/>`);
      // An entry's first line: its title at the start, its dates at a tab stop at the end of the
      // line (a right-to-left paragraph measures it from the right: the full width is the left margin).
      const titled = paragraphs.filter((x) => x.props.includes('<w:pStyle w:val="Heading3"/>'));
      expect(titled.length).toBe(3);
      for (const para of titled) {
        expect(para.props).toMatch(/<w:tab w:val="end" w:pos="\d+"\/>/);
        expect(para.props).not.toMatch(/w:val="right"/);
        const dates = para.runs
          .slice(para.runs.findIndex((r) => r.text === "") + 1)
          .map((r) => r.text)
          .join("");
        expect(dates).toMatch(/2019|2015|2011/);
      }
      const numbering = p["word/numbering.xml"]!;
      expect(numbering).toMatch(/<w:lvlJc w:val="right"\/>/);
      expect(numbering).toMatch(/<w:ind w:start="240" w:hanging="200"\/>/);
      const heading2 = /w:styleId="Heading2"[\s\S]*?<\/w:style>/.exec(p["word/styles.xml"]!)![0];
      if (c.tokens.sectionTitle.decoration === "bar") {
        expect(heading2).toMatch(/<w:pBdr><w:right /);
        expect(heading2).not.toMatch(/<w:left /);
      }
    }
  });

  it("keeps the contacts in order from the right: separators held right to left, a telephone number left to right", async () => {
    const { paragraphs } = await docx(fixture("ar"), "modern", "ar-contacts");
    const contacts = paragraphs[2]!.runs.map((r) => r.text).join("");
    const c = await prepareResume(fixture("ar"), { render: { theme: "modern" } });
    expect(contacts.replace(/[\u200E\u200F]/g, "")).toBe(c.vm.contacts.map((x) => x.text).join(CONTACT_SEPARATOR));
    // Each separator between two right-to-left marks; the telephone number after a left-to-right mark.
    expect(contacts.split(`\u200F${CONTACT_SEPARATOR}\u200F`).length).toBe(c.vm.contacts.length);
    expect(contacts).toContain("\u200E+971 50 123 4567");
    // Nothing else gets a mark: addresses start with a letter that sets their direction.
    expect(contacts).not.toMatch(/\u200E[a-z]/);
  });

  it("reads back in logical order (mammoth), Markdown and text in logical order with no bidirectional controls", async () => {
    for (const name of ["ar", "he", "fa"]) {
      const file = fixture(name);
      const { bytes, md, txt } = await docx(file, "sidebar", `${name}-order`);
      const c = await prepareResume(file, { render: { theme: "sidebar" } });
      expect(c.vm.direction).toBe("rtl");
      const values = readingOrder(c.vm, c.tokens, { oneColumn: true }).map((e) => e.text);
      const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      expect(firstMissingInOrder(text, values), name).toBeUndefined();
      // Text and Markdown write the values as they are, in logical order, for the reader's own
      // bidirectional algorithm; a line of a right-to-left document starts with its right-to-left
      // text where the value does, so a reader that takes a line's direction from its first letter
      // lays it out right to left without any mark; nothing is inserted.
      expect(txt).not.toMatch(CONTROLS);
      expect(md).not.toMatch(CONTROLS);
      expect(md).not.toMatch(/dir=|<div|<p /);
      expect(firstMissingInOrder(txt, values), name).toBeUndefined();
      const lines = txt.split("\n");
      expect(lines[0]).toBe(c.vm.name);
      expect(md.split("\n")[0]).toBe(`# ${c.vm.name}`);
      for (const b of c.vm.sections.flatMap((s) => (s.kind === "entries" ? s.entries.flatMap((e) => e.bullets) : [])))
        expect(lines).toContain(`• ${b}`);
    }
  });
});

describe("-f docx: complex scripts in left-to-right documents", () => {
  it("Hindi and Thai: their font and language on their runs, paragraphs left to right", async () => {
    for (const [name, script, lang] of [
      ["hi", "devanagari", "hi"],
      ["th", "thai", "th"],
    ] as const) {
      for (const theme of ["classic", "modern"]) {
        const file = fixture(name);
        const { paragraphs, bytes } = await docx(file, theme, `${name}-${theme}`);
        const c = await prepareResume(file, { render: { theme: theme as never } });
        expect(c.vm.direction).toBe("ltr");
        const family = await familyOf(file, theme, script);
        for (const para of paragraphs) expect(para.props).not.toContain("<w:bidi/>");
        const runs = paragraphs.flatMap((x) => x.runs).filter((r) => r.text);
        const own = runs.filter((r) =>
          new RegExp(`\\p{Script=${name === "hi" ? "Devanagari" : "Thai"}}`, "u").test(r.text),
        );
        expect(own.length).toBeGreaterThan(15);
        for (const r of own) {
          expect(attr(r.props, /<w:rFonts w:cs="([^"]+)"/), r.text).toBe(family);
          expect(attr(r.props, /<w:lang w:bidi="([^"]+)"/), r.text).toBe(lang);
          expect(r.props).not.toContain("<w:rtl/>");
          expect(r.text).not.toMatch(LATIN_LETTER);
        }
        for (const r of runs.filter((x) => LATIN_LETTER.test(x.text))) expect(r.props).not.toMatch(/w:cs=|<w:rtl\/>/);
        const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
        const values = readingOrder(c.vm, c.tokens, { oneColumn: true }).map((e) => e.text);
        expect(firstMissingInOrder(text, values)).toBeUndefined();
      }
    }
  });

  it("a Hebrew name and an Arabic phrase in an English résumé: right-to-left runs in left-to-right paragraphs", async () => {
    const file = writeFixture(
      dir,
      "mixed.yaml",
      [
        "basics:",
        "  name: יעל בן דוד",
        "  label: Localization engineer",
        "  email: yael@example.com",
        "  phone: '+972 54 000 1111'",
        "work:",
        "  - name: Lingua Labs",
        "    position: Localization engineer",
        "    startDate: 2019-05",
        "    highlights:",
        "      - Translated the onboarding guide (دليل الانضمام) for 12 markets.",
        "      - Set up right-to-left layouts for Hebrew and Arabic releases.",
      ].join("\n"),
    );
    const { paragraphs } = await docx(file, "modern", "mixed");
    const c = await prepareResume(file, { render: { theme: "modern" } });
    expect(c.vm.direction).toBe("ltr");
    for (const para of paragraphs) expect(para.props).not.toContain("<w:bidi/>");
    const name = paragraphs[0]!.runs;
    expect(name.map((r) => r.text)).toEqual(["יעל בן דוד"]);
    expect(name[0]!.props).toContain("<w:rtl/>");
    expect(attr(name[0]!.props, /<w:rFonts w:cs="([^"]+)"/)).toBe(SCRIPT_FAMILIES.hebrew.sans);
    expect(attr(name[0]!.props, /<w:lang w:bidi="([^"]+)"/)).toBe("he");
    const bullet = paragraphs.find((x) => x.runs.some((r) => r.text.includes("onboarding")))!;
    expect(bullet.runs.map((r) => [r.text, r.props.includes("<w:rtl/>")])).toEqual([
      ["Translated the onboarding guide (", false],
      ["دليل الانضمام", true],
      [") for 12 markets.", false],
    ]);
    expect(attr(bullet.runs[1]!.props, /<w:rFonts w:cs="([^"]+)"/)).toBe(SCRIPT_FAMILIES.arabic.sans);
    // Left to right, the contacts are as they were: no marks.
    expect(paragraphs[2]!.runs.map((r) => r.text).join("")).not.toMatch(CONTROLS);
  });
});

describe("cover letters follow their direction", () => {
  const letterFile = (name: string, resume: string, body: string[]) =>
    writeFixture(
      dir,
      name,
      [`resume: ${resume}`, "to:", "  organization: Example", "body:", ...body.map((b) => `  - ${b}`)].join("\n"),
    );

  it("a letter in its own file reads in its own text's direction; the Word letter is right to left when it does", async () => {
    const arabic = letterFile("ar-letter.yaml", path.join(ROOT, "resume.yaml"), [
      "يسعدني أن أتقدم لوظيفة مهندس البرمجيات في شركتكم، فلدي خبرة طويلة في بناء الأنظمة الموزعة.",
      "أتطلع إلى فرصة للحديث معكم.",
    ]);
    const english = letterFile("en-letter.yaml", fixture("ar"), [
      "I would like to apply for the senior engineer role on your platform team.",
      "I look forward to talking with you.",
    ]);
    const ar = await prepareLetter(arabic, { env });
    expect(ar.checked.vm.direction).toBe("ltr");
    expect([ar.model.direction, ar.model.vm.direction]).toEqual(["rtl", "rtl"]);
    const en = await prepareLetter(english, { env });
    expect(en.checked.vm.direction).toBe("rtl");
    expect([en.model.direction, en.model.vm.direction]).toEqual(["ltr", "ltr"]);

    const built = await buildLetter(arabic, { outDir: dir, formats: ["docx"], env });
    const paras = paragraphsOf(parts(readFileSync(built.outputs[0]!))["word/document.xml"]!);
    for (const para of paras) expect(para.props).toContain("<w:bidi/>");
    // The date at the end of its line: the left of a right-to-left letter (w:jc "right" is the
    // end of a right-to-left paragraph).
    const date = paras.find((x) => x.runs.map((r) => r.text).join("") === ar.model.date)!;
    expect(date.props).toContain('<w:jc w:val="right"/>');
    const body = paras.find((x) => x.runs.some((r) => r.text.includes("يسعدني")))!;
    expect(body.runs[0]!.props).toContain("<w:rtl/>");

    const ltr = await buildLetter(english, { outDir: dir, formats: ["docx"], env });
    const ltrParas = paragraphsOf(parts(readFileSync(ltr.outputs[0]!))["word/document.xml"]!);
    for (const para of ltrParas) expect(para.props).not.toContain("<w:bidi/>");
    // The Arabic name in its header still has its right-to-left run.
    expect(ltrParas[0]!.runs[0]!.props).toContain("<w:rtl/>");
  });

  it("a letter in the résumé's own list reads in the résumé's direction", async () => {
    const resume = writeFixture(
      dir,
      "ar-letters.yaml",
      `${readFileSync(fixture("ar"), "utf8")}letters:\n  - id: acme\n    to:\n      organization: Acme\n    body:\n      - يسعدني التقدم لهذه الوظيفة.\n`,
    );
    const prepared = await prepareLetter(resume, { letter: "acme" });
    expect(prepared.model.direction).toBe("rtl");
    const built = await buildLetter(resume, { letter: "acme", outDir: dir, formats: ["docx"], env });
    for (const para of paragraphsOf(parts(readFileSync(built.outputs[0]!))["word/document.xml"]!))
      expect(para.props).toContain("<w:bidi/>");
  });
});

describe("stretches: a value's runs by script and direction", () => {
  const show = (text: string, rtl: boolean) =>
    stretches(text, rtl, "arabic").map((s) => `${s.rtl ? "R" : "L"}${s.script ? `:${s.script}` : ""}[${s.text}]`);

  it("gives spaces, punctuation and digits the direction the bidirectional algorithm gives them", () => {
    // Between two right-to-left words, and at either end of a right-to-left paragraph: right to left.
    expect(show("بخبرة 9 سنوات على Kubernetes وAWS، خفّضت", true)).toEqual([
      "R:arabic[بخبرة 9 سنوات على ]",
      "L[Kubernetes]",
      "R:arabic[ و]",
      "L[AWS]",
      "R:arabic[، خفّضت]",
    ]);
    expect(show("بلغة Java.", true)).toEqual(["R:arabic[بلغة ]", "L[Java]", "R:arabic[.]"]);
    // Left-to-right text keeps its own spaces and digits; a date range alone reads right to left.
    expect(show("Mar 2019 – Present", true)).toEqual(["L[Mar 2019 – Present]"]);
    expect(show("2019 – 2021", true)).toEqual(["R:arabic[2019 – 2021]"]);
    // A left-to-right mark holds a telephone number left to right.
    expect(show("\u200E+971 50 123 4567", true)).toEqual(["L[\u200E+971 50 123 4567]"]);
    // In a left-to-right paragraph, the neutral characters around a Hebrew name stay left to right.
    expect(show("Yael (יעל) leads", false)).toEqual(["L[Yael (]", "R:hebrew[יעל]", "L[) leads]"]);
    // Marks and joiners stay with their letter; a Persian zero-width non-joiner inside a word too.
    expect(show("داده\u200Cها", true)).toEqual(["R:arabic[داده\u200Cها]"]);
    // Scripts written left to right: their own runs, never right to left.
    expect(show("Kafka पर ले जाकर", false)).toEqual(["L[Kafka ]", "L:devanagari[पर ले जाकर]"]);
    expect(show("ด้วย Go และ", false)).toEqual(["L:thai[ด้วย ]", "L[Go ]", "L:thai[และ]"]);
    expect(show("Plain Latin, 2024.", false)).toEqual(["L[Plain Latin, 2024.]"]);
  });
});
