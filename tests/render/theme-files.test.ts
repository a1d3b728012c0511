/**
 * Themes as files: a theme file that extends a built-in one builds with its own tokens; every
 * bad token is located in the theme's file, all in one report; a theme that would print text
 * too small or too pale is refused with the reason; themes are found by path (relative to the
 * résumé) and in packages; `resume themes` and `resume theme new` work from the command line.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ResumeError, type Diagnostic } from "../../src/common/errors.js";
import { THEMES } from "../../src/common/ids.js";
import { build, prepareResume } from "../../src/pipeline/build.js";
import { parseResume } from "../../src/check/parser.js";
import { readPdfPages } from "../../src/pdf/reader.js";
import { layoutSections } from "../../src/render/themes/reading.js";
import { builtinTheme, readThemeFile } from "../../src/render/themes/files.js";
import { themes } from "../../src/render/themes/index.js";
import { contrastOnWhite, themeJsonSchema } from "../../src/render/themes/schema.js";
import { mm } from "../../src/render/themes/tokens.js";
import { pdffonts, ROOT, run, tempDir, tool, writeFixture } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };

const RESUME = (theme: string) => `basics:
  name: Jane Doe
  email: jane@example.com
work:
  - name: Acme
    position: Engineer
    startDate: 2020-01
    highlights: [Built the billing system]
render:
  theme: ${theme}
`;

/** The PDF with its streams decompressed by qpdf, as text. */
function pageContent(pdf: string): string {
  const plain = `${pdf}.qdf`;
  expect(tool("qpdf", ["--qdf", "--object-streams=disable", pdf, plain]).code).toBe(0);
  return readFileSync(plain, "latin1");
}

/** The problems a build reports (it must fail). */
async function problemsOf(file: string, opts: Parameters<typeof build>[1] = {}): Promise<Diagnostic[]> {
  const err = await build(file, { output: path.join(path.dirname(file), "never.pdf"), env: EPOCH, ...opts }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ResumeError);
  return (err as ResumeError).diagnostics;
}

const GREEN = `# A classic with a green accent, set in Inter
extends: classic
font:
  body: inter
  heading: Inter
color:
  accent: "#0A7A3C"
  rule: "#0a7a3c"
  link: "#0a7a3c"
  name: "#0a7a3c"
  title: "#0a7a3c"
`;

describe("a theme file", () => {
  it("extends a built-in theme: the PDF uses its font and its colour, the rest is the base's", async () => {
    const dir = tempDir();
    writeFixture(dir, "green.yaml", GREEN);
    const resume = writeFixture(dir, "resume.yaml", RESUME("./green.yaml"));
    const output = path.join(dir, "green.pdf");
    const result = await build(resume, { output, env: EPOCH });
    expect(result.pages).toBe(1);
    // --watch rebuilds when the theme file changes; the built-in theme it extends is not the user's.
    expect(result.inputs).toEqual([resume, path.join(dir, "green.yaml")]);
    const fonts = pdffonts(output).map((f) => f.name);
    expect(fonts.some((f) => /Inter-Bold/.test(f))).toBe(true);
    expect(fonts.some((f) => /SourceSerif/.test(f))).toBe(false);
    // #0a7a3c as a fill colour in the (decompressed) page content; classic's navy is gone.
    const content = pageContent(output);
    expect(content).toMatch(/0\.039\d* 0\.478\d* 0\.235\d* scn/);
    expect(content).not.toMatch(/0\.121\d* 0\.227\d* 0\.372\d* scn/);

    const theme = readThemeFile(path.join(dir, "green.yaml"), "green.yaml");
    expect(theme.tokens).toMatchObject({
      name: "green",
      font: { body: "Inter", heading: "Inter" },
      color: { accent: "#0a7a3c", rule: "#0a7a3c", text: themes.classic.color.text },
      margin: themes.classic.margin,
      layout: "single",
    });
  });

  it("turns the contact icons on with its icons token, which render.icons overrides", async () => {
    const dir = tempDir();
    writeFixture(dir, "iconic.yaml", "extends: modern\nicons: true\n");
    expect(readThemeFile(path.join(dir, "iconic.yaml"), "iconic.yaml").tokens.icons).toBe(true);
    expect(themes.modern.icons).toBe(false);
    const resume = writeFixture(dir, "resume.yaml", RESUME("./iconic.yaml"));
    const artifacts = async (icons?: boolean) => {
      const output = path.join(dir, `icons-${String(icons)}.pdf`);
      await build(resume, { output, env: EPOCH, ...(icons === undefined ? {} : { render: { icons } }) });
      return (pageContent(output).match(/\/Artifact/g) ?? []).length;
    };
    const withIcons = await artifacts();
    expect(withIcons).toBeGreaterThan(await artifacts(false));
    expect(await artifacts(true)).toBe(withIcons);
  });

  it("builds from JSON too, and a chain of files that extend each other", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "themes"));
    writeFixture(dir, "themes/base.json", JSON.stringify({ extends: "modern", margin: { top: 20 } }));
    writeFixture(dir, "themes/mine.yaml", "extends: ./base.json\nname: Mine\nsize:\n  body: 10\n");
    const theme = readThemeFile(path.join(dir, "themes/mine.yaml"), "themes/mine.yaml");
    expect(theme.name).toBe("Mine");
    expect(theme.tokens.margin.top).toBe(mm(20));
    expect(theme.tokens.margin.left).toBe(themes.modern.margin.left);
    expect(theme.tokens.size.body).toBe(10);
    expect(theme.tokens.font.body).toBe("Inter");
    expect(theme.files.map((f) => path.basename(f))).toEqual(["mine.yaml", "base.json", "modern.yaml"]);
  });

  it("refuses a loop of extends, at the extends that closes it", () => {
    const dir = tempDir();
    writeFixture(dir, "a.yaml", "extends: ./b.yaml\n");
    writeFixture(dir, "b.yaml", "extends: ./a.yaml\n");
    expect(() => readThemeFile(path.join(dir, "a.yaml"), "a.yaml")).toThrow(/b\.yaml:1:10 {2}extends {2}.*loop/);
  });

  it("without extends must set every token, and says which are missing", () => {
    const dir = tempDir();
    writeFixture(dir, "half.yaml", "font:\n  body: inter\n  heading: inter\n");
    const err = (() => {
      try {
        readThemeFile(path.join(dir, "half.yaml"), "half.yaml");
      } catch (e) {
        return e as ResumeError;
      }
    })();
    expect(err).toBeInstanceOf(ResumeError);
    const paths = err!.diagnostics.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["size", "color", "margin", "layout"]));
    expect(err!.diagnostics[0]!.message).toMatch(/without extends sets every token/);
  });
});

describe("a theme file with problems", () => {
  const BAD = [
    "extends: classic", // 1
    "font:", // 2
    "  body: comic-sans", // 3
    "  headng: inter", // 4
    "size:", // 5
    "  body: 5", // 6
    "color:", // 7
    "  title: '#eeeeee'", // 8
    "  accent: red", // 9
    "margin:", // 10
    "  top: 3", // 11
    "header:", // 12
    "  nameWeight: 400", // 13
    "layuot: sidebar", // 14
    "",
  ].join("\n");

  it("has every bad token located in the theme's file, all in one report", async () => {
    const dir = tempDir();
    writeFixture(dir, "my-theme.yaml", BAD);
    const resume = writeFixture(dir, "resume.yaml", RESUME("./my-theme.yaml"));
    const problems = await problemsOf(resume, { label: path.join("cv", "resume.yaml") });
    const shown = problems.map((d) => `${d.file}:${d.line}:${d.col} ${d.path} ${d.message}`);
    const file = path.join("cv", "my-theme.yaml");
    expect(shown).toEqual([
      expect.stringMatching(new RegExp(`^${file}:3:9 font.body expected one of: source-serif-4`)),
      `${file}:4:3 font.headng unknown key; did you mean "heading"?`,
      `${file}:6:9 size.body 5 pt is below the 7 pt a printed résumé stays readable at`,
      `${file}:8:10 color.title #eeeeee on white has contrast 1.1:1; titles need 4.5:1`,
      `${file}:9:11 color.accent expected a colour like #1f3a5f`,
      `${file}:11:8 margin.top 3 mm is below the 5 mm printers keep clear of the edge (they clip there)`,
      expect.stringMatching(new RegExp(`^${file}:13:15 header.nameWeight 400 is not bold; the name must be bold`)),
      `${file}:14:1 layuot unknown key; did you mean "layout"?`,
    ]);
  });

  it("refuses pale text and tiny type with the reason, even when each is the only problem", async () => {
    const dir = tempDir();
    writeFixture(dir, "pale.yaml", "extends: modern\ncolor:\n  text: '#999'\n");
    writeFixture(dir, "tiny.yaml", "extends: compact\nsize:\n  body: 6.5\n");
    const pale = await problemsOf(writeFixture(dir, "a.yaml", RESUME("./pale.yaml")));
    expect(pale).toEqual([
      expect.objectContaining({
        line: 3,
        col: 9,
        path: "color.text",
        message: "#999999 on white has contrast 2.8:1; body text needs 4.5:1",
      }),
    ]);
    const tiny = await problemsOf(writeFixture(dir, "b.yaml", RESUME("./tiny.yaml")));
    expect(tiny).toEqual([
      expect.objectContaining({
        line: 3,
        path: "size.body",
        message: "6.5 pt is below the 7 pt a printed résumé stays readable at",
      }),
    ]);
  });

  it("refuses a name that is not the largest text (parsers take the largest bold line for the name)", () => {
    const dir = tempDir();
    writeFixture(dir, "flat.yaml", "extends: classic\nsize:\n  name: 12\n  label: 13\n");
    expect(() => readThemeFile(path.join(dir, "flat.yaml"), "flat.yaml")).toThrow(
      /flat\.yaml:3:9 {2}size\.name {2}12 pt is not above the theme's largest other size \(13 pt\)/,
    );
  });

  it("is reported with the résumé's own problems", async () => {
    const dir = tempDir();
    writeFixture(dir, "pale.yaml", "extends: modern\ncolor:\n  name: '#dddddd'\n");
    const resume = writeFixture(dir, "r.yaml", `${RESUME("./pale.yaml")}  paper: a3\n`);
    const problems = await problemsOf(resume);
    expect(problems.map((d) => `${path.basename(d.file)} ${d.path}`)).toEqual([
      "r.yaml render.paper",
      "pale.yaml color.name",
    ]);
  });
});

describe("the arrangement tokens", () => {
  const LONG = `basics:
  name: Jane Doe
  label: Platform Engineer
  email: jane@example.com
  phone: "+46 70 123 45 67"
  url: https://jane.example.com
  location: { city: Stockholm, countryCode: SE }
  profiles: [{ network: GitHub, url: "https://github.com/jane" }]
work:
  - name: Acme
    position: Engineer
    location: Berlin
    startDate: 2020-01
    highlights: [Built the billing system, Ran the on-call rota]
  - name: Globex
    position: Developer
    startDate: 2016-03
    endDate: 2019-12
    highlights: [Shipped the mobile app]
skills:
  - name: Languages
    keywords: [Go, TypeScript]
education:
  - institution: KTH
    studyType: MSc
    area: Computer Science
    startDate: 2011
    endDate: 2016
`;

  it("set dates in a column, a split header, a bullet and a place colour, and a parser reads it as from one column", async () => {
    const dir = tempDir();
    writeFixture(
      dir,
      "columns.yaml",
      [
        "extends: classic",
        "header: { align: split }",
        "color: { place: '#8a1c1c' }",
        "entry: { dates: column, columnWidth: 100, bullet: '–' }",
        "sectionTitle: { position: column }",
        "",
      ].join("\n"),
    );
    const input = writeFixture(dir, "r.yaml", `${LONG}render: { theme: ./columns.yaml }\n`);
    const output = path.join(dir, "r.pdf");
    await build(input, { output, env: EPOCH });
    const [page] = readPdfPages(readFileSync(output));
    const item = (text: string) => page!.items.find((it) => it.str.trim() === text)!;
    // The dates stand left of the title, on its baseline; the title starts at the column's edge.
    const [date, title] = [item("Jan 2020 – Present"), item("Acme")];
    expect(date.y).toBeCloseTo(title.y, 0);
    expect(date.x + date.width).toBeLessThan(title.x);
    expect(title.x).toBeCloseTo(mm(16) + 100, 0);
    // The section title in the column, right-aligned to it; the label of a row too.
    const heading = item("EXPERIENCE");
    expect(heading.x + heading.width).toBeCloseTo(mm(16) + 100 - 10, 0);
    expect(item("Languages:").x + item("Languages:").width).toBeLessThan(title.x);
    // The contacts on the right of the name, each on a line of its own, below the name's line.
    const email = item("jane@example.com");
    expect(email.x).toBeGreaterThan(page!.width / 2);
    expect(email.y).toBeLessThan(item("Jane Doe").y);
    // The bullet's mark.
    expect(page!.items.some((it) => it.str.trim() === "–")).toBe(true);
    expect(page!.items.some((it) => it.str.trim() === "•")).toBe(false);
    // The place in its colour.
    expect(pageContent(output)).toMatch(/0\.541\d* 0\.109\d* 0\.109\d* scn/);
    const r = parseResume(readPdfPages(readFileSync(output)));
    expect(r.name).toBe("Jane Doe");
    expect(r.email).toBe("jane@example.com");
    expect(r.headline).toEqual(["Platform Engineer"]);
    const work = r.sections.find((s) => s.title === "EXPERIENCE")!;
    expect(work.entries.map((e) => [e.organisation, e.dates, e.position])).toEqual([
      ["Acme", "Jan 2020 – Present", "Engineer"],
      ["Globex", "Mar 2016 – Dec 2019", "Developer"],
    ]);
    expect(work.entries[0]!.bullets).toEqual(["Built the billing system", "Ran the on-call rota"]);
  });

  it("put the side column on the right, holding the sections the theme names", async () => {
    const dir = tempDir();
    writeFixture(dir, "right.yaml", "extends: sidebar\nsidebar: { side: right, sections: [education, skills] }\n");
    const input = writeFixture(dir, "r.yaml", `${LONG}render: { theme: ./right.yaml }\n`);
    const output = path.join(dir, "r.pdf");
    await build(input, { output, env: EPOCH });
    const [page] = readPdfPages(readFileSync(output));
    const x = (text: string) => page!.items.find((it) => it.str.trim() === text)!.x;
    expect(x("EDUCATION")).toBeGreaterThan(page!.width * 0.6);
    expect(x("SKILLS")).toBeGreaterThan(page!.width * 0.6);
    expect(x("EXPERIENCE")).toBeCloseTo(mm(15), 0);
    // Side sections first in reading order, in the order the résumé has them.
    const { vm, tokens } = await prepareResume(input);
    expect(layoutSections(vm, tokens).side.map((s) => s.id)).toEqual(["skills", "education"]);
  });

  it("are checked, and those that need each other say so", async () => {
    const dir = tempDir();
    writeFixture(
      dir,
      "bad.yaml",
      [
        "extends: sidebar", // 1
        "header: { align: right }", // 2
        "entry:", // 3
        "  dates: column", // 4
        "  bullet: '*'", // 5
        "  columnWidth: 20", // 6
        "sidebar: { side: middle, sections: [skils] }", // 7
        "",
      ].join("\n"),
    );
    expect(() => readThemeFile(path.join(dir, "bad.yaml"), "bad.yaml")).toThrow(
      new RegExp(
        [
          "bad\\.yaml:2:18 {2}header\\.align {2}expected one of: left, center, split",
          "bad\\.yaml:5:11 {2}entry\\.bullet {2}expected one of: •, –, ▪, ◦, ‣, ·, ›",
          "bad\\.yaml:6:16 {2}entry\\.columnWidth {2}20 pt is below the 50 pt allowed",
          "bad\\.yaml:7:18 {2}sidebar\\.side {2}expected one of: left, right",
          "bad\\.yaml:7:37 {2}sidebar\\.sections\\[0\\] {2}expected one of: summary",
        ].join("[^]*"),
      ),
    );
    writeFixture(dir, "cross.yaml", "extends: sidebar\nentry: { dates: column }\nsectionTitle: { position: column }\n");
    writeFixture(dir, "cross2.yaml", "extends: classic\nsectionTitle: { position: column }\n");
    expect(() => readThemeFile(path.join(dir, "cross.yaml"), "cross.yaml")).toThrow(
      /cross\.yaml:2:17 {2}entry\.dates {2}a dates column needs a layout of one column \(this theme has layout: sidebar, with a side column\)/,
    );
    expect(() => readThemeFile(path.join(dir, "cross2.yaml"), "cross2.yaml")).toThrow(
      /cross2\.yaml:2:27 {2}sectionTitle\.position {2}titles in the column need a column: set entry\.dates: column/,
    );
  });
});

describe("finding a theme", () => {
  it("takes a path relative to the résumé, not to where the command runs", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "cv"));
    mkdirSync(path.join(dir, "looks"));
    writeFixture(dir, "looks/green.yaml", GREEN);
    writeFixture(dir, "cv/resume.yaml", RESUME("../looks/green.yaml"));
    const r = await run(["build", "cv/resume.yaml", "-o", "out.pdf", "-q"], { cwd: dir, env: EPOCH });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(pdffonts(path.join(dir, "out.pdf")).some((f) => /Inter/.test(f.name))).toBe(true);
  });

  it("says where it looked when the file or the package is not there, at render.theme", async () => {
    const dir = tempDir();
    const missingFile = await problemsOf(writeFixture(dir, "a.yaml", RESUME("./nowhere.yaml")));
    expect(missingFile).toEqual([
      expect.objectContaining({
        line: 10,
        col: 10,
        path: "render.theme",
        message: `no theme file ./nowhere.yaml: ${path.join(dir, "nowhere.yaml")} does not exist`,
      }),
    ]);
    const missingPackage = await problemsOf(writeFixture(dir, "b.yaml", RESUME("resume-theme-nowhere")));
    expect(missingPackage).toHaveLength(1);
    expect(missingPackage[0]).toMatchObject({ line: 10, path: "render.theme" });
    expect(missingPackage[0]!.message).toContain(`looked in node_modules from ${dir} up to the root`);
    const typo = await problemsOf(writeFixture(dir, "c.yaml", RESUME("modrn")));
    expect(typo[0]!.message).toMatch(/^no theme "modrn"; did you mean "modern"\?/);
  });

  it("finds a theme package in node_modules beside the résumé: its theme.yaml, or the file its resumeTheme names", async () => {
    const dir = tempDir();
    const pkg = path.join(dir, "node_modules", "resume-theme-test");
    mkdirSync(pkg, { recursive: true });
    writeFixture(pkg, "package.json", JSON.stringify({ name: "resume-theme-test", version: "1.0.0" }));
    writeFixture(pkg, "theme.yaml", "extends: compact\ndescription: A test theme\nfont:\n  body: ibm-plex-sans\n");
    const output = path.join(dir, "p.pdf");
    await build(writeFixture(dir, "resume.yaml", RESUME("resume-theme-test")), { output, env: EPOCH });
    expect(pdffonts(output).some((f) => /IBMPlexSans/.test(f.name))).toBe(true);

    const other = path.join(dir, "node_modules", "@me", "resume-theme-other");
    mkdirSync(path.join(other, "dist"), { recursive: true });
    writeFixture(other, "package.json", JSON.stringify({ name: "@me/resume-theme-other", resumeTheme: "dist/t.yaml" }));
    writeFixture(other, "dist/t.yaml", "extends: classic\nsize:\n  body: 2\n");
    const problems = await problemsOf(writeFixture(dir, "r2.yaml", RESUME("'@me/resume-theme-other'")));
    expect(problems).toEqual([
      expect.objectContaining({
        file: path.join(dir, "node_modules", "@me", "resume-theme-other", "dist", "t.yaml"),
        line: 3,
        path: "size.body",
      }),
    ]);
  });
});

describe("the built-in themes", () => {
  it("are theme files in the package, each read only when asked for", () => {
    for (const name of THEMES) {
      const file = path.join(ROOT, "themes", `${name}.yaml`);
      const theme = readThemeFile(file, `themes/${name}.yaml`);
      expect(theme.tokens).toEqual(builtinTheme(name).tokens);
      expect(parse(readFileSync(file, "utf8"))).not.toHaveProperty("extends");
    }
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { files: string[] };
    expect(pkg.files).toEqual(expect.arrayContaining(["themes", "theme.schema.json"]));
  });

  it("print their text dark enough to read", () => {
    for (const name of THEMES) {
      const { color } = themes[name];
      for (const role of ["text", "muted", "link", "name", "title"] as const)
        expect(contrastOnWhite(color[role]), `${name} color.${role}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastOnWhite("#ffffff")).toBeCloseTo(1, 5);
    expect(contrastOnWhite("#000000")).toBeCloseTo(21, 5);
  });
});

describe("theme.schema.json", () => {
  it("matches the committed file (regenerate with npm run schema)", async () => {
    const committed = JSON.parse(readFileSync(path.join(ROOT, "theme.schema.json"), "utf8"));
    expect(committed).toEqual(themeJsonSchema());
    const r = await run(["theme", "schema"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(committed);
  });
});

describe("resume themes and resume theme new", () => {
  it("lists the built-in themes, theme files in ./themes/ and installed theme packages", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "themes"));
    writeFixture(dir, "themes/green.yaml", `description: Green and Inter\n${GREEN}`);
    writeFixture(dir, "themes/notes.yaml", "todo: [write a theme]\n");
    writeFixture(dir, "themes/broken.yaml", "extends: classic\nsize:\n  body: 1\n");
    const pkg = path.join(dir, "node_modules", "resume-theme-test");
    mkdirSync(pkg, { recursive: true });
    writeFixture(pkg, "package.json", JSON.stringify({ name: "resume-theme-test" }));
    writeFixture(pkg, "theme.yaml", "extends: sidebar\ndescription: Sidebar in test colours\n");
    const r = await run(["themes"], { cwd: dir });
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split("\n");
    expect(rows.slice(0, THEMES.length).map((l) => l.split(/\s+/)[0])).toEqual([...THEMES]);
    expect(rows[THEMES.length]).toBe("");
    expect(rows.slice(THEMES.length + 1)).toEqual([
      expect.stringMatching(/^\.\/themes\/green\.yaml\s+Green and Inter \(theme file\)$/),
      expect.stringMatching(/^resume-theme-test\s+Sidebar in test colours \(package\)$/),
    ]);
  });

  it("writes NAME.yaml with every token of the base, which reads back as that theme, and refuses to overwrite", async () => {
    const dir = tempDir();
    const r = await run(["theme", "new", "mine", "--from", "Modern"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote mine\.yaml; use it with render\.theme: \.\/mine\.yaml/);
    const text = readFileSync(path.join(dir, "mine.yaml"), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=theme.schema.json");
    expect(JSON.parse(readFileSync(path.join(dir, "theme.schema.json"), "utf8"))).toEqual(themeJsonSchema());
    expect(parse(text)).not.toHaveProperty("extends");
    const theme = readThemeFile(path.join(dir, "mine.yaml"), "mine.yaml");
    expect({ ...theme.tokens, name: "", description: "" }).toEqual({ ...themes.modern, name: "", description: "" });
    expect(theme.name).toBe("mine");

    writeFileSync(path.join(dir, "mine.yaml"), "# mine, edited\n");
    const again = await run(["theme", "new", "mine"], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^mine\.yaml {2}already exists; not overwriting it/);
    expect(readFileSync(path.join(dir, "mine.yaml"), "utf8")).toBe("# mine, edited\n");

    const unknown = await run(["theme", "new", "other", "--from", "./nope.yaml"], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("no theme file ./nope.yaml");
  });

  it("builds with a theme file given on the command line, relative to where it runs", async () => {
    const dir = tempDir();
    writeFixture(dir, "green.yaml", GREEN);
    mkdirSync(path.join(dir, "cv"));
    writeFixture(dir, "cv/resume.yaml", RESUME("classic"));
    const r = await run(["build", "cv/resume.yaml", "--theme", "./green.yaml", "-o", "g.pdf", "-q"], {
      cwd: dir,
      env: EPOCH,
    });
    expect(r.stderr).toBe("");
    expect(pdffonts(path.join(dir, "g.pdf")).some((f) => /Inter/.test(f.name))).toBe(true);
  });
});
