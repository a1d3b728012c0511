/**
 * The rules that let real JSON Resume files build as they are (README, "Rules worth knowing"):
 * keys (typos, older names, keys not printed, --strict), values (empty strings, null, Present,
 * date-times, URLs without a scheme, numbers for text), duplicate keys, one report for every
 * kind of problem, and the small ones (default file, phone as text, choices in any case).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build, prepareResume } from "../../src/pipeline/build.js";
import { editDistance } from "../../src/common/errors.js";
import { typoOf } from "../../src/input/coerce.js";
import { ResumeError, type Diagnostic } from "../../src/common/errors.js";
import { installCommand } from "../../src/render/fonts.js";
import { isPresentWord } from "../../src/input/languages.js";
import { canonicalDate } from "../../src/input/dates.js";
import { completeUrl } from "../../src/input/urls.js";
import { detectLocale, scriptNeeds } from "../../src/model/scripts.js";
import { validateDocument } from "../../src/input/validate.js";
import { pdftotext, readPdf, ROOT, run, source, tempDir, writeFixture } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const checked = (text: string, file = "resume.yaml") => validateDocument(source(text, file));
const strictly = (text: string, file = "resume.yaml") => validateDocument(source(text, file), { strict: "--strict" });
const show = (list: Diagnostic[]) => list.map((d) => `${d.line}:${d.col} ${d.path} ${d.message}`);

describe("keys", () => {
  it("a key within a typo's reach of a known one is read as it, with a warning; --strict refuses it", () => {
    const text = "basics:\n  name: A\n  emial: a@b.co\n";
    const v = checked(text);
    expect(v.problems).toEqual([]);
    expect(v.resume!.basics.email).toBe("a@b.co");
    expect(show(v.warnings)).toEqual(['3:3 basics.emial unknown key; did you mean "email"? It is read as "email"']);
    expect(v.warnings[0]!.severity).toBe("warning");
    expect(show(strictly(text).problems)).toEqual(['3:3 basics.emial unknown key; did you mean "email"?']);
    for (const [typo, meant] of [
      ["postion", "position"],
      ["startdate", "startDate"],
      ["start_date", "startDate"],
      ["high_lights", "highlights"],
      ["Position", "position"],
      ["hilights", "highlights"],
      ["nmae", "name"],
    ] as const) {
      const doc = `basics: {name: A}\nwork:\n  - name: Acme\n    ${typo}: ${meant === "highlights" ? "[x]" : meant === "startDate" ? "2020" : "x"}\n`;
      const lenient = checked(doc);
      expect(lenient.problems, typo).toEqual([]);
      expect((lenient.resume!.work![0] as Record<string, unknown>)[meant], typo).toBeDefined();
      const v = strictly(doc);
      expect(v.resume, typo).toBeUndefined();
      expect(show(v.problems), typo).toEqual([`4:5 work[0].${typo} unknown key; did you mean "${meant}"?`]);
    }
    // A near-miss beside the key it misses cannot be read as it: it is not printed, with a warning.
    const both = checked("basics: {name: A}\ninterests:\n  - keywords: [a]\n    keyowrds: [b]\n");
    expect(both.resume!.interests![0]).toEqual({ keywords: ["a"] });
    expect(show(both.warnings)).toEqual([
      '4:5 interests[0].keyowrds unknown key, not printed: did you mean "keywords"? (the entry has "keywords" too)',
    ]);
  });

  it("takes a section under another name (certifications, experience, volunteering) as the section it names", () => {
    const v = checked(
      "basics: {name: A}\ncertifications:\n  - name: CKA\nexperience:\n  - name: Acme\nvolunteers:\n  - organization: Red Cross\n",
    );
    expect(v.problems).toEqual([]);
    expect(v.resume).toMatchObject({
      certificates: [{ name: "CKA" }],
      work: [{ name: "Acme" }],
      volunteer: [{ organization: "Red Cross" }],
    });
    expect(show(v.warnings)).toEqual([
      '2:1 certifications read as the section "certificates", the name JSON Resume gives it',
      '4:1 experience read as the section "work", the name JSON Resume gives it',
      '6:1 volunteers unknown key; did you mean "volunteer"? It is read as "volunteer"',
    ]);
    expect(strictly("basics: {name: A}\ncertifications:\n  - name: CKA\n").problems.map((d) => d.message)).toEqual([
      'read as the section "certificates", the name JSON Resume gives it (refused under --strict)',
    ]);
  });

  it("an unrelated key is kept, not printed, and named in one grouped warning", () => {
    const v = checked(
      "basics: {name: A, x-github: a-dev}\nwork:\n  - name: Acme\n    technologies: [Go]\n  - name: Beta\n    technologies: [Rust]\n    team: Platform\n",
    );
    expect(v.problems).toEqual([]);
    expect(v.resume!.work![0]).toEqual({ name: "Acme" });
    expect(v.extras.map((e) => e.path.join("."))).toEqual([
      "basics.x-github",
      "work.0.technologies",
      "work.1.technologies",
      "work.1.team",
    ]);
    expect(show(v.warnings)).toEqual([
      "1:19  3 keys not printed (neither JSON Resume nor an extension of this tool): basics.x-github, work[].technologies (×2), work[].team; they are kept in -f json, and --strict refuses them",
    ]);
    expect(v.warnings[0]!.severity).toBe("warning");
  });

  it("finds the boundary between a typo and another key", () => {
    // One edit for keys up to six letters, two from seven; a transposition is one edit.
    expect(editDistance("emial", "email", { transpositions: true })).toBe(1);
    expect(typoOf("emal", ["email"])).toBe("email");
    expect(typoOf("emaaal", ["email"])).toBeUndefined();
    expect(typoOf("hilights", ["highlights"])).toBe("highlights");
    expect(typoOf("hlights", ["highlights"])).toBeUndefined();
    expect(typoOf("ur", ["url"])).toBeUndefined();
    expect(typoOf("URL", ["url"])).toBe("url");
    expect(typoOf("technologies", ["name", "position", "highlights"])).toBeUndefined();
    // Another tool's prefixed key, a plural beside its singular, a plural holding another kind of value.
    expect(checked("basics: {name: A, x-preferences: [remote]}\n").problems).toEqual([]);
    expect(checked("basics: {name: A}\nwork:\n  - url: https://a.dev\n    urls: [https://b.dev]\n").problems).toEqual(
      [],
    );
    expect(checked("basics: {name: A}\nskills:\n  - names: [Go, Rust]\n").problems).toEqual([]);
    expect(show(strictly("basics: {name: A}\nskills:\n  - keyword: [Go]\n").problems)).toEqual([
      '3:5 skills[0].keyword unknown key; did you mean "keywords"?',
    ]);
  });

  it("the same typo in every entry of a list is one problem", () => {
    const text = "basics: {name: A}\nwork:\n  - higlights: [a]\n  - higlights: [b]\n  - higlights: [c]\n";
    expect(show(strictly(text).problems)).toEqual([
      '3:5 work[0].higlights unknown key; did you mean "highlights"? The same key is in 2 more entries (work[1], work[2])',
    ]);
    const v = checked(text);
    expect(v.resume!.work!.map((w) => w.highlights)).toEqual([["a"], ["b"], ["c"]]);
    expect(show(v.warnings)).toEqual([
      '3:5 work[0].higlights unknown key; did you mean "highlights"? It is read as "highlights". The same key is in 2 more entries (work[1], work[2])',
    ]);
  });

  it("reads keys of older JSON Resume versions under their current names, with one note", () => {
    const v = checked(
      "basics:\n  name: A\n  website: https://a.dev\n  picture: me.png\nwork:\n  - company: Acme\n    website: acme.example.com\neducation:\n  - gpa: 3.90\n",
    );
    expect(v.problems).toEqual([]);
    expect(v.resume).toMatchObject({
      basics: { url: "https://a.dev", image: "me.png" },
      work: [{ name: "Acme", url: "https://acme.example.com" }],
      education: [{ score: "3.90" }],
    });
    expect(show(v.warnings)).toEqual([
      "3:3  read 5 keys of older JSON Resume versions or other tools under their current names: basics.website → url, basics.picture → image, work[].company → name, work[].website → url, education[].gpa → score",
    ]);
    expect(v.warnings[0]!.severity).toBe("note");
    // Problems of a renamed key are shown under the name the file gives it.
    expect(show(strictly("basics: {name: A}\nwork:\n  - company: Acme\n    website: not a site\n").problems)).toEqual([
      '4:14 work[0].website "not a site" is not a web address; write the whole address, starting with https://; it prints as text, not as a link (refused under --strict)',
    ]);
    // The old key beside the new one is a key not printed.
    expect(show(checked("basics: {name: A, url: https://a.dev, website: https://b.dev}\n").warnings)[0]).toContain(
      "basics.website",
    );
  });

  it("refuses every key not printed under --strict, and under render.strict", () => {
    const text = "basics: {name: A, x-github: a}\nwork:\n  - company: Acme\n    technologies: [Go]\n";
    expect(checked(text).problems).toEqual([]);
    const strict = validateDocument(source(text), { strict: "--strict" });
    expect(show(strict.problems)).toEqual([
      "1:19 basics.x-github unknown key, not printed; --strict refuses keys that are not printed (remove it, or build without --strict to keep it)",
      "4:5 work[0].technologies unknown key, not printed; --strict refuses keys that are not printed (remove it, or build without --strict to keep it)",
    ]);
    const inFile = checked(`${text}render: {strict: true}\n`);
    expect(inFile.problems.map((d) => d.path)).toEqual(["basics.x-github", "work[0].technologies"]);
    expect(inFile.problems[0]!.message).toContain("render.strict refuses keys that are not printed");
  });

  it("inside the tool's own extensions, every key must be known", () => {
    expect(show(checked("basics: {name: A}\nrender:\n  colour: red\n").problems)).toEqual([
      "3:3 render.colour unknown key; expected one of: accent, font, fontSize, lineSpacing, margins, locale, dateFormat, photo, icons, theme, paper, cjk, strict, maxPages, fit, order, hide, languages, titles",
    ]);
    expect(
      checked("basics: {name: A}\ncustomSections:\n  - title: T\n    bullets: [x]\n    highlights: [y]\n").problems.map(
        (d) => d.path,
      ),
    ).toEqual(["customSections[0].bullets"]);
  });
});

describe("values", () => {
  it("an empty string counts as absent everywhere", () => {
    const v = checked(
      'basics:\n  name: A\n  url: ""\n  email: " "\nwork:\n  - name: Acme\n    startDate: ""\n    endDate: ""\n    url: ""\n    location: ""\n',
    );
    expect(v.problems).toEqual([]);
    expect(v.resume!.work![0]).toEqual({ name: "Acme" });
  });

  it("null is read as absent (an end date as ongoing), with a note; --strict refuses it", () => {
    const text =
      "basics:\n  name: A\n  label: null\nwork:\n  - startDate: 2020\n    endDate: null\n    highlights: [null, done]\n";
    const v = checked(text);
    expect(v.problems).toEqual([]);
    expect(v.resume!.work![0]).toEqual({ startDate: "2020", highlights: ["done"] });
    expect(show(v.warnings)).toEqual([
      "3:10 basics.label is null; read as absent",
      "6:14 work[0].endDate is null; read as no end date, so the entry prints as ongoing",
      "7:18 work[0].highlights[0] is null; the item is left out",
    ]);
    expect(show(strictly(text).problems)).toEqual([
      "3:10 basics.label is null; read as absent (refused under --strict)",
      "6:14 work[0].endDate is null; read as no end date, so the entry prints as ongoing (refused under --strict)",
      "7:18 work[0].highlights[0] is null; the item is left out (refused under --strict)",
    ]);
    // The name cannot be left out.
    expect(show(checked("basics:\n  name: null\n").problems)).toEqual([
      "2:9 basics.name is null; write the person's name, which heads the résumé",
    ]);
  });

  it('"Present", in any case and in every supported language, means an ongoing end date', () => {
    for (const word of [
      "Present",
      "present",
      "PRESENT",
      "Current",
      "heute",
      "aujourd’hui",
      "aujourd'hui",
      "obecnie",
      "至今",
      "현재",
      "настоящее время",
      "günümüz",
    ]) {
      expect(isPresentWord(word), word).toBe(true);
      const v = checked(`basics: {name: A}\nwork:\n  - startDate: 2020\n    endDate: ${JSON.stringify(word)}\n`);
      expect(v.problems, word).toEqual([]);
      expect(v.resume!.work![0]!.endDate).toBeUndefined();
    }
    expect(show(strictly("basics: {name: A}\nwork:\n  - startDate: Present\n").problems)).toEqual([
      '3:16 work[0].startDate "Present" is not a date; only an end date can be ongoing (write when it started); it prints as written (refused under --strict)',
    ]);
  });

  it("reads ISO date-times as their date, and YYYY/MM, YYYY-M and MM/YYYY as YYYY-MM", () => {
    expect(canonicalDate("2019-05-01T00:00:00")).toBe("2019-05-01");
    expect(canonicalDate("2019-05-01T00:00:00.000Z")).toBe("2019-05-01");
    expect(canonicalDate("2019-05-01T23:59:59+09:00")).toBe("2019-05-01");
    expect(canonicalDate("2019-05-01 10:30")).toBe("2019-05-01");
    expect(canonicalDate("2021/07")).toBe("2021-07");
    expect(canonicalDate("2021/7/4")).toBe("2021-07-04");
    expect(canonicalDate("2021-7")).toBe("2021-07");
    expect(canonicalDate("07/2021")).toBe("2021-07");
    expect(canonicalDate("7.2021")).toBe("2021-07");
    // Not dates, left for the check to explain: a time out of range, a day-first date, three digits.
    for (const odd of ["2019-05-01T25:00:00", "01/02/2021", "2013-12-021"]) expect(canonicalDate(odd)).toBe(odd);
    const v = checked("basics: {name: A}\nwork:\n  - startDate: 2019-05-01T00:00:00.000Z\n    endDate: 2021/07\n");
    expect(v.resume!.work![0]).toMatchObject({ startDate: "2019-05-01", endDate: "2021-07" });
  });

  it("links addresses written without a scheme with https://", () => {
    expect(completeUrl("www.example.com")).toBe("https://www.example.com");
    expect(completeUrl("linkedin.com/in/x")).toBe("https://linkedin.com/in/x");
    expect(completeUrl("//example.com/a")).toBe("https://example.com/a");
    expect(completeUrl("münchen.de")).toBe("https://münchen.de");
    for (const kept of ["https://a.dev", "mailto:a@b.co", "my site", "localhost", "jane@example.com"])
      expect(completeUrl(kept)).toBe(kept);
    expect(checked("basics: {name: A, url: www.jane.dev}\n").resume!.basics.url).toBe("https://www.jane.dev");
  });

  it("takes a number where text is expected as the text written in the file", () => {
    const yaml = checked(
      "basics:\n  name: A\n  phone: 5550100\n  location: {postalCode: 02143}\neducation:\n  - score: 3.90\nskills:\n  - keywords: [2023, Go]\n",
    );
    expect(yaml.problems).toEqual([]);
    expect(yaml.resume).toMatchObject({
      basics: { phone: "5550100", location: { postalCode: "02143" } },
      education: [{ score: "3.90" }],
      skills: [{ keywords: ["2023", "Go"] }],
    });
    const json = checked('{"basics": {"name": "A"}, "education": [{"score": 3.90, "gpa": 4}]}', "resume.json");
    expect(json.resume!.education![0]).toEqual({ score: "3.90" });
    // Numbers stay numbers where a number is meant.
    expect(checked("basics: {name: A}\nrender: {fontSize: 10.5}\n").resume!.render!.fontSize).toBe(10.5);
  });
});

describe("duplicate keys", () => {
  it("in JSON, builds with the last value and warns, naming the key and both lines", () => {
    const v = checked('{\n  "basics": {\n    "name": "First",\n    "name": "Last"\n  }\n}\n', "resume.json");
    expect(v.problems).toEqual([]);
    expect(v.resume!.basics.name).toBe("Last");
    expect(show(v.warnings)).toEqual([
      '4:5 basics.name duplicate key "name": this value (line 4) replaces the one at line 3, as in every JSON tool; delete one of them',
    ]);
  });

  it("in YAML, is an error naming the key and the line of its first occurrence", () => {
    expect(show(checked("basics:\n  name: A\nwork: []\nwork: []\n").problems)).toEqual([
      '4:1 work duplicate key "work" (first at line 3); each key may appear only once in a mapping',
    ]);
  });
});

describe("everything at once", () => {
  it("reports syntax, keys, schema, images, fonts and glyphs in one report", async () => {
    const dir = tempDir();
    const file = writeFixture(
      dir,
      "r.yaml",
      [
        "basics:",
        "  name: Priya",
        "  emial: p@example.com",
        "  label: བོད་ཡིག",
        "work:",
        "  - name: Acme",
        "    startDate: 2021-13",
        "  - name: Beta",
        "    startDate: 2021",
        "    endDate: 2020",
        "certificates:",
        "  - name: Cert",
        "    badge: missing.png",
        "    name: Again",
        "",
      ].join("\n"),
    );
    const err = (await prepareResume(file, { strict: true }).catch((e: unknown) => e)) as ResumeError;
    expect(err).toBeInstanceOf(ResumeError);
    expect(show(err.diagnostics).map((l) => l.replace(/ \(.*$|: .*$/, ""))).toEqual([
      '3:3 basics.emial unknown key; did you mean "email"?',
      "4:10 basics.label Tibetan text",
      '7:16 work[0].startDate "2021-13" has no month 13; months run 01–12; it prints as written',
      "10:14 work[1].endDate ends",
      "13:12 certificates[0].badge image not found",
      '14:5 certificates[0].name duplicate key "name"',
    ]);
  });

  it("reports problems before a syntax error with it, and none that the break may have caused", () => {
    const v = strictly("basics:\n  name: A\n  emial: x\nwork:\n  - name: [unclosed\n  - name: B\n    emial: y\n");
    const list = show(v.problems);
    expect(list[0]).toBe('3:3 basics.emial unknown key; did you mean "email"?');
    expect(list.some((l) => /^6:\d+ {2}YAML syntax error/.test(l))).toBe(true);
    // Line 7 comes after the break: what is read there may be the break's doing.
    expect(list.filter((l) => l.startsWith("7:"))).toEqual([]);
  });
});

describe("scripts and fonts", () => {
  it("chooses the CJK font from the text", () => {
    expect(scriptNeeds("山田さん").cjk).toEqual(["jp"]);
    expect(scriptNeeds("김민준").cjk).toEqual(["kr"]);
    expect(scriptNeeds("王小明").cjk).toEqual(["sc"]);
    expect(scriptNeeds("學習與經驗").cjk).toEqual(["tc"]);
    expect(scriptNeeds("王小明", "zh-tw").cjk).toEqual(["tc"]);
    expect(scriptNeeds("Jane").cjk).toEqual([]);
    expect(scriptNeeds("Ships 🚀").emoji).toBe(true);
    expect(scriptNeeds("★ © → ✓").emoji).toBe(false);
  });

  it("picks the language of a résumé written in a script that names it", () => {
    expect(detectLocale("高级前端工程师，拥有7年以上React.js与Node.js经验")).toBe("zh");
    expect(detectLocale("ソフトウェアエンジニア。東京を拠点に開発")).toBe("ja");
    expect(detectLocale("안정적인 시스템을 설계합니다")).toBe("ko");
    expect(detectLocale("Опыт работы с распределёнными системами")).toBe("ru");
    expect(detectLocale("Досвід роботи з розподіленими системами, їх підтримка")).toBe("uk");
    expect(detectLocale("Επαγγελματική εμπειρία")).toBe("el");
    expect(detectLocale("Jane Doe, engineer. 王小明")).toBeUndefined();
    expect(detectLocale("Искуство у раду са системима, љубав")).toBeUndefined(); // Serbian: no locale of ours
  });

  it("gives the install command that fits the way the tool was installed", () => {
    const pkg = "@expo-google-fonts/noto-sans-tc";
    const dir = tempDir();
    const project = path.join(dir, "project");
    writeFixture(dir, "package.json", "{}");
    expect(installCommand(pkg, path.join(dir, "checkout"))).toBe(`npm install ${pkg}`);
    expect(installCommand(pkg, path.join(dir, "lib", "node_modules", "resume-builder"))).toBe(`npm install -g ${pkg}`);
    expect(installCommand(pkg, path.join(dir, "node_modules", "resume-builder"))).toBe(
      `npm install ${pkg} (in ${dir})`,
    );
    expect(installCommand(pkg, path.join(dir, ".npm", "_npx", "abc", "node_modules", "resume-builder"))).toMatch(
      /^npx -p resume-builder -p @expo-google-fonts\/noto-sans-tc/,
    );
    void project;
  });

  it("prints emoji in monochrome, variation selectors and joiners included, and reads them back", async () => {
    const dir = tempDir();
    const output = path.join(dir, "e.pdf");
    const label = "Engineer 🚀 ❤️ 👩‍💻 ⚛️";
    await build(writeFixture(dir, "e.yaml", `basics:\n  name: Jane Doe\n  label: ${label}\n`), { output, env: EPOCH });
    expect(readFileSync(output, "latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoEmoji-Regular/);
    const text = (await readPdf(readFileSync(output))).text;
    // A joined sequence (👩‍💻) prints as its parts: react-pdf shapes them one by one.
    for (const emoji of ["🚀", "❤", "👩", "💻", "⚛"]) expect(text).toContain(emoji);
  });
});

describe("the small ones", () => {
  it("builds resume.yaml, then resume.yml, then resume.json when no file is given, and says which", async () => {
    for (const name of ["resume.yml", "resume.json"]) {
      const dir = tempDir();
      writeFileSync(
        path.join(dir, name),
        name.endsWith(".json") ? '{"basics": {"name": "Ada"}}' : "basics: {name: Ada}\n",
      );
      const r = await run(["build"], { cwd: dir, env: EPOCH });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(
        new RegExp(
          `^wrote out/Ada-Resume\\.pdf \\(1 page, [\\d.]+ KB\\) from ${name.replace(".", "\\.")} in \\d+ ms\\n$`,
        ),
      );
      expect((await run(["validate"], { cwd: dir })).stdout).toBe(`${name} is valid (0 sections)\n`);
    }
    const none = await run(["build"], { cwd: tempDir() });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("resume.yaml  no résumé here: looked for resume.yaml, resume.yml, resume.json");
  });

  it("prints a phone that is not a number as text, without a tel: link", async () => {
    const dir = tempDir();
    const output = path.join(dir, "p.pdf");
    await build(
      writeFixture(dir, "p.yaml", "basics:\n  name: Jane Doe\n  phone: Upon request\n  email: jane@example.com\n"),
      { output, env: EPOCH },
    );
    expect(pdftotext(output)).toContain("Upon request");
    expect(readFileSync(output, "latin1")).not.toContain("tel:");
    const dialled = path.join(dir, "d.pdf");
    await build(writeFixture(dir, "d.yaml", "basics:\n  name: Jane Doe\n  phone: +1 (555) 010-0200 ext. 12\n"), {
      output: dialled,
      env: EPOCH,
    });
    expect(readFileSync(dialled, "latin1")).toContain("(tel:+15550100200)");
  });

  it("accepts choices in any case, on the command line and in the file", async () => {
    const dir = tempDir();
    writeFixture(dir, "r.yaml", "basics: {name: A}\nrender: {paper: Letter, theme: Modern, dateFormat: LONG}\n");
    expect((await run(["build", "r.yaml", "-o", "a.pdf"], { cwd: dir, env: EPOCH })).code).toBe(0);
    expect(readFileSync(path.join(dir, "a.pdf"), "latin1")).toContain("/MediaBox [0 0 612 792]");
    expect(
      (
        await run(["build", "r.yaml", "-o", "b.pdf", "--paper", "A4", "--theme", "CLASSIC", "--locale", "DE"], {
          cwd: dir,
          env: EPOCH,
        })
      ).code,
    ).toBe(0);
    expect(readFileSync(path.join(dir, "b.pdf"), "latin1")).toMatch(/\/MediaBox \[0 0 595\.28/);
  });

  it("names the command-line option a problem comes from, not a line of the file", async () => {
    const dir = tempDir();
    writeFixture(dir, "r.yaml", "basics:\n  name: A\nrender:\n  maxPages: 3\n");
    const photo = await run(["build", "r.yaml", "--photo"], { cwd: dir, env: EPOCH });
    expect(photo.stderr).toContain("r.yaml  --photo  a photo was asked for, but basics.image is not set");
    const long = writeFixture(dir, "long.yaml", readFileSync(path.join(ROOT, "tests/fixtures/long.yaml"), "utf8"));
    const max = await run(["build", long, "--max-pages", "1"], { cwd: dir, env: EPOCH });
    expect(max.code).toBe(1);
    expect(max.stderr).toMatch(/long\.yaml {2}--max-pages {2}the résumé needs \d pages; the limit is 1/);
  });
});
