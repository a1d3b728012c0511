/**
 * `resume import`: LinkedIn's data export (ZIP and folder), RenderCV's own examples and the JSON
 * Resume samples become a resume.yaml that starts with the schema comment, validates and builds
 * in every theme with every imported value in the PDF; nothing is overwritten; every problem of
 * the input is located.
 */
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ResumeError } from "../../src/common/errors.js";
import { readZip } from "../../src/input/archive.js";
import { linkedInDate } from "../../src/input/linkedin.js";
import { plainText } from "../../src/model/markup.js";
import { typeset } from "../../src/model/normalize.js";
import { build } from "../../src/pipeline/build.js";
import { importResume } from "../../src/pipeline/import.js";
import { readPdfLines } from "../../src/pdf/reader.js";
import { squeeze } from "../../src/check/verify.js";
import { ARRANGEMENTS, CONFORMANCE, ROOT, run, tempDir, writeFixture } from "../helpers.js";

const dir = tempDir();
const env = { SOURCE_DATE_EPOCH: "1767225600" };
const LINKEDIN = path.join(ROOT, "tests/fixtures/import/linkedin");
const RENDERCV = path.join(ROOT, "tests/fixtures/import/rendercv");
let n = 0;
const out = (ext = "yaml") => path.join(dir, `imported-${++n}.${ext}`);

/** The export as LinkedIn sends it: a ZIP of the folder's files (in a folder of their own when `nested`). */
function zipOf(folder: string, nested = false): string {
  const files = Object.fromEntries(
    readdirSync(folder).map((f) => [
      `${nested ? "Basic_LinkedInDataExport/" : ""}${f}`,
      readFileSync(path.join(folder, f)),
    ]),
  );
  const file = path.join(dir, `export-${++n}.zip`);
  writeFileSync(file, zipSync(files));
  return file;
}

async function pdfText(yaml: string, theme: string): Promise<string> {
  const r = await build(yaml, {
    output: path.join(dir, `${path.basename(yaml, ".yaml")}-${theme}.pdf`),
    render: { theme: theme as never },
    env,
  });
  return squeeze(readPdfLines(readFileSync(r.output)).flat().join(" "));
}

/** As printed: markup removed, quotes and dashes typeset. */
const printed = (v: string) => squeeze(typeset(plainText(v)));

function missing(text: string, values: string[]): string[] {
  return values.filter((v) => !text.includes(printed(v)));
}

async function problems(f: () => Promise<unknown>): Promise<string[]> {
  try {
    await f();
  } catch (err) {
    if (err instanceof ResumeError)
      return err.diagnostics.map(
        (d) => `${path.basename(d.file)}:${d.line ?? ""}:${d.col ?? ""} ${d.path} ${d.message}`,
      );
    throw err;
  }
  throw new Error("expected problems");
}

/** Every value of LinkedIn's fixture export that a résumé prints. */
const LINKEDIN_VALUES = [
  "Dana Example-Nuñez",
  "Platform engineer · Go and Kubernetes",
  "I build reliable platforms.",
  "Ten years of \u201Cboring\u201D infrastructure that stays up.",
  "Lisbon, Portugal",
  "dana@example.dev",
  "+351 21 000 0000",
  "https://dana.example.dev",
  "example.com/team",
  "x.com/danaexample",
  "Harbor Cloud",
  "Staff Platform Engineer",
  "Leads the platform team.",
  "Cut deploy time from 40 to 6 minutes",
  "Moved 120 services to one Kubernetes platform, with \u201Czero\u201D downtime",
  "Mar 2021",
  "Fabrikam",
  "Senior Engineer, Infrastructure",
  "Built the build farm.",
  "Porto, Portugal",
  "Sep 2016",
  "Feb 2021",
  "Contoso",
  "Intern",
  "Universidade do Porto",
  "Master of Science - MS",
  "Thesis on distributed scheduling",
  "Robotics club, hackathons",
  "Go",
  "Kubernetes",
  "Terraform",
  "PostgreSQL",
  "Certified Kubernetes Administrator (CKA)",
  "LF-abc123",
  "The Linux Foundation",
  "Jan 2022",
  "Portuguese",
  "Native or bilingual",
  "English",
  "Full professional proficiency",
  "shipyard",
  "A deploy tool for small teams.",
  "2,000 stars",
  "Used by 40 companies",
  "github.com/dana-example/shipyard",
  "Scheduling at scale",
  "How we schedule 10k jobs a minute.",
  "Example Engineering Blog",
  "Engineer of the Year",
  "For the platform migration.",
  "Code Club Lisboa",
  "Mentor",
  "Teaches kids to program on Saturdays.",
  "Ana Silva",
  "Dana made our platform boring, in the best way.",
];

/** Every string of a RenderCV file that it prints, but its dates and addresses (printed in other forms). */
function renderCvValues(file: string): string[] {
  const cv = (parse(readFileSync(file, "utf8")) as { cv: Record<string, unknown> }).cv;
  const skip = new Set(["date", "start_date", "end_date", "url", "website", "doi", "photo", "network"]);
  const out: string[] = [];
  const visit = (v: unknown, key = ""): void => {
    if (typeof v === "string") {
      if (skip.has(key)) return;
      const linked = /^\[([^\]]+)\]\([^)]+\)$/.exec(v.trim());
      // RenderCV's sub-bullets (" - ") are bullets of their own, and a list of details is keywords.
      out.push(...(linked ? [linked[1]!] : key === "details" ? v.split(/\s*,\s*/) : v.split(" - ")));
    } else if (Array.isArray(v)) v.forEach((x) => visit(x, key));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit({ ...cv, sections: undefined });
  // Section titles print in capitals in some themes: compared without case.
  for (const [key, entries] of Object.entries(cv.sections as Record<string, unknown>)) visit(entries, key);
  return out.filter((s) => s.trim());
}

describe("resume import: LinkedIn's data export", () => {
  it("a ZIP, a nested ZIP and the unpacked folder import the same résumé, which builds in every theme with every value", async () => {
    const docs: string[] = [];
    const files: string[] = [];
    for (const source of [LINKEDIN, zipOf(LINKEDIN), zipOf(LINKEDIN, true)]) {
      const file = out();
      files.push(file);
      const r = await importResume(source, { output: file });
      expect(r.from).toBe("LinkedIn's data export");
      const text = readFileSync(file, "utf8");
      expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=./resume.schema.json");
      docs.push(text.split("\n").slice(3).join("\n"));
      // Files the export has that a résumé has no use for are named in one note.
      expect(r.notes.map((x) => x.message)).toContain(
        "has 2 files with nothing for a résumé, not read: Connections.csv, messages.csv",
      );
    }
    expect(docs[1]).toBe(docs[0]);
    expect(docs[2]).toBe(docs[0]);
    const yaml = files[0]!;
    for (const theme of ARRANGEMENTS) expect(missing(await pdfText(yaml, theme), LINKEDIN_VALUES), theme).toEqual([]);
    // A hidden recommendation stays hidden; a quoted, multi-line description keeps its bullets.
    const doc = parse(readFileSync(yaml, "utf8"));
    expect(JSON.stringify(doc)).not.toContain("This one is hidden");
    expect(doc.work[0]).toMatchObject({
      name: "Harbor Cloud",
      startDate: "2021-03",
      highlights: ["Cut deploy time from 40 to 6 minutes", expect.stringContaining("zero")],
    });
    expect(doc.work[0].endDate).toBeUndefined();
  });

  it("a partial export skips the files it lacks, with a note; a value that is not valid is left out, with a note", async () => {
    const partial = path.join(dir, "partial");
    cpSync(LINKEDIN, partial, { recursive: true });
    rmSync(path.join(partial, "Projects.csv"));
    rmSync(path.join(partial, "Honors.csv"));
    writeFileSync(
      path.join(partial, "Profile.csv"),
      readFileSync(path.join(partial, "Profile.csv"), "utf8").replace("dana.example.dev", "dana example dev"),
    );
    writeFileSync(
      path.join(partial, "Email Addresses.csv"),
      readFileSync(path.join(partial, "Email Addresses.csv"), "utf8").replace(
        "dana@example.dev",
        "dana at example.dev",
      ),
    );
    writeFileSync(
      path.join(partial, "Positions.csv"),
      readFileSync(path.join(partial, "Positions.csv"), "utf8").replace("Sep 2016", "sometime"),
    );
    const file = out();
    const r = await importResume(partial, { output: file });
    const notes = r.notes.map((x) => `${path.basename(x.file)}:${x.line ?? ""} ${x.message}`);
    expect(notes).toContain("partial: not in this export, so skipped: Projects.csv, Honors.csv");
    expect(notes).toContain(
      'Positions.csv:5 "sometime" in Started On is not a date this tool reads (like Mar 2021); left out',
    );
    expect(notes.find((x) => x.startsWith("partial: left out"))).toMatch(/dana at example\.dev/);
    expect(await pdfText(file, "classic")).toContain(squeeze("Fabrikam"));
  });

  it("keeps the language the export is written in: its dates and titles print in it, with a note", async () => {
    const german = path.join(dir, "german");
    cpSync(LINKEDIN, german, { recursive: true });
    for (const f of [
      "Projects.csv",
      "Honors.csv",
      "Publications.csv",
      "Volunteering.csv",
      "Recommendations_Received.csv",
    ])
      rmSync(path.join(german, f));
    writeFileSync(
      path.join(german, "Profile.csv"),
      `First Name,Last Name,Headline,Summary,Geo Location
"Jonas","Beispiel","Plattform-Ingenieur für Go und Kubernetes","Ich baue zuverlässige Plattformen, die auch nachts laufen. Seit zehn Jahren kümmere ich mich um Infrastruktur, auf die sich Entwicklerteams verlassen können, und um die Werkzeuge, mit denen sie schneller ausliefern.","Hamburg, Deutschland"
`,
    );
    writeFileSync(
      path.join(german, "Positions.csv"),
      `Company Name,Title,Description,Location,Started On,Finished On
Hafen Cloud,Leitender Plattform-Ingenieur,"Leitet das Plattform-Team mit sechs Personen.
• Verkürzte die Bereitstellungszeit von 40 auf 6 Minuten
• Führte Bereitschaftsdienste ohne nächtliche Alarme ein","Hamburg, Deutschland",Mar 2021,
`,
    );
    const file = out();
    const r = await importResume(german, { output: file });
    expect(r.notes.map((x) => x.message)).toContain(
      "written in de (read from its text, as the export names no language): its dates and section titles print in that language; set render.locale to choose another",
    );
    expect(parse(readFileSync(file, "utf8")).render).toEqual({ locale: "de" });
    const text = (await pdfText(file, "classic")).toLowerCase();
    expect(text).toContain(squeeze("berufserfahrung"));
    expect(text).toContain(squeeze("märz 2021"));
    // The English export names no locale: English is the default.
    const english = out();
    await importResume(LINKEDIN, { output: english });
    expect(parse(readFileSync(english, "utf8")).render).toBeUndefined();
  });

  it("reads dates as LinkedIn writes them", () => {
    expect(linkedInDate("Mar 2021")).toBe("2021-03");
    expect(linkedInDate("September 2016")).toBe("2016-09");
    expect(linkedInDate("Mar 15, 2021")).toBe("2021-03-15");
    expect(linkedInDate("01 Mar 2021")).toBe("2021-03-01");
    expect(linkedInDate("2019")).toBe("2019");
    expect(linkedInDate("Spring")).toBeUndefined();
  });

  it("locates every problem: a broken CSV at its line, an export without a name", async () => {
    const broken = path.join(dir, "broken");
    cpSync(LINKEDIN, broken, { recursive: true });
    writeFileSync(
      path.join(broken, "Positions.csv"),
      'Company Name,Title,Description,Location,Started On,Finished On\nAcme,Engineer,"never closed,Lisbon,Mar 2021,\n',
    );
    writeFileSync(path.join(broken, "Profile.csv"), "First Name,Last Name,Headline\n,,Engineer\n");
    const found = await problems(() => importResume(broken, { output: out() }));
    expect(found.join("\n")).toMatch(/Positions\.csv:2: {2}is not a readable CSV file/);
    expect(found.join("\n")).toMatch(
      /broken:: {2}Profile\.csv has no First Name or Last Name: the résumé needs a name/,
    );
    const notCsv = path.join(dir, "notcsv");
    cpSync(LINKEDIN, notCsv, { recursive: true });
    writeFileSync(path.join(notCsv, "Skills.csv"), "Skill\nGo\n");
    expect((await problems(() => importResume(notCsv, { output: out() }))).join("\n")).toMatch(
      /Skills\.csv:1:1 {2}has no header row with the columns "Name"/,
    );
  });

  it("a ZIP is bounded in what it unpacks", async () => {
    const bomb = path.join(dir, "bomb.zip");
    writeFileSync(
      bomb,
      zipSync({ "Profile.csv": strToU8("First Name,Last Name\n" + "a,b\n".repeat(300_000)) }, { level: 9 }),
    );
    await expect(
      readZip(bomb, "bomb.zip", () => true, { bytes: 1e8, entries: 10, entryBytes: 1024 * 1024, totalBytes: 1e8 }),
    ).rejects.toThrow(/Profile\.csv would unpack to 1.1 MiB; the limit for one file is 1 MiB/);
    await expect(
      readZip(bomb, "bomb.zip", () => true, { bytes: 1e8, entries: 0, entryBytes: 1e8, totalBytes: 1e8 }),
    ).rejects.toThrow(/holds more than 0 entries/);
    writeFileSync(path.join(dir, "fake.zip"), "PK but not a zip");
    await expect(readZip(path.join(dir, "fake.zip"), "fake.zip", () => true)).rejects.toThrow(
      /cannot be read as a ZIP archive/,
    );
  });
});

describe("resume import: RenderCV", () => {
  const examples = readdirSync(RENDERCV).filter((f) => f.endsWith(".yaml"));
  it("has RenderCV's own examples, with their licence", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    expect(readFileSync(path.join(RENDERCV, "LICENSE"), "utf8")).toMatch(/^MIT License/);
  });
  for (const example of examples) {
    it(`${example}: every value in the PDF in every theme; its theme mapped with a note; its section order kept`, async () => {
      const file = out();
      const r = await importResume(path.join(RENDERCV, example), { output: file });
      expect(r.from).toBe("RenderCV");
      const theme = (parse(readFileSync(path.join(RENDERCV, example), "utf8")) as { design: { theme: string } }).design
        .theme;
      expect(r.notes.find((x) => x.path === "design.theme")?.message).toMatch(
        new RegExp(`RenderCV's "${theme}" theme is drawn with this tool's closest, (classic|modern|compact|sidebar)`),
      );
      const values = renderCvValues(path.join(RENDERCV, example));
      for (const t of ARRANGEMENTS) {
        const text = (await pdfText(file, t)).toLowerCase();
        expect(
          values.filter((v) => !text.includes(printed(v).toLowerCase())),
          t,
        ).toEqual([]);
      }
      const doc = parse(readFileSync(file, "utf8"));
      const sections = Object.keys(
        (parse(readFileSync(path.join(RENDERCV, example), "utf8")) as { cv: { sections: object } }).cv.sections,
      );
      expect(doc.render.order.length).toBe(sections.length);
    });
  }

  it("imports everything it can read, and lists each entry it left out at its place", async () => {
    const bad = writeFixture(
      dir,
      "bad-cv.yaml",
      "cv:\n  name: Jo\n  sections:\n    experience:\n      - company: Acme\n        position: Dev\n      - frobnicate: 1\n",
    );
    const file = out();
    const r = await importResume(bad, { output: file });
    expect(r.notes.map((x) => `${path.basename(x.file)}:${x.line}:${x.col} ${x.path} ${x.message}`)).toContain(
      "bad-cv.yaml:7:9 cv.sections.experience[1] left out: not an entry of a type RenderCV has (a text, or one with company, institution, name, title and authors, label and details, bullet, or number)",
    );
    expect((parse(readFileSync(file, "utf8")) as { work: unknown[] }).work).toEqual([
      { name: "Acme", position: "Dev" },
    ]);
    const noName = writeFixture(dir, "noname-cv.yaml", "cv:\n  email: a@b.co\n");
    expect((await problems(() => importResume(noName, { output: out() }))).join("\n")).toMatch(
      /noname-cv\.yaml:\d+:\d+ cv\.name is missing; the résumé needs the person's name/,
    );
  });
});

describe("resume import: RenderCV files people wrote (tests/fixtures/import/rendercv-real/)", () => {
  const REAL_CV = path.join(ROOT, "tests/fixtures/import/rendercv-real");
  const files = readdirSync(REAL_CV).filter((f) => f.endsWith(".yaml"));

  it("has at least ten, each with its source", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    const sources = readFileSync(path.join(REAL_CV, "SOURCES.md"), "utf8");
    for (const f of files) expect(sources, f).toContain(`| ${f} |`);
  });

  it.each(files)("%s imports into a file that validates under --strict and builds", async (f) => {
    const file = out();
    await importResume(path.join(REAL_CV, f), { output: file });
    const strict = await run(["validate", file, "--strict"], { env });
    expect(strict.code, strict.stderr).toBe(0);
    const pdf = path.join(dir, `${f}.pdf`);
    expect((await build(file, { output: pdf, env })).pages).toBeGreaterThan(0);
  });

  it("reads a lone date as a point in time, and free-text dates in the supported languages", async () => {
    const file = out();
    await importResume(path.join(REAL_CV, "02-spanish-free-text-date-ranges.yaml"), { output: file });
    const doc = parse(readFileSync(file, "utf8")) as {
      work: { startDate?: string; endDate?: string }[];
      education: { startDate?: string; endDate?: string }[];
    };
    // "Ene 2026 – Actualidad", "Ago 2025 – Dic 2025", "Ago 2021 – Ago 2025"
    expect(doc.work[0]).toMatchObject({ startDate: "2026-01" });
    expect(doc.work[0]!.endDate).toBeUndefined();
    expect(doc.work[1]).toMatchObject({ startDate: "2025-08", endDate: "2025-12" });
    expect(doc.education[0]).toMatchObject({ startDate: "2021-08", endDate: "2025-08" });
    const lone = writeFixture(
      dir,
      "lone-cv.yaml",
      "cv:\n  name: Jo\n  sections:\n    education:\n      - institution: Uni\n        area: CS\n        date: 2025-01\n",
    );
    const f2 = out();
    await importResume(lone, { output: f2 });
    const e = (parse(readFileSync(f2, "utf8")) as { education: Record<string, unknown>[] }).education[0]!;
    expect(e.startDate).toBeUndefined();
    expect(e.endDate).toBe("2025-01");
    const pdf = path.join(dir, "lone.pdf");
    await build(f2, { output: pdf, env });
    const text = readPdfLines(readFileSync(pdf)).join("\n");
    expect(text).toContain("Jan 2025");
    expect(text).not.toContain("Present");
  });

  it("keeps the author's section titles and boundaries, and gives a colliding section a free id", async () => {
    const cv = writeFixture(
      dir,
      "titles-cv.yaml",
      [
        "cv:",
        "  name: Ana",
        "  sections:",
        "    experiencia_laboral:",
        "      - company: Acme",
        "        position: Dev",
        "        start_date: 2020-01",
        "        end_date: present",
        "    educación:",
        "      - company: Bootcamp",
        "        position: Alumna",
        "        date: 2019",
        "    certificates:",
        "      - bullet: CKA",
        "  locale:",
        "    language: spanish",
      ].join("\n"),
    );
    const file = out();
    const r = await importResume(cv, { output: file });
    const doc = parse(readFileSync(file, "utf8")) as Record<string, unknown> & {
      render: { titles: Record<string, string> };
      customSections: { id: string; title: string }[];
    };
    expect(doc.render.titles).toMatchObject({ work: "Experiencia Laboral", education: "Educación" });
    expect(doc.work).toEqual([{ name: "Acme", position: "Dev", startDate: "2020-01" }]);
    expect(doc.education).toEqual([{ institution: "Bootcamp", studyType: "Alumna", endDate: "2019" }]);
    expect(doc.customSections).toEqual([{ id: "certificates-2", title: "Certificates", highlights: ["CKA"] }]);
    const said = r.notes.map((x) => x.message);
    expect(said.filter((m) => m.includes("kept in their own section")).length).toBe(1);
    expect(said.filter((m) => m.includes('"certificates-2"')).length).toBe(1);
    const strict = await run(["validate", file, "--strict"], { env });
    expect(strict.code, strict.stderr).toBe(0);
  });

  it("reads section titles in the supported languages, not only English ones", async () => {
    const cv = writeFixture(
      dir,
      "langs-cv.yaml",
      "cv:\n  name: A\n  sections:\n    Опыт работы:\n      - company: X\n        position: Y\n    Utbildning:\n      - institution: U\n        area: CS\n    Γλώσσες:\n      - label: EN\n        details: C2\n    学歴:\n      - institution: V\n        area: Math\n",
    );
    const file = out();
    await importResume(cv, { output: file });
    const doc = parse(readFileSync(file, "utf8")) as {
      render: { order: string[]; titles: Record<string, string> };
      customSections?: unknown[];
    };
    expect(doc.render.titles).toEqual({ work: "Опыт работы", education: "Utbildning", languages: "Γλώσσες" });
    // A second education section keeps its boundary, as a section of its own.
    expect(doc.render.order).toEqual(["work", "education", "languages", "section-1"]);
    expect(doc.customSections).toHaveLength(1);
  });

  it("infers the language of a file that names none from its text", async () => {
    const file = out();
    const r = await importResume(path.join(REAL_CV, "06-spanish-cv-only-custom-connections.yaml"), { output: file });
    expect((parse(readFileSync(file, "utf8")) as { render: { locale: string } }).render.locale).toBe("es");
    expect(r.notes.map((x) => x.message).join("\n")).toContain("written in es (read from its text");
  });
});

describe("resume import: JSON Resume", () => {
  const samples = [
    path.join(CONFORMANCE, "sample.resume.json"),
    ...readdirSync(path.join(CONFORMANCE, "examples")).map((f) => path.join(CONFORMANCE, "examples", f)),
  ];
  for (const sample of samples) {
    it(`${path.basename(sample)} becomes commented YAML with the same values, which builds`, async () => {
      const file = out();
      const r = await importResume(sample, { output: file });
      expect(r.from).toBe("JSON Resume");
      const text = readFileSync(file, "utf8");
      expect(text).toMatch(/^# yaml-language-server: \$schema=\.\/resume\.schema\.json\n/);
      expect(text).toMatch(/^# Experience, one entry per role/m);
      const { prepareResume } = await import("../../src/pipeline/build.js");
      const original = await prepareResume(sample);
      const imported = await prepareResume(file);
      expect(imported.vm.sections).toEqual(original.vm.sections);
      expect(imported.vm.contacts).toEqual(original.vm.contacts);
      for (const theme of ARRANGEMENTS) {
        const built = await build(file, {
          output: path.join(dir, `${path.basename(sample)}-${theme}.pdf`),
          render: { theme },
          env,
        });
        expect(built.pages, theme).toBeGreaterThan(0);
      }
    });
  }

  it("reports a JSON Resume document's own problems, located", async () => {
    const bad = writeFixture(dir, "bad.json", '{\n  "basics": { "label": "Engineer", "email": "jo@example.com" }\n}\n');
    expect(await problems(() => importResume(bad, { output: out() }))).toEqual([
      expect.stringMatching(/bad\.json:2:\d+ basics\.name is missing; the name heads the résumé/),
    ]);
  });
});

describe("resume import (command)", () => {
  it("writes resume.yaml and the schema beside it, says what to do next, never overwrites", async () => {
    const work = path.join(dir, "cmd");
    const first = await run(["import", path.join(RENDERCV, "John_Doe_ClassicTheme_CV.yaml")], { cwd: work, env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /^wrote resume\.yaml from RenderCV \(\d+ sections, and resume\.schema\.json for editors\); check it, then run: resume build resume\.yaml\n$/,
    );
    expect(first.stderr).toContain("design.theme");
    const before = readFileSync(path.join(work, "resume.yaml"));
    const again = await run(["import", zipOf(LINKEDIN)], { cwd: work, env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("resume.yaml  exists; refusing to overwrite it (choose another -o path)");
    expect(readFileSync(path.join(work, "resume.yaml")).equals(before)).toBe(true);
    const built = await run(["build"], { cwd: work, env });
    expect(built.code, built.stderr).toBe(0);
    const json = await run(["import", LINKEDIN, "-o", "li.yaml", "--json"], { cwd: work, env });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, from: "LinkedIn's data export" });
    const unknown = await run(["import", path.join(ROOT, "README.md")], { cwd: work, env });
    expect(unknown.code).toBe(1);
    const nothing = await run(["import", "nowhere.zip", "-o", "other.yaml"], { cwd: work, env });
    expect(nothing.stderr).toContain("nowhere.zip  file not found");
    expect(existsSync(path.join(work, "out"))).toBe(true);
  });
});
