import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { ResumeError } from "../../src/common/errors.js";
import { VERSION } from "../../src/common/version.js";
import { CONFORMANCE, listDir, readPdf, ROOT, tempDir, writeFixture, type PdfFacts } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" }; // 2026-01-01T00:00:00Z
const FULL = path.join(ROOT, "tests/fixtures/full.yaml");

/** Non-empty lines of extracted text. */
const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

function expectInOrder(text: string, items: string[]) {
  let at = -1;
  for (const item of items) {
    const i = text.indexOf(item, at + 1);
    expect(i, `"${item}" should come after the previous item`).toBeGreaterThan(at);
    at = i;
  }
}

describe("the default résumé", () => {
  const dir = tempDir();
  const output = path.join(dir, "resume.pdf");
  let pdf: PdfFacts;
  let bytes: Buffer;

  beforeAll(async () => {
    const result = await build(path.join(ROOT, "resume.yaml"), { output, env: EPOCH });
    expect(result).toMatchObject({ output, pages: 1 });
    bytes = readFileSync(output);
    pdf = await readPdf(bytes);
  });

  it("fits one A4 page", () => {
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.size.width).toBeCloseTo(595.28, 1);
    expect(pdf.size.height).toBeCloseTo(841.89, 1);
  });

  it("fits one Letter page too", async () => {
    const result = await build(path.join(ROOT, "resume.yaml"), {
      output: path.join(dir, "letter.pdf"),
      render: { paper: "letter" },
      env: EPOCH,
    });
    expect(result.pages).toBe(1);
  });

  it("starts with the name and has its sections in order", () => {
    expect(lines(pdf.text)[0]).toBe("Rajat Jog");
    expectInOrder(pdf.text, [
      "Rajat Jog",
      "Senior Software Engineer · Full-Stack Architect · Python/Django Specialist",
      "linkedin.com/in/rajat-jog",
      "SUMMARY",
      "CORE STACK",
      "WHAT I’M ESPECIALLY GOOD AT",
      "OPEN SOURCE AND SIDE PROJECTS",
      "CERTIFICATIONS",
      "HOW I THINK",
      "ENGINEERING PRINCIPLES",
    ]);
  });

  it("prints the certificate with its verification link and badge", () => {
    expectInOrder(pdf.text, [
      "AWS Certified Machine Learning – Specialty",
      "Amazon Web Services",
      "credly.com/badges/ac9bf89a-a90f-470e-852d-1b45f42881c8",
    ]);
    const credly = "https://www.credly.com/badges/ac9bf89a-a90f-470e-852d-1b45f42881c8";
    // The badge, the certificate name and the printed address all link to the verification page.
    expect(pdf.links.filter((l) => l.url === credly).length).toBeGreaterThanOrEqual(3);
    expect(pdf.links).toContainEqual({
      url: "https://www.linkedin.com/in/rajat-jog/",
      text: "linkedin.com/in/rajat-jog",
    });
    expect(pdf.images).toEqual([{ width: 600, height: 600 }]);
  });

  it("keeps each bullet whole on one line", () => {
    for (const bullet of [
      "• Explicit state machines over boolean flags",
      "• Building systems that are safe to regenerate, easy to reason about and hard to misuse",
    ]) {
      expect(lines(pdf.text)).toContain(bullet);
    }
  });

  it("carries document metadata", () => {
    expect(pdf.info).toMatchObject({
      Title: "Rajat Jog — Résumé",
      Author: "Rajat Jog",
      Subject: "Senior Software Engineer · Full-Stack Architect · Python/Django Specialist",
      Language: "en",
      Creator: `resume-builder ${VERSION}`,
      Producer: `resume-builder ${VERSION}`,
      CreationDate: "D:20260101000000Z",
    });
    expect(String(pdf.info.Keywords)).toContain("Django REST Framework");
  });

  it("embeds and subsets its fonts (no built-in Helvetica)", () => {
    const raw = bytes.toString("latin1");
    expect(raw).not.toContain("/Helvetica");
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw.match(/\/BaseFont \/[A-Z]{6}\+SourceSerif4-\w+/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it("is byte-identical for the same input and SOURCE_DATE_EPOCH", async () => {
    const again = path.join(dir, "again.pdf");
    await build(path.join(ROOT, "resume.yaml"), { output: again, env: EPOCH });
    expect(readFileSync(again).equals(bytes)).toBe(true);
    const other = path.join(dir, "other.pdf");
    await build(path.join(ROOT, "resume.yaml"), { output: other, env: { SOURCE_DATE_EPOCH: "1767225601" } });
    expect(readFileSync(other).equals(bytes)).toBe(false);
  });
});

describe("a résumé with every section", () => {
  const dir = tempDir();
  let pdf: PdfFacts;

  beforeAll(async () => {
    const output = path.join(dir, "full.pdf");
    await build(FULL, { output, env: EPOCH, render: { paper: "letter" } });
    pdf = await readPdf(readFileSync(output));
  });

  it("prints on Letter when asked", () => {
    expect(pdf.size).toEqual({ width: 612, height: 792 });
  });

  it("orders sections as render.order says, then the rest in the default order", () => {
    expectInOrder(pdf.text, [
      "SUMMARY",
      "EXPERIENCE",
      "ENGINEERING PRINCIPLES",
      "PROJECTS",
      "SKILLS",
      "EDUCATION",
      "CERTIFICATIONS",
      "AWARDS",
      "PUBLICATIONS",
      "VOLUNTEERING",
      "LANGUAGES",
      "INTERESTS",
      "REFERENCES",
    ]);
  });

  it("formats dates, ranges and places", () => {
    const text = pdf.text.replace(/\u00A0/g, " ");
    expectInOrder(text, ["Northwind Logistics", "Mar 2021 – Present", "Staff Engineer", "Stockholm, SE"]);
    expectInOrder(text, ["Fabrikam", "Sep 2018 – Feb 2021", "Senior Engineer", "Göteborg, Sweden"]);
    expectInOrder(text, [
      "KTH Royal Institute of Technology",
      "2012 – 2017",
      "MSc in Computer Science",
      "Score: 4.8/5",
      "Courses: Distributed Systems, Compilers",
    ]);
    expectInOrder(text, ["Engineering Excellence Award", "Nov 2022", "Northwind"]);
    expectInOrder(text, ["Boring Infrastructure", "Jul 2022", "Platform Weekly"]);
    expectInOrder(text, ["Code Club", "2019 – 2020", "Mentor"]);
  });

  it("prints the header contacts and typographic quotes", () => {
    expectInOrder(pdf.text, [
      "Zoë Ångström-Ørsted",
      "Stockholm, SE",
      "zoe.orsted@example.com",
      "+46 70 123 45 67",
      "zoe.example.com",
      "github.com/zoe-example",
      "Mastodon: zoe",
    ]);
    expect(pdf.text).toContain("“boring”");
    expect(pdf.links).toContainEqual({ url: "mailto:zoe.orsted@example.com", text: "zoe.orsted@example.com" });
    expect(pdf.links.map((l) => l.url)).toContain("tel:+46701234567");
  });

  it("prints bullets, skills, languages and custom sections", () => {
    const all = lines(pdf.text);
    expect(all).toContain("• Cut the office deploy workflow from 40 minutes to 6 with an efficient build cache");
    expect(all).toContain("• Idempotency everywhere it matters");
    expect(pdf.links).toContainEqual({
      url: "https://github.com/zoe-example/shipyard",
      text: "github.com/zoe-example/shipyard",
    });
    expect(all).toContain("Languages (Expert): Go, TypeScript, Python");
    expect(all).toContain("Swedish (Native) · English (Fluent)");
    expect(pdf.text).not.toMatch(/[\uFB00-\uFB06]/); // no ligature glyphs in the text layer
  });

  it("embeds the badge next to its certificate", () => {
    expect(pdf.images).toEqual([{ width: 600, height: 600 }]);
  });
});

describe("every JSON Resume sample builds unchanged", () => {
  const dir = tempDir();
  const docs = [
    "sample.resume.json",
    "examples/new-grad.resume.json",
    "examples/career-changer.resume.json",
    "examples/complete-resume.json",
    "examples/senior-engineer.resume.json",
  ];
  for (const doc of docs) {
    it(doc, async () => {
      const output = path.join(dir, `${path.basename(doc)}.pdf`);
      const result = await build(path.join(CONFORMANCE, doc), { output, env: EPOCH });
      const pdf = await readPdf(readFileSync(output));
      const name = (JSON.parse(readFileSync(path.join(CONFORMANCE, doc), "utf8")) as { basics: { name: string } })
        .basics.name;
      expect(lines(pdf.text)[0]).toBe(name);
      expect(pdf.pages).toHaveLength(result.pages);
      // Page 1 has no footer; every later page has the name and page number.
      expect(pdf.pages[0]).not.toMatch(/\d \/ \d/);
      pdf.pages
        .slice(1)
        .forEach((p, i) => expect(p.replace(/\s+/g, " ")).toContain(`${name} — ${i + 2} / ${result.pages}`));
    });
  }
});

describe("writing the PDF", () => {
  it("defaults to <outDir>/<Name>-Resume.pdf", async () => {
    const dir = tempDir();
    const result = await build(FULL, { outDir: path.join(dir, "out"), env: EPOCH });
    expect(result.output).toBe(path.join(dir, "out", "Zoë-Ångström-Ørsted-Resume.pdf"));
    expect(existsSync(result.output)).toBe(true);
  });

  it("leaves an earlier PDF untouched and no temporary files when a build fails", async () => {
    const dir = tempDir();
    const output = path.join(dir, "resume.pdf");
    const good = writeFixture(dir, "good.yaml", "basics:\n  name: Jane Doe\n");
    await build(good, { output, env: EPOCH });
    const before = readFileSync(output);
    const mtime = statSync(output).mtimeMs;

    for (const bad of ["basics:\n  name: Jane\nrender:\n  theem: x\n", "basics:\n  name: བཀྲ་ཤིས\n", "basics: [\n"]) {
      writeFileSync(good, bad);
      await expect(build(good, { output, env: EPOCH })).rejects.toBeInstanceOf(ResumeError);
    }
    expect(readFileSync(output).equals(before)).toBe(true);
    expect(statSync(output).mtimeMs).toBe(mtime);
    expect(listDir(dir)).toEqual(["good.yaml", "resume.pdf"]);
  });

  it("refuses to overwrite the input file", async () => {
    const dir = tempDir();
    const input = writeFixture(dir, "resume.pdf", "basics:\n  name: Jane Doe\n");
    await expect(build(input, { output: input, env: EPOCH })).rejects.toThrow(/is the input file/);
    expect(readFileSync(input, "utf8")).toBe("basics:\n  name: Jane Doe\n");
  });

  it("reports a missing or broken badge at its line", async () => {
    const dir = tempDir();
    writeFixture(dir, "fake.png", "not really a png");
    const input = writeFixture(
      dir,
      "r.yaml",
      "basics: {name: J}\ncertificates:\n  - name: A\n    badge: missing.png\n  - name: B\n    badge: fake.png\n  - name: C\n    badge: https://example.com/b.png\n",
    );
    const err = await build(input, { output: path.join(dir, "x.pdf"), env: EPOCH }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResumeError);
    const list = (err as ResumeError).diagnostics.map((d) => `${d.line}:${d.col} ${d.path} ${d.message}`);
    expect(list).toHaveLength(3);
    expect(list[0]).toMatch(/^4:12 certificates\[0\]\.badge image not found/);
    expect(list[1]).toMatch(/^6:12 certificates\[1\]\.badge fake\.png: not an image this tool can read/);
    expect(list[2]).toMatch(/^8:12 certificates\[2\]\.badge remote images are not fetched/);
    expect(existsSync(path.join(dir, "x.pdf"))).toBe(false);
  });

  it("rejects a malformed SOURCE_DATE_EPOCH", async () => {
    const dir = tempDir();
    const input = writeFixture(dir, "r.yaml", "basics: {name: J}\n");
    await expect(
      build(input, { output: path.join(dir, "x.pdf"), env: { SOURCE_DATE_EPOCH: "yesterday" } }),
    ).rejects.toThrow(/SOURCE_DATE_EPOCH/);
  });
});

describe("page breaks", () => {
  it("splits an entry taller than a page between bullets, keeping its heading with the first", async () => {
    const dir = tempDir();
    const bullets = Array.from(
      { length: 90 },
      (_, i) => `      - Bullet number ${i} says something about the office workflow`,
    ).join("\n");
    const input = writeFixture(
      dir,
      "big.yaml",
      `basics: {name: Big Entry}\nwork:\n  - name: Huge Corp\n    startDate: 2020\n${"    highlights:\n"}${bullets}\n`,
    );
    const result = await build(input, { output: path.join(dir, "big.pdf"), env: EPOCH });
    expect(result.pages).toBe(2);
    const pdf = await readPdf(readFileSync(path.join(dir, "big.pdf")));
    const page1 = lines(pdf.pages[0]!);
    const page2 = lines(pdf.pages[1]!);
    expectInOrder(pdf.pages[0]!, ["EXPERIENCE", "Huge Corp", "• Bullet number 0 "]);
    expect(page2[0]).toMatch(/^• Bullet number \d+ /);
    // Every bullet printed exactly once, in order, across the two pages.
    const printed = [...page1, ...page2]
      .filter((l) => l.startsWith("• Bullet"))
      .map((l) => Number(/number (\d+)/.exec(l)![1]));
    expect(printed).toEqual(Array.from({ length: 90 }, (_, i) => i));
  });

  it("keeps a section title with the first entry of its section", async () => {
    const dir = tempDir();
    // Enough entries that some section starts near a page end.
    const entry = (i: number) =>
      `  - name: Company ${i}\n    position: Engineer\n    startDate: 2010\n    endDate: 2011\n    highlights: [One thing, Another thing, A third thing]\n`;
    const input = writeFixture(
      dir,
      "many.yaml",
      `basics: {name: Many}\nwork:\n${Array.from({ length: 14 }, (_, i) => entry(i)).join("")}education:\n  - institution: Somewhere\n    area: Physics\n`,
    );
    const result = await build(input, { output: path.join(dir, "many.pdf"), env: EPOCH });
    const pdf = await readPdf(readFileSync(path.join(dir, "many.pdf")));
    expect(result.pages).toBeGreaterThan(1);
    for (const page of pdf.pages) {
      const l = lines(page).filter((x) => !/— \d+ \/ \d+$/.test(x));
      expect(["EXPERIENCE", "EDUCATION"]).not.toContain(l[l.length - 1]);
    }
    expectInOrder(pdf.text, ["EDUCATION", "Somewhere"]);
  });

  it("fails clearly instead of cutting off a block that cannot be split", async () => {
    const dir = tempDir();
    const name = Array(900).fill("efficient workflow office").join(" ");
    const badge = path.join(ROOT, "assets/aws-certified-machine-learning-specialty.png");
    const input = writeFixture(
      dir,
      "tall.yaml",
      `basics: {name: Tall}\ncertificates:\n  - name: ${name}\n    badge: ${badge}\n`,
    );
    await expect(build(input, { output: path.join(dir, "tall.pdf"), env: EPOCH })).rejects.toThrow(
      /taller than a page/,
    );
    expect(listDir(dir)).toEqual(["tall.yaml"]);
  });
});
