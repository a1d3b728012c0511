/**
 * One file, many languages: any text may be a map keyed by language tag, `render.languages` (or
 * the tags the translations use) names the languages, and each builds its own PDF with its own
 * titles, months, "Present" and /Lang, holding its own language's text only. A missing
 * translation falls back to the default language with one located warning per language
 * (refused under --strict); a key that is no language is a located problem. Languages combine
 * with variants and letters; extract and -f json give one language's document.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { THEMES } from "../../src/common/ids.js";
import { ResumeError } from "../../src/common/errors.js";
import { formatDate, WORDS } from "../../src/model/locale.js";
import { build, prepareResume } from "../../src/pipeline/build.js";
import { extractResume } from "../../src/pipeline/extract.js";
import { localeOfTag } from "../../src/input/translations.js";
import { resumeJsonSchema } from "../../src/input/schema.js";
import { listDir, pdftotext, ROOT, run, tempDir, tool, writeFixture } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const FILE = path.join(ROOT, "tests/fixtures/languages.yaml");
const LANGUAGES = ["en", "de", "uk"] as const;
const squeeze = (s: string) => s.normalize("NFC").replace(/\s+/g, "").toLocaleLowerCase();

/** The /Lang of a PDF's catalog, as qpdf reads it. */
function catalogLang(file: string): unknown {
  const objects = (
    JSON.parse(tool("qpdf", ["--json", file]).stdout) as { qpdf: [unknown, Record<string, { value: unknown }>] }
  ).qpdf[1];
  const root = objects[`obj:${(objects.trailer!.value as { "/Root": string })["/Root"]}`]!.value as Record<
    string,
    unknown
  >;
  return root["/Lang"];
}

/** Every translation map of the fixture (a mapping whose keys are all its languages). */
function translationMaps(v: unknown, out: Record<string, string>[] = []): Record<string, string>[] {
  if (Array.isArray(v)) v.forEach((x) => translationMaps(x, out));
  else if (v !== null && typeof v === "object") {
    const keys = Object.keys(v);
    if (keys.length && keys.every((k) => (LANGUAGES as readonly string[]).includes(k)))
      out.push(v as Record<string, string>);
    else Object.values(v).forEach((x) => translationMaps(x, out));
  }
  return out;
}
const FIXTURE = parse(readFileSync(FILE, "utf8")) as { letters: unknown };
/** The résumé's translations, and the letter's: each PDF holds its own only. */
const LETTER_MAPS = translationMaps(FIXTURE.letters);
const MAPS = translationMaps({ ...FIXTURE, letters: [] });

describe("a résumé in three languages", () => {
  it("has translations of names, places, bullets, skills and the letter (the fixture is what it says)", () => {
    expect(MAPS.length).toBeGreaterThan(20);
    expect(LETTER_MAPS.length).toBeGreaterThan(3);
    expect([...MAPS, ...LETTER_MAPS].every((m) => LANGUAGES.every((l) => typeof m[l] === "string"))).toBe(true);
  });

  describe.each(THEMES)("in the %s theme", (theme) => {
    it.each(LANGUAGES)(
      "builds %s with its titles, months and /Lang, and only its own language's text",
      async (lang) => {
        const dir = tempDir();
        const r = await build(FILE, { outDir: dir, env: EPOCH, language: lang, render: { theme } });
        expect(path.basename(r.output)).toBe(`Mira-Kovalenko-Resume-${lang}.pdf`);
        expect(r.warnings).toEqual([]);
        const text = squeeze(pdftotext(r.output));
        const locale = localeOfTag(lang)!;
        for (const id of ["work", "education", "skills", "languages"] as const)
          expect(text).toContain(squeeze(WORDS[locale].titles[id]));
        expect(text).toContain(squeeze(formatDate("2017-09", locale)));
        expect(text).toContain(squeeze(WORDS[locale].present));
        expect(catalogLang(r.output)).toBe(`u:${lang}`);
        for (const map of MAPS) {
          expect(text).toContain(squeeze(map[lang]!));
          for (const other of LANGUAGES)
            if (other !== lang && squeeze(map[other]!) !== squeeze(map[lang]!))
              expect(text, `${other} text in the ${lang} PDF`).not.toContain(squeeze(map[other]!));
        }
      },
    );
  });
});

describe("the CLI", () => {
  it("builds one PDF per language, named by the default language's name, and one with --lang", async () => {
    const dir = tempDir();
    const all = await run(["build", FILE], { cwd: dir, env: EPOCH });
    expect(all.code, all.stderr).toBe(0);
    expect(listDir(path.join(dir, "out"))).toEqual(LANGUAGES.map((l) => `Mira-Kovalenko-Resume-${l}.pdf`).sort());
    const one = tempDir();
    expect((await run(["build", FILE, "--lang", "uk"], { cwd: one, env: EPOCH })).code).toBe(0);
    expect(listDir(path.join(one, "out"))).toEqual(["Mira-Kovalenko-Resume-uk.pdf"]);
    // The same bytes as the library's build of that language.
    const lib = await build(FILE, { outDir: tempDir(), env: EPOCH, language: "uk" });
    expect(readFileSync(path.join(one, "out", "Mira-Kovalenko-Resume-uk.pdf"))).toEqual(readFileSync(lib.output));
  });

  it("builds the matrix of variants and languages: each PDF its variant's entries, in its language", async () => {
    const dir = tempDir();
    const r = await run(["build", FILE, "--all-variants", "--all-languages"], { cwd: dir, env: EPOCH });
    expect(r.code, r.stderr).toBe(0);
    expect(listDir(path.join(dir, "out"))).toEqual(
      LANGUAGES.map((l) => `Mira-Kovalenko-Resume-platform-${l}.pdf`).sort(),
    );
    // The platform variant prints the bullet tagged platform, untagged ones, not the entry tagged backend.
    const bullets = MAPS.find((m) => m.en!.startsWith("Led the migration"))!;
    const backendOnly = MAPS.find((m) => m.en!.startsWith("Cut settlement"))!;
    for (const l of LANGUAGES) {
      const text = squeeze(pdftotext(path.join(dir, "out", `Mira-Kovalenko-Resume-platform-${l}.pdf`)));
      expect(text).not.toContain(squeeze(bullets[l]!)); // inside the backend-tagged entry
      expect(text).not.toContain(squeeze(backendOnly[l]!));
      expect(text).toContain(squeeze("Lviv Software House"));
      expect(text).toContain(squeeze(MAPS.find((m) => m.en === "Software Engineer")![l]!));
      for (const other of LANGUAGES.filter((o) => o !== l))
        expect(text).not.toContain(squeeze(MAPS.find((m) => m.en === "Computer Science")![other]!));
    }
  });

  it("builds a letter per language, and --all-letters with --lang one", async () => {
    const dir = tempDir();
    const r = await run(["build", FILE, "--all-letters", "-f", "pdf,md"], { cwd: dir, env: EPOCH });
    expect(r.code, r.stderr).toBe(0);
    expect(listDir(path.join(dir, "out")).filter((f) => !f.startsWith("."))).toEqual(
      LANGUAGES.flatMap((l) => [
        `Mira-Kovalenko-Letter-northwind-${l}.md`,
        `Mira-Kovalenko-Letter-northwind-${l}.pdf`,
      ]).sort(),
    );
    const greeting = LETTER_MAPS.find((m) => m.en === "Dear Ms Schulz,")!;
    for (const l of LANGUAGES) {
      const text = squeeze(pdftotext(path.join(dir, "out", `Mira-Kovalenko-Letter-northwind-${l}.pdf`)));
      expect(text).toContain(squeeze(greeting[l]!));
      expect(readFileSync(path.join(dir, "out", `Mira-Kovalenko-Letter-northwind-${l}.md`), "utf8")).toContain(
        greeting[l]!,
      );
    }
    const one = tempDir();
    const de = await run(["build", FILE, "--all-letters", "--lang", "de"], { cwd: one, env: EPOCH });
    expect(de.code, de.stderr).toBe(0);
    expect(listDir(path.join(one, "out"))).toEqual(["Mira-Kovalenko-Letter-northwind-de.pdf"]);
    const text = squeeze(pdftotext(path.join(one, "out", "Mira-Kovalenko-Letter-northwind-de.pdf")));
    for (const map of LETTER_MAPS) {
      expect(text).toContain(squeeze(map.de!));
      expect(text).not.toContain(squeeze(map.uk!));
    }
  });

  it("refuses --lang naming a language the résumé is not written in, or no language, and --lang with --all-languages", async () => {
    const fr = await run(["build", FILE, "--lang", "fr"], { cwd: tempDir(), env: EPOCH });
    expect(fr.code).toBe(1);
    expect(fr.stderr).toContain("--lang  the résumé is not written in fr; its languages are en, de, uk");
    expect(fr.stderr).not.toContain("not translated");
    const xx = await run(["build", FILE, "--lang", "xx"], { cwd: tempDir(), env: EPOCH });
    expect(xx.code).toBe(1);
    expect(xx.stderr).toContain('"xx" is not a language this tool prints');
    const both = await run(["build", FILE, "--lang", "de", "--all-languages"], { cwd: tempDir(), env: EPOCH });
    expect(both.code).toBe(2);
    const none = await run(["build", path.join(ROOT, "tests/fixtures/variants.yaml"), "--all-languages"], {
      cwd: tempDir(),
      env: EPOCH,
    });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("the résumé has no languages");
  });
});

describe("missing and mistaken translations", () => {
  const DOC = `basics:
  name: Jan Novak
  label:
    en: Engineer
    de: Ingenieur
work:
  - name: ACME
    position: {en: Developer, de: Entwickler}
    startDate: 2020-01
    highlights:
      - en: Shipped the billing service
      - en: Ran the on-call rota
        de: Leitete die Rufbereitschaft
      - en: English readers only
        de: ""
render:
  languages: [en, de]
`;

  it("falls back to the default language, with one located warning for the language", async () => {
    const dir = tempDir();
    const file = writeFixture(dir, "r.yaml", DOC);
    const r = await build(file, { outDir: dir, env: EPOCH, language: "de" });
    expect(r.warnings.map((w) => [w.line, w.col, w.message])).toEqual([
      [11, 9, "de: 1 value not translated, printed in en instead: work[0].highlights[0] (line 11)"],
    ]);
    const text = pdftotext(r.output);
    expect(text).toContain("Shipped the billing service");
    expect(text).toContain("Leitete die Rufbereitschaft");
    // An empty translation prints nothing in that language, with no warning.
    expect(text).not.toContain("English readers only");
    expect(pdftotext((await build(file, { outDir: dir, env: EPOCH, language: "en" })).output)).toContain(
      "English readers only",
    );
  });

  it("is refused under --strict, located", async () => {
    const dir = tempDir();
    const file = writeFixture(dir, "r.yaml", DOC);
    const err = await build(file, { outDir: dir, env: EPOCH, language: "de", strict: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResumeError);
    expect((err as ResumeError).diagnostics.map((d) => [d.line, d.col, d.message])).toEqual([
      [
        11,
        9,
        "de: 1 value not translated, printed in en instead: work[0].highlights[0] (line 11) (refused under --strict)",
      ],
    ]);
    expect(listDir(dir)).toEqual(["r.yaml"]);
    // The default language has every value: it builds under --strict.
    expect((await build(file, { outDir: dir, env: EPOCH, language: "en", strict: true })).warnings).toEqual([]);
  });

  it("reports every key that is no language, every translation that is no text, all in one report", async () => {
    const dir = tempDir();
    const file = writeFixture(
      dir,
      "r.yaml",
      `basics:
  name: Jan Novak
  label: {en: Engineer, dee: Ingenieur}
  summary:
    en: Builds things.
    de: [Baut, Dinge]
work:
  - name: ACME
    position: {en: Developer, fr: Développeur}
render:
  languages: [en, de]
`,
    );
    const err = await build(file, { outDir: dir, env: EPOCH }).catch((e: unknown) => e);
    expect((err as ResumeError).diagnostics.map((d) => `${d.line}:${d.col} ${d.path} ${d.message}`)).toEqual([
      '3:25 basics.label.dee "dee" is not a language tag; did you mean "de"? (translations are keyed by language: en, de)',
      "6:5 basics.summary.de a translation is text, not a list",
      '9:31 work[0].position.fr "fr" is not one of the résumé\'s languages (render.languages: en, de); add it there, or remove this translation',
    ]);
  });

  it("locates a problem of a translated value at that language's key", async () => {
    const dir = tempDir();
    const file = writeFixture(
      dir,
      "r.yaml",
      `basics:
  name: Jan Novak
  url:
    en: https://jan.example.com
    de: "javascript:alert(1)"
render:
  languages: [en, de]
`,
    );
    const r = await build(file, { outDir: dir, env: EPOCH, language: "de" });
    const w = r.warnings.find((x) => /javascript/.test(x.message))!;
    expect([w.line, w.col, w.path]).toEqual([5, 9, "basics.url.de"]);
  });

  it("reads a mapping that names an entry as before, not as translations", async () => {
    const dir = tempDir();
    const file = writeFixture(
      dir,
      "r.yaml",
      "basics:\n  name: Jan Novak\ninterests:\n  - name: {name: Chess, url: https://lichess.org}\n",
    );
    const p = await prepareResume(file, {});
    expect(p.languages).toEqual([]);
    expect(p.resume.interests?.[0]?.name).toBe("Chess");
  });
});

describe("languages found in the translations", () => {
  it("are the document's languages without render.languages: the first one met is the default", async () => {
    const dir = tempDir();
    const file = writeFixture(
      dir,
      "r.yaml",
      `basics:
  name: Ana Silva
  label: {pt-BR: Engenheira, en: Engineer}
customSections:
  - title: {pt-BR: Código aberto, en: Open source}
    highlights: [Router]
render:
  order: [codigo-aberto]
`,
    );
    const pt = await prepareResume(file, {});
    expect(pt.languages).toEqual(["pt-BR", "en"]);
    expect(pt.language).toBe("pt-BR");
    expect(pt.vm.metadata.language).toBe("pt-BR");
    expect(pt.vm.locale).toBe("pt");
    // A custom section's id is its default language's title, in every language.
    const en = await prepareResume(file, { language: "en" });
    expect(en.vm.sections.map((s) => [s.id, s.title])).toEqual([["codigo-aberto", "Open source"]]);
    expect(pt.vm.sections.map((s) => [s.id, s.title])).toEqual([["codigo-aberto", "Código aberto"]]);
    const r = await run(["build", file], { cwd: dir, env: EPOCH });
    expect(r.code, r.stderr).toBe(0);
    expect(listDir(path.join(dir, "out"))).toEqual(["Ana-Silva-Resume-en.pdf", "Ana-Silva-Resume-pt-BR.pdf"]);
  });

  it("leave a résumé without translations as it was: one PDF, its usual name, its locale", async () => {
    const dir = tempDir();
    const file = writeFixture(dir, "r.yaml", "basics:\n  name: Jan Novak\nrender:\n  locale: de\n");
    const p = await prepareResume(file, {});
    expect([p.languages, p.language, p.vm.locale, p.fileName]).toEqual([[], undefined, "de", "Jan Novak"]);
    const r = await run(["build", file], { cwd: dir, env: EPOCH });
    expect(listDir(path.join(dir, "out"))).toEqual(["Jan-Novak-Resume.pdf"]);
    expect(r.code).toBe(0);
  });

  it("say so when render.locale is set too: each language prints with its own", async () => {
    const dir = tempDir();
    const file = writeFixture(
      dir,
      "r.yaml",
      "basics:\n  name: Jan Novak\n  label: {en: Engineer, de: Ingenieur}\nrender:\n  locale: fr\n",
    );
    const p = await prepareResume(file, { language: "de" });
    expect(p.vm.locale).toBe("de");
    expect(p.warnings.map((w) => [w.line, w.path, w.message])).toEqual([
      [
        5,
        "render.locale",
        "is not used: each language prints with its own titles, months and date order (render.languages)",
      ],
    ]);
  });
});

describe("one language's document", () => {
  it("is what a German PDF carries: resume extract gives the German text, which rebuilds the same PDF", async () => {
    const dir = tempDir();
    const de = await build(FILE, { outDir: dir, env: EPOCH, language: "de" });
    const extracted = extractResume(de.output);
    const doc = parse(extracted) as { basics: { label: string; summary: string }; render: Record<string, unknown> };
    expect(doc.basics.label).toBe("Backend-Entwicklerin");
    expect(doc.render.languages).toEqual(["de"]);
    expect(extracted).not.toContain("Backend Engineer");
    expect(extracted).not.toContain("Бекенд");
    const again = writeFixture(dir, "de.yaml", extracted);
    const rebuilt = await build(again, { output: path.join(dir, "again.pdf"), env: EPOCH });
    expect(pdftotext(rebuilt.output)).toBe(pdftotext(de.output));
  });

  it("is what -f json writes for each language", async () => {
    const dir = tempDir();
    const r = await run(["build", FILE, "-f", "json"], { cwd: dir, env: EPOCH });
    expect(r.code, r.stderr).toBe(0);
    expect(listDir(path.join(dir, "out")).filter((f) => !f.startsWith("."))).toEqual(
      LANGUAGES.map((l) => `Mira-Kovalenko-Resume-${l}.json`).sort(),
    );
    const uk = JSON.parse(readFileSync(path.join(dir, "out", "Mira-Kovalenko-Resume-uk.json"), "utf8")) as {
      basics: { name: string };
      render: { languages: string[] };
    };
    expect(uk.basics.name).toBe("Міра Коваленко");
    expect(uk.render.languages).toEqual(["uk"]);
  });
});

describe("resume validate", () => {
  it("checks every language and reports each one's coverage, with where the missing values are", async () => {
    const dir = tempDir();
    const file = writeFixture(
      dir,
      "r.yaml",
      "basics:\n  name: Jan Novak\n  label: {en: Engineer, de: Ingenieur, fr: Ingénieur}\n  summary:\n    en: Builds.\n    de: Baut.\n",
    );
    const r = await run(["validate", file, "--json"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { languages: unknown; warnings: { message: string }[] };
    expect(out.languages).toEqual([
      { language: "en", default: true, translated: 2, total: 2, missing: [] },
      { language: "de", default: false, translated: 2, total: 2, missing: [] },
      {
        language: "fr",
        default: false,
        translated: 1,
        total: 2,
        missing: [{ path: "basics.summary", line: 5, col: 5 }],
      },
    ]);
    expect(out.warnings.map((w) => w.message)).toEqual([
      "fr: 1 value not translated, printed in en instead: basics.summary (line 5)",
    ]);
    const text = await run(["validate", file], { cwd: dir });
    expect(text.stdout).toBe(`${file} is valid (1 sections; en, de, fr 1/2 translated)\n`);
  });
});

describe("the JSON Schema for editors", () => {
  it("describes text as text or translations keyed by language, and dates, tags and settings as before", () => {
    const schema = resumeJsonSchema() as {
      $defs: { translations: { propertyNames: { pattern: string } } };
      properties: Record<
        string,
        { properties?: Record<string, unknown>; items?: { properties: Record<string, unknown> } }
      >;
    };
    const ref = { $ref: "#/$defs/translations" };
    expect(schema.properties.basics!.properties!.summary).toEqual({ anyOf: [{ type: "string" }, ref] });
    expect(JSON.stringify(schema.properties.work!.items!.properties.highlights)).toContain(JSON.stringify(ref));
    expect(JSON.stringify(schema.properties.work!.items!.properties.startDate)).not.toContain("translations");
    expect(JSON.stringify(schema.properties.render!.properties!.theme)).not.toContain("translations");
    expect(JSON.stringify(schema.properties.render!.properties!.titles)).toContain(JSON.stringify(ref));
    const pattern = new RegExp(schema.$defs.translations.propertyNames.pattern);
    for (const tag of ["en", "de", "pt-BR", "zh-Hant"]) expect(pattern.test(tag)).toBe(true);
    for (const key of ["name", "text", "summary"]) expect(pattern.test(key)).toBe(false);
    // The committed file is this schema.
    expect(JSON.parse(readFileSync(path.join(ROOT, "resume.schema.json"), "utf8"))).toEqual(
      JSON.parse(JSON.stringify(schema)),
    );
  });
});

it("a letter written in one language builds in that language only", async () => {
  const dir = tempDir();
  const file = writeFixture(
    dir,
    "r.yaml",
    `basics:
  name: Jan Novak
  label: {en: Engineer, de: Ingenieur}
letters:
  - id: berlin
    language: de
    body: Ich bewerbe mich um die Stelle.
  - id: both
    body: {en: I apply., de: Ich bewerbe mich.}
`,
  );
  const r = await run(["build", file, "--all-letters"], { cwd: dir, env: EPOCH });
  expect(r.code, r.stderr).toBe(0);
  expect(listDir(path.join(dir, "out"))).toEqual([
    "Jan-Novak-Letter-berlin-de.pdf",
    "Jan-Novak-Letter-both-de.pdf",
    "Jan-Novak-Letter-both-en.pdf",
  ]);
  expect(pdftotext(path.join(dir, "out", "Jan-Novak-Letter-berlin-de.pdf"))).toContain("Ingenieur");
  const wrong = await run(["build", file, "--letter", "berlin", "--lang", "en"], { cwd: dir, env: EPOCH });
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toContain("letters[0].language  the letter is written in de only; --lang asks for en");
  writeFileSync(file, readFileSync(file, "utf8"));
});
