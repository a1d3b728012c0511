/**
 * Themes, knobs, languages and inline markup.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { ResumeError } from "../../src/common/errors.js";
import { formatDate, formatRange, LOCALES, WORDS } from "../../src/model/locale.js";
import { parseMarkup, plainText } from "../../src/model/markup.js";
import { THEMES } from "../../src/common/ids.js";
import { themes } from "../../src/render/themes/index.js";
import { validate } from "../../src/input/validate.js";
import { pdftotext, readPdf, ROOT, run, source, tempDir, tool, writeFixture } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };

/** The PDF with its streams decompressed by qpdf, as text. */
function pageContent(pdf: string): string {
  const plain = `${pdf}.qdf`;
  expect(tool("qpdf", ["--qdf", "--object-streams=disable", pdf, plain]).code).toBe(0);
  return readFileSync(plain, "latin1");
}
const KNOBS = path.join(ROOT, "tests/fixtures/knobs.yaml");
const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter((l) => l && !/^-- \d+ of \d+ --$/.test(l));

function inOrder(text: string, items: string[]) {
  let at = -1;
  for (const item of items) {
    const i = text.indexOf(item, at + 1);
    expect(i, `"${item}" should follow the previous item`).toBeGreaterThan(at);
    at = i;
  }
}

describe("resume themes", () => {
  it("lists every theme with a one-line description", async () => {
    const r = await run(["themes"]);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split("\n");
    expect(out.map((l) => l.split(/\s+/)[0])).toEqual([...THEMES]);
    for (const l of out) expect(l.split(/\s{2,}/)[1]!.length).toBeGreaterThan(20);
  });

  it("shares one set of components: themes differ only in tokens", () => {
    for (const t of Object.values(themes)) expect(Object.keys(t).sort()).toEqual(Object.keys(themes.classic).sort());
  });
});

describe.each(THEMES)("the %s theme", (theme) => {
  it("prints the default résumé on one page, and it reads back", async () => {
    const dir = tempDir();
    const result = await build(path.join(ROOT, "resume.yaml"), {
      output: path.join(dir, "r.pdf"),
      env: EPOCH,
      render: { theme },
    });
    expect(result.pages).toBe(1);
  });
});

describe("the sidebar theme's reading order", () => {
  const dir = tempDir();
  const output = path.join(dir, "sidebar.pdf");
  beforeAll(async () => {
    await build(path.join(ROOT, "tests/fixtures/full.yaml"), { output, env: EPOCH, render: { theme: "sidebar" } });
  });

  it.each(["pdfjs", "poppler"] as const)(
    "is name, contact, sidebar sections, then the main sections (%s)",
    async (reader) => {
      const text = reader === "pdfjs" ? (await readPdf(readFileSync(output))).text : pdftotext(output);
      expect(lines(text)[0]).toBe("Zoë Ångström-Ørsted");
      inOrder(text, [
        "Zoë Ångström-Ørsted",
        "Staff Platform Engineer",
        "zoe.orsted@example.com",
        "github.com/zoe-example",
        "SKILLS",
        "CERTIFICATIONS",
        "LANGUAGES",
        "SUMMARY",
        "EXPERIENCE",
        "Northwind Logistics",
        "EDUCATION",
        "REFERENCES",
      ]);
    },
  );
});

describe("the sidebar read by poppler", () => {
  // poppler reads the sidebar whole only while it is one text block (one size, tight steps);
  // anything that splits it lets poppler take aligned blocks for a table and interleave columns.
  it.each([
    [
      "resume.yaml",
      path.join(ROOT, "resume.yaml"),
      [
        "linkedin.com/in/rajat-jog",
        "CORE STACK",
        "CERTIFICATIONS",
        "SUMMARY",
        "WHAT I’M ESPECIALLY GOOD AT",
        "ENGINEERING PRINCIPLES",
      ],
    ],
    [
      "complete-resume.json",
      path.join(ROOT, "../shared/conformance/jsonresume/examples/complete-resume.json"),
      [
        "twitter.com/janedev",
        "SKILLS",
        "CERTIFICATIONS",
        "LANGUAGES",
        "INTERESTS",
        "SUMMARY",
        "EXPERIENCE",
        "TechCorp Inc",
        "PROJECTS",
      ],
    ],
  ])("keeps columns apart on %s", async (_name, input, order) => {
    const dir = tempDir();
    const output = path.join(dir, "s.pdf");
    await build(input, { output, env: EPOCH, render: { theme: "sidebar" } });
    const text = pdftotext(output);
    inOrder(text, order);
    // Each sidebar title is followed by its own content, not by a main-column line.
    const all = lines(text);
    expect(all[all.indexOf(order[1]!) + 1]).not.toMatch(/^[A-Z ’]{5,}$/);
  });
});

describe("knobs in the file", () => {
  const dir = tempDir();
  const output = path.join(dir, "knobs.pdf");
  let text: string;
  beforeAll(async () => {
    await build(KNOBS, { output, env: EPOCH });
    text = (await readPdf(readFileSync(output))).text;
  });

  it("translates titles and dates (German, long months) and keeps an overridden title", () => {
    inOrder(text, [
      "PROFIL",
      "BERUFSERFAHRUNG",
      "Beispiel GmbH",
      "Juni 2021 – heute",
      "Muster AG",
      "März 2017 – Mai 2021",
      "TECHNOLOGIEN",
      "AUSBILDUNG",
      "M.Sc. in Informatik",
      "SPRACHEN",
    ]);
  });

  it("hides hidden sections", () => {
    expect(text).not.toContain("Interessen");
    expect(text).not.toContain("Bergsteigen");
  });

  it("renders inline markup as styles and links, not as asterisks", async () => {
    expect(text).toContain("Baut verlässliche Plattformen mit klaren Verträgen; Beispiele auf GitHub.");
    expect(text).toContain("Durchlaufzeit um 40 % gesenkt, siehe Bericht");
    expect(text).not.toMatch(/\*|\]\(/);
    const pdf = await readPdf(readFileSync(output));
    expect(pdf.links).toContainEqual({ url: "https://github.com/jonas-example", text: "GitHub" });
    expect(pdf.links).toContainEqual({ url: "https://example.com/bericht", text: "Bericht" });
    const fonts = tool("pdffonts", [output]).stdout;
    expect(fonts).toMatch(/IBMPlexSans-Bold/);
    expect(fonts).toMatch(/IBMPlexSans-Italic/);
  });

  it("uses the chosen font and accent colour", () => {
    expect(tool("pdffonts", [output]).stdout).not.toMatch(/Inter-/);
    // #8a2be2 as a fill colour in the (decompressed) page content.
    expect(pageContent(output)).toMatch(/0\.541\d* 0\.168\d* 0\.886\d* scn/);
  });

  it("prints basics.image as a round photo at print resolution", () => {
    const rows = tool("pdfimages", ["-list", output]).stdout.trim().split("\n").slice(2);
    const photo = rows.map((r) => r.trim().split(/\s+/)).find((c) => c[3] === "400" && c[4] === "400");
    expect(photo).toBeDefined();
    expect(Number(photo![12])).toBeGreaterThanOrEqual(300);
  });

  it("sets the document language", async () => {
    expect((await readPdf(readFileSync(output))).info).toMatchObject({
      Language: "de",
      Title: "Jonas Müller — Lebenslauf",
    });
  });
});

describe("knobs on the command line", () => {
  it("override the file", async () => {
    const dir = tempDir();
    const r = await run(
      [
        "build",
        KNOBS,
        "-o",
        "x.pdf",
        "--locale",
        "fr",
        "--date-format",
        "numeric",
        "--font",
        "inter",
        "--accent",
        "#ff0000",
        "--no-photo",
        "--theme",
        "classic",
      ],
      { cwd: dir, env: EPOCH },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const pdf = path.join(dir, "x.pdf");
    const text = (await readPdf(readFileSync(pdf))).text;
    inOrder(text, [
      "PROFIL",
      "EXPÉRIENCE PROFESSIONNELLE",
      "06/2021 – aujourd’hui",
      "FORMATION",
      "M.Sc. en Informatik",
    ]);
    expect(tool("pdffonts", [pdf]).stdout).toMatch(/Inter-Regular/);
    expect(tool("pdfimages", ["-list", pdf]).stdout.trim().split("\n")).toHaveLength(2); // no photo
    expect(pageContent(pdf)).toMatch(/\n1 0 0 scn/);
  });

  it("set section order, hidden sections and titles", async () => {
    const dir = tempDir();
    const r = await run(
      [
        "build",
        path.join(ROOT, "resume.yaml"),
        "-o",
        "o.pdf",
        "--order",
        "certificates,summary",
        "--hide",
        "how-i-think,principles",
        "--title",
        "skills=Stack",
        "--title",
        "certificates=Badges",
      ],
      { cwd: dir, env: EPOCH },
    );
    expect(r.code).toBe(0);
    const titles = lines((await readPdf(readFileSync(path.join(dir, "o.pdf")))).text).filter((l) =>
      /^[A-Z’ ]{4,}$/.test(l),
    );
    expect(titles).toEqual([
      "BADGES",
      "SUMMARY",
      "OPEN SOURCE AND SIDE PROJECTS",
      "STACK",
      "WHAT I’M ESPECIALLY GOOD AT",
    ]);
  });

  it("name the option when a section id is unknown", async () => {
    const r = await run(["build", path.join(ROOT, "resume.yaml"), "--hide", "skils"], { env: EPOCH });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--hide  no section "skils"; did you mean "skills"?');
  });

  it.each([
    [["--title", "skills"], "expected id=title"],
    [["--accent", "red"], "expected a colour like #1f3a5f"],
    [["--font-size", "30"], "at most 13 pt"],
    [["--margins", "5"], "at least 12 mm"],
    [["--line-spacing", "x"], "expected a multiple of the font size"],
    [["--font", "comic-sans"], "Allowed choices are source-serif-4, source-sans-3, inter, ibm-plex-sans, eb-garamond"],
    [["--locale", "xx"], "Allowed choices are en, de, fr, es, pt, it, nl, pl, cs,"],
    [["--paper", "a5"], "Allowed choices are a4, letter"],
    [["--cjk", "cn"], "Allowed choices are sc, tc, jp, kr"],
  ])("reject %j as a usage error", async (args, message) => {
    const r = await run(["build", KNOBS, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe("knob validation in the file", () => {
  it("locates bad knobs like any other field", () => {
    try {
      validate(
        source(
          "basics: {name: A}\nrender:\n  accent: blue\n  fontSize: 30\n  hide: [skils]\n  locale: xx\n  photo: yes\n",
        ),
      );
      expect.unreachable();
    } catch (err) {
      expect((err as ResumeError).diagnostics.map((d) => `${d.line}:${d.col} ${d.path} ${d.message}`)).toEqual([
        "3:11 render.accent expected a colour like #1f3a5f",
        "4:13 render.fontSize at most 13 pt",
        '5:10 render.hide[0] no section "skils"; did you mean "skills"?',
        '6:11 render.locale expected one of: en, de, fr, es, pt, it, nl, pl, cs, sv, da, nb, fi, hu, ro, tr, el, ru, uk, zh, zh-tw, ja, ko, ar, he, fa, ur, hi, mr, ne, bn, ta, th, lo, km, vi, id, got text "xx"',
        '7:10 render.photo expected true or false, got text "yes"',
      ]);
    }
  });

  it("asks for basics.image when a photo is wanted, and refuses remote photos", async () => {
    const dir = tempDir();
    for (const [yaml, expected] of [
      ["basics: {name: A}\nrender: {photo: true}\n", /render\.photo.*basics\.image is not set/],
      [
        "basics:\n  name: A\n  image: https://example.com/me.jpg\nrender: {photo: true}\n",
        /3:10 basics\.image remote images are not fetched/,
      ],
    ] as const) {
      const input = writeFixture(dir, "p.yaml", yaml);
      const err = (await build(input, { output: path.join(dir, "p.pdf"), env: EPOCH }).catch(
        (e: unknown) => e,
      )) as ResumeError;
      expect(err).toBeInstanceOf(ResumeError);
      expect(err.diagnostics.map((d) => `${d.line}:${d.col} ${d.path} ${d.message}`).join("\n")).toMatch(expected);
    }
  });
});

describe("languages", () => {
  it("formats months and ranges through Intl for every locale", () => {
    const want: Record<string, string> = {
      en: "Jun 2021 – Present",
      de: "Juni 2021 – heute",
      fr: "juin 2021 – aujourd’hui",
      es: "jun 2021 – actualidad",
      pt: "jun. de 2021 – atual",
      it: "giu 2021 – oggi",
      nl: "jun 2021 – heden",
      pl: "cze 2021 – obecnie",
      cs: "červen 2021 – současnost",
      sv: "juni 2021 – nu",
      da: "jun. 2021 – nu",
      nb: "juni 2021 – nå",
      fi: "kesä 2021 – nyt",
      hu: "2021. jún. – jelenleg",
      ro: "iun. 2021 – prezent",
      tr: "Haz 2021 – günümüz",
      el: "Ιουν 2021 – σήμερα",
      ru: "июнь 2021 г. – настоящее время",
      uk: "черв. 2021 р. – дотепер",
      zh: "2021年6月 – 至今",
      "zh-tw": "2021年6月 – 至今",
      ja: "2021年6月 – 現在",
      ko: "2021년 6월 – 현재",
      ar: "يونيو 2021 – حتى الآن",
      he: "יוני 2021 – היום",
      fa: "ژوئن ۲۰۲۱ – تاکنون",
      ur: "جون 2021 – تاحال",
      hi: "जून 2021 – वर्तमान",
      mr: "जून 2021 – आजपर्यंत",
      ne: "2021 जुन – हालसम्म",
      bn: "জুন 2021 – বর্তমান",
      ta: "ஜூன் 2021 – தற்போது",
      th: "มิ.ย. 2021 – ปัจจุบัน",
      lo: "ມິ.ຖ. 2021 – ປັດຈຸບັນ",
      km: "មិថុនា 2021 – បច្ចុប្បន្ន",
      vi: "thg 6 2021 – nay",
      id: "Jun 2021 – sekarang",
    };
    expect(LOCALES).toHaveLength(37);
    expect(Object.keys(want).sort()).toEqual([...LOCALES].sort());
    for (const locale of LOCALES)
      expect(formatRange("2021-06", undefined, locale)!.replace(/\u00A0/g, " ")).toBe(want[locale]);
    expect(formatDate("2021-06-30", "en", "long")).toBe("June\u00A02021");
    expect(formatDate("2021-06", "de", "numeric")).toBe("06/2021");
    expect(formatDate("2021-06", "en", "year")).toBe("2021");
    expect(formatRange("2019", "2019")).toBe("2019");
  });

  it("has every built-in title, translated, in every locale", () => {
    for (const locale of LOCALES) {
      const titles = Object.values(WORDS[locale].titles);
      expect(titles).toHaveLength(12);
      expect(new Set(titles).size).toBe(12);
      if (locale !== "en") expect(WORDS[locale].titles.work).not.toBe("Experience");
    }
  });
});

describe("inline markup", () => {
  it("parses bold, italic and links, and leaves lone markers alone", () => {
    expect(parseMarkup("Cut **deploy time** by *80%* with [shipyard](https://github.com/x/shipyard).")).toEqual([
      { text: "Cut ", bold: false, italic: false },
      { text: "deploy time", bold: true, italic: false },
      { text: " by ", bold: false, italic: false },
      { text: "80%", bold: false, italic: true },
      { text: " with ", bold: false, italic: false },
      { text: "shipyard", bold: false, italic: false, href: "https://github.com/x/shipyard" },
      { text: ".", bold: false, italic: false },
    ]);
    expect(plainText("5 * 3 = 15 and a*b")).toBe("5 * 3 = 15 and a*b");
    expect(plainText("literal \\*stars\\* and **unclosed")).toBe("literal *stars* and **unclosed");
    expect(plainText("[x](javascript:alert(1))")).toBe("[x](javascript:alert(1))");
    expect(parseMarkup("**bold *and italic* inside**").map((r) => [r.text, r.bold, r.italic])).toEqual([
      ["bold ", true, false],
      ["and italic", true, true],
      [" inside", true, false],
    ]);
  });
});
