/**
 * Cover letters: from the résumé's `letters` list or a file of their own, one page in the
 * résumé's theme and paper with its header, read back whole and in order, with metadata,
 * reproducible bytes, Word files, variants and located errors.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { ResumeError } from "../../src/common/errors.js";
import { build } from "../../src/pipeline/build.js";
import { buildLetter, idFromFileName } from "../../src/pipeline/letter.js";
import { letterFileName } from "../../src/pipeline/naming.js";
import { readPdfLines } from "../../src/pdf/reader.js";
import { squeeze } from "../../src/check/verify.js";
import { ARRANGEMENTS, firstMissingInOrder, readPdf, run, tempDir, writeFixture } from "../helpers.js";

const dir = tempDir();
const env = { SOURCE_DATE_EPOCH: "1764633600" }; // 2025-12-02

const RESUME = `basics:
  name: Jane Doe
  label: Backend engineer
  email: jane@example.com
  phone: "+44 20 7946 0000"
  url: https://jane.dev
work:
  - name: Acme
    position: Engineer
    startDate: 2020-01
    highlights:
      - text: Built the billing service
        tags: [backend]
      - text: Drew the design system
        tags: [frontend]
variants:
  backend:
    include: [backend]
letters:
  - id: acme
    variant: backend
    to:
      name: Ms Rivera
      organization: Acme Corp
      address: ["1 Main Street", "London EC1A 1AA"]
    subject: Application for the Staff Engineer role
    greeting: Dear Ms Rivera,
    body: |
      I am writing to apply for the **Staff Engineer** role advertised on [your site](https://acme.example/jobs).

      For four years I have built billing systems that handle "money" correctly -- and I'd like to do so at Acme.
    closing: Kind regards,
  - id: globex
    date: 2025-11-20
    to:
      organization: Globex
    body:
      - First paragraph for Globex.
      - Second paragraph for Globex.
`;

const resumeFile = writeFixture(dir, "resume.yaml", RESUME);

const lines = (bytes: Uint8Array) => squeeze(readPdfLines(bytes).flat().join(" "));

const inOrder = firstMissingInOrder;

async function problems(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (err) {
    if (err instanceof ResumeError)
      return err.diagnostics.map((d) => `${d.file}:${d.line ?? ""}:${d.col ?? ""} ${d.path} ${d.message}`);
    throw err;
  }
  throw new Error("expected problems");
}

describe("cover letters", () => {
  for (const theme of ARRANGEMENTS) {
    it(`${theme}: one page with the résumé's header, every line read back in order`, async () => {
      const r = await buildLetter(resumeFile, {
        letter: "acme",
        outDir: path.join(dir, theme),
        render: { theme },
        env,
      });
      expect(r.output).toBe(path.join(dir, theme, "Jane-Doe-Letter-acme.pdf"));
      expect(r.pages).toBe(1);
      const bytes = readFileSync(r.output);
      const text = lines(bytes);
      expect(
        inOrder(text, [
          "Jane Doe",
          "Backend engineer",
          "jane@example.com",
          "+44 20 7946 0000",
          "https://jane.dev",
          "December 2, 2025",
          "Ms Rivera",
          "Acme Corp",
          "1 Main Street",
          "London EC1A 1AA",
          "Application for the Staff Engineer role",
          "Dear Ms Rivera,",
          "I am writing to apply for the Staff Engineer role advertised on your site.",
          "handle \u201Cmoney\u201D correctly\u00A0\u2014 and I\u2019d like",
          "Kind regards,",
          "Jane Doe",
        ]),
      ).toBeUndefined();
      const pdf = await readPdf(bytes);
      expect(pdf.info.Title).toBe("Jane Doe \u2014 Cover letter");
      expect(pdf.info.Subject).toBe("Application for the Staff Engineer role");
      expect(pdf.links.map((l) => l.url)).toContain("https://acme.example/jobs");
      // The résumé's paper and fonts: A4 by default, the theme's body font.
      expect(Math.round(pdf.size.width)).toBe(595);
    });
  }

  it("is the same bytes on every build; the date defaults to the build's (SOURCE_DATE_EPOCH)", async () => {
    const a = readFileSync(
      (await buildLetter(resumeFile, { letter: "acme", output: path.join(dir, "a.pdf"), env })).output,
    );
    const b = readFileSync(
      (await buildLetter(resumeFile, { letter: "acme", output: path.join(dir, "b.pdf"), env })).output,
    );
    expect(a.equals(b)).toBe(true);
    const later = readFileSync(
      (
        await buildLetter(resumeFile, {
          letter: "acme",
          output: path.join(dir, "c.pdf"),
          env: { SOURCE_DATE_EPOCH: "1767225600" },
        })
      ).output,
    );
    expect(lines(later)).toContain(squeeze("January 1, 2026"));
    // A letter's own date is printed whatever the build's date.
    const globex = readFileSync(
      (await buildLetter(resumeFile, { letter: "globex", output: path.join(dir, "g.pdf"), env })).output,
    );
    expect(lines(globex)).toContain(squeeze("November 20, 2025"));
  });

  it("prints the date and title in the résumé's language, on its paper", async () => {
    const file = writeFixture(
      dir,
      "de.yaml",
      RESUME.replace("basics:", "render:\n  locale: de\n  paper: letter\nbasics:"),
    );
    const r = await buildLetter(file, { letter: "acme", outDir: path.join(dir, "de"), env });
    const pdf = await readPdf(readFileSync(r.output));
    expect(lines(readFileSync(r.output))).toContain(squeeze("2. Dezember 2025"));
    expect(pdf.info.Title).toBe("Jane Doe \u2014 Anschreiben");
    expect(Math.round(pdf.size.width)).toBe(612);
  });

  it("a letter in a file of its own names its résumé; `resume build acme-letter.yaml` builds it", async () => {
    const letter = writeFixture(
      dir,
      "initech-letter.yaml",
      "resume: resume.yaml\nto:\n  organization: Initech\nbody: I would like to join Initech.\nclosing: Best,\n",
    );
    const r = await run(["build", letter, "-o", path.join(dir, "own") + "/"], { env, cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const out = path.join(dir, "own", "Jane-Doe-Letter-initech.pdf");
    expect(
      inOrder(lines(readFileSync(out)), ["Jane Doe", "Initech", "I would like to join Initech.", "Best,", "Jane Doe"]),
    ).toBeUndefined();
    const v = await run(["validate", letter], { env, cwd: dir });
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/initech-letter\.yaml is a valid letter \("initech", to go with resume\.yaml\)/);
    // The letter's own characters get their fonts, though the résumé has none of them.
    const ja = writeFixture(
      dir,
      "ja-letter.yaml",
      "resume: resume.yaml\ngreeting: 採用ご担当者様\nbody: 貴社の求人に応募いたします。\n",
    );
    const jr = await buildLetter(ja, { outDir: path.join(dir, "ja"), env });
    expect(readFileSync(jr.output).toString("latin1")).toMatch(/\+NotoSansJP-Regular/);
    expect(lines(readFileSync(jr.output))).toContain(squeeze("貴社の求人に応募いたします。"));
    expect(idFromFileName("cover-letter-ACME.yml")).toBe("acme");
    expect(letterFileName("Zoë Ångström", "acme")).toBe("Zoë-Ångström-Letter-acme.pdf");
  });

  it("--all-letters builds every letter; --format docx writes Word letters", async () => {
    const r = await run(["build", resumeFile, "--all-letters", "-f", "pdf,docx", "-o", path.join(dir, "all") + "/"], {
      env,
    });
    expect(r.code, r.stderr).toBe(0);
    for (const id of ["acme", "globex"]) {
      expect(existsSync(path.join(dir, "all", `Jane-Doe-Letter-${id}.pdf`))).toBe(true);
      expect(existsSync(path.join(dir, "all", `Jane-Doe-Letter-${id}.docx`))).toBe(true);
    }
    const { value } = await mammoth.extractRawText({
      buffer: readFileSync(path.join(dir, "all", "Jane-Doe-Letter-acme.docx")),
    });
    expect(
      inOrder(squeeze(value), [
        "Jane Doe",
        "December 2, 2025",
        "Acme Corp",
        "Dear Ms Rivera,",
        "Staff Engineer role advertised on your site.",
        "Kind regards,",
        "Jane Doe",
      ]),
    ).toBeUndefined();
    const txt = await run(["build", resumeFile, "--letter", "acme", "-f", "txt", "-o", path.join(dir, "txt") + "/"], {
      env,
    });
    expect(txt.code, txt.stderr).toBe(0);
    expect(readFileSync(path.join(dir, "txt", "Jane-Doe-Letter-acme.txt"), "utf8")).toBe(
      "Jane Doe\nBackend engineer\njane@example.com | +44 20 7946 0000 | https://jane.dev\n\nDecember 2, 2025\n\nMs Rivera\nAcme Corp\n1 Main Street\nLondon EC1A 1AA\n\nApplication for the Staff Engineer role\n\nDear Ms Rivera,\n\nI am writing to apply for the Staff Engineer role advertised on your site.\n\nFor four years I have built billing systems that handle \u201Cmoney\u201D correctly \u2014 and I\u2019d like to do so at Acme.\n\nKind regards,\nJane Doe\n",
    );
    const json = await run(["build", resumeFile, "--all-letters", "--json", "-o", path.join(dir, "all") + "/"], {
      env,
    });
    expect(JSON.parse(json.stdout).letters.map((l: { letter: string }) => l.letter)).toEqual(["acme", "globex"]);
  });

  it("the résumé's PDF does not carry its letters inside it", async () => {
    const r = await build(resumeFile, { output: path.join(dir, "resume.pdf"), env });
    const { extractResume } = await import("../../src/pipeline/extract.js");
    const embedded = JSON.stringify(await extractResume(r.output));
    expect(embedded).not.toContain("Ms Rivera");
    expect(embedded).not.toContain("letters");
  });

  it("a letter that needs a second page fails like --max-pages 1, at its body", async () => {
    const long = Array.from(
      { length: 14 },
      (_, i) =>
        `      Paragraph ${i + 1}: ${"I care about correctness and the long-term health of the systems I build. ".repeat(4)}`,
    ).join("\n\n");
    const file = writeFixture(
      dir,
      "long.yaml",
      `basics:\n  name: Jane Doe\nletters:\n  - id: long\n    body: |\n${long}\n`,
    );
    const out = path.join(dir, "long", "Jane-Doe-Letter-long.pdf");
    const found = await problems(() => buildLetter(file, { letter: "long", outDir: path.join(dir, "long"), env }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /long\.yaml:5:\d+ letters\[0\]\.body the letter needs 2 pages; a cover letter fits on one\. Shorten its body \(\d+ words now\)/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("every mistake in a letter is located, all in one report", async () => {
    const bad = writeFixture(
      dir,
      "bad.yaml",
      `basics:\n  name: Jane Doe\nletters:\n  - id: acme\n    subjet: Hello\n    body: ""\n  - id: acme\n    variant: backnd\n    body: [Hi]\n  - id: Not An Id\n    body: Hi\n`,
    );
    const found = await problems(() => buildLetter(bad, { letter: "acme", outDir: dir, env }));
    expect(found.join("\n")).toMatch(/bad\.yaml:5:5 letters\[0\]\.subjet unknown key; did you mean "subject"\?/);
    expect(found.join("\n")).toMatch(/bad\.yaml:6:11 letters\[0\]\.body is missing; this field is required/);
    expect(found.join("\n")).toMatch(/bad\.yaml:7:\d+ letters\[1\]\.id the letter id "acme" is already taken/);
    expect(found.join("\n")).toMatch(
      /bad\.yaml:8:\d+ letters\[1\]\.variant no variant "backnd": the résumé defines no variants/,
    );
    expect(found.join("\n")).toMatch(
      /bad\.yaml:10:\d+ letters\[2\]\.id a letter id is lower-case letters, digits and dashes/,
    );

    const unknown = await problems(() => buildLetter(resumeFile, { letter: "acmee", outDir: dir, env }));
    expect(unknown).toEqual([
      expect.stringMatching(/resume\.yaml:\d+:\d+ --letter no letter "acmee"; did you mean "acme"\?/),
    ]);

    const orphan = writeFixture(dir, "orphan-letter.yaml", "resume: nowhere.yaml\nbody: Hi\ngreting: Hello\n");
    const o = await problems(() => buildLetter(orphan, { outDir: dir, env }));
    expect(o).toEqual([
      expect.stringMatching(/orphan-letter\.yaml:3:1 greting unknown key; did you mean "greeting"\?/),
    ]);
    writeFileSync(orphan, "resume: nowhere.yaml\nbody: Hi\n");
    expect(await problems(() => buildLetter(orphan, { outDir: dir, env }))).toEqual([
      expect.stringMatching(/orphan-letter\.yaml:1:9 resume names nowhere\.yaml, which does not exist/),
    ]);

    const cli = await run(["build", resumeFile, "--letter", "nope"], { env, cwd: dir });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/no letter "nope"; the letters are: acme, globex/);
    expect(cli.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("the letter's variant must exist, and its header is that variant's résumé", async () => {
    const r = await buildLetter(resumeFile, { letter: "acme", outDir: path.join(dir, "variant"), env });
    expect(r.inputs).toContain(resumeFile);
    const bad = writeFixture(dir, "badvariant.yaml", RESUME.replace("variant: backend", "variant: backed"));
    expect((await problems(() => buildLetter(bad, { letter: "acme", outDir: dir, env }))).join("\n")).toMatch(
      /letters\[0\]\.variant no variant "backed"; did you mean "backend"\?/,
    );
  });
});
