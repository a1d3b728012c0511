/**
 * `-f html`: the résumé as one self-contained web page. For every fixture and every real file of
 * the corpus, in the arrangements the themes have: valid HTML (html-validate's recommended
 * rules), every value in the PDF's reading order (the build checks it; a page that loses one
 * fails the build), the same bytes for the same input, nothing fetched and no script run, and
 * schema.org data. Languages, variants, letters and right-to-left scripts work as for the other
 * outputs. The page in a real browser (axe-core, Chromium's own text) is tests/preview/browser.test.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { checkHtml, htmlLines } from "../../src/check/html.js";
import { toHtml } from "../../src/output/html.js";
import { build, prepareResume } from "../../src/pipeline/build.js";
import { ARRANGEMENTS, listDir, ROOT, run, tempDir, writeFixture } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const FIXTURES = [
  "resume.yaml",
  ...readdirSync(path.join(ROOT, "tests/fixtures"))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => `tests/fixtures/${f}`),
  ...readdirSync(path.join(ROOT, "tests/fixtures/scripts")).map((f) => `tests/fixtures/scripts/${f}`),
];
const REAL = readdirSync(path.join(ROOT, "tests/fixtures/real"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => `tests/fixtures/real/${f}`);

/**
 * html-validate's recommended rules, but one: `tel-non-breaking` wants a phone number's spaces and
 * hyphens replaced by non-breaking ones. The page keeps the number as written (copied into a form,
 * it is the same number) and keeps it on one line with its style instead.
 */
const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "tel-non-breaking": "off" } });

async function page(file: string, theme: string, extra: Parameters<typeof build>[1] = {}) {
  const dir = tempDir();
  const r = await build(path.join(ROOT, file), {
    outDir: dir,
    env: EPOCH,
    formats: ["html"],
    render: { theme },
    ...extra,
  });
  return { file: r.output, html: readFileSync(r.output, "utf8"), dir };
}

async function problems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
}

/** What a page would fetch or run: anything but data: images and the JSON-LD block. */
function external(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(src|srcset|poster|data)="([^"]*)"/g))
    if (!m[2]!.startsWith("data:")) out.push(m[0]);
  for (const m of html.matchAll(/<link\b[^>]*>/g)) out.push(m[0]);
  for (const m of html.matchAll(/<script\b([^>]*)>/g)) if (m[1] !== ' type="application/ld+json"') out.push(m[0]);
  for (const m of html.matchAll(/url\(|@import|\son[a-z]+=/gi)) out.push(m[0]);
  return out;
}

describe("-f html on the fixtures", () => {
  describe.each(ARRANGEMENTS)("in the %s theme", (theme) => {
    it.each(FIXTURES)("%s: valid, every value in order, nothing fetched, the same bytes twice", async (file) => {
      const { html } = await page(file, theme);
      expect(await problems(html)).toEqual([]);
      expect(external(html)).toEqual([]);
      const again = await page(file, theme);
      expect(again.html).toBe(html);
    });
  });
});

describe("-f html on the real corpus", () => {
  it.each(REAL)("%s: valid in every arrangement, every value in order", async (file) => {
    for (const theme of ARRANGEMENTS) {
      const { html } = await page(file, theme);
      expect(await problems(html), theme).toEqual([]);
      expect(external(html), theme).toEqual([]);
    }
  });
});

describe("the page", () => {
  it("is semantic: one h1, a section with an h2 for each section, lists, dates as time, contacts in address", async () => {
    const p = await prepareResume(path.join(ROOT, "tests/fixtures/full.yaml"), {});
    const html = toHtml(p.vm, p.tokens, p.resume);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html.match(/<section aria-labelledby="s-[^"]+"><h2 id="s-/g)).toHaveLength(p.vm.sections.length);
    expect(html).toContain('<time datetime="2021-03">Mar\u00A02021</time>\u00A0\u2013 Present');
    expect(html).toMatch(
      /<time datetime="2018-09">Sep\u00A02018<\/time>\u00A0\u2013 <time datetime="2021-02(-\d\d)?">Feb\u00A02021<\/time>/,
    );
    expect(html).toMatch(
      /<address><ul class="contacts"><li>Stockholm, SE<\/li><li><a href="mailto:zoe\.orsted@example\.com">/,
    );
    expect(html).toMatch(/<li>Cut the office deploy workflow/);
    // The badge inlined, linked to its verification page, with its text alternative.
    expect(html).toMatch(
      /<a href="https:\/\/www\.credly\.com\/badges\/[^"]+"><img class="badge" src="data:image\/png;base64,/,
    );
    expect(html).toMatch(/<html lang="en" dir="ltr">/);
    // Printed on the résumé's paper, with its margins.
    expect(html).toMatch(/@page\{size:A4;margin:/);
    expect(html).toContain('a[href^="tel:"]{white-space:nowrap}');
    // The style is the only one the page's policy allows, by its hash.
    expect(html).toMatch(/content="default-src 'none'; img-src data:; style-src 'sha256-[A-Za-z0-9+/=]+'"/);
  });

  it("inlines the photo, round, with its text alternative, in the theme's accent and font", async () => {
    const { html } = await page("tests/fixtures/knobs.yaml", "modern");
    expect(html).toMatch(
      /<header><img class="photo" src="data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+" alt="[^"]+" width="\d+" height="\d+">/,
    );
    expect(html).toContain(".photo{border-radius:50%");
    const p = await prepareResume(path.join(ROOT, "tests/fixtures/knobs.yaml"), { render: { theme: "modern" } });
    expect(html).toContain(`--accent:${p.tokens.color.accent}`);
    expect(html).toContain(`font-family:"${p.tokens.font.body}"`);
  });

  it("carries schema.org's Person as JSON-LD, which nothing in the résumé can break out of", async () => {
    const dir = tempDir();
    const file = writeFixture(
      dir,
      "r.yaml",
      `basics:
  name: "Ada <lead> & Co"
  label: Engineer
  email: ada@example.com
  location: {city: Zürich, countryCode: CH}
  profiles: [{network: GitHub, url: "https://github.com/ada"}]
work:
  - name: ACME
    position: Engineer
    startDate: 2020-01
education:
  - institution: ETH
skills:
  - name: Languages
    keywords: [Rust, Go]
`,
    );
    const r = await build(file, { outDir: dir, env: EPOCH, formats: ["html"] });
    const html = readFileSync(r.output, "utf8");
    expect(html.match(/<script/g)).toHaveLength(1);
    // Nothing in the data could end the element or open a comment: <, > and & are escaped in it.
    expect(html).toContain("Ada \\u003clead\\u003e \\u0026 Co");
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!;
    expect(JSON.parse(json)).toEqual({
      "@context": "https://schema.org",
      "@type": "Person",
      name: "Ada <lead> & Co",
      jobTitle: "Engineer",
      email: "mailto:ada@example.com",
      address: { "@type": "PostalAddress", addressLocality: "Zürich", addressCountry: "CH" },
      sameAs: ["https://github.com/ada"],
      worksFor: [{ "@type": "Organization", name: "ACME" }],
      alumniOf: [{ "@type": "EducationalOrganization", name: "ETH" }],
      knowsAbout: ["Rust", "Go"],
    });
    expect(await problems(html)).toEqual([]);
    expect(htmlLines(html)[0]).toBe("Ada <lead> & Co");
  });

  it("reads right to left in a right-to-left résumé, in its language", async () => {
    const { html } = await page("tests/fixtures/scripts/ar.yaml", "classic");
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    const { html: en } = await page("tests/fixtures/scripts/en-hebrew-name.yaml", "classic");
    expect(en).toMatch(/<html lang="en" dir="ltr">/);
  });

  it("fails the build when the page would lose a value: the read-back check", async () => {
    const p = await prepareResume(path.join(ROOT, "tests/fixtures/full.yaml"), {});
    const html = toHtml(p.vm, p.tokens, p.resume);
    expect(checkHtml(html, p.vm, p.tokens)).toBeUndefined();
    expect(checkHtml(html.replace("Led the official migration", "Led the migration"), p.vm, p.tokens)).toMatch(
      /^“Led the official migration/,
    );
    // Out of order is lost too: the first two jobs swapped.
    const swapped = html
      .replace("Northwind Logistics", "@@")
      .replace("Fabrikam", "Northwind Logistics")
      .replace("@@", "Fabrikam");
    expect(checkHtml(swapped, p.vm, p.tokens)).toBeDefined();
  });
});

describe("the command", () => {
  it("writes the page beside the PDF, per language and variant, and a letter's page", async () => {
    const dir = tempDir();
    const file = path.join(ROOT, "tests/fixtures/languages.yaml");
    const r = await run(["build", file, "-f", "pdf,html", "--all-variants", "--all-languages"], {
      cwd: dir,
      env: EPOCH,
    });
    expect(r.code, r.stderr).toBe(0);
    const out = listDir(path.join(dir, "out")).filter((f) => !f.startsWith("."));
    expect(out).toEqual(
      ["de", "en", "uk"].flatMap((l) => [
        `Mira-Kovalenko-Resume-platform-${l}.html`,
        `Mira-Kovalenko-Resume-platform-${l}.pdf`,
      ]),
    );
    const uk = readFileSync(path.join(dir, "out", "Mira-Kovalenko-Resume-platform-uk.html"), "utf8");
    expect(uk).toMatch(/<html lang="uk" dir="ltr">/);
    expect(uk).toContain("<h1>Міра Коваленко</h1>");
    expect(uk).not.toContain("Cut settlement time"); // the backend-only entry, and English text
    const letters = await run(["build", file, "--letter", "northwind", "--lang", "de", "-f", "html"], {
      cwd: dir,
      env: EPOCH,
    });
    expect(letters.code, letters.stderr).toBe(0);
    const letter = readFileSync(path.join(dir, "out", "Mira-Kovalenko-Letter-northwind-de.html"), "utf8");
    expect(letter).toContain("Sehr geehrte Frau Schulz,");
    expect(letter).toMatch(/<html lang="de"/);
    expect(await problems(letter)).toEqual([]);
  });
});
